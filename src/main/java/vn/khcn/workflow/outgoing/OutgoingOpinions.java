package vn.khcn.workflow.outgoing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.dispatch.ReplyTargets;
import vn.khcn.workflow.identity.Actor;
import vn.khcn.workflow.identity.ActorResolver;
import vn.khcn.workflow.identity.EngineAuthentication;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.outgoing.OpinionInput.OutsideBody;
import vn.khcn.workflow.outgoing.OpinionInput.AskBody;
import vn.khcn.workflow.outgoing.OpinionInput.ResolutionBody;
import vn.khcn.workflow.outgoing.OutgoingOpinion.Position;
import vn.khcn.workflow.outgoing.OutgoingOpinion.Resolution;
import vn.khcn.workflow.outgoing.OutgoingTrailEntry.Action;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.ConflictException;
import vn.khcn.workflow.shared.web.FileTypes.FileType;
import vn.khcn.workflow.shared.web.InvalidInputException;
import vn.khcn.workflow.shared.web.NotFoundException;
import vn.khcn.workflow.shared.web.UploadedFiles;

/**
 * Opinions on a draft (issue 19, ADR 0026): the drafter asks units or people by a due day, each
 * asked party answers once (from the API, Tasklist or the inbox: the same answer), the drafter
 * records outside bodies' opinions that came as incoming documents and consolidates each opinion.
 */
@Service
@Transactional
class OutgoingOpinions {

  static final int MAX_PARTIES = 30;
  static final int MAX_FILES = 10;

  /** A file sent with an answer. */
  record Upload(String name, byte[] content) {}

  private final OutgoingDocumentRepository documents;
  private final OpinionRequestRepository requests;
  private final OutgoingOpinionRepository opinions;
  private final OpinionFileRepository files;
  private final OutgoingTrailRepository trail;
  private final OutgoingQueries queries;
  private final OutgoingWorkflow workflow;
  private final ReplyTargets incoming;
  private final IdentityService identity;
  private final ActorResolver actors;
  private final Clock clock;

  OutgoingOpinions(OutgoingDocumentRepository documents, OpinionRequestRepository requests,
      OutgoingOpinionRepository opinions, OpinionFileRepository files,
      OutgoingTrailRepository trail, OutgoingQueries queries, OutgoingWorkflow workflow,
      ReplyTargets incoming, IdentityService identity, ActorResolver actors, Clock clock) {
    this.documents = documents;
    this.requests = requests;
    this.opinions = opinions;
    this.files = files;
    this.trail = trail;
    this.queries = queries;
    this.workflow = workflow;
    this.incoming = incoming;
    this.identity = identity;
    this.actors = actors;
    this.clock = clock;
  }

