package vn.khcn.workflow.dispatch;

/** Where an incoming document stands. */
enum DocumentStatus {
  REGISTERED("Đã đăng ký"),
  AWAITING_DIRECTION("Chờ ý kiến chỉ đạo"),
  IN_PROGRESS("Đang xử lý"),
  AWAITING_APPROVAL("Chờ duyệt kết quả"),
  /** The handling is approved; periodic reports of its items remain (issue 17, ADR 0020). */
  FOLLOWING_REPORTS("Đang theo dõi báo cáo định kỳ"),
  ARCHIVED("Đã lưu hồ sơ"),
  /** The issuer withdrew it; its open work was ended (issue 14). */
  RECALLED("Đã thu hồi"),
  /** A later registration replaces it; its open work was closed in favour of that one. */
  REPLACED("Đã được thay thế");

  private final String label;

  DocumentStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
