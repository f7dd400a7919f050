package vn.khcn.workflow.research;

/** Reports an investigator submits during implementation. */
enum ReportKind {
  PROGRESS("Báo cáo định kỳ"),
  MIDTERM("Báo cáo giữa kỳ");

  private final String label;

  ReportKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
