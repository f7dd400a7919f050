package vn.khcn.workflow.dispatch;

/**
 * One found document as the search page and its exports show it: dates as dd/MM/yyyy, labels in
 * Vietnamese. {@code due} is the handling due date, or the direction due date while the document
 * waits for a direction.
 */
public record DocumentRow(long id, String businessKey, String receivedOn, String issuer,
    String documentNumber, String issuedOn, String documentType, String summary, String urgency,
    boolean urgent, String classification, boolean classified, String status, String due,
    boolean overdue, String signerPosition, String signerName, String pageCount, String language,
    String documentDueDate) {}
