package vn.khcn.workflow.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.khcn.workflow.research.ResearchTaskProcess.Beans;
import vn.khcn.workflow.research.ResearchTaskProcess.Elements;
import vn.khcn.workflow.research.ResearchTaskProcess.Tasks;
import vn.khcn.workflow.research.ResearchTaskProcess.Vars;
import vn.khcn.workflow.support.DeployedProcessModels;

/**
 * Every path of processes/research-task.bpmn with the three models it calls
 * (assignment-council, midterm-evaluation, acceptance), on a bare engine with the doubles of
 * {@link ResearchModelSupport}.
 */
class ResearchTaskModelTest extends ResearchModelSupport {

  @RegisterExtension
  @Order(1)
  static ProcessEngineExtension engine = newEngineExtension();

  @RegisterExtension
  @Order(2)
  static DeployedProcessModels models = new DeployedProcessModels(engine);

  @Override
  ProcessEngineExtension engine() {
    return engine;
  }

  /** The event-based gateway waits for the midpoint timer or the office's request. */
  static final String MIDTERM_GATEWAY = "eventBasedGateway_midterm";
  static final LocalDate CONTRACT_START = LocalDate.parse("2026-12-01");
  static final LocalDate CONTRACT_END = LocalDate.parse("2028-11-30");
  /** 23 months: the midpoint after 11 months, three reports,
      the first six months after the start. */
  static final Date MIDTERM = atVn(LocalDate.parse("2027-11-01"), 8);
  static final Date FIRST_REPORT = atVn(LocalDate.parse("2027-06-01"), 8);

  // ------------------------------------------------------------------ steps of the lifecycle

  void checkDossier(ProcessInstance research, boolean valid) {
    Task check = task(Tasks.CHECK_DOSSIER, research);
    assertThat(check).hasCandidateGroup("phong-qlkh");
    complete(check, valid ? withVariables(ResearchTaskProcess.Vars.VALID.name(), true)
        : withVariables(ResearchTaskProcess.Vars.VALID.name(), false,
            ResearchTaskProcess.Vars.MISSING_ITEMS.name(), "Thiếu dự toán",
            ResearchTaskProcess.Vars.RESUBMIT_DAYS.name(), 5));
  }

  ProcessInstance council(ProcessInstance research) {
    assertThat(research).isWaitingAt(Elements.ASSIGNMENT_COUNCIL);
    return calledProcessInstance(AssignmentCouncilProcess.KEY, research);
  }

  /** The council meets once with a quorum and concludes {@code verdict}. */
  void runCouncil(ProcessInstance research, String councilVerdict) {
    ProcessInstance council = council(research);
    complete(task(AssignmentCouncilProcess.Tasks.APPOINT_COUNCIL, council), appointCouncilForm());
    completeAll(council, AssignmentCouncilProcess.Tasks.DECLARE_CONFLICT,
        withVariables(AssignmentCouncilProcess.Vars.NO_CONFLICT.name(), true));
    completeAll(council, AssignmentCouncilProcess.Tasks.SCORE_PROPOSAL, ballot());
    verdict = councilVerdict;
    complete(task(AssignmentCouncilProcess.Tasks.RECORD_MEETING, council),
        withVariables(AssignmentCouncilProcess.Vars.MEETING_DATE.name(), "2026-12-05",
            AssignmentCouncilProcess.Vars.PRESENT.name(), MEMBERS));
    if ("ASSIGN_AFTER_REVISION".equals(councilVerdict)) {
      complete(task(AssignmentCouncilProcess.Tasks.SUBMIT_REVISION, council),
          withVariables(AssignmentCouncilProcess.Vars.RESPONSE_NOTE.name(), "Đã sửa"));
      complete(task(AssignmentCouncilProcess.Tasks.VERIFY_REVISION, council),
          withVariables(ResearchTaskProcess.Vars.ACCEPTED.name(), true));
      complete(task(AssignmentCouncilProcess.Tasks.CONFIRM_REVISION, council),
          withVariables(ResearchTaskProcess.Vars.ACCEPTED.name(), true));
    }
    assertThat(council).isEnded();
  }

  /** The team of five is appointed and each member answers on their own task. */
  void appraiseByTeam(ProcessInstance research) {
    complete(task(Tasks.APPOINT_APPRAISAL_TEAM, research));
    completeAll(research, Tasks.GIVE_APPRAISAL_OPINION, withVariables(
        ResearchTaskProcess.Vars.PROPOSED_BUDGET.name(), 900_000_000L));
  }

  void approveBudget(ProcessInstance research) {
    appraiseByTeam(research);
    complete(task(Tasks.APPRAISE_BUDGET, research),
        withVariables(ResearchTaskProcess.Vars.APPROVED_BUDGET.name(), 900_000_000L));
    complete(task(Tasks.APPROVE_BUDGET, research),
        withVariables(ResearchTaskProcess.Vars.APPROVED.name(), true));
  }

