package vn.khcn.workflow.research;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.calendar.WorkingCalendar;
import vn.khcn.workflow.identity.Actor;
import vn.khcn.workflow.identity.Groups;

/**
 * The steps of competitive-selection.bpmn (ADR 0029): the call's intake closes at its deadline,
 * one council (a council row per dossier, the same members in the same roles) declares, scores
 * every dossier, meets with its vote-counting team, and the dossiers are ranked. Also the route
 * assignment-council takes for a dossier that answers a call.
 */
@Service
@Transactional
class CompetitiveSelectionSteps {

  /** How assignment-council goes on for a dossier: its own council, the call's, or closed out. */
  enum Route { DIRECT, CALL, CLOSED }

  private final ResearchRecords records;
  private final AssignmentCouncilSteps councilSteps;
  private final SelectionCallRepository calls;
  private final SelectionDossierRepository dossiers;
  private final SelectionResultRepository results;
  private final CouncilRepository councils;
  private final ResearchDecisions decisions;
  private final RuleRegimes regimes;
  private final WorkingCalendar calendar;

  CompetitiveSelectionSteps(ResearchRecords records, AssignmentCouncilSteps councilSteps,
      SelectionCallRepository calls, SelectionDossierRepository dossiers,
      SelectionResultRepository results, CouncilRepository councils, ResearchDecisions decisions,
      RuleRegimes regimes, WorkingCalendar calendar) {
    this.records = records;
    this.councilSteps = councilSteps;
    this.calls = calls;
    this.dossiers = dossiers;
    this.results = results;
    this.councils = councils;
    this.decisions = decisions;
    this.regimes = regimes;
    this.calendar = calendar;
  }

  /**
   * The route of a valid dossier in assignment-council: direct assignment without a call; the
   * call's council while the call takes dossiers; closed (REJECT with the reason) once its intake
   * closed before this dossier was found valid.
   */
  public Route route(long researchTaskId) {
    ResearchTask task = records.task(researchTaskId);
    if (task.getSelectionCallId() == null) {
      return Route.DIRECT;
    }
    SelectionCall call = calls.lockById(task.getSelectionCallId()).orElseThrow();
    if (call.getStatus() == SelectionCall.Status.OPEN) {
      records.log(task, Actor.SYSTEM, "SELECTION_WAITING", "Hồ sơ hợp lệ, chờ hội đồng tuyển"
          + " chọn của đợt " + call.getCode() + " (hạn nộp hồ sơ "
          + ImplementationRules.formatDate(call.getDossierDeadline()) + ")", null);
      return Route.CALL;
    }
    String reason = "Hồ sơ hợp lệ sau khi đợt tuyển chọn " + call.getCode()
        + " đã hết hạn nhận hồ sơ (" + ImplementationRules.formatDate(call.getDossierDeadline())
        + "): không được đưa ra hội đồng tuyển chọn";
    task.councilConcluded(Verdict.REJECT, reason, null, null);
    records.log(task, Actor.SYSTEM, "SELECTION_MISSED", reason, null);
    return Route.CLOSED;
  }

  /**
   * Closes the call's intake at its deadline: the dossiers found valid (waiting at the council
   * stage) are the ones the council scores; returns their research task ids.
   */
  public List<Long> closeIntake(long callId) {
    SelectionCall call = calls.lockById(callId).orElseThrow();
    List<Long> valid = dossiers.findBySelectionCallIdOrderByIdAsc(callId).stream()
        .filter(t -> t.getStatus() == ResearchStatus.ACTIVE
            && t.getStage() == ResearchStage.ASSIGNMENT_COUNCIL)
        .map(ResearchTask::getId).toList();
    call.intakeClosed(!valid.isEmpty());
    return valid;
  }

  /** The council as appointed for the call: members, chair, secretary, ballot deadline. */
  public AssignmentCouncilSteps.AppointedCouncil appoint(List<Long> dossierIds,
      Map<String, String> roleFields, Actor actor, String taskId) {
    AssignmentCouncilSteps.AppointedCouncil first = null;
    for (long id : dossierIds) {
      AssignmentCouncilSteps.AppointedCouncil council = councilSteps.appointCouncil(id,
          CouncilKind.ASSIGNMENT, roleFields, actor, taskId);
      first = first == null ? council : first;
    }
    return Objects.requireNonNull(first, "a call's council needs a dossier");
  }

  /** One declaration for the whole call; true when the member declared a conflict. */
  public boolean declare(List<Long> dossierIds, String member, Boolean noConflict, String note,
      Actor actor, String taskId) {
    boolean conflict = false;
    for (long id : dossierIds) {
      conflict = councilSteps.declare(councilOf(id).getId(), member, noConflict, note, actor,
          taskId);
    }
    return conflict;
  }

  /** Replaces a member who declared a conflict, in the council of every dossier. */
  public String replace(List<Long> dossierIds, String member, String replacement, Actor actor,
      String taskId) {
    String username = null;
    for (long id : dossierIds) {
      username = councilSteps.replace(councilOf(id).getId(), member, replacement, actor, taskId)
          .username();
    }
    return username;
  }

