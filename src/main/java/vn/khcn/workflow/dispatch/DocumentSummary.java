package vn.khcn.workflow.dispatch;

import java.time.Instant;
import java.time.LocalDate;

/** One row of the document list. */
record DocumentSummary(Long id, String businessKey, int incomingNumber, int year,
    String issuer, String documentNumber, LocalDate issuedOn, String documentType, String summary,
    Urgency urgency, Classification classification, LocalDate receivedOn, DocumentStatus status,
    Instant dueDate, boolean overdue, String signerPosition, String signerName, Integer pageCount,
    String language, LocalDate documentDueDate) {}