  void signContract(ProcessInstance research) {
    complete(task(Tasks.RECORD_CONTRACT, research),
        withVariables(ResearchTaskProcess.Vars.CONTRACT_NUMBER.name(), "15/2026/HĐ-KHCN",
        ResearchTaskProcess.Vars.CONTRACT_DATE.name(), "2026-11-30",
            ResearchTaskProcess.Vars.CONTRACT_AMOUNT.name(), 900_000_000L,
        ResearchTaskProcess.Vars.CONTRACT_START.name(), CONTRACT_START.toString(),
            ResearchTaskProcess.Vars.CONTRACT_END.name(), CONTRACT_END.toString()));
  }

  ProcessInstance implementing() {
    ProcessInstance research = startResearch();
    checkDossier(research, true);
    runCouncil(research, "ASSIGN");
    approveBudget(research);
    signContract(research);
    assertThat(research).isWaitingAt(MIDTERM_GATEWAY);
    return research;
  }

  ProcessInstance midtermByTimer(ProcessInstance research) {
    fire(research, timer(research, Elements.MIDPOINT_TIMER));
    assertThat(research).isWaitingAt(Elements.MIDTERM_EVALUATION);
    ProcessInstance midterm = calledProcessInstance(MidtermEvaluationProcess.KEY, research);
    Task report = task(MidtermEvaluationProcess.Tasks.SUBMIT_MIDTERM_REPORT, midterm);
    assertThat(report).isAssignedTo(INVESTIGATOR);
    assertThat(report.getDueDate()).isEqualTo(in(Duration.ofDays(14)));
    complete(report, withVariables(ResearchTaskProcess.Vars.REPORT.name(), "Báo cáo giữa kỳ"));
    return midterm;
  }

  void findings(ProcessInstance midterm, Map<String, Object> variables) {
    Task findings = task(MidtermEvaluationProcess.Tasks.RECORD_FINDINGS, midterm);
    assertThat(findings).hasCandidateGroup("phong-qlkh");
    complete(findings, variables);
  }

  ProcessInstance atFinalDossier() {
    ProcessInstance research = implementing();
    ProcessInstance midterm = midtermByTimer(research);
    findings(midterm, withVariables(MidtermEvaluationProcess.Vars.FINDINGS.name(), "Đúng tiến độ",
        MidtermEvaluationProcess.Vars.OUTCOME.name(), "CONTINUE"));
    assertThat(midterm).hasPassed(MidtermEvaluationProcess.Elements.END_CONTINUE).isEnded();
    assertThat(research).isWaitingAt(Tasks.SUBMIT_FINAL_DOSSIER);
    return research;
  }

  ProcessInstance acceptance(ProcessInstance research) {
    complete(task(Tasks.SUBMIT_FINAL_DOSSIER, research),
        withVariables(ResearchTaskProcess.Vars.NOTE.name(), "Hồ sơ cuối"));
    assertThat(research).isWaitingAt(Elements.ACCEPTANCE);
    ProcessInstance acceptance = calledProcessInstance(AcceptanceProcess.KEY, research);
    assertThat(acceptance).isWaitingAt(AcceptanceProcess.Tasks.APPOINT_COUNCIL);
    return acceptance;
  }

  /** Appointment, every member grades, the secretary records the meeting. */
  void gradeAndMeet(ProcessInstance acceptance) {
    complete(task(AcceptanceProcess.Tasks.APPOINT_COUNCIL, acceptance), appointCouncilForm());
    assertThat(tasks(acceptance,
        AcceptanceProcess.Tasks.GRADE_RESULT)).extracting(Task::getAssignee)
        .containsExactlyInAnyOrderElementsOf(MEMBERS);
    completeAll(acceptance, AcceptanceProcess.Tasks.GRADE_RESULT,
        withVariables(AcceptanceProcess.Vars.MEMBER_GRADE.name(), grade));
    meetForAcceptance(acceptance);
  }

  void meetForAcceptance(ProcessInstance acceptance) {
    Task meeting = task(AcceptanceProcess.Tasks.RECORD_MEETING, acceptance);
    assertThat(meeting).isAssignedTo("cg.chi");
    complete(meeting, withVariables(AssignmentCouncilProcess.Vars.MEETING_DATE.name(),
        "2028-12-20", AssignmentCouncilProcess.Vars.PRESENT.name(), MEMBERS));
  }

  // ------------------------------------------------------------------ before implementation

  @Test
  void anInvalidDossierIsResubmittedByTheInvestigatorAndCheckedAgain() {
    ProcessInstance research = startResearch();
    assertThat(research).isWaitingAtExactly(Tasks.CHECK_DOSSIER);
    checkDossier(research, false);

    Task resubmit = task(Tasks.RESUBMIT_DOSSIER, research);
    assertThat(resubmit).isAssignedTo(INVESTIGATOR);
    assertThat(resubmit.getDueDate()).isEqualTo(in(Duration.ofDays(5)));
    complete(resubmit, withVariables(ResearchTaskProcess.Vars.NOTE.name(), "Đã bổ sung dự toán"));

    assertThat(research).isWaitingAtExactly(Tasks.CHECK_DOSSIER);
    checkDossier(research, true);
    assertThat(research).isWaitingAtExactly(Elements.ASSIGNMENT_COUNCIL);
    assertThat(historicTasks(research, Tasks.CHECK_DOSSIER)).isEqualTo(2);
    assertThat(calls).containsExactly(Beans.DOSSIER_CHECK + " false", Beans.DOSSIER_RESUBMITTED,
        Beans.DOSSIER_CHECK + " true");
    assertThat(processEngine.getRuntimeService().getVariable(research.getId(),
        ResearchTaskProcess.Vars.VALID.name()))
        .as("the form input stays on the task").isNull();
  }

