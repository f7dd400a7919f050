package vn.khcn.workflow.dispatch;

import java.time.LocalDate;

/** Validated metadata of a document to register (Decree 30/2020, Appendix VI). */
record Registration(
    String issuer,
    String documentNumber,
    LocalDate issuedOn,
    String documentType,
    String summary,
    String signer,
    Integer pageCount,
    Urgency urgency,
    Classification classification,
    LocalDate receivedOn,
    String recipients,
    String notes) {}
