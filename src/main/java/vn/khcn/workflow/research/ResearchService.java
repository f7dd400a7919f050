package vn.khcn.workflow.research;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import vn.khcn.workflow.shared.process.DomainStart;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.identity.Actor;
import vn.khcn.workflow.identity.EngineAuthentication;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.shared.jdbc.Savepoints;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.ConflictException;
import vn.khcn.workflow.shared.web.FileTypes.FileType;
import vn.khcn.workflow.shared.web.InvalidInputException;
import vn.khcn.workflow.shared.web.NotFoundException;
import vn.khcn.workflow.shared.web.UploadedFiles;

/**
 * What people do to research tasks outside a work item: submit a dossier, add files, ask for an
 * extension, start a mid-term evaluation. Each is one transaction: a refusal stores nothing.
 */
@Service
class ResearchService {

  private final ResearchTaskRepository tasks;
  private final ResearchDocumentRepository documents;
  private final ExtensionRequestRepository extensions;
  private final RestrictionRepository restrictions;
  private final ResearchTrailRepository trail;
  private final ResearchQueries queries;
  private final RuleRegimes regimes;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final JdbcTemplate jdbc;
  private final SelectionCallService selectionCalls;
  private final Clock clock;

  ResearchService(ResearchTaskRepository tasks, ResearchDocumentRepository documents,
      ExtensionRequestRepository extensions, RestrictionRepository restrictions,
      ResearchTrailRepository trail, ResearchQueries queries, RuleRegimes regimes,
      RuntimeService runtimeService, IdentityService identityService, JdbcTemplate jdbc,
      SelectionCallService selectionCalls, Clock clock) {
    this.selectionCalls = selectionCalls;
    this.regimes = regimes;
    this.tasks = tasks;
    this.documents = documents;
    this.extensions = extensions;
    this.restrictions = restrictions;
    this.trail = trail;
    this.queries = queries;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A submitted dossier: the code (also the business key) and the process instance. */
  public record Submitted(String code, String processInstanceId) {}

  /**
   * Submits a dossier with its proposal outline. phong-qlkh submits for any investigator; an
   * investigator only for themself.
   */
  @Transactional
  public Submitted submit(DossierRequest request, String outlineName, byte[] outline, Actor actor,
      ResearchQueries.Viewer viewer) {
    DossierRequest dossier = request == null
        ? new DossierRequest(null, null, null, null, null, null, null)
        : request.normalised();
    List<FieldError> problems = new ArrayList<>(dossier.problems());
    String fileName = outline == null ? null : UploadedFiles.safeFileName(outlineName, problems);
    FileType type = null;
    if (outline == null) {
      problems.add(new FieldError("outline", "thiếu tệp thuyết minh đề cương (PDF hoặc DOCX)"));
    } else {
      type = UploadedFiles.contentType(fileName, outline, problems);
    }
    User investigator = dossier.investigator() == null ? null : investigator(dossier.investigator());
    if (dossier.investigator() != null && investigator == null) {
      problems.add(new FieldError("investigator", "'" + dossier.investigator()
          + "' không phải tài khoản chủ nhiệm đề tài (nhóm chu-nhiem)"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    if (!viewer.groups().contains(Groups.PHONG_QLKH)
        && !dossier.investigator().equals(viewer.userId())) {
      throw new AccessDeniedException("Chủ nhiệm chỉ nộp hồ sơ cho chính mình;"
          + " Phòng QLKH nộp thay cho chủ nhiệm khác");
    }
    List<Restriction> restricted = restrictions.inForce(Restriction.SubjectKind.ORGANISATION,
        dossier.hostOrganisationCode(), Restriction.SubjectKind.INVESTIGATOR,
        dossier.investigator(), LocalDate.now(clock));
    if (!restricted.isEmpty()) {
      Restriction r = restricted.get(0);
      throw new ConflictException((r.getSubjectKind() == Restriction.SubjectKind.ORGANISATION
          ? "Cơ quan chủ trì " + r.getSubject() + " (MST " + r.getSubjectKey() + ")"
          : "Chủ nhiệm " + r.getSubject())
          + " đang bị hạn chế tham gia các đợt sau đến hết ngày "
          + ImplementationRules.formatDate(r.getUntilDate()) + " (" + r.getReason() + ")",
          java.util.Map.of("restrictedBy", r.getResearchTaskCode(), "restrictionId", r.getId()));
    }
    // a dossier answering a call: the call must take dossiers today; it keeps the call's rules
    SelectionCall call = dossier.callId() == null ? null : selectionCalls.admit(dossier.callId());
    String name = (investigator.getFirstName() + " " + investigator.getLastName()).strip();
    String code = nextCode(LocalDate.now(clock).getYear());
    ResearchTask fresh = new ResearchTask(code, dossier, name, actor.userId(), clock.instant());
    fresh.bindRules(call != null ? call.getRulesRegime()
        : regimes.inForce(LocalDate.now(clock)).code(), clock.instant());
    if (call != null) {
      fresh.answerCall(call.getId());
    }
    ResearchTask task = tasks.saveAndFlush(fresh);
    documents.save(new ResearchDocument(task.getId(), DocumentKind.OUTLINE, fileName,
        type.contentType(), outline, UploadedFiles.sha256(outline), actor.userId(),
        clock.instant()));
    trail.save(new ResearchTrailEntry(task.getId(), clock.instant(), actor, "DOSSIER_SUBMITTED",
        "Nộp hồ sơ nhiệm vụ " + code + (call == null ? "" : " vào đợt tuyển chọn "
            + call.getCode()) + " (thuyết minh: " + fileName + ")", null));
    ProcessInstance instance = EngineAuthentication.withoutAuthentication(identityService, () ->
        DomainStart.run(() -> runtimeService.startProcessInstanceByKey(ResearchTaskProcess.KEY, code,
            Variables.createVariables()
                .putValue(ResearchTaskProcess.Vars.RESEARCH_TASK_ID.name(), task.getId())
                .putValue(ResearchTaskProcess.Vars.TASK_CODE.name(), code)
                .putValue(ResearchTaskProcess.Vars.SUMMARY.name(), task.getTitle())
                .putValue(ResearchTaskProcess.Vars.INVESTIGATOR.name(), task.getInvestigator()))));
    task.attachProcess(instance.getId());
    return new Submitted(code, instance.getId());
  }

  private User investigator(String userId) {
    return EngineAuthentication.withoutAuthentication(identityService, () ->
        identityService.createUserQuery().userId(userId).memberOfGroup(Groups.CHU_NHIEM)
            .singleResult());
  }

  /**
   * DT-2026-07: the next number of the year, under the counter row's lock (no gaps, no
   * duplicates). The year's first dossier creates the row behind a savepoint: two first dossiers
   * at once (two nodes) both find no row, one inserts it, the other meets the unique key, keeps
   * its transaction and takes the next number after the first.
   */
  private String nextCode(int year) {
    if (incrementCode(year) == 0) {
      Savepoints.insertIfAbsent(jdbc,
          "insert into research_code_counter (code_year, last_number) values (?, 0)", year);
      if (incrementCode(year) == 0) {
        throw new IllegalStateException("research_code_counter row for " + year + " missing");
      }
    }
    Integer number = jdbc.queryForObject(
        "select last_number from research_code_counter where code_year = ?", Integer.class, year);
    return String.format("DT-%d-%02d", year, number);
  }

  private int incrementCode(int year) {
    return jdbc.update(
        "update research_code_counter set last_number = last_number + 1 where code_year = ?", year);
  }

  /**
   * Adds a file to the dossier: the investigator, phong-qlkh and phong-khtc may add; council
   * members and directors read.
   */
  @Transactional
  public DocumentInfo addDocument(String code, DocumentKind kind, String originalName,
      byte[] content, Actor actor, ResearchQueries.Viewer viewer) {
    ResearchTask task = queries.visible(code, viewer);
    boolean mayAdd = task.getInvestigator().equals(viewer.userId())
        || viewer.groups().contains(Groups.PHONG_QLKH) || viewer.groups().contains(Groups.PHONG_KHTC);
    if (!mayAdd) {
      throw new AccessDeniedException("Chỉ chủ nhiệm, Phòng QLKH và Phòng KH-TC thêm tài liệu"
          + " vào hồ sơ nhiệm vụ");
    }
    List<FieldError> problems = new ArrayList<>();
    if (kind == null) {
      problems.add(new FieldError("kind", "chọn loại tài liệu"));
    }
    String fileName = UploadedFiles.safeFileName(originalName, problems);
    FileType type = UploadedFiles.contentType(fileName, content, problems);
    if (task.getStatus() != ResearchStatus.ACTIVE) {
      problems.add(new FieldError("code", "nhiệm vụ đã kết thúc, không thêm tài liệu được"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    ResearchDocument document = documents.save(new ResearchDocument(task.getId(), kind, fileName,
        type.contentType(), content, UploadedFiles.sha256(content), actor.userId(),
        clock.instant()));
    trail.save(new ResearchTrailEntry(task.getId(), clock.instant(), actor, "DOCUMENT_ADDED",
        kind.label() + ": " + fileName, null));
    return new DocumentInfo(document.getId(), kind, fileName, document.getContentType(),
        document.getSizeBytes(), actor.userId(), document.getUploadedAt());
  }

  @Transactional(readOnly = true)
  public ResearchDocument download(String code, long documentId, ResearchQueries.Viewer viewer) {
    ResearchTask task = queries.visible(code, viewer);
    ResearchDocument document = documents.findByIdAndResearchTaskId(documentId, task.getId())
        .orElseThrow(() -> new NotFoundException("Không tìm thấy tài liệu " + documentId));
    document.getContent();
    return document;
  }

  /**
   * The investigator's one extension request (TT 04/2015): refused with the reasons when it is a
   * second one, too late or too long; otherwise a director decides in the inbox.
   */
  @Transactional
  public ExtensionRequest requestExtension(String code, Integer months, String reason, Actor actor,
      ResearchQueries.Viewer viewer) {
    ResearchTask task = tasks.findByCode(code).orElseThrow(() ->
        new NotFoundException("Không tìm thấy nhiệm vụ " + code));
    if (!task.getInvestigator().equals(viewer.userId())) {
      throw new AccessDeniedException("Chỉ chủ nhiệm của nhiệm vụ mới đề nghị gia hạn");
    }
    tasks.lockById(task.getId());
    List<FieldError> problems = new ArrayList<>();
    if (months == null) {
      problems.add(new FieldError("months", "nhập số tháng đề nghị gia hạn"));
    }
    reason = vn.khcn.workflow.shared.text.TypedText.normalize(reason);
    java.util.Optional<String> unreadable = vn.khcn.workflow.shared.text.TypedText.problem(reason);
    if (unreadable.isPresent()) {
      problems.add(new FieldError("reason", "lý do " + unreadable.get()));
    } else if (reason == null || reason.isBlank()) {
      problems.add(new FieldError("reason", "nêu lý do đề nghị gia hạn"));
    } else if (reason.length() > 2000) {
      problems.add(new FieldError("reason", "lý do dài quá 2000 ký tự"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    boolean implementing = task.getStatus() == ResearchStatus.ACTIVE && task.getContractEnd() != null
        && (task.getStage() == ResearchStage.IMPLEMENTATION
            || task.getStage() == ResearchStage.MIDTERM_EVALUATION);
    if (!implementing) {
      throw new ConflictException("Chỉ đề nghị gia hạn khi nhiệm vụ đang thực hiện theo hợp đồng"
          + " (hiện tại: " + task.getStage().label() + ")", java.util.Map.of());
    }
    List<FieldError> refusals = ImplementationRules.extensionProblems(
        regimes.of(task, clock.getZone()),
        ImplementationRules.contractMonths(task.getContractStart(), task.getContractEnd()),
        task.getContractEnd(), months, LocalDate.now(clock), extensionsUsed(task));
    if (!refusals.isEmpty()) {
      throw new InvalidInputException(refusals);
    }
    ExtensionRequest request = extensions.saveAndFlush(new ExtensionRequest(task.getId(), months,
        reason.strip(), actor.userId(), clock.instant()));
    trail.save(new ResearchTrailEntry(task.getId(), clock.instant(), actor, "EXTENSION_REQUESTED",
        "Đề nghị gia hạn " + months + " tháng: " + reason.strip(), null));
    EngineAuthentication.withoutAuthentication(identityService, () ->
        runtimeService.createMessageCorrelation(ResearchTaskProcess.EXTENSION_REQUESTED_MESSAGE)
            .processInstanceId(task.getProcessInstanceId())
            .setVariable(ResearchTaskProcess.Vars.EXTENSION_REQUEST_ID.name(), request.getId())
            .correlateWithResult());
    return request;
  }

  /**
   * The extensions that count against the limit (ADR 0022): a granted or pending request, or a
   * mid-term adjustment of the schedule; a refused request does not count.
   */
  private int extensionsUsed(ResearchTask task) {
    return ImplementationRules.extensionsUsed(
        extensions.findByResearchTaskIdOrderByIdAsc(task.getId()), task.getExtendedMonths());
  }

  /** phong-qlkh starts a mid-term evaluation before the midpoint. */
  @Transactional
  public void requestMidterm(String code, Actor actor) {
    ResearchTask task = tasks.findByCode(code).orElseThrow(() ->
        new NotFoundException("Không tìm thấy nhiệm vụ " + code));
    long waiting = EngineAuthentication.withoutAuthentication(identityService, () ->
        runtimeService.createEventSubscriptionQuery()
            .processInstanceId(task.getProcessInstanceId())
            .eventName(ResearchTaskProcess.MIDTERM_REQUESTED_MESSAGE).count());
    if (task.getStatus() != ResearchStatus.ACTIVE || waiting == 0) {
      throw new ConflictException("Chỉ tổ chức đánh giá giữa kỳ một lần, khi nhiệm vụ đang thực"
          + " hiện (hiện tại: " + task.getStage().label() + ")", java.util.Map.of());
    }
    trail.save(new ResearchTrailEntry(task.getId(), clock.instant(), actor, "MIDTERM_REQUESTED",
        "Phòng QLKH tổ chức đánh giá giữa kỳ", null));
    EngineAuthentication.withoutAuthentication(identityService, () ->
        runtimeService.createMessageCorrelation(ResearchTaskProcess.MIDTERM_REQUESTED_MESSAGE)
            .processInstanceId(task.getProcessInstanceId()).correlateWithResult());
  }
}
