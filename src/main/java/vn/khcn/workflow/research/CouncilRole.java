package vn.khcn.workflow.research;

/** Roles in a council (TT 20/2023, TT 11/2014). */
enum CouncilRole {
  CHAIR("Chủ tịch"),
  VICE_CHAIR("Phó Chủ tịch"),
  SECRETARY("Thư ký khoa học"),
  REVIEWER("Ủy viên phản biện"),
  MEMBER("Ủy viên");

  private final String label;

  CouncilRole(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
