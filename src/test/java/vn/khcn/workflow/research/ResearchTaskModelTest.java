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
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
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
 * The paths of processes/research-task.bpmn before the implementation (dossier, council, budget,
 * contract) and what it passes down to every called process, on a bare engine with the doubles
 * of {@link ResearchModelDoubles}; the implementation and the acceptance are in
 * {@link ResearchTaskImplementationModelTest} and {@link ResearchTaskAcceptanceModelTest}.
 */
class ResearchTaskModelTest extends ResearchTaskLifecycle {

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