  /** Who chairs the call's council and keeps its minutes now. */
  @Transactional(readOnly = true)
  public AssignmentCouncilSteps.Routing routing(long dossierId) {
    return councilSteps.routing(councilOf(dossierId).getId());
  }

  /** The ballot of {@code member} (the task's assignee) for one dossier. */
  public void score(long dossierId, String member, List<Integer> scores, String comment,
      Actor actor, String taskId) {
    councilSteps.score(councilOf(dossierId).getId(), member, scores, comment, actor, taskId);
  }

  /**
   * The secretary's minutes for the call: date, members present, the vote-counting team (ban
   * kiểm phiếu: exactly three distinct members present) and the changes the council asks of the
   * selected dossier's outline.
   */
  public void recordMeeting(long callId, List<Long> dossierIds, LocalDate meetingDate,
      List<String> present, List<String> countingTeam, String requiredRevisions, String notes,
      Actor actor, String taskId) {
    long firstCouncil = councilOf(dossierIds.get(0)).getId();
    councilSteps.recordMeeting(firstCouncil, meetingDate, present, false, null, notes, actor,
        taskId);
    Set<String> here = new HashSet<>(present);
    Set<String> team = countingTeam == null ? Set.of() : new LinkedHashSet<>(countingTeam);
    Problems problems = new Problems();
    problems.require(countingTeam != null && countingTeam.size() == 3 && team.size() == 3,
        "countingTeam", "ban kiểm phiếu gồm đúng 3 thành viên khác nhau của hội đồng");
    team.stream().filter(u -> !here.contains(u)).findFirst().ifPresent(u -> problems.add(
        "countingTeam", "'" + u + "' không phải thành viên có mặt tại cuộc họp"));
    problems.throwIfAny();
    for (long id : dossierIds.subList(1, dossierIds.size())) {
      councilSteps.recordMeeting(councilOf(id).getId(), meetingDate, present, false, null, notes,
          actor, taskId);
    }
    List<CouncilMember> active = records.activeMembers(firstCouncil);
    String names = active.stream().filter(m -> team.contains(m.getUsername()))
        .map(CouncilMember::getFullName).collect(Collectors.joining(", "));
    SelectionCall call = calls.findById(callId).orElseThrow();
    call.countingTeam(String.join(",", team), requiredRevisions);
    for (long id : dossierIds) {
      records.log(records.task(id), actor, "COUNTING_TEAM", "Ban kiểm phiếu: " + names, taskId);
    }
  }

  /** A dossier's outcome for its waiting assignment-council. */
  public record Outcome(String taskCode, Verdict verdict, long councilId, Instant revisionDue,
      Instant revisionReminder) {}

  /** The ranking, or no quorum (the meeting is held again). */
  public record RankingResult(boolean quorumMet, List<Outcome> outcomes) {}

  /**
   * Ranks the call's dossiers (ADR 0029; {@link SelectionRanking}) under the call's regime: the
   * quorum, the invalid ballots, council-verdict per dossier, the proposer's bonus and the tie
   * rules. The selected dossier goes on as a direct assignment would after its council; the
   * others are not assigned, each with its place and why.
   */
  public RankingResult rank(long callId, List<Long> dossierIds) {
    SelectionCall call = calls.lockById(callId).orElseThrow();
    RuleRegime rules = regimes.byCode(call.getRulesRegime());
    List<CouncilMember> firstActive = records.activeMembers(councilOf(dossierIds.get(0)).getId());
    String quorumProblem = ResearchRecords.quorumProblem(rules, firstActive);
    if (quorumProblem != null) {
      for (long id : dossierIds) {
        councilOf(id).quorumFailed(quorumProblem);
        records.log(records.task(id), Actor.SYSTEM, "QUORUM_NOT_MET", quorumProblem, null);
      }
      return new RankingResult(false, List.of());
    }
    List<RuleRegime.Criterion> criteria = rules.criteria();
    List<Integer> tieOrder = IntStream.range(0, criteria.size()).boxed()
        .sorted(Comparator.comparingInt((Integer i) -> -criteria.get(i).max())).toList();
    List<String> labels = tieOrder.stream().map(i -> criteria.get(i).label()).toList();
    List<SelectionRanking.Dossier> scored = new ArrayList<>();
    java.util.Map<Long, Double> zeroShares = new java.util.HashMap<>();
    java.util.Map<Long, String> verdictReasons = new java.util.HashMap<>();
    for (long id : dossierIds) {
      ResearchTask task = records.task(id);
      Council council = councilOf(id);
      List<CouncilMember> present = records.activeMembers(council.getId()).stream()
          .filter(m -> Boolean.TRUE.equals(m.getPresent())).toList();
      List<Ballot> ballots = present.stream().map(CouncilMember::ballot)
          .filter(Objects::nonNull).toList();
      CouncilRules.Evaluation evaluation = CouncilRules.evaluate(rules, ballots, present.size());
      present.forEach(m -> m.markBallotValid(m.ballot() == null ? null
          : !evaluation.invalidBallots().contains(m.getUsername())));
      List<Ballot> valid = ballots.stream()
          .filter(b -> !evaluation.invalidBallots().contains(b.member())).toList();
      double[] means = tieOrder.stream().mapToDouble(c -> valid.stream()
          .mapToInt(b -> b.scores()[c]).average().orElse(0)).toArray();
      Integer chairTotal = present.stream().filter(m -> m.getRole() == CouncilRole.CHAIR)
          .map(CouncilMember::getScoreTotal).filter(Objects::nonNull).findFirst().orElse(null);
      ResearchDecisions.VerdictResult verdict = decisions.councilVerdict(rules,
          evaluation.meanScore(), evaluation.maxZeroShare(), false);
      zeroShares.put(id, evaluation.maxZeroShare());
      verdictReasons.put(id, verdict.reason());
      scored.add(new SelectionRanking.Dossier(id, task.getCode(), evaluation.meanScore(),
          verdict.verdict() != Verdict.REJECT, call.proposedBy(task.getHostOrganisationCode()),
          means, chairTotal, task.getSubmittedAt()));
    }
    List<SelectionRanking.Ranked> ranked = SelectionRanking.rank(scored, labels);
    String winner = ranked.stream().filter(SelectionRanking.Ranked::selected)
        .map(r -> r.dossier().code()).findFirst().orElse(null);
    List<Outcome> outcomes = new ArrayList<>();
    for (SelectionRanking.Ranked r : ranked) {
      outcomes.add(conclude(call, rules, r, ranked.size(), winner,
          zeroShares.get(r.dossier().researchTaskId()),
          verdictReasons.get(r.dossier().researchTaskId())));
    }
    call.concluded(ranked.stream().map(r -> r.rank() + ". " + r.dossier().code() + " "
        + score(r.finalScore()) + (r.selected() ? " (trúng tuyển)" : ""))
        .collect(Collectors.joining("; ")), records.now());
    return new RankingResult(true, outcomes);
  }

