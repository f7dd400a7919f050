package vn.khcn.workflow.dispatch;

/** One step in a document's trail, with the label a person reads. */
enum TrailAction {
  REGISTERED("Đăng ký văn bản đến"),
  PRESENTED("Trình lãnh đạo"),
  DIRECTION_GIVEN("Cho ý kiến chỉ đạo"),
  INFORMED("Gửi để biết"),
  ATTACHMENT_ADDED("Thêm tệp đính kèm"),
  SIGNATURE_CHECKED("Kiểm tra chữ ký số"),
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
  REPLACES("Thay thế văn bản đã đăng ký"),
  RECEIVED_ELECTRONICALLY("Nhận văn bản điện tử qua trục liên thông"),
  STATUS_SENT("Gửi trạng thái cho cơ quan gửi"),
  RECALL_REQUESTED("Cơ quan gửi đề nghị thu hồi"),
  RECALL_REFUSED("Từ chối đề nghị thu hồi"),
  SEEN("Đơn vị để biết đã xem"),
  /** A lead unit's periodic report on a direction item (issue 17). */
  ITEM_REPORT("Báo cáo định kỳ"),
  /** The handling is done but periodic reports remain: the document stays open for them. */
  FOLLOWING_REPORTS("Theo dõi báo cáo định kỳ"),
  /** An outgoing document answering this one was issued (issue 19, ADR 0027). */
  REPLY_ISSUED("Phát hành văn bản trả lời"),
  /** That reply was recalled or replaced: it no longer answers this document (ADR 0033). */
  REPLY_WITHDRAWN("Văn bản trả lời bị thu hồi, thay thế");

  private final String label;

  TrailAction(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