  @Test
  void anAssignedTaskHasItsBudgetReturnedOnceThenApprovedAndTheContractStartsTheImplementation() {
    ProcessInstance research = startResearch();
    checkDossier(research, true);
    runCouncil(research, "ASSIGN");
    assertThat(research).hasPassed(Elements.ASSIGNMENT_COUNCIL)
        .isWaitingAtExactly(Tasks.APPOINT_APPRAISAL_TEAM);
    assertThat(research).variables().containsEntry(Vars.VERDICT.name(), "ASSIGN");

    assertThat(task(Tasks.APPOINT_APPRAISAL_TEAM, research)).hasCandidateGroup("phong-khtc")
        .hasCandidateGroup("phong-qlkh");
    complete(task(Tasks.APPOINT_APPRAISAL_TEAM, research));
    List<Task> opinions = tasks(research, Tasks.GIVE_APPRAISAL_OPINION);
    assertThat(opinions).extracting(Task::getAssignee)
        .as("one opinion task per member, each the member's own").containsExactlyInAnyOrderElementsOf(TEAM);
    for (Task opinion : opinions) {
      assertThat(research).isWaitingAt(Tasks.GIVE_APPRAISAL_OPINION);
      complete(opinion, withVariables(ResearchTaskProcess.Vars.PROPOSED_BUDGET.name(), 950_000_000L));
    }
    assertThat(task(Tasks.APPRAISE_BUDGET, research)).isAssignedTo(TEAM.get(0));
    complete(task(Tasks.APPRAISE_BUDGET, research),
        withVariables(ResearchTaskProcess.Vars.APPROVED_BUDGET.name(), 1_000_000_000L));
    Task approve = task(Tasks.APPROVE_BUDGET, research);
    assertThat(approve).hasCandidateGroup("lanh-dao");
    assertThat(approve.getDueDate()).isEqualTo(in(Duration.ofDays(3)));
    complete(approve, withVariables(ResearchTaskProcess.Vars.APPROVED.name(), false,
        ResearchTaskProcess.Vars.COMMENT.name(), "Giảm chi thuê khoán"));

    assertThat(research).as("a returned budget goes to a new team round")
        .isWaitingAtExactly(Tasks.APPOINT_APPRAISAL_TEAM);
    approveBudget(research);
    assertThat(research).isWaitingAtExactly(Tasks.RECORD_CONTRACT);
    assertThat(task(Tasks.RECORD_CONTRACT, research)).hasCandidateGroup("phong-khtc");
    signContract(research);

    assertThat(research).isWaitingAtExactly(Elements.IMPLEMENTATION, MIDTERM_GATEWAY)
        .hasPassed("startEvent_implementation");
    assertThat(timer(research, Elements.MIDPOINT_TIMER).getDuedate()).isEqualTo(MIDTERM);
    assertThat(timer(research, Elements.PROGRESS_TIMER).getDuedate()).isEqualTo(FIRST_REPORT);
    assertThat(historicTasks(research, Tasks.APPRAISE_BUDGET)).isEqualTo(2);
    assertThat(calls).containsSubsequence(Beans.APPRAISAL_TEAM,
        Beans.APPRAISAL_OPINION + " " + TEAM.get(4), Beans.BUDGET_APPRAISAL + " 1000000000",
        Beans.BUDGET_DECISION + " false", Beans.BUDGET_APPRAISAL + " 900000000",
        Beans.BUDGET_DECISION + " true", Beans.CONTRACT + " 15/2026/HĐ-KHCN");
  }

  @Test
  void aTaskAssignedAfterRevisionGoesOnToTheBudget() {
    ProcessInstance research = startResearch();
    checkDossier(research, true);
    runCouncil(research, "ASSIGN_AFTER_REVISION");
    assertThat(research).isWaitingAtExactly(Tasks.APPOINT_APPRAISAL_TEAM);
    assertThat(research).variables().containsEntry(Vars.VERDICT.name(), "ASSIGN_AFTER_REVISION");
  }

  @Test
  void aRejectedTaskIsClosedAsNotAssigned() {
    ProcessInstance research = startResearch();
    checkDossier(research, true);
    runCouncil(research, "REJECT");
    assertThat(research).isWaitingAt(Elements.CLOSE_NOT_ASSIGNED);
    execute(job());
    assertThat(research).hasPassed(Elements.CLOSE_NOT_ASSIGNED, Elements.END_NOT_ASSIGNED)
        .hasNotPassed(Tasks.APPRAISE_BUDGET).isEnded();
    assertThat(calls).endsWith(Beans.CLOSE_NOT_ASSIGNED);
  }

  // ------------------------------------------------------------------ implementation

