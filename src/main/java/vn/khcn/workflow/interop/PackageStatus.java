package vn.khcn.workflow.interop;

/** What became of a received package (Decree 30/2020 Art. 21: check, then register or refuse). */
enum PackageStatus {
  RECEIVED("Chờ kiểm tra"),
  REFUSED("Đã từ chối"),
  REGISTERED("Đã đăng ký"),
  RECALLED("Đã thu hồi theo đề nghị của nơi gửi");

  private final String label;

  PackageStatus(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }
}
