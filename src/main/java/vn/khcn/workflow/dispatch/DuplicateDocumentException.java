package vn.khcn.workflow.dispatch;

/** The same issuer, number and symbol and issue date was registered before. */
class DuplicateDocumentException extends RuntimeException {

  private final transient IncomingDocument existing;

  DuplicateDocumentException(IncomingDocument existing) {
    super("Văn bản này đã được đăng ký: số đến " + existing.getBusinessKey() + " (văn bản "
        + existing.getDocumentNumber() + " ngày " + DocumentFormats.date(existing.getIssuedOn())
        + " của " + existing.getIssuer() + "). Nếu đây là văn bản gửi lại, hãy đăng ký lại với"
        + " registerDuplicate = true.");
    this.existing = existing;
  }

  public Long existingId() {
    return existing.getId();
  }

  public String existingBusinessKey() {
    return existing.getBusinessKey();
  }
}
