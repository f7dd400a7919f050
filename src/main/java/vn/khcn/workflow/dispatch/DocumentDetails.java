package vn.khcn.workflow.dispatch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** GET /api/incoming-documents/{id}: metadata, status, assignments, attachments and trail. */
record DocumentDetails(
    Long id,
    String businessKey,
    int incomingNumber,
    int year,
    String issuer,
    String documentNumber,
    LocalDate issuedOn,
    String documentType,
    String summary,
    String signerPosition,
    String signerName,
    Integer pageCount,
    String language,
    LocalDate documentDueDate,
    Urgency urgency,
    Classification classification,
    LocalDate receivedOn,
    String recipients,
    String notes,
    DocumentStatus status,
    String statusLabel,
    Instant directionDueDate,
    String direction,
    String directionBy,
    Instant directionAt,
    Boolean infoOnly,
    Instant dueDate,
    boolean overdue,
    String report,
    String processInstanceId,
    String registeredBy,
    Instant registeredAt,
    Instant archivedAt,
    Long replacesId,
    Long replacedById,
    List<AssignmentView> assignments,
    List<AttachmentView> attachments,
    List<TrailView> trail) {

  /**
   * A unit's duty; when the unit head named a handler (the slip's part 2), the handler, the
   * internal deadline and note; the handler's proposal and the head's review (part 3).
   */
  public record AssignmentView(String unit, String unitName, AssignmentRole role, Instant dueDate,
      boolean overdue, Instant completedAt, String completedBy, String result, String replyNumber,
      LocalDate replyDate, Instant remindedAt, Instant escalatedAt, String handler,
      String handlerName, Instant handlerDueDate, String handlerNote, String proposal,
      Boolean proposalApproved, String proposalComment) {}

  /** {@code signatures}: the PAdES checks kept when the file was stored (empty: unsigned). */
  public record AttachmentView(Long id, String fileName, String contentType, long size,
      String sha256, String unit, String uploadedBy, Instant uploadedAt, String downloadUrl,
      List<vn.khcn.workflow.signature.SignatureCheck> signatures) {}

  /**
   * One trail entry; {@code relatedDocumentId} links the other document of a replacement,
   * {@code changes} are a correction's fields old → new.
   */
  public record TrailView(Instant at, String actor, String actorName, TrailAction action,
      String actionLabel, String unit, String comment, Long relatedDocumentId,
      List<ChangeView> changes) {}

  /** A corrected field: its name, the Vietnamese label, old → new as a person reads them. */
  public record ChangeView(String field, String label, String oldValue, String newValue) {}
}
