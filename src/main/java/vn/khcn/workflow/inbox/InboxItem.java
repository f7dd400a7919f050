package vn.khcn.workflow.inbox;

import java.time.Instant;

/** One thing waiting for a director. */
public record InboxItem(
    String taskId,
    String taskName,
    String taskDefinitionKey,
    String processKey,
    String businessKey,
    String title,
    String urgency,
    String urgencyLabel,
    Instant dueDate,
    boolean overdue,
    Instant created,
    String assignee,
    Long documentId) {}
