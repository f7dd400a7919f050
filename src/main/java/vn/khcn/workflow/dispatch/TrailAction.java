package vn.khcn.workflow.dispatch;

/** One step in a document's trail, with the label a person reads. */
enum TrailAction {
  REGISTERED("Đăng ký văn bản đến"),
  PRESENTED("Trình lãnh đạo"),
  DIRECTION_GIVEN("Cho ý kiến chỉ đạo"),
  INFORMED("Gửi để biết"),
  ATTACHMENT_ADDED("Thêm tệp đính kèm"),
  HANDLER_ASSIGNED("Phân công người xử lý"),
  HANDLER_REASSIGNED("Giao lại người xử lý"),
  PROPOSAL_SUBMITTED("Người xử lý đề xuất"),
  PROPOSAL_APPROVED("Lãnh đạo đơn vị duyệt đề xuất"),
  PROPOSAL_RETURNED("Lãnh đạo đơn vị trả lại đề xuất"),
  UNIT_RESULT("Đơn vị báo cáo kết quả"),
  REPORT_SUBMITTED("Trình báo cáo tổng hợp"),
  RETURNED("Trả lại để hoàn thiện"),
  APPROVED("Duyệt kết quả"),
  REMINDER("Nhắc hạn xử lý"),
  ESCALATED("Quá hạn, báo lãnh đạo"),
  ARCHIVED("Lưu hồ sơ"),
  INTERVENED("Quản trị viên can thiệp"),
  IMPORTED("Nhập từ sổ cũ"),
  CORRECTED("Sửa thông tin văn bản"),
  RECALLED("Thu hồi văn bản"),
  REPLACED("Được thay thế bởi văn bản khác"),
  REPLACES("Thay thế văn bản đã đăng ký");

  private final String label;

  TrailAction(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