  @Test
  void theMidtermEvaluationStartsAtTheMidpoint() {
    ProcessInstance research = implementing();
    midtermByTimer(research);
    assertThat(research).hasPassed(Elements.MIDPOINT_TIMER).hasNotPassed(Elements.MIDTERM_REQUESTED);
    assertThat(processEngine.getRuntimeService().createEventSubscriptionQuery()
        .processInstanceId(research.getId()).eventName(ResearchTaskProcess.MIDTERM_REQUESTED_MESSAGE)
        .count()).isZero();
    assertThat(calls).contains(MidtermEvaluationProcess.Beans.OPEN,
        MidtermEvaluationProcess.Beans.REPORT);
  }

  @Test
  void theMidtermEvaluationStartsEarlierWhenTheOfficeRequestsIt() {
    ProcessInstance research = implementing();
    processEngine.getRuntimeService().createMessageCorrelation(ResearchTaskProcess.MIDTERM_REQUESTED_MESSAGE)
        .processInstanceBusinessKey(CODE).correlate();
    assertThat(research).hasPassed(Elements.MIDTERM_REQUESTED).hasNotPassed(Elements.MIDPOINT_TIMER)
        .isWaitingAt(Elements.MIDTERM_EVALUATION);
    assertThat(timer(research, Elements.MIDPOINT_TIMER)).as("the midpoint timer is gone").isNull();
    assertThat(timer(research, Elements.PROGRESS_TIMER)).as("progress reports go on").isNotNull();
    ProcessInstance midterm = calledProcessInstance(MidtermEvaluationProcess.KEY, research);
    assertThat(midterm).isWaitingAt(MidtermEvaluationProcess.Tasks.SUBMIT_MIDTERM_REPORT);
  }

  @Test
  void anOpenProgressReportDoesNotHoldUpTheAcceptance() {
    ProcessInstance research = atFinalDossier();
    fire(research, timer(research, Elements.PROGRESS_TIMER));
    assertThat(research).isWaitingAt(Tasks.SUBMIT_PROGRESS_REPORT, Tasks.SUBMIT_FINAL_DOSSIER);
    ProcessInstance acceptance = acceptance(research);
    assertThat(acceptance).isActive();
    assertThat(tasks(research, Tasks.SUBMIT_PROGRESS_REPORT)).as("closed with the implementation")
        .isEmpty();
    assertThat(timer(research, Elements.PROGRESS_TIMER)).isNull();
  }

  @Test
  void aProgressReportIsDueEverySixMonthsAndAReturnedReportIsSubmittedAgain() {
    ProcessInstance research = implementing();
    fire(research, timer(research, Elements.PROGRESS_TIMER));

    Task report = task(Tasks.SUBMIT_PROGRESS_REPORT, research);
    assertThat(report).isAssignedTo(INVESTIGATOR);
    assertThat(research).isWaitingAt(Tasks.SUBMIT_PROGRESS_REPORT, MIDTERM_GATEWAY);
    Job next = timer(research, Elements.PROGRESS_TIMER);
    assertThat(next.getDuedate()).as("the next report, six months later")
        .isEqualTo(atVn(LocalDate.parse("2027-12-01"), 8));

    complete(report, withVariables(ResearchTaskProcess.Vars.REPORT.name(), "Báo cáo 6 tháng đầu"));
    Task review = task(Tasks.REVIEW_PROGRESS_REPORT, research);
    assertThat(review).hasCandidateGroup("phong-qlkh");
    complete(review, withVariables(ResearchTaskProcess.Vars.ACCEPTED.name(), false,
        ResearchTaskProcess.Vars.COMMENT.name(), "Thiếu số liệu"));
    assertThat(research).isWaitingAt(Tasks.SUBMIT_PROGRESS_REPORT);
    complete(task(Tasks.SUBMIT_PROGRESS_REPORT, research),
        withVariables(ResearchTaskProcess.Vars.REPORT.name(), "Bổ sung số liệu"));
    complete(task(Tasks.REVIEW_PROGRESS_REPORT, research),
        withVariables(ResearchTaskProcess.Vars.ACCEPTED.name(), true));

    assertThat(research).hasPassed("endEvent_reportAccepted")
        .isWaitingAtExactly(Elements.IMPLEMENTATION, MIDTERM_GATEWAY);
    assertThat(historicTasks(research, Tasks.SUBMIT_PROGRESS_REPORT)).isEqualTo(2);
    assertThat(timer(research, Elements.PROGRESS_TIMER).getDuedate())
        .as("the cycle is still there for the next report").isEqualTo(next.getDuedate());
    assertThat(calls).containsSubsequence(Beans.PROGRESS_REPORT, Beans.PROGRESS_REVIEW + " false",
        Beans.PROGRESS_REPORT, Beans.PROGRESS_REVIEW + " true");

    fire(research, timer(research, Elements.PROGRESS_TIMER));
    assertThat(task(Tasks.SUBMIT_PROGRESS_REPORT, research)).isAssignedTo(INVESTIGATOR);
    assertThat(timer(research, Elements.PROGRESS_TIMER).getDuedate())
        .isEqualTo(atVn(LocalDate.parse("2028-06-01"), 8));
  }

