package vn.khcn.workflow.dispatch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.khcn.workflow.shared.text.DocumentText;
import vn.khcn.workflow.shared.text.SearchText;

/**
 * The folded text of one attachment (V11), searched together with its document's own search
 * text. Read without OCR: PDF text layers, DOCX, XLSX; pictures and scans give an empty text.
 */
@Entity
@Table(name = "attachment_text")
class AttachmentText {

  /** The column's length: a longer text is cut (the search still finds the first million characters). */
  static final int MAX_LENGTH = 1_000_000;

  @Id
  @Column(name = "attachment_id")
  private Long attachmentId;

  @Column(name = "document_id", nullable = false)
  private Long documentId;

  @Column(name = "search_text", nullable = false)
  private String searchText;

  protected AttachmentText() {}

  AttachmentText(Long attachmentId, Long documentId, String searchText) {
    this.attachmentId = attachmentId;
    this.documentId = documentId;
    this.searchText = searchText;
  }

  /** Reads the file's text (best effort, never failing the upload) and folds it for search. */
  static AttachmentText of(Attachment attachment) {
    String text;
    try {
      text = DocumentText.withoutOcr(attachment.getContentType(), attachment.getContent());
    } catch (RuntimeException e) {
      text = "";
    }
    String folded = SearchText.fold(text);
    if (folded.length() > MAX_LENGTH) {
      folded = folded.substring(0, MAX_LENGTH);
    }
    return new AttachmentText(attachment.getId(), attachment.getDocumentId(), folded);
  }

  Long getAttachmentId() { return attachmentId; }
  Long getDocumentId() { return documentId; }
  String getSearchText() { return searchText; }
}