  /** The drafter asks units and people for opinions by a due day: a new round of the model. */
  List<OpinionRequest> request(long id, AskBody body, Actor drafter, Reader reader) {
    OutgoingDocument document = draftOfDrafter(id, reader, "xin ý kiến góp ý");
    List<FieldError> problems = new ArrayList<>();
    LocalDate due = OpinionInput.day("dueDate", "hạn góp ý", body.dueDate(), problems);
    if (due != null && due.isBefore(LocalDate.now(clock))) {
      problems.add(new FieldError("dueDate", "hạn góp ý đã qua"));
    }
    String note = OpinionInput.text("note", "nội dung xin ý kiến", body.note(),
        OpinionInput.MAX_TEXT, false, problems);
    Set<String> from = new LinkedHashSet<>();
    if (body.from() == null || body.from().isEmpty()) {
      problems.add(new FieldError("from", "chưa chọn đơn vị hay người được xin ý kiến"));
    } else if (body.from().size() > MAX_PARTIES) {
      problems.add(new FieldError("from", "nhiều nhất " + MAX_PARTIES + " nơi được xin ý kiến"));
    } else {
      for (int i = 0; i < body.from().size(); i++) {
        String party = body.from().get(i) == null ? "" : body.from().get(i).strip();
        if (party.equals(reader.userId())) {
          problems.add(new FieldError("from[" + i + "]", "không tự xin ý kiến chính mình"));
        } else if (!Groups.UNITS.contains(party) && !userExists(party)) {
          problems.add(new FieldError("from[" + i + "]", "không có đơn vị hay người dùng '"
              + party + "'"));
        } else {
          from.add(party);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    int round = requests.lastRound(id) + 1;
    Instant now = clock.instant();
    List<OpinionRequest> made = new ArrayList<>();
    for (String party : from) {
      boolean unit = Groups.UNITS.contains(party);
      made.add(requests.save(new OpinionRequest(id, round, unit ? OpinionRequest.Party.UNIT
          : OpinionRequest.Party.USER, party, unit ? Groups.nameOf(party)
          : actors.of(party).fullName(), due, note, drafter, now)));
    }
    requests.flush();
    workflow.startOpinionRound(document.getId(), made.stream().map(OpinionRequest::getId)
        .toList());
    trail.save(new OutgoingTrailEntry(id, now, drafter, Action.OPINIONS_REQUESTED, "Vòng " + round
        + ", hạn " + OutgoingQueries.DATE.format(due) + ": " + String.join("; ",
            made.stream().map(OpinionRequest::getPartyName).toList())
        + (note == null ? "" : "\n" + note)));
    return made;
  }

  /** An answer through the API: only an asked party (403), once, while its round is open (409). */
  OutgoingOpinion answer(long id, String position, String text, List<Upload> uploads,
      Actor actor, Reader reader) {
    documents.findForUpdate(id).orElseThrow(() -> OutgoingQueries.notFound(id));
    List<OpinionRequest> mine = requests.findByDocumentIdOrderByRoundNoAscIdAsc(id).stream()
        .filter(r -> r.asks(reader.userId(), reader.groups())).toList();
    if (mine.isEmpty()) {
      throw new AccessDeniedException("Bạn (và đơn vị của bạn) không được xin ý kiến về dự thảo"
          + " này");
    }
    Optional<OpinionRequest> open = openRequestOf(id, reader);
    if (open.isEmpty()) {
      throw new ConflictException("Vòng lấy ý kiến đã đóng hoặc ý kiến đã được gửi",
          Map.of("round", "closed"));
    }
    OutgoingOpinion saved = record(open.get(), position, text, uploads, actor);
    workflow.completeOpinionTask(id, open.get().getId());
    return saved;
  }

  /** The request this person may answer now (asked, unanswered, its task open). */
  @Transactional(readOnly = true)
  Optional<OpinionRequest> openRequestOf(long id, Reader reader) {
    return requests.findByDocumentIdOrderByRoundNoAscIdAsc(id).stream()
        .filter(r -> r.asks(reader.userId(), reader.groups()) && r.getAnsweredAt() == null
            && workflow.opinionTaskOpen(id, r.getId())).findFirst();
  }

  /** The answer given on the opinion task (Tasklist, inbox); nothing when the API gave it. */
  void answerFromTask(long requestId, String position, String text, Actor actor) {
    OpinionRequest request = requests.findById(requestId).orElseThrow();
    if (request.getAnsweredAt() == null) {
      try {
        record(request, position, text, List.of(), actor);
      } catch (InvalidInputException invalid) {
        throw new vn.khcn.workflow.shared.process.InvalidTaskInputException(invalid.fieldErrors()
            .stream().map(e -> ("text".equals(e.field()) ? "opinionText" : e.field()) + ": "
                + e.message()).toList());
      }
    }
  }

  private OutgoingOpinion record(OpinionRequest request, String positionText, String text,
      List<Upload> uploads, Actor actor) {
    List<FieldError> problems = new ArrayList<>();
    Position position = OpinionInput.position(positionText, problems);
    String body = OpinionInput.answerText(position, text, problems);
    List<Object[]> checked = checkFiles(uploads, problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    Instant now = clock.instant();
    request.answered(now);
    OutgoingOpinion saved = opinions.save(new OutgoingOpinion(request.getDocumentId(),
        request.getId(), null, null, position, body, actor, now));
    for (Object[] file : checked) {
      byte[] content = (byte[]) file[2];
      files.save(new OpinionFile(saved.getId(), (String) file[0], (String) file[1], content,
          UploadedFiles.sha256(content)));
    }
    trail.save(new OutgoingTrailEntry(request.getDocumentId(), now, actor, Action.OPINION_GIVEN,
        request.getPartyName() + ": " + position.label() + (body == null ? "" : " – " + body)));
    return saved;
  }

  private static List<Object[]> checkFiles(List<Upload> uploads, List<FieldError> problems) {
    List<Object[]> checked = new ArrayList<>();
    if (uploads.size() > MAX_FILES) {
      problems.add(new FieldError("files", "nhiều nhất " + MAX_FILES + " tệp"));
      return checked;
    }
    for (Upload upload : uploads) {
      String name = UploadedFiles.safeFileName(upload.name(), problems);
      FileType type = name == null ? null
          : UploadedFiles.contentType(name, upload.content(), problems);
      if (type != null) {
        checked.add(new Object[] {name, type.contentType(), upload.content()});
      }
    }
    return checked;
  }

  /** The drafter accepts an opinion or explains why not (while a draft). */
  OutgoingOpinion resolve(long id, long opinionId, ResolutionBody body, Actor drafter,
      Reader reader) {
    draftOfDrafter(id, reader, "tiếp thu, giải trình ý kiến");
    OutgoingOpinion opinion = opinions.findById(opinionId)
        .filter(o -> o.getDocumentId().equals(id))
        .orElseThrow(() -> new NotFoundException("Không có ý kiến " + opinionId));
    if (opinion.getPosition() == Position.NO_OPINION) {
      throw new ConflictException("Nơi được xin ý kiến không có ý kiến: không có gì để tiếp thu"
          + " hay giải trình", Map.of("position", Position.NO_OPINION.name()));
    }
    List<FieldError> problems = new ArrayList<>();
    if (body.accepted() == null) {
      problems.add(new FieldError("accepted", "chưa chọn tiếp thu (true) hay giải trình (false)"));
    }
    String explanation = OpinionInput.text("explanation", "nội dung giải trình",
        body.explanation(), OpinionInput.MAX_TEXT, Boolean.FALSE.equals(body.accepted()),
        problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    Instant now = clock.instant();
    Resolution resolution = body.accepted() ? Resolution.ACCEPTED : Resolution.EXPLAINED;
    opinion.resolve(resolution, explanation, drafter.userId(), now);
    trail.save(new OutgoingTrailEntry(id, now, drafter, Action.OPINION_RESOLVED,
        resolution.label() + " ý kiến của " + party(opinion)
            + (explanation == null ? "" : ": " + explanation)));
    return opinion;
  }

  /**
   * The drafter closes the open round before its due day (e.g. every answer needed is in): each
   * party that has not answered is recorded as "không có ý kiến" and its opinion task is completed
   * through the engine (the model's own path out of the round; nothing deleted). 409 without an
   * open round. Returns the parties closed without an answer.
   */
  List<String> closeRound(long id, Actor drafter, Reader reader) {
    draftOfDrafter(id, reader, "đóng vòng lấy ý kiến");
    List<OpinionRequest> open = requests.findByDocumentIdOrderByRoundNoAscIdAsc(id).stream()
        .filter(r -> r.getAnsweredAt() == null && workflow.opinionTaskOpen(id, r.getId()))
        .toList();
    if (open.isEmpty()) {
      throw new ConflictException("Không có vòng lấy ý kiến nào đang mở (mọi nơi đã trả lời"
          + " hoặc chưa xin ý kiến)", Map.of("round", "none"));
    }
    Instant now = clock.instant();
    for (OpinionRequest request : open) {
      request.answered(now);
      opinions.save(new OutgoingOpinion(id, request.getId(), null, null, Position.NO_OPINION,
          null, drafter, now));
    }
    opinions.flush();
    List<String> parties = open.stream().map(OpinionRequest::getPartyName).toList();
    trail.save(new OutgoingTrailEntry(id, now, drafter, Action.OPINION_ROUND_CLOSED,
        "Vòng " + open.get(0).getRoundNo() + " đóng trước hạn; không có ý kiến: "
            + String.join("; ", parties)));
    // the answer listener finds each request answered and records nothing more; the last
    // completion ends the round and the model creates the consolidation task
    open.forEach(r -> workflow.completeOpinionTask(id, r.getId()));
    return parties;
  }

  /** The drafter records an outside body's opinion that arrived as an incoming document. */
  OutgoingOpinion recordOutside(long id, OutsideBody body, Actor drafter, Reader reader) {
    draftOfDrafter(id, reader, "ghi ý kiến của cơ quan ngoài");
    List<FieldError> problems = new ArrayList<>();
    String outside = OpinionInput.text("body", "cơ quan góp ý", body.body(), 300, true, problems);
    Position position = OpinionInput.position(body.position(), problems);
    String text = OpinionInput.answerText(position, body.text(), problems);
    if (body.incomingDocumentId() == null) {
      problems.add(new FieldError("incomingDocumentId", "văn bản đến chứa ý kiến là bắt buộc"));
    } else if (incoming.visible(body.incomingDocumentId(), reader.userId(), reader.groups())
        .isEmpty()) {
      problems.add(new FieldError("incomingDocumentId", "không có văn bản đến số "
          + body.incomingDocumentId() + " mà bạn được xem"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    Instant now = clock.instant();
    OutgoingOpinion saved = opinions.save(new OutgoingOpinion(id, null, outside,
        body.incomingDocumentId(), position, text, drafter, now));
    trail.save(new OutgoingTrailEntry(id, now, drafter, Action.OPINION_RECORDED, outside + ": "
        + position.label() + (text == null ? "" : " – " + text)));
    return saved;
  }

  /** Opinions of the document the drafter has neither accepted nor explained, as labels. */
  @Transactional(readOnly = true)
  List<String> unresolved(long documentId) {
    return opinions.findByDocumentIdOrderByAnsweredAtAscIdAsc(documentId).stream()
        .filter(o -> o.getResolution() == null && o.getPosition() != Position.NO_OPINION)
        .map(this::party).toList();
  }

  String party(OutgoingOpinion opinion) {
    if (opinion.getOutsideBody() != null) {
      return opinion.getOutsideBody();
    }
    return requests.findById(opinion.getRequestId()).map(OpinionRequest::getPartyName)
        .orElse(opinion.getAnsweredByName());
  }

  private OutgoingDocument draftOfDrafter(long id, Reader reader, String what) {
    OutgoingDocument document = documents.findForUpdate(id)
        .orElseThrow(() -> OutgoingQueries.notFound(id));
    queries.checkRead(document, reader);
    if (!document.getDrafter().equals(reader.userId())) {
      throw new AccessDeniedException("Chỉ người soạn thảo " + what);
    }
    if (document.getStatus() != OutgoingStatus.DRAFT) {
      throw new ConflictException("Văn bản đã " + document.getStatus().label().toLowerCase()
          + ": không " + what + " được nữa", Map.of("status", document.getStatus().name()));
    }
    return document;
  }

  private boolean userExists(String userId) {
    return !userId.isEmpty() && EngineAuthentication.withoutAuthentication(identity,
        () -> identity.createUserQuery().userId(userId).count() > 0);
  }
}
