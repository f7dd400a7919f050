package vn.khcn.workflow.research;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.identity.Actor;
import vn.khcn.workflow.identity.EngineAuthentication;
import vn.khcn.workflow.shared.process.DomainStart;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.ConflictException;
import vn.khcn.workflow.shared.web.InvalidInputException;
import vn.khcn.workflow.shared.web.NotFoundException;

/**
 * Calls for dossiers (ADR 0029): phong-qlkh opens one, which starts competitive-selection; a
 * dossier joins an open call before its deadline; everyone who may submit reads the calls, staff
 * also read the dossiers and the ranking.
 */
@Service
@Transactional
class SelectionCallService {

  private final SelectionCallRepository calls;
  private final SelectionDossierRepository dossiers;
  private final SelectionResultRepository results;
  private final RuleRegimes regimes;
  private final ExpertRepository experts;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final Clock clock;

  SelectionCallService(SelectionCallRepository calls, SelectionDossierRepository dossiers,
      SelectionResultRepository results, RuleRegimes regimes, ExpertRepository experts,
      RuntimeService runtimeService, IdentityService identityService, Clock clock) {
    this.experts = experts;
    this.calls = calls;
    this.dossiers = dossiers;
    this.results = results;
    this.regimes = regimes;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.clock = clock;
  }

  /** A call in a list: what it is, its state and how many dossiers answered it. */
  public record CallSummary(long id, String code, String title, String field,
      LocalDate dossierDeadline, String proposingOrganisation, String proposingOrganisationCode,
      String rulesRegime, String status, long dossierCount, String openedBy, Instant openedAt) {}

  /** A dossier of a call as staff read it. */
  public record CallDossier(String code, String title, String hostOrganisation,
      String hostOrganisationCode, String status, String stage) {}

  /** A place in the ranking. */
  public record CallRanking(int rank, String code, double meanScore, boolean proposerBonus,
      double finalScore, boolean passed, boolean selected, String reason) {}

  /** A call with its dossiers, vote-counting team and ranking (staff only; empty otherwise). */
  public record CallDetails(CallSummary call, List<CallDossier> dossiers, List<String> countingTeam,
      String conclusion, List<CallRanking> ranking) {}

  /** Opens a call and starts its process (business key = the call's code, TC-2026-01). */
  public CallSummary open(CallRequest request, Actor actor) {
    CallRequest call = request == null ? new CallRequest(null, null, null, null, null)
        : request.normalised();
    LocalDate today = LocalDate.now(clock);
    List<FieldError> problems = call.problems(today);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    SelectionCall saved = calls.saveAndFlush(new SelectionCall(call,
        regimes.inForce(today).code(), actor.userId(), clock.instant()));
    String prefix = "TC-" + today.getYear() + "-";
    saved.assignCode(String.format("%s%02d", prefix, calls.countByCodePrefix(prefix + "%") + 1));
    calls.flush();
    Instant closes = call.dossierDeadline().plusDays(1).atStartOfDay(clock.getZone()).toInstant();
    ProcessInstance instance = EngineAuthentication.withoutAuthentication(identityService, () ->
        DomainStart.run(() -> runtimeService.startProcessInstanceByKey(
            CompetitiveSelectionProcess.KEY, saved.getCode(), Variables.createVariables()
                .putValue(CompetitiveSelectionProcess.Vars.SELECTION_CALL_ID.name(), saved.getId())
                .putValue(ResearchTaskProcess.Vars.TASK_CODE.name(), saved.getCode())
                .putValue(ResearchTaskProcess.Vars.SUMMARY.name(), saved.getTitle())
                .putValue(CompetitiveSelectionProcess.Vars.INTAKE_CLOSES_AT.name(),
                    Date.from(closes)))));
    saved.attachProcess(instance.getId());
    return summary(saved);
  }

  @Transactional(readOnly = true)
  public List<CallSummary> list() {
    return calls.findAllByOrderByIdDesc().stream().map(this::summary).toList();
  }