  @Test
  void anExtensionRequestIsDecidedWhileTheMainPathWaits() {
    ProcessInstance research = implementing();
    processEngine.getRuntimeService().createMessageCorrelation(ResearchTaskProcess.EXTENSION_REQUESTED_MESSAGE)
        .processInstanceBusinessKey(CODE).setVariable(Vars.EXTENSION_REQUEST_ID.name(),
            5L).correlate();

    Task decide = task(Tasks.DECIDE_EXTENSION, research);
    assertThat(decide).hasCandidateGroup("lanh-dao");
    assertThat(research).isWaitingAt(Tasks.DECIDE_EXTENSION, MIDTERM_GATEWAY);
    complete(decide, withVariables(ResearchTaskProcess.Vars.APPROVED.name(), true,
        ResearchTaskProcess.Vars.COMMENT.name(), "Đồng ý gia hạn 6 tháng"));

    assertThat(research).hasPassed("endEvent_extensionDecided")
        .isWaitingAtExactly(Elements.IMPLEMENTATION, MIDTERM_GATEWAY);
    assertThat(calls).contains(Beans.EXTENSION_DECISION + " 5 true");

    ProcessInstance midterm = midtermByTimer(research);
    findings(midterm, withVariables(MidtermEvaluationProcess.Vars.OUTCOME.name(), "CONTINUE"));
    assertThat(task(Tasks.SUBMIT_FINAL_DOSSIER,
        research).getDueDate()).isEqualTo(endOf(extendedEnd));
  }

  @Test
  void anExtensionGrantedDuringTheMidtermEvaluationIsKeptWhenTheEvaluationEnds() {
    ProcessInstance research = implementing();
    ProcessInstance midterm = midtermByTimer(research);
    processEngine.getRuntimeService().createMessageCorrelation(ResearchTaskProcess.EXTENSION_REQUESTED_MESSAGE)
        .processInstanceBusinessKey(CODE).setVariable(Vars.EXTENSION_REQUEST_ID.name(),
            6L).correlate();
    complete(task(Tasks.DECIDE_EXTENSION, research),
        withVariables(ResearchTaskProcess.Vars.APPROVED.name(), true));
    findings(midterm, withVariables(MidtermEvaluationProcess.Vars.OUTCOME.name(), "CONTINUE"));
    assertThat(task(Tasks.SUBMIT_FINAL_DOSSIER,
        research).getDueDate()).isEqualTo(endOf(extendedEnd));
  }

  @Test
  void aMidtermContinueLeadsToTheFinalDossierDueAtTheContractEnd() {
    ProcessInstance research = atFinalDossier();
    Task dossier = task(Tasks.SUBMIT_FINAL_DOSSIER, research);
    assertThat(dossier).isAssignedTo(INVESTIGATOR);
    assertThat(dossier.getDueDate()).isEqualTo(endOf(CONTRACT_END));
    assertThat(research).variables().containsEntry(Vars.MIDTERM_OUTCOME.name(), "CONTINUE");
    assertThat(research).hasPassed(Elements.MIDTERM_EVALUATION).hasNotPassed(Elements.CLOSE_TERMINATED);
  }

  @Test
  void anApprovedMidtermAdjustmentIsAppliedAndMovesTheFinalDossierDeadline() {
    ProcessInstance research = implementing();
    ProcessInstance midterm = midtermByTimer(research);
    findings(midterm, withVariables(MidtermEvaluationProcess.Vars.FINDINGS.name(),
        "Chậm thí nghiệm", MidtermEvaluationProcess.Vars.OUTCOME.name(), "ADJUST",
        MidtermEvaluationProcess.Vars.NEW_END_DATE.name(), "2029-02-28",
            MidtermEvaluationProcess.Vars.ADJUSTED_BUDGET.name(), 850_000_000L));
    Task approve = task(MidtermEvaluationProcess.Tasks.APPROVE_ADJUSTMENT, midterm);
    assertThat(approve).hasCandidateGroup("lanh-dao");
    complete(approve, withVariables(ResearchTaskProcess.Vars.APPROVED.name(), true));

    assertThat(midterm).hasPassed("serviceTask_applyAdjustment",
        MidtermEvaluationProcess.Elements.END_ADJUSTED)
        .isEnded();
    assertThat(calls).contains(MidtermEvaluationProcess.Beans.APPLY_ADJUSTMENT + " 2029-02-28 850000000");
    assertThat(research).isWaitingAt(Tasks.SUBMIT_FINAL_DOSSIER);
    assertThat(task(Tasks.SUBMIT_FINAL_DOSSIER, research).getDueDate())
        .as("the adjusted end reaches research-task").isEqualTo(endOf(LocalDate.parse("2029-02-28")));
  }

