package vn.khcn.workflow.dispatch;

/** Where an incoming document stands. */
enum DocumentStatus {
  REGISTERED("Đã đăng ký"),
  AWAITING_DIRECTION("Chờ ý kiến chỉ đạo"),
  IN_PROGRESS("Đang xử lý"),
  AWAITING_APPROVAL("Chờ duyệt kết quả"),
  ARCHIVED("Đã lưu hồ sơ");

  private final String label;

  DocumentStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
