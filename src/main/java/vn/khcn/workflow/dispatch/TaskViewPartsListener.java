package vn.khcn.workflow.dispatch;

import jakarta.persistence.PrePersist;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Tells {@link TaskViewParts} that a document's attachments, trail or direction items got a row
 * in this transaction, so the next task view of the document reads them again. Made by Hibernate
 * through Spring's bean container; the parts are looked up when a row is added, not when the
 * persistence unit starts.
 */
class TaskViewPartsListener {

  private final ObjectProvider<TaskViewParts> parts;

  TaskViewPartsListener(ObjectProvider<TaskViewParts> parts) {
    this.parts = parts;
  }

  @PrePersist
  void added(Object entity) {
    Long document = entity instanceof TrailEntry entry ? entry.getDocumentId()
        : entity instanceof Attachment attachment ? attachment.getDocumentId()
        : entity instanceof DirectionItem item ? item.getDocumentId() : null;
    if (document != null) {
      parts.getObject().changed(document);
    }
  }
}
