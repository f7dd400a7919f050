package vn.khcn.workflow.outgoing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.dispatch.ReplyTargets;
import vn.khcn.workflow.identity.Actor;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.ConflictException;
import vn.khcn.workflow.shared.web.FileTypes.FileType;
import vn.khcn.workflow.shared.web.InvalidInputException;
import vn.khcn.workflow.shared.web.UploadedFiles;

/** Drafting: a new draft of the person signed in, and each new version of its body. */
@Service
class OutgoingDrafts {

  private final OutgoingDocumentRepository documents;
  private final BodyVersionRepository versions;
  private final OutgoingTrailRepository trail;
  private final OutgoingProperties properties;
  private final OutgoingQueries queries;
  private final ReplyTargets replyTargets;
  private final Clock clock;
  private final OutgoingWorkflow workflow;

  OutgoingDrafts(OutgoingDocumentRepository documents, BodyVersionRepository versions,
      OutgoingTrailRepository trail, OutgoingProperties properties, OutgoingQueries queries,
      ReplyTargets replyTargets, Clock clock, OutgoingWorkflow workflow) {
    this.workflow = workflow;
    this.documents = documents;
    this.versions = versions;
    this.trail = trail;
    this.properties = properties;
    this.queries = queries;
    this.replyTargets = replyTargets;
    this.clock = clock;
  }

  /** A new draft by the person signed in, in his unit; its outgoing-document process starts. */
  @Transactional
  OutgoingDocument create(DraftRequest request, Actor drafter, Reader reader) {
    String unit = reader.unit().orElseThrow(() -> new AccessDeniedException(
        "Chỉ chuyên viên của các phòng, Văn phòng soạn thảo văn bản đi"));
    Draft draft = request.validate(properties.typeNames());
    if (draft.replyTo() != null
        && replyTargets.visible(draft.replyTo(), reader.userId(), reader.groups()).isEmpty()) {
      throw new InvalidInputException(List.of(new FieldError("replyTo",
          "không có văn bản đến số " + draft.replyTo() + " mà bạn được xem")));
    }
    if (draft.replyToItem() != null
        && replyTargets.itemOf(draft.replyTo(), draft.replyToItem(), unit).isEmpty()) {
      throw new InvalidInputException(List.of(new FieldError("replyToItem",
          "mục chỉ đạo số " + draft.replyToItem() + " không thuộc văn bản đến này hoặc không"
              + " giao cho đơn vị của bạn")));
    }
    Instant now = clock.instant();
    OutgoingDocument document = documents.save(new OutgoingDocument(draft, drafter, unit, now));
    trail.save(new OutgoingTrailEntry(document.getId(), now, drafter,
        OutgoingTrailEntry.Action.DRAFTED, draft.summary()));
    workflow.start(document); // the model (ADR 0026), in the same transaction
    return document;
  }

  /** A new version of the body (DOCX or PDF): only by the drafter, only while a draft. */
  @Transactional
  BodyVersion addVersion(long id, String originalName, byte[] content, String note,
      Actor uploader, Reader reader) {
    OutgoingDocument document = documents.findForUpdate(id)
        .orElseThrow(() -> OutgoingQueries.notFound(id));
    queries.checkRead(document, reader);
    if (!document.getDrafter().equals(reader.userId())) {
      throw new AccessDeniedException("Chỉ người soạn thảo tải lên bản dự thảo mới");
    }
    if (document.getStatus() != OutgoingStatus.DRAFT) {
      throw new ConflictException("Văn bản đã " + document.getStatus().label().toLowerCase()
          + ": không sửa được nữa", Map.of("status", document.getStatus().name()));
    }
    List<FieldError> problems = new java.util.ArrayList<>();
    String changeNote = DraftTexts.note(note, problems);
    String name = UploadedFiles.safeFileName(originalName, problems);
    FileType type = name == null ? null : UploadedFiles.contentType(name, content, problems);
    if (type != null && type != FileType.DOCX && type != FileType.PDF) {
      problems.add(new FieldError("file", "bản dự thảo phải là tệp DOCX hoặc PDF"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    int versionNo = (int) versions.countByDocumentId(id) + 1;
    Instant now = clock.instant();
    BodyVersion saved = versions.save(new BodyVersion(id, versionNo, name, type.contentType(),
        content, UploadedFiles.sha256(content), changeNote, uploader, now));
    trail.save(new OutgoingTrailEntry(id, now, uploader, OutgoingTrailEntry.Action.VERSION_ADDED,
        "Bản " + versionNo + " (" + name + "): " + changeNote));
    return saved;
  }
}
