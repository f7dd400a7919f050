package vn.khcn.workflow.dispatch;

/** A unit's part in handling a document: chủ trì, phối hợp, để biết. */
enum AssignmentRole {
  LEAD("Chủ trì"),
  COORDINATING("Phối hợp"),
  INFORMED("Để biết");

  private final String label;

  AssignmentRole(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
