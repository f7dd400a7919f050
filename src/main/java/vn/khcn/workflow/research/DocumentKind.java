package vn.khcn.workflow.research;

/** Kinds of files in a research task's dossier. */
enum DocumentKind {
  OUTLINE("Thuyết minh"),
  SUPPLEMENT("Hồ sơ bổ sung"),
  REVISED_OUTLINE("Thuyết minh đã chỉnh sửa"),
  RESPONSE_NOTE("Báo cáo giải trình"),
  CONTRACT("Hợp đồng"),
  PROGRESS_REPORT("Báo cáo tiến độ"),
  MIDTERM_REPORT("Báo cáo giữa kỳ"),
  FINAL_DOSSIER("Hồ sơ nghiệm thu"),
  MINUTES("Biên bản"),
  OTHER("Tài liệu khác");

  private final String label;

  DocumentKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