  private Outcome conclude(SelectionCall call, RuleRegime rules, SelectionRanking.Ranked r,
      int count, String winner, double zeroShare, String verdictReason) {
    ResearchTask task = records.task(r.dossier().researchTaskId());
    Council council = councilOf(task.getId());
    String place = "Xếp hạng " + r.rank() + "/" + count + " trong đợt tuyển chọn " + call.getCode()
        + ": điểm trung bình phiếu hợp lệ " + score(r.dossier().meanScore())
        + (r.dossier().proposer() ? ", cộng " + SelectionRanking.PROPOSER_BONUS_PERCENT
            + "% vì cơ quan chủ trì là tổ chức đề xuất nhiệm vụ, điểm xếp hạng "
            + score(r.finalScore()) : "")
        + (r.tieBreak() == null ? "" : " (" + r.tieBreak() + ")");
    Verdict verdict;
    String reasons;
    Instant due = null;
    Instant reminder = null;
    String revisions = null;
    if (r.selected()) {
      revisions = call.getRequiredRevisions();
      verdict = revisions == null ? Verdict.ASSIGN : Verdict.ASSIGN_AFTER_REVISION;
      reasons = "Trúng tuyển. " + place + ". " + verdictReason;
      if (verdict == Verdict.ASSIGN_AFTER_REVISION) {
        LocalDate dueDay = council.getMeetingDate().plusDays(rules.integer(RuleKey.REVISION_DAYS));
        due = calendar.endOfWorkingDay(dueDay.atStartOfDay(records.zone()).toInstant(), 0);
        reminder = dueDay.minusDays(rules.integer(RuleKey.REVISION_REMINDER_DAYS))
            .atTime(8, 0).atZone(records.zone()).toInstant();
      }
    } else {
      verdict = Verdict.REJECT;
      reasons = "Không trúng tuyển. " + place + ". " + (r.dossier().passed()
          ? "Hồ sơ trúng tuyển: " + winner + "." : verdictReason);
    }
    task.requireRevisions(revisions);
    council.concluded(verdict.name(), r.dossier().meanScore(), zeroShare, records.now());
    task.councilConcluded(verdict, reasons, revisions, due);
    if (verdict == Verdict.ASSIGN) {
      task.moveTo(ResearchStage.BUDGET_AND_CONTRACT);
    }
    results.save(new SelectionResult(call.getId(), r, reasons));
    records.log(task, Actor.SYSTEM, "SELECTION_RANKED", reasons, null);
    if (verdict != Verdict.REJECT) {
      records.notify(List.of(Groups.PHONG_KHTC), task, "Thẩm định kinh phí",
          "Hội đồng tuyển chọn kết luận: " + verdict.label() + ".");
    }
    return new Outcome(task.getCode(), verdict, council.getId(), due, reminder);
  }

  /** The dossier's council for the call: its latest assignment council. */
  Council councilOf(long researchTaskId) {
    return councils.findByResearchTaskIdOrderByIdAsc(researchTaskId).stream()
        .filter(c -> c.getKind() == CouncilKind.ASSIGNMENT).reduce((a, b) -> b)
        .orElseThrow(() -> new IllegalStateException("no council for task " + researchTaskId));
  }

  private static String score(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
