package vn.khcn.workflow.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.khcn.workflow.research.ResearchTaskProcess.Beans;
import vn.khcn.workflow.research.ResearchTaskProcess.Elements;
import vn.khcn.workflow.research.ResearchTaskProcess.Tasks;
import vn.khcn.workflow.research.ResearchTaskProcess.Vars;
import vn.khcn.workflow.support.DeployedProcessModels;

/**
 * The implementation of processes/research-task.bpmn: midterm evaluation (midterm-evaluation.bpmn),
 * progress reports, extensions, adjustments and termination, on a bare engine with the doubles of
 * {@link ResearchModelDoubles}.
 */
class ResearchTaskImplementationModelTest extends ResearchTaskLifecycle {

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
}
