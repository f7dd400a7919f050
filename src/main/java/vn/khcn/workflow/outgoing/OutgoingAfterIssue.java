package vn.khcn.workflow.outgoing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.identity.Actor;
import vn.khcn.workflow.outgoing.OutgoingDocument.Relation;
import vn.khcn.workflow.shared.text.TypedText;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.ConflictException;
import vn.khcn.workflow.shared.web.InvalidInputException;

/**
 * After issue (Decree 30/2020 Art. 18.3-18.4, ADR 0027): an error in an issued document is put
 * right by a replacement (a new draft that, once issued, marks the original replaced) or a
 * correction letter (a new draft linked to it); a document is recalled by the registry or a
 * director with a reason, its recipients told by the channels it reached them through.
 */
@Service
class OutgoingAfterIssue {

  static final String CORRECTION_TYPE = "Công văn";
  static final int MAX_REASON = 2000;

  private final OutgoingDocumentRepository documents;
  private final OutgoingTrailRepository trail;
  private final OutgoingQueries queries;
  private final OutgoingProperties properties;
  private final OutgoingSending sending;
  private final OutgoingWorkflow workflow;
  private final OutgoingIssued issued;
  private final Clock clock;

  OutgoingAfterIssue(OutgoingDocumentRepository documents, OutgoingTrailRepository trail,
      OutgoingQueries queries, OutgoingProperties properties, OutgoingSending sending,
      OutgoingWorkflow workflow, OutgoingIssued issued, Clock clock) {
    this.issued = issued;
    this.workflow = workflow;
    this.documents = documents;
    this.trail = trail;
    this.queries = queries;
    this.properties = properties;
    this.sending = sending;
    this.clock = clock;
  }

  /** A new draft replacing the issued document, by a member of its drafting unit. */
  @Transactional
  OutgoingDocument replacement(long id, Actor drafter, Reader reader) {
    OutgoingDocument original = followable(id, reader);
    documents.findByRelatedIdOrderByIdAsc(id).stream()
        .filter(d -> d.getRelation() == Relation.REPLACES)
        .filter(d -> d.getStatus() != OutgoingStatus.ISSUED)
        .findFirst().ifPresent(d -> {
          throw conflict(original, "Đã có văn bản thay thế (dự thảo số " + d.getId() + ")");
        });
    Draft draft = new Draft(original.getDocumentType(), original.getSummary(),
        original.getRecipients(), original.getCopyTo(), original.getProposedSigner(),
        original.getUrgency(), original.getClassification(), original.getReplyToId(),
        original.getAddresses(), original.getReplyToItemId());
    return followUp(original, draft, Relation.REPLACES, drafter, reader,
        OutgoingTrailEntry.Action.REPLACEMENT_DRAFTED, "Thay thế văn bản số ");
  }

  /** A new draft of a correction letter (công văn đính chính) for the issued document. */
  @Transactional
  OutgoingDocument correctionLetter(long id, Actor drafter, Reader reader) {
    OutgoingDocument original = followable(id, reader);
    String type = properties.type(CORRECTION_TYPE).isPresent() ? CORRECTION_TYPE
        : properties.typeNames().get(0);
    String summary = "Về việc đính chính " + original.getDocumentType().toLowerCase()
        + " số " + original.getNumberSymbol() + " ngày "
        + OutgoingQueries.DATE.format(original.getIssuedOn());
    Draft draft = new Draft(type, summary, original.getRecipients(), original.getCopyTo(),
        original.getProposedSigner(), original.getUrgency(), original.getClassification(),
        null, original.getAddresses());
    return followUp(original, draft, Relation.CORRECTS, drafter, reader,
        OutgoingTrailEntry.Action.CORRECTION_DRAFTED, "Đính chính văn bản số ");
  }

  /** The registry or a director recalls an issued document, with the reason. */
  @Transactional
  OutgoingDocument recall(long id, String reason, Actor actor, Reader reader) {
    if (!reader.isRegistry() && !reader.isDirector()) {
      throw new AccessDeniedException("Chỉ Văn thư hoặc Lãnh đạo Sở thu hồi văn bản đi");
    }
    OutgoingDocument document = documents.findForUpdate(id)
        .orElseThrow(() -> OutgoingQueries.notFound(id));
    queries.checkRead(document, reader);
    String text = reason(reason);
    requireIssued(document);
    Instant now = clock.instant();
    document.recall(actor.userId(), text, now);
    documents.saveAndFlush(document);
    trail.save(new OutgoingTrailEntry(id, now, actor, OutgoingTrailEntry.Action.RECALLED, text));
    sending.recallNotices(document);
    issued.recalled(document, actor); // Art. 18.4: no longer the answer of what it replied to
    return document;
  }

  private OutgoingDocument followable(long id, Reader reader) {
    OutgoingDocument original = documents.findForUpdate(id)
        .orElseThrow(() -> OutgoingQueries.notFound(id));
    queries.checkRead(original, reader);
    if (reader.unit().isEmpty() || !(original.getDrafter().equals(reader.userId())
        || reader.groups().contains(original.getUnitId()))) {
      throw new AccessDeniedException("Chỉ đơn vị soạn thảo văn bản soạn văn bản thay thế,"
          + " đính chính");
    }
    requireIssued(original);
    return original;
  }

  private OutgoingDocument followUp(OutgoingDocument original, Draft draft, Relation relation,
      Actor drafter, Reader reader, OutgoingTrailEntry.Action action, String note) {
    Instant now = clock.instant();
    String unit = reader.unit().orElseThrow();
    OutgoingDocument created = documents.save(new OutgoingDocument(draft, relation,
        original.getId(), drafter, unit, now));
    trail.save(new OutgoingTrailEntry(created.getId(), now, drafter,
        OutgoingTrailEntry.Action.DRAFTED, note + original.getNumberSymbol()));
    trail.save(new OutgoingTrailEntry(original.getId(), now, drafter, action,
        "Dự thảo số " + created.getId()));
    workflow.start(created); // checked and signed like any draft (ADR 0026)
    return created;
  }

  private static String reason(String value) {
    List<FieldError> problems = new ArrayList<>();
    String text = TypedText.normalize(value);
    if (text == null || text.isEmpty()) {
      problems.add(new FieldError("reason", "lý do thu hồi là bắt buộc"));
    } else if (TypedText.problem(text).isPresent()) {
      problems.add(new FieldError("reason", "lý do thu hồi " + TypedText.problem(text).get()));
    } else if (text.length() > MAX_REASON) {
      problems.add(new FieldError("reason", "lý do thu hồi dài quá " + MAX_REASON + " ký tự"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return text;
  }

  private static void requireIssued(OutgoingDocument document) {
    if (document.getStatus() != OutgoingStatus.ISSUED) {
      throw conflict(document, "Văn bản chưa được ban hành");
    }
    if (document.getRecalledAt() != null) {
      throw conflict(document, "Văn bản đã bị thu hồi");
    }
    if (document.getReplacedById() != null) {
      throw conflict(document, "Văn bản đã được thay thế");
    }
  }

  private static ConflictException conflict(OutgoingDocument document, String message) {
    return new ConflictException(message, Map.of("status", document.getStatus().name()));
  }
}
