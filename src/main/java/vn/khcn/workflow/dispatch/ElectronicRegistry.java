package vn.khcn.workflow.dispatch;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.identity.Actor;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.shared.web.ConflictException;
import vn.khcn.workflow.shared.web.NotFoundException;

/**
 * What the interconnection axis (package {@code interop}, issue 16) may do with incoming
 * documents: register one from a checked edXML package with its files, read how far its handling
 * has come (for the status messages back to the sender), note the axis's events in its trail and
 * recall it when the sender's recall is accepted. Registration, numbering, duplicates and recall
 * are the registry's own (RegistrationService, DocumentWithdrawal).
 */
@Service
public class ElectronicRegistry {

  /** A file of the package, attached to the document at registration. */
  public record ElectronicFile(String name, byte[] content) {}

  /** How far a document has come, as the axis reports it (statuses 04, 05, 06). */
  public record Milestones(boolean directed, boolean unitReported, boolean archived,
      boolean withdrawn) {}

  /** The axis's events a document's trail records. */
  public enum Note {
    STATUS_SENT(TrailAction.STATUS_SENT),
    RECALL_REQUESTED(TrailAction.RECALL_REQUESTED),
    RECALL_REFUSED(TrailAction.RECALL_REFUSED);

    private final TrailAction action;

    Note(TrailAction action) {
      this.action = action;
    }
  }

  private final RegistrationService registration;
  private final AttachmentService attachments;
  private final DocumentWithdrawal withdrawal;
  private final IncomingDocumentRepository documents;
  private final TrailRepository trail;
  private final Clock clock;

  ElectronicRegistry(RegistrationService registration, AttachmentService attachments,
      DocumentWithdrawal withdrawal, IncomingDocumentRepository documents, TrailRepository trail,
      Clock clock) {
    this.registration = registration;
    this.attachments = attachments;
    this.withdrawal = withdrawal;
    this.documents = documents;
    this.trail = trail;
    this.clock = clock;
  }

  /**
   * Registers the document the clerk checked, exactly as POST /api/incoming-documents does (same
   * validation, duplicate 409, numbering), then notes where it came from and attaches the
   * package's files, all in the caller's transaction.
   */
  @Transactional
  public RegisteredDocument register(RegistrationRequest request, boolean registerDuplicate,
      List<ElectronicFile> files, String receipt, Actor actor) {
    Registration valid = request.validate(LocalDate.now(clock));
    RegisteredDocument registered;
    try {
      registered = registration.registerElectronic(valid,
          registerDuplicate || Boolean.TRUE.equals(request.registerDuplicate()),
          request.replacesId(), actor);
    } catch (DuplicateDocumentException duplicate) {
      throw new ConflictException(duplicate.getMessage(), Map.of(
          "existingId", duplicate.existingId(),
          "existingBusinessKey", duplicate.existingBusinessKey()));
    }
    trail.save(new TrailEntry(registered.id(), clock.instant(), actor,
        TrailAction.RECEIVED_ELECTRONICALLY, null, null, receipt));
    Viewer registry = new Viewer(actor.userId(), Set.of(Groups.VAN_THU));
    for (ElectronicFile file : files) {
      attachments.add(registered.id(), file.name(), file.content(), actor, registry);
    }
    return registered;
  }

  @Transactional(readOnly = true)
  public Milestones milestones(long documentId) {
    IncomingDocument document = document(documentId);
    Set<TrailAction> done = new java.util.HashSet<>();
    trail.findByDocumentIdOrderByOccurredAtAscIdAsc(documentId)
        .forEach(entry -> done.add(entry.getAction()));
    return new Milestones(done.contains(TrailAction.DIRECTION_GIVEN),
        done.contains(TrailAction.UNIT_RESULT), done.contains(TrailAction.ARCHIVED),
        document.isWithdrawn());
  }

  /** The choices the registration form's fragments (document-new.html) need. */
  public Map<String, Object> formChoices() {
    return Map.of("urgencies", Urgency.values(), "classifications", Classification.values(),
        "today", LocalDate.now(clock).toString());
  }

  /** The document's incoming number ("114/2026"), for the clerk's pages. */
  @Transactional(readOnly = true)
  public String businessKey(long documentId) {
    return document(documentId).getBusinessKey();
  }

  @Transactional
  public void note(long documentId, Note note, String comment, Actor actor) {
    trail.save(new TrailEntry(documentId, clock.instant(), actor, note.action, null, null,
        comment));
  }

  /** The sender's recall, accepted by the clerk: the registry's recall (ADR 0015). */
  @Transactional
  public void recall(long documentId, String reason, Actor actor) {
    withdrawal.recall(documentId, reason, actor);
  }

  private IncomingDocument document(long id) {
    return documents.findById(id)
        .orElseThrow(() -> new NotFoundException("Không tìm thấy văn bản đến " + id));
  }
}