  @Test
  void aReturnedMidtermAdjustmentGoesBackToTheFindings() {
    ProcessInstance research = implementing();
    ProcessInstance midterm = midtermByTimer(research);
    findings(midterm, withVariables(MidtermEvaluationProcess.Vars.OUTCOME.name(), "ADJUST",
        MidtermEvaluationProcess.Vars.NEW_END_DATE.name(), "2029-02-28"));
    complete(task(MidtermEvaluationProcess.Tasks.APPROVE_ADJUSTMENT, midterm),
        withVariables(ResearchTaskProcess.Vars.APPROVED.name(), false,
            ResearchTaskProcess.Vars.COMMENT.name(), "Không đủ căn cứ"));
    assertThat(midterm).isWaitingAtExactly(MidtermEvaluationProcess.Tasks.RECORD_FINDINGS)
        .hasNotPassed("serviceTask_applyAdjustment");

    findings(midterm, withVariables(MidtermEvaluationProcess.Vars.OUTCOME.name(), "CONTINUE"));
    assertThat(midterm).hasPassed(MidtermEvaluationProcess.Elements.END_CONTINUE).isEnded();
    assertThat(task(Tasks.SUBMIT_FINAL_DOSSIER,
        research).getDueDate()).isEqualTo(endOf(CONTRACT_END));
    assertThat(calls).doesNotContain(MidtermEvaluationProcess.Beans.APPLY_ADJUSTMENT + " 2029-02-28 null");
  }

  @Test
  void aReturnedTerminationGoesBackToTheFindings() {
    ProcessInstance research = implementing();
    ProcessInstance midterm = midtermByTimer(research);
    findings(midterm, withVariables(MidtermEvaluationProcess.Vars.OUTCOME.name(), "TERMINATE",
        MidtermEvaluationProcess.Vars.RECOVERY_AMOUNT.name(), 300_000_000L));
    complete(task(MidtermEvaluationProcess.Tasks.APPROVE_TERMINATION, midterm),
        withVariables(ResearchTaskProcess.Vars.APPROVED.name(), false));
    assertThat(midterm).isWaitingAtExactly(MidtermEvaluationProcess.Tasks.RECORD_FINDINGS)
        .hasNotPassed("serviceTask_terminate");
  }

  @Test
  void anApprovedTerminationEndsTheResearchTaskAndCancelsEverythingStillOpen() {
    ProcessInstance research = implementing();
    fire(research, timer(research, Elements.PROGRESS_TIMER)); // a progress report is open
    ProcessInstance midterm = midtermByTimer(research);
    findings(midterm, withVariables(MidtermEvaluationProcess.Vars.FINDINGS.name(),
        "Không có kết quả", MidtermEvaluationProcess.Vars.OUTCOME.name(), "TERMINATE",
        MidtermEvaluationProcess.Vars.RECOVERY_AMOUNT.name(), 300_000_000L));
    Task approve = task(MidtermEvaluationProcess.Tasks.APPROVE_TERMINATION, midterm);
    assertThat(approve).hasCandidateGroup("lanh-dao");
    complete(approve, withVariables(ResearchTaskProcess.Vars.APPROVED.name(), true));

    assertThat(midterm).hasPassed("serviceTask_terminate",
        MidtermEvaluationProcess.Elements.END_TERMINATED)
        .isEnded();
    assertThat(research).hasPassed("endEvent_terminatedError", "boundaryEvent_terminated")
        .isWaitingAtExactly(Elements.CLOSE_TERMINATED);
    assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(research.getId()).count())
        .as("the open progress report is cancelled").isZero();
    assertThat(timers(research)).as("progress timers cancelled").isEmpty();