  @Transactional(readOnly = true)
  public CallDetails details(long id, boolean staff) {
    SelectionCall call = calls.findById(id).orElseThrow(() ->
        new NotFoundException("Không có đợt tuyển chọn số " + id));
    if (!staff) {
      return new CallDetails(summary(call), List.of(), List.of(), null, List.of());
    }
    List<CallDossier> answered = dossiers.findBySelectionCallIdOrderByIdAsc(id).stream()
        .map(t -> new CallDossier(t.getCode(), t.getTitle(), t.getHostOrganisation(),
            t.getHostOrganisationCode(), t.getStatus().name(), t.getStage().name())).toList();
    Map<Long, String> codes = new java.util.HashMap<>();
    dossiers.findBySelectionCallIdOrderByIdAsc(id).forEach(t -> codes.put(t.getId(), t.getCode()));
    List<CallRanking> ranking = results.findBySelectionCallIdOrderByRankingAsc(id).stream()
        .map(r -> new CallRanking(r.getRanking(), codes.get(r.getResearchTaskId()),
            r.getMeanScore(), r.isProposerBonus(), r.getFinalScore(), r.isPassed(),
            r.isSelected(), r.getReason())).toList();
    List<String> team = call.getCountingTeam() == null ? List.of()
        : List.of(call.getCountingTeam().split(","));
    return new CallDetails(summary(call), answered, team, call.getConclusion(), ranking);
  }

  /**
   * Checks that a dossier may answer call {@code callId} today and returns the call (locked
   * until the dossier is stored): 400 for an unknown call, 409 once its intake is closed.
   */
  SelectionCall admit(long callId) {
    SelectionCall call = calls.lockById(callId).orElseThrow(() -> new InvalidInputException(
        List.of(new FieldError("callId", "không có đợt tuyển chọn số " + callId))));
    LocalDate today = LocalDate.now(clock);
    if (call.getStatus() != SelectionCall.Status.OPEN
        || today.isAfter(call.getDossierDeadline())) {
      throw new ConflictException("Đợt tuyển chọn " + call.getCode() + " đã hết hạn nhận hồ sơ"
          + " (hạn nộp: " + ImplementationRules.formatDate(call.getDossierDeadline())
          + "); hồ sơ không được nộp vào đợt này", Map.of("callId", callId,
          "dossierDeadline", call.getDossierDeadline().toString()));
    }
    return call;
  }

  /** The call as the council's forms show it: what is selected and the dossiers in the running. */
  @Transactional(readOnly = true)
  String view(long callId, List<Long> dossierIds) {
    SelectionCall call = calls.findById(callId).orElseThrow();
    List<String> lines = new ArrayList<>();
    lines.add("Đợt tuyển chọn " + call.getCode() + ": " + call.getTitle());
    lines.add("Lĩnh vực: " + call.getField());
    lines.add("Hạn nộp hồ sơ: " + ImplementationRules.formatDate(call.getDossierDeadline()));
    if (call.getProposingOrganisation() != null) {
      lines.add("Tổ chức đề xuất nhiệm vụ: " + call.getProposingOrganisation() + " (MST "
          + call.getProposingOrganisationCode() + ")");
    }
    lines.add("Quy định áp dụng: " + call.getRulesRegime());
    lines.add("Hồ sơ tham gia:");
    for (long id : dossierIds) {
      ResearchTask t = dossiers.findById(id).orElseThrow();
      lines.add("- " + t.getCode() + ": " + t.getTitle() + " — " + t.getHostOrganisation()
          + ", chủ nhiệm " + t.getInvestigatorName());
    }
    return String.join("\n", lines);
  }

  /** The pool as appointment options, without the experts of any dossier's host organisation. */
  @Transactional(readOnly = true)
  List<Map<String, String>> expertOptions(List<Long> dossierIds) {
    List<ResearchTask> tasks = dossiers.findAllById(dossierIds);
    List<Map<String, String>> options = new ArrayList<>();
    for (Expert expert : experts.findAllByOrderByFullNameAsc()) {
      if (tasks.stream().noneMatch(t -> ResearchRecords.sameOrganisation(expert.getOrganisation(),
          t.getHostOrganisation()))) {
        options.add(Map.of("label", expert.displayName(), "value", expert.getUsername()));
      }
    }
    return options;
  }

  private CallSummary summary(SelectionCall c) {
    return new CallSummary(c.getId(), c.getCode(), c.getTitle(), c.getField(),
        c.getDossierDeadline(), c.getProposingOrganisation(), c.getProposingOrganisationCode(),
        c.getRulesRegime(), c.getStatus().name(), dossiers.countBySelectionCallId(c.getId()),
        c.getOpenedBy(), c.getOpenedAt());
  }
}
