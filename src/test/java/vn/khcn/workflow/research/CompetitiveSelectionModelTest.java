package vn.khcn.workflow.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.khcn.workflow.research.CompetitiveSelectionProcess.Elements;
import vn.khcn.workflow.research.CompetitiveSelectionProcess.Tasks;
import vn.khcn.workflow.research.CompetitiveSelectionProcess.Vars;
import vn.khcn.workflow.support.DeployedProcessModels;

/**
 * Every path of processes/competitive-selection.bpmn with doubles of its beans, and the two paths
 * assignment-council takes for a dossier of a call (ADR 0029).
 */
class CompetitiveSelectionModelTest extends ResearchModelSupport {

  @RegisterExtension
  @Order(1)
  static ProcessEngineExtension engine = newEngineExtension();

  @RegisterExtension
  @Order(2)
  static DeployedProcessModels models = new DeployedProcessModels(engine);

  static final String CALL = "TC-2026-03";
  static final List<String> DOSSIERS = List.of("7", "8", "9");

  /** closeIntakeStep: the dossiers found valid at the deadline. */
  List<String> valid = DOSSIERS;

  @Override
  ProcessEngineExtension engine() {
    return engine;
  }

  @BeforeEach
  void registerSelectionDoubles() {
    Mocks.register(CompetitiveSelectionProcess.Beans.VIEW_LISTENER, (TaskListener) task ->
        task.setVariableLocal(Vars.SELECTION_VIEW.name(), "Đợt " + CALL));
    Mocks.register(CompetitiveSelectionProcess.Beans.BALLOT_VIEW_LISTENER, (TaskListener) task ->
        task.setVariableLocal(ResearchTaskProcess.Vars.RESEARCH_VIEW.name(),
            "Hồ sơ " + task.getVariable(Vars.DOSSIER.name())));
    Mocks.register(CompetitiveSelectionProcess.Beans.CLOSE_INTAKE, (JavaDelegate) execution -> {
      execution.setVariable(Vars.DOSSIERS.name(), new ArrayList<>(valid));
      execution.setVariable(Vars.DOSSIER_COUNT.name(), valid.size());
      calls.add("closeIntake " + valid.size());
    });
    Mocks.register(CompetitiveSelectionProcess.Beans.APPOINTMENT, (TaskListener) task -> {
      var instance = task.getExecution().getProcessInstance();
      instance.setVariable(AssignmentCouncilProcess.Vars.COUNCIL_MEMBERS.name(),
          new ArrayList<>(MEMBERS));
      instance.setVariable(AssignmentCouncilProcess.Vars.BALLOT_DUE_DATE.name(),
          in(Duration.ofDays(14)));
      instance.setVariable(AssignmentCouncilProcess.Vars.CHAIR.name(), "cg.an");
      instance.setVariable(AssignmentCouncilProcess.Vars.SECRETARY.name(), "cg.chi");
      calls.add("appoint");
    });
    Mocks.register(CompetitiveSelectionProcess.Beans.DECLARATION, (TaskListener) task -> {
      boolean conflict = !(Boolean) task.getVariable(
          AssignmentCouncilProcess.Vars.NO_CONFLICT.name());
      task.getExecution().setVariable(AssignmentCouncilProcess.Vars.CONFLICT.name(), conflict);
      calls.add("declare " + task.getAssignee() + " " + conflict);
    });
    Mocks.register(CompetitiveSelectionProcess.Beans.REPLACEMENT, (TaskListener) task -> {
      String replacement = (String) task.getVariable(
          AssignmentCouncilProcess.Vars.REPLACEMENT.name());
      task.getExecution().setVariable(AssignmentCouncilProcess.Vars.MEMBER.name(), replacement);
      task.getExecution().setVariable(AssignmentCouncilProcess.Vars.CONFLICT.name(), false);
      calls.add("replace " + replacement);
    });
    Mocks.register(CompetitiveSelectionProcess.Beans.BALLOT, (TaskListener) task ->
        calls.add("ballot " + task.getAssignee() + " " + task.getVariable(Vars.DOSSIER.name())));
    Mocks.register(CompetitiveSelectionProcess.Beans.MEETING, (TaskListener) task ->
        calls.add("meeting " + task.getVariable(Vars.COUNTING_TEAM.name())));
    Mocks.register(CompetitiveSelectionProcess.Beans.RANK, (JavaDelegate) execution -> {
      execution.setVariable(AssignmentCouncilProcess.Vars.QUORUM_MET.name(), quorumMet);
      calls.add("rank " + quorumMet);
    });
  }

  ProcessInstance startCall() {
    ProcessInstance call = processEngine.getRuntimeService().startProcessInstanceByKey(
        CompetitiveSelectionProcess.KEY, CALL, Variables.createVariables()
            .putValue(Vars.SELECTION_CALL_ID.name(), 3L)
            .putValue(ResearchTaskProcess.Vars.TASK_CODE.name(), CALL)
            .putValue(ResearchTaskProcess.Vars.SUMMARY.name(), "Chuyển đổi số cấp xã")
            .putValue(Vars.INTAKE_CLOSES_AT.name(), in(Duration.ofDays(10))));
    assertThat(call).isWaitingAtExactly(Elements.DEADLINE);
    return call;
  }

