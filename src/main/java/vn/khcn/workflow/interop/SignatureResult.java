package vn.khcn.workflow.interop;

/** The check of a package's XML digital signature, as the clerk reads it. */
enum SignatureResult {
  VALID("Chữ ký số hợp lệ"),
  INVALID("Chữ ký số không hợp lệ"),
  NOT_SIGNED("Không có chữ ký số"),
  UNCHECKABLE("Không kiểm tra được chữ ký số");

  private final String label;

  SignatureResult(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }
}
