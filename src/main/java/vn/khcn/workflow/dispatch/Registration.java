package vn.khcn.workflow.dispatch;

import java.time.LocalDate;

/** Validated metadata of a document to register (Decree 30/2020, Appendix VI). */
record Registration(
    String issuer,
    String documentNumber,
    LocalDate issuedOn,
    String documentType,
    String summary,
    String signerPosition,
    String signerName,
    Integer pageCount,
    Urgency urgency,
    Classification classification,
    LocalDate receivedOn,
    String recipients,
    String notes,
    String language,
    LocalDate documentDueDate) {

  /** The language of a document unless the clerk enters another (Appendix VI). */
  static final String VIETNAMESE = "Tiếng Việt";

  Registration {
    if (language == null || language.isBlank()) {
      language = VIETNAMESE;
    }
  }
}