    execute(job());
    assertThat(research).hasPassed(Elements.CLOSE_TERMINATED, Elements.END_TERMINATED)
        .hasNotPassed(Tasks.SUBMIT_FINAL_DOSSIER, Elements.ACCEPTANCE).isEnded();
    assertThat(calls).containsSubsequence(MidtermEvaluationProcess.Beans.TERMINATE + " 300000000",
        Beans.CLOSE_TERMINATED);
  }

  @Test
  void aFinalDossierMissingPastTheThresholdFailsTheTaskWithoutAcceptance() {
    ProcessInstance research = atFinalDossier();
    processEngine.getRuntimeService().createMessageCorrelation(
        ResearchTaskProcess.FINAL_DOSSIER_MISSING_MESSAGE).processInstanceId(research.getId())
        .correlate();
    assertThat(research).hasPassed(Elements.FINAL_DOSSIER_MISSING)
        .isWaitingAt(Elements.FAIL_MISSING_DOSSIER);
    execute(processEngine.getManagementService().createJobQuery()
        .activityId(Elements.FAIL_MISSING_DOSSIER).singleResult());
    assertThat(research).hasPassed(Elements.DOSSIER_MISSING)
        .isWaitingAtExactly(Elements.ARCHIVE_FAILED);
    assertThat(timers(research)).as("progress timers cancelled").isEmpty();
    execute(job());
    assertThat(research).hasPassed(Elements.ARCHIVE_FAILED, Elements.END_FAILED)
        .hasNotPassed(Elements.ACCEPTANCE).isEnded();
    assertThat(calls).containsSubsequence(Beans.FAIL_MISSING_DOSSIER, Beans.ARCHIVE_FAILED);
  }

  // ------------------------------------------------------------------ acceptance

  @ParameterizedTest
  @ValueSource(strings = {"XUAT_SAC", "DAT"})
  void aPassedTaskFixesItsDossierThenIsRegisteredLiquidatedAndArchived(String councilGrade) {
    ProcessInstance research = atFinalDossier();
    ProcessInstance acceptance = acceptance(research);
    assertThat(timers(research)).as("implementation timers are gone").isEmpty();
    grade = councilGrade;
    gradeAndMeet(acceptance);

    Task fix = task(AcceptanceProcess.Tasks.FIX_FINAL_DOSSIER, acceptance);
    assertThat(fix).isAssignedTo(INVESTIGATOR);
    assertThat(fix.getDueDate()).isEqualTo(in(Duration.ofDays(42)));
    complete(fix, withVariables(ResearchTaskProcess.Vars.NOTE.name(), "Đã hoàn thiện"));
    Task confirm = task(AcceptanceProcess.Tasks.CONFIRM_FIXES, acceptance);
    assertThat(confirm).isAssignedTo("cg.an");
    complete(confirm, withVariables(ResearchTaskProcess.Vars.ACCEPTED.name(), false,
        ResearchTaskProcess.Vars.COMMENT.name(), "Bổ sung phụ lục"));
    assertThat(acceptance).isWaitingAtExactly(AcceptanceProcess.Tasks.FIX_FINAL_DOSSIER);
    complete(task(AcceptanceProcess.Tasks.FIX_FINAL_DOSSIER, acceptance),
        withVariables(ResearchTaskProcess.Vars.NOTE.name(), "Đã bổ sung"));
    complete(task(AcceptanceProcess.Tasks.CONFIRM_FIXES, acceptance),
        withVariables(ResearchTaskProcess.Vars.ACCEPTED.name(), true));

    assertThat(acceptance).hasPassed(AcceptanceProcess.Elements.END_PASSED).isEnded();
    assertThat(research).variables().containsEntry(Vars.GRADE.name(), councilGrade);
    assertThat(task(Tasks.REGISTER_RESULT, research)).hasCandidateGroup("phong-qlkh");
    complete(task(Tasks.REGISTER_RESULT, research),
        withVariables(ResearchTaskProcess.Vars.REGISTRATION_NUMBER.name(), "KQ-2029-01",
        ResearchTaskProcess.Vars.REGISTRATION_DATE.name(), "2029-01-15"));
    assertThat(task(Tasks.LIQUIDATE_CONTRACT, research)).hasCandidateGroup("phong-khtc");
    complete(task(Tasks.LIQUIDATE_CONTRACT, research),
        withVariables(ResearchTaskProcess.Vars.LIQUIDATION_NUMBER.name(), "TL-01",
        ResearchTaskProcess.Vars.LIQUIDATION_DATE.name(), "2029-02-01",
            ResearchTaskProcess.Vars.SETTLED_AMOUNT.name(), 900_000_000L));

    assertThat(research).isWaitingAt(Elements.ARCHIVE);
    execute(job());
    assertThat(research).hasPassed(Tasks.REGISTER_RESULT, Tasks.LIQUIDATE_CONTRACT,
        Elements.ARCHIVE,
        Elements.END_ARCHIVED).hasNotPassed(Elements.ARCHIVE_FAILED).isEnded();
    assertThat(calls).containsSubsequence(AcceptanceProcess.Beans.OPEN + " 0",
        AcceptanceProcess.Beans.APPOINTMENT + " " + MEMBERS, AcceptanceProcess.Beans.MEETING,
        AcceptanceProcess.Beans.DECIDE + " true", AcceptanceProcess.Beans.FIX,
        AcceptanceProcess.Beans.FIX_CONFIRMATION + " false", AcceptanceProcess.Beans.FIX,
        AcceptanceProcess.Beans.FIX_CONFIRMATION + " true", Beans.RESULT_REGISTRATION,
            Beans.LIQUIDATION,
        Beans.ARCHIVE);
    assertThat(calls).filteredOn(c -> c.startsWith(AcceptanceProcess.Beans.GRADE)).hasSize(5);
  }

  @Test
  void aFailedTaskRecordsTheRefundRestrictsThePartiesAndIsArchivedAsFailed() {
    ProcessInstance research = atFinalDossier();
    monthsLate = 7;
    ProcessInstance acceptance = acceptance(research);
    grade = "KHONG_DAT";
    gradeAndMeet(acceptance);

    Task refund = task(AcceptanceProcess.Tasks.RECORD_REFUND, acceptance);
    assertThat(refund).hasCandidateGroup("phong-khtc");
    complete(refund, withVariables(AcceptanceProcess.Vars.DISBURSED_AMOUNT.name(), 600_000_000L,
        AcceptanceProcess.Vars.SPENT_AMOUNT.name(), 450_000_000L,
        ResearchTaskProcess.Vars.NOTE.name(), "Theo báo cáo quyết toán"));
    assertThat(acceptance).hasPassed("serviceTask_restrictParties",
        AcceptanceProcess.Elements.END_FAILED)
        .hasNotPassed(AcceptanceProcess.Tasks.FIX_FINAL_DOSSIER).isEnded();

    assertThat(research).isWaitingAt(Elements.ARCHIVE_FAILED);
    execute(job());
    assertThat(research).hasPassed(Elements.ARCHIVE_FAILED, Elements.END_FAILED)
        .hasNotPassed(Tasks.REGISTER_RESULT, Elements.ARCHIVE).isEnded();
    assertThat(calls).containsSubsequence(AcceptanceProcess.Beans.OPEN + " 7",
        AcceptanceProcess.Beans.REFUND + " 600000000/450000000", AcceptanceProcess.Beans.RESTRICT,
            Beans.ARCHIVE_FAILED);
  }

  @Test
  void withoutAQuorumTheAcceptanceCouncilMeetsAgain() {
    ProcessInstance research = atFinalDossier();
    ProcessInstance acceptance = acceptance(research);
    quorumMet = false;
    gradeAndMeet(acceptance);
    assertThat(acceptance).hasPassed("serviceTask_decideGrade")
        .isWaitingAtExactly(AcceptanceProcess.Tasks.RECORD_MEETING);

    quorumMet = true;
    grade = "DAT";
    meetForAcceptance(acceptance);
    assertThat(acceptance).isWaitingAtExactly(AcceptanceProcess.Tasks.FIX_FINAL_DOSSIER);
    assertThat(historicTasks(acceptance, AcceptanceProcess.Tasks.RECORD_MEETING)).isEqualTo(2);
    assertThat(calls).filteredOn(c -> c.startsWith(AcceptanceProcess.Beans.DECIDE))
        .containsExactly(AcceptanceProcess.Beans.DECIDE + " false",
            AcceptanceProcess.Beans.DECIDE + " true");
  }

  @Test
  void anAcceptanceCouncilNotAppointedInTimeIsEscalated() {
    ProcessInstance research = atFinalDossier();
    ProcessInstance acceptance = acceptance(research);
    Job overdue = timer(acceptance, AcceptanceProcess.Elements.APPOINTMENT_OVERDUE);
    assertThat(overdue.getDuedate()).isEqualTo(in(Duration.ofDays(21)));
    assertThat(task(AcceptanceProcess.Tasks.APPOINT_COUNCIL, acceptance).getDueDate())
        .isEqualTo(overdue.getDuedate());

    fire(acceptance, overdue);
    assertThat(acceptance).hasPassed(AcceptanceProcess.Elements.APPOINTMENT_OVERDUE,
        "serviceTask_escalateAppointment", "endEvent_appointmentEscalated")
        .isWaitingAtExactly(AcceptanceProcess.Tasks.APPOINT_COUNCIL);
    assertThat(calls).contains(AcceptanceProcess.Beans.ESCALATE + " ACCEPTANCE_COUNCIL");

    gradeAndMeet(acceptance);
    assertThat(acceptance).isWaitingAtExactly(AcceptanceProcess.Tasks.FIX_FINAL_DOSSIER);
  }

  // ------------------------------------------------------------------ called processes

  @Test
  void theBusinessKeyAndTheTaskVariablesArePassedDownToEveryCalledProcess() {
    RuntimeService runtime = processEngine.getRuntimeService();
    ProcessInstance research = startResearch();
    checkDossier(research, true);
    ProcessInstance council = council(research);
    assertThat(council.getBusinessKey()).isEqualTo(CODE);
    assertThat(runtime.getVariables(council.getId())).containsEntry(Vars.RESEARCH_TASK_ID.name(),
        RESEARCH_TASK_ID)
        .containsEntry(Vars.TASK_CODE.name(), CODE).containsEntry(Vars.INVESTIGATOR.name(),
            INVESTIGATOR)
        .containsKey(Vars.SUMMARY.name());
    runCouncil(research, "ASSIGN");
    approveBudget(research);
    signContract(research);

    fire(research, timer(research, Elements.MIDPOINT_TIMER));
    ProcessInstance midterm = calledProcessInstance(MidtermEvaluationProcess.KEY, research);
    assertThat(midterm.getBusinessKey()).isEqualTo(CODE);
    assertThat(runtime.getVariables(midterm.getId())).containsEntry(Vars.RESEARCH_TASK_ID.name(),
        RESEARCH_TASK_ID)
        .containsEntry(Vars.INVESTIGATOR.name(), INVESTIGATOR);
    complete(task(MidtermEvaluationProcess.Tasks.SUBMIT_MIDTERM_REPORT, midterm));
    findings(midterm, withVariables(MidtermEvaluationProcess.Vars.OUTCOME.name(), "CONTINUE"));

    monthsLate = 2;
    ProcessInstance acceptance = acceptance(research);
    assertThat(acceptance.getBusinessKey()).isEqualTo(CODE);
    assertThat(runtime.getVariables(acceptance.getId())).containsEntry(Vars.RESEARCH_TASK_ID.name(), RESEARCH_TASK_ID)
        .containsEntry(Vars.MONTHS_LATE.name(), 2).containsEntry(Vars.INVESTIGATOR.name(),
            INVESTIGATOR);
    assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery()
        .superProcessInstanceId(research.getId()).list())
        .extracting(p -> p.getBusinessKey()).containsExactly(CODE, CODE, CODE);
  }
}
