package vn.khcn.workflow.dispatch;

/** The answer to a registration: where the document is and the number it received. */
public record RegisteredDocument(Long id, int incomingNumber, int year, String businessKey,
    String processInstanceId) {}
