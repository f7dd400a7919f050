package vn.khcn.workflow.dispatch;

/**
 * Published, inside the registering transaction, when an incoming document has been registered
 * and its dispatch instance started: {@code electronic} when it came from an edXML package
 * (ElectronicRegistry), false for paper and scans.
 */
public record IncomingRegistered(long documentId, String processInstanceId, boolean electronic) {}
