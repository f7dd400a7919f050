package vn.khcn.workflow.dispatch;

import vn.khcn.workflow.identity.Actor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.signature.AttachmentSignatures;
import vn.khcn.workflow.signature.SignatureCheck;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.FileTypes;
import vn.khcn.workflow.shared.web.UploadedFiles;
import vn.khcn.workflow.shared.web.FileTypes.FileType;
import vn.khcn.workflow.shared.web.InvalidInputException;
import vn.khcn.workflow.shared.web.NotFoundException;

/** Files attached to incoming documents: checked by content, stored in the database. */
@Service
public class AttachmentService {

  static final int MAX_FILE_NAME = UploadedFiles.MAX_FILE_NAME;

  private final DocumentQueries queries;
  private final AttachmentRepository attachments;
  private final AttachmentTextRepository texts;
  private final AssignmentRepository assignments;
  private final TrailRepository trail;
  private final AttachmentSignatures signatures;
  private final Clock clock;

  AttachmentService(DocumentQueries queries, AttachmentRepository attachments,
      AttachmentTextRepository texts, AssignmentRepository assignments, TrailRepository trail,
      AttachmentSignatures signatures, Clock clock) {
    this.queries = queries;
    this.attachments = attachments;
    this.texts = texts;
    this.assignments = assignments;
    this.trail = trail;
    this.signatures = signatures;
    this.clock = clock;
  }

  /**
   * Adds a file. The registry and the directors may always add one; a unit member only while the
   * unit handles the document (the file is then marked with the unit).
   */
  @Transactional
  public Attachment add(long documentId, String originalName, byte[] content, Actor actor,
      Viewer viewer) {
    IncomingDocument document = queries.visibleDocument(documentId, viewer);
    String unit = uploaderUnit(document, viewer);
    List<FieldError> problems = new ArrayList<>();
    String fileName = safeFileName(originalName, problems);
    FileType type = UploadedFiles.contentType(fileName, content, problems);
    if (document.getStatus() == DocumentStatus.ARCHIVED || document.isWithdrawn()) {
      // "văn bản đã lưu hồ sơ / đã thu hồi / đã được thay thế, không thêm tệp được"
      problems.add(new FieldError("documentId", "văn bản "
          + document.getStatus().label().toLowerCase(java.util.Locale.ROOT)
          + ", không thêm tệp được"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    Attachment attachment = attachments.save(new Attachment(documentId, fileName,
        type.contentType(), content, sha256(content), unit, actor.userId(), clock.instant()));
    texts.save(AttachmentText.of(attachment)); // searched with the document (no OCR: README)
    trail.save(new TrailEntry(documentId, clock.instant(), actor, TrailAction.ATTACHMENT_ADDED,
        unit, null, fileName));
    // signed PDFs (issue 16, ADR 0018): each signature's result kept and written to the trail
    for (SignatureCheck check : signatures.verifyAndKeep(attachment.getId(), documentId, content)) {
      trail.save(new TrailEntry(documentId, clock.instant(), actor, TrailAction.SIGNATURE_CHECKED,
          unit, null, fileName + ": " + check.summary()));
    }
    return attachment;
  }

  /** The signature checks kept for a stored attachment (empty: unsigned or not a PDF). */
  public List<SignatureCheck> signaturesOf(long attachmentId) {
    return signatures.of(List.of(attachmentId)).getOrDefault(attachmentId, List.of());
  }

  @Transactional(readOnly = true)
  public Attachment download(long documentId, long attachmentId, Viewer viewer) {
    queries.visibleDocument(documentId, viewer);
    Attachment attachment = attachments.findByIdAndDocumentId(attachmentId, documentId)
        .orElseThrow(() -> new NotFoundException("Không tìm thấy tệp đính kèm " + attachmentId));
    attachment.getContent(); // load the content inside the transaction
    return attachment;
  }

  private String uploaderUnit(IncomingDocument document, Viewer viewer) {
    if (viewer.groups().contains(Groups.VAN_THU) || viewer.groups().contains(Groups.LANH_DAO)) {
      return null;
    }
    return assignments.findByDocumentIdOrderByIdAsc(document.getId()).stream()
        .filter(a -> a.getRole() != AssignmentRole.INFORMED)
        .map(Assignment::getUnitId).filter(viewer.groups()::contains).findFirst()
        .orElseThrow(() -> new org.springframework.security.access.AccessDeniedException(
            "Chỉ văn thư, lãnh đạo hoặc đơn vị được giao xử lý mới thêm tệp vào văn bản này"));
  }

  static String safeFileName(String original, List<FieldError> problems) {
    return UploadedFiles.safeFileName(original, problems);
  }

  private static String sha256(byte[] content) {
    return UploadedFiles.sha256(content);
  }
}
