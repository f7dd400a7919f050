package vn.khcn.workflow.signature;

/** The verdict on one signature, with the words a person reads (README "Chữ ký số"). */
public enum SignatureStatus {
  /** Intact, the signer's certificate valid when signing and chained to a trusted CA. */
  VALID("Chữ ký số hợp lệ"),
  /** Broken: the document changed after signing, or the certificate expired, revoked, unfit. */
  INVALID("Chữ ký số không hợp lệ"),
  /** Intact but not verifiable to the end, e.g. a CA that is not in the trust store. */
  UNKNOWN("Không kiểm tra được chữ ký số");

  private final String label;

  SignatureStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