  @Test
  void aCallWithoutAValidDossierEndsAtTheDeadline() {
    valid = List.of();
    ProcessInstance call = startCall();
    fire(call, timer(call, Elements.DEADLINE));
    assertThat(call).isEnded().hasPassed(Elements.END_NO_DOSSIER);
    assertThat(calls).containsExactly("closeIntake 0");
  }

  @Test
  void oneCouncilScoresEveryDossierMeetsAgainWithoutQuorumAndRanks() {
    ProcessInstance call = startCall();
    fire(call, timer(call, Elements.DEADLINE));
    assertThat(call).isWaitingAtExactly(Tasks.APPOINT_COUNCIL);
    complete(task(Tasks.APPOINT_COUNCIL, call), appointCouncilForm());

    // a conflict: the director replaces the member, who declares in turn
    for (String member : MEMBERS) {
      complete(taskOf(call, Tasks.DECLARE_CONFLICT, member), withVariables(
          AssignmentCouncilProcess.Vars.NO_CONFLICT.name(), !member.equals("cg.giang"),
          ResearchTaskProcess.Vars.NOTE.name(), "Đồng tác giả của một hồ sơ"));
    }
    complete(task(Tasks.APPOINT_REPLACEMENT, call), withVariables(
        AssignmentCouncilProcess.Vars.REPLACEMENT.name(), "cg.hoa"));
    complete(taskOf(call, Tasks.DECLARE_CONFLICT, "cg.hoa"), withVariables(
        AssignmentCouncilProcess.Vars.NO_CONFLICT.name(), true));

    // every member present scores every dossier: one task each
    List<Task> ballots = tasks(call, Tasks.SCORE_DOSSIER);
    assertThat(ballots).hasSize(MEMBERS.size() * DOSSIERS.size());
    assertThat(ballots).extracting(Task::getAssignee).doesNotContain("cg.giang").contains("cg.hoa");
    completeAll(call, Tasks.SCORE_DOSSIER, ballot());
    assertThat(calls).contains("ballot cg.hoa 7", "ballot cg.hoa 8", "ballot cg.hoa 9",
        "ballot cg.an 9");

    quorumMet = false;
    complete(taskOf(call, Tasks.RECORD_MEETING, "cg.chi"), withVariables(
        Vars.COUNTING_TEAM.name(), new ArrayList<>(List.of("cg.an", "cg.binh", "cg.dung"))));
    runAsyncJobs(call);
    assertThat(call).isWaitingAtExactly(Tasks.RECORD_MEETING);
    quorumMet = true;
    complete(taskOf(call, Tasks.RECORD_MEETING, "cg.chi"), withVariables(
        Vars.COUNTING_TEAM.name(), new ArrayList<>(List.of("cg.an", "cg.binh", "cg.dung"))));
    assertThat(call).isWaitingAt(Elements.RANK);
    runAsyncJobs(call);
    assertThat(call).isEnded().hasPassed(Elements.END_RANKED);
    assertThat(calls).containsSubsequence("appoint", "declare cg.giang true", "replace cg.hoa",
        "rank false", "rank true");
  }

  @Test
  void aDossierOfACallWaitsForTheRankingThenTakesTheVerdictPath() {
    selectionRoute = "CALL";
    ProcessInstance rejected = processEngine.getRuntimeService().startProcessInstanceByKey(
        AssignmentCouncilProcess.KEY, CODE, researchVariables());
    assertThat(rejected).isWaitingAtExactly(AssignmentCouncilProcess.Elements.SELECTION_CONCLUDED);
    processEngine.getRuntimeService()
        .createMessageCorrelation(AssignmentCouncilProcess.SELECTION_CONCLUDED_MESSAGE)
        .processInstanceBusinessKey(CODE)
        .setVariable(ResearchTaskProcess.Vars.VERDICT.name(), "REJECT").correlate();
    assertThat(rejected).isEnded().hasPassed(AssignmentCouncilProcess.Elements.END_REJECTED)
        .hasNotPassed(AssignmentCouncilProcess.Tasks.APPOINT_COUNCIL);

    ProcessInstance selected = processEngine.getRuntimeService().startProcessInstanceByKey(
        AssignmentCouncilProcess.KEY, "DT-2026-08", researchVariables());
    processEngine.getRuntimeService()
        .createMessageCorrelation(AssignmentCouncilProcess.SELECTION_CONCLUDED_MESSAGE)
        .processInstanceBusinessKey("DT-2026-08")
        .setVariable(ResearchTaskProcess.Vars.VERDICT.name(), "ASSIGN").correlate();
    assertThat(selected).isEnded().hasPassed(AssignmentCouncilProcess.Elements.END_ASSIGNED);
  }

  @Test
  void aDossierValidAfterTheIntakeClosedIsRejectedAtOnce() {
    selectionRoute = "CLOSED";
    ProcessInstance late = processEngine.getRuntimeService().startProcessInstanceByKey(
        AssignmentCouncilProcess.KEY, CODE, researchVariables());
    assertThat(late).isEnded().hasPassed(AssignmentCouncilProcess.Elements.END_REJECTED)
        .hasNotPassed(AssignmentCouncilProcess.Elements.SELECTION_CONCLUDED);
  }
}
