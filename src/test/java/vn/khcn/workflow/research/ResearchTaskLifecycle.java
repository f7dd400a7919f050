package vn.khcn.workflow.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import vn.khcn.workflow.research.ResearchTaskProcess.Elements;
import vn.khcn.workflow.research.ResearchTaskProcess.Tasks;
import vn.khcn.workflow.research.ResearchTaskProcess.Vars;

/**
 * The steps of processes/research-task.bpmn and the models it calls, as the model tests take
 * them: dossier, council, budget, contract, midterm, acceptance.
 */
abstract class ResearchTaskLifecycle extends ResearchModelSupport {

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
}
