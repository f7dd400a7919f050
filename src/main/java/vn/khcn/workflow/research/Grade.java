package vn.khcn.workflow.research;

/** Acceptance grades (TT 11/2014): the values of decision acceptance-grade and of members' votes. */
enum Grade {
  XUAT_SAC("Xuất sắc"),
  DAT("Đạt"),
  KHONG_DAT("Không đạt");

  private final String label;

  Grade(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
