package vn.khcn.workflow.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.khcn.workflow.research.AssignmentCouncilProcess.Beans;
import vn.khcn.workflow.research.AssignmentCouncilProcess.Elements;
import vn.khcn.workflow.research.AssignmentCouncilProcess.Tasks;
import vn.khcn.workflow.research.AssignmentCouncilProcess.Vars;
import vn.khcn.workflow.support.DeployedProcessModels;

/**
 * Every path of processes/assignment-council.bpmn, started on its own as research-task starts it
 * (business key and the four passed-down variables), with the doubles of {@link ResearchModelSupport}.
 */
class AssignmentCouncilModelTest extends ResearchModelSupport {

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

  ProcessInstance start() {
    return processEngine.getRuntimeService().startProcessInstanceByKey(AssignmentCouncilProcess.KEY,
        CODE, researchVariables());
  }

  /** Appointment, every member declares no conflict and scores. */
  ProcessInstance councilReadyToMeet() {
    ProcessInstance council = start();
    assertThat(council).isWaitingAt(Tasks.APPOINT_COUNCIL);
    complete(task(Tasks.APPOINT_COUNCIL, council), appointCouncilForm());
    completeAll(council, Tasks.DECLARE_CONFLICT, withVariables(Vars.NO_CONFLICT.name(), true));
    completeAll(council, Tasks.SCORE_PROPOSAL, ballot());
    assertThat(council).isWaitingAtExactly(Tasks.RECORD_MEETING);
    return council;
  }

  void meet(ProcessInstance council) {
    Task meeting = task(Tasks.RECORD_MEETING, council);
    assertThat(meeting).isAssignedTo("cg.chi");
    complete(meeting, withVariables(Vars.MEETING_DATE.name(), "2026-12-05", Vars.PRESENT.name(),
        MEMBERS));
  }

  @Test
  void appointedMembersDeclareAndScoreInParallelThenTheCouncilAssigns() {
    ProcessInstance council = start();
    Task appoint = task(Tasks.APPOINT_COUNCIL, council);
    assertThat(appoint).hasCandidateGroup("lanh-dao").isNotAssigned();
    assertThat(processEngine.getTaskService().getVariableLocal(appoint.getId(),
        ResearchTaskProcess.Vars.RESEARCH_VIEW.name())).isEqualTo("Nhiệm vụ " + CODE);
    complete(appoint, appointCouncilForm());

    List<Task> declarations = tasks(council, Tasks.DECLARE_CONFLICT);
    assertThat(declarations).extracting(Task::getAssignee).containsExactlyInAnyOrderElementsOf(MEMBERS);
    assertThat(declarations).allSatisfy(t -> assertThat(t.getDueDate()).isEqualTo(in(Duration.ofDays(14))));
    completeAll(council, Tasks.DECLARE_CONFLICT, withVariables(Vars.NO_CONFLICT.name(), true));
    assertThat(tasks(council, Tasks.SCORE_PROPOSAL)).extracting(Task::getAssignee)
        .containsExactlyInAnyOrderElementsOf(MEMBERS);
    assertThat(council).hasNotPassed(Tasks.APPOINT_REPLACEMENT);
    completeAll(council, Tasks.SCORE_PROPOSAL, ballot());

    assertThat(council).isWaitingAtExactly(Tasks.RECORD_MEETING);
    verdict = "ASSIGN";
    meet(council);
    assertThat(council).hasPassed(Elements.EVALUATE, Elements.END_ASSIGNED).isEnded();
    assertThat(calls).filteredOn(c -> c.startsWith(Beans.BALLOT)).hasSize(5);
    assertThat(calls).containsSubsequence(Beans.APPOINTMENT + " " + MEMBERS, Beans.MEETING,
        Beans.EVALUATE + " true");
  }

  @Test
  void aMemberWithAConflictIsReplacedAndTheReplacementDeclaresAndScores() {
    ProcessInstance council = start();
    complete(task(Tasks.APPOINT_COUNCIL, council), appointCouncilForm());
    complete(taskOf(council, Tasks.DECLARE_CONFLICT, "cg.dung"),
        withVariables(Vars.NO_CONFLICT.name(), false, ResearchTaskProcess.Vars.NOTE.name(),
            "Đồng tác giả của chủ nhiệm"));

    assertThat(council).isWaitingAt(Tasks.APPOINT_REPLACEMENT, Tasks.DECLARE_CONFLICT);
    assertThat(processEngine.getRuntimeService().getVariable(council.getId(), Vars.CONFLICT.name()))
        .as("the declaration stays in the member's instance").isNull();
    assertThat(processEngine.getRuntimeService().createVariableInstanceQuery()
        .processInstanceIdIn(council.getId()).variableName(Vars.CONFLICT.name()).list())
        .as("one conflict variable per member").hasSize(5)
        .filteredOn(v -> Boolean.TRUE.equals(v.getValue())).hasSize(1);

    completeAll(council, Tasks.DECLARE_CONFLICT, withVariables(Vars.NO_CONFLICT.name(), true));
    Task replacement = task(Tasks.APPOINT_REPLACEMENT, council);
    assertThat(replacement).hasCandidateGroup("lanh-dao");
    complete(replacement, withVariables(Vars.REPLACEMENT.name(), "cg.hoa"));

    Task declaration = task(Tasks.DECLARE_CONFLICT, council);
    assertThat(declaration).isAssignedTo("cg.hoa");
    complete(declaration, withVariables(Vars.NO_CONFLICT.name(), true));
    completeAll(council, Tasks.SCORE_PROPOSAL, ballot());

    assertThat(council).isWaitingAtExactly(Tasks.RECORD_MEETING).hasPassed(Tasks.APPOINT_REPLACEMENT);
    List<HistoricTaskInstance> ballots = processEngine.getHistoryService()
        .createHistoricTaskInstanceQuery().processInstanceId(council.getId())
        .taskDefinitionKey(Tasks.SCORE_PROPOSAL).list();
    assertThat(ballots).extracting(HistoricTaskInstance::getAssignee)
        .containsExactlyInAnyOrder("cg.an", "cg.binh", "cg.chi", "cg.giang", "cg.hoa");
    assertThat(calls).contains(Beans.DECLARATION + " cg.dung true",
        Beans.REPLACEMENT + " cg.dung cg.hoa",
        Beans.DECLARATION + " cg.hoa false", Beans.BALLOT + " cg.hoa")
        .doesNotContain(Beans.BALLOT + " cg.dung");

    meet(council);
    assertThat(council).hasPassed(Elements.END_ASSIGNED).isEnded();
  }

  @Test
  void replacingTheSecretaryMakesTheReplacementRecordTheMeeting() {
    ProcessInstance council = start();
    complete(task(Tasks.APPOINT_COUNCIL, council), appointCouncilForm());
    complete(taskOf(council, Tasks.DECLARE_CONFLICT, "cg.chi"),
        withVariables(Vars.NO_CONFLICT.name(), false));
    complete(task(Tasks.APPOINT_REPLACEMENT, council), withVariables(Vars.REPLACEMENT.name(),
        "cg.khanh"));
    completeAll(council, Tasks.DECLARE_CONFLICT, withVariables(Vars.NO_CONFLICT.name(), true));
    completeAll(council, Tasks.SCORE_PROPOSAL, ballot());
    assertThat(task(Tasks.RECORD_MEETING, council)).isAssignedTo("cg.khanh");
  }

  @Test
  void aMemberWhoHasNotScoredByTheBallotDeadlineLeavesWithoutABallot() {
    ProcessInstance council = start();
    complete(task(Tasks.APPOINT_COUNCIL, council), appointCouncilForm());
    completeAll(council, Tasks.DECLARE_CONFLICT, withVariables(Vars.NO_CONFLICT.name(), true));
    for (Task ballot : tasks(council, Tasks.SCORE_PROPOSAL)) {
      if (!ballot.getAssignee().equals("cg.giang")) {
        complete(ballot, ballot());
      }
    }
    assertThat(council).isWaitingAt(Tasks.SCORE_PROPOSAL);
    assertThat(tasks(council, Tasks.SCORE_PROPOSAL)).extracting(Task::getAssignee)
        .containsExactly("cg.giang");
    fire(council, timer(council, Elements.BALLOT_OVERDUE));
    assertThat(council).hasPassed(Elements.BALLOT_MISSED)
        .isWaitingAtExactly(Tasks.RECORD_MEETING);
    assertThat(calls).filteredOn(c -> c.startsWith(Beans.BALLOT)).hasSize(MEMBERS.size() - 1);
  }

  @Test
  void withoutAQuorumTheSecretaryRecordsAnotherMeeting() {
    ProcessInstance council = councilReadyToMeet();
    quorumMet = false;
    meet(council);
    assertThat(council).hasPassed(Elements.EVALUATE).isWaitingAtExactly(Tasks.RECORD_MEETING);
    assertThat(historicTasks(council, Tasks.RECORD_MEETING)).isEqualTo(2);

    quorumMet = true;
    verdict = "ASSIGN";
    meet(council);
    assertThat(council).hasPassed(Elements.END_ASSIGNED).isEnded();
    assertThat(calls).filteredOn(c -> c.startsWith(Beans.EVALUATE))
        .containsExactly(Beans.EVALUATE + " false", Beans.EVALUATE + " true");
  }

  @Test
  void theCouncilRejects() {
    ProcessInstance council = councilReadyToMeet();
    verdict = "REJECT";
    meet(council);
    assertThat(council).hasPassed(Elements.END_REJECTED).hasNotPassed(Elements.END_ASSIGNED,
        Tasks.SUBMIT_REVISION).isEnded();
    assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(council.getId()).variableName(ResearchTaskProcess.Vars.VERDICT.name())
        .singleResult().getValue()).isEqualTo("REJECT");
  }

  @Test
  void assignedAfterRevisionOnceTheSecretaryAndTheChairAcceptTheRevisedOutline() {
    ProcessInstance council = councilReadyToMeet();
    verdict = "ASSIGN_AFTER_REVISION";
    meet(council);

    Task revision = task(Tasks.SUBMIT_REVISION, council);
    assertThat(revision).isAssignedTo(INVESTIGATOR);
    assertThat(revision.getDueDate()).isEqualTo(in(Duration.ofDays(20)));
    complete(revision, withVariables(Vars.RESPONSE_NOTE.name(), "Đã sửa mục tiêu"));

    Task verify = task(Tasks.VERIFY_REVISION, council);
    assertThat(verify).isAssignedTo("cg.chi");
    complete(verify, withVariables(ResearchTaskProcess.Vars.ACCEPTED.name(), false,
        ResearchTaskProcess.Vars.COMMENT.name(), "Chưa sửa phương pháp"));
    assertThat(council).isWaitingAtExactly(Tasks.SUBMIT_REVISION).hasNotPassed(Tasks.CONFIRM_REVISION);

    complete(task(Tasks.SUBMIT_REVISION, council), withVariables(Vars.RESPONSE_NOTE.name(),
        "Đã sửa tiếp"));
    complete(task(Tasks.VERIFY_REVISION, council),
        withVariables(ResearchTaskProcess.Vars.ACCEPTED.name(), true));
    Task confirm = task(Tasks.CONFIRM_REVISION, council);
    assertThat(confirm).isAssignedTo("cg.an");
    complete(confirm, withVariables(ResearchTaskProcess.Vars.ACCEPTED.name(), true));

    assertThat(council).hasPassed(Elements.END_ASSIGNED_AFTER_REVISION)
        .hasNotPassed(Elements.END_ASSIGNED, Elements.END_REJECTED).isEnded();
    assertThat(historicTasks(council, Tasks.SUBMIT_REVISION)).isEqualTo(2);
    assertThat(calls).containsSubsequence(Beans.REVISION_SUBMITTED,
        Beans.REVISION_VERIFIED + " false",
        Beans.REVISION_SUBMITTED, Beans.REVISION_VERIFIED + " true",
            Beans.REVISION_CONFIRMED + " true");
  }

  @Test
  void theChairCanSendTheRevisedOutlineBackAfterTheSecretaryAccepted() {
    ProcessInstance council = councilReadyToMeet();
    verdict = "ASSIGN_AFTER_REVISION";
    meet(council);
    complete(task(Tasks.SUBMIT_REVISION, council), withVariables(Vars.RESPONSE_NOTE.name(),
        "Lần 1"));
    complete(task(Tasks.VERIFY_REVISION, council),
        withVariables(ResearchTaskProcess.Vars.ACCEPTED.name(), true));
    complete(task(Tasks.CONFIRM_REVISION, council),
        withVariables(ResearchTaskProcess.Vars.ACCEPTED.name(), false,
        ResearchTaskProcess.Vars.COMMENT.name(), "Sửa sản phẩm"));
    assertThat(council).isWaitingAtExactly(Tasks.SUBMIT_REVISION);
    complete(task(Tasks.SUBMIT_REVISION, council), withVariables(Vars.RESPONSE_NOTE.name(),
        "Lần 2"));
    complete(task(Tasks.VERIFY_REVISION, council),
        withVariables(ResearchTaskProcess.Vars.ACCEPTED.name(), true));
    complete(task(Tasks.CONFIRM_REVISION, council),
        withVariables(ResearchTaskProcess.Vars.ACCEPTED.name(), true));
    assertThat(council).hasPassed(Elements.END_ASSIGNED_AFTER_REVISION).isEnded();
  }

  @Test
  void theInvestigatorIsRemindedThreeDaysBeforeTheRevisionDeadlineAndTheOfficeToldWhenItPasses() {
    ProcessInstance council = councilReadyToMeet();
    verdict = "ASSIGN_AFTER_REVISION";
    meet(council);
    assertThat(timers(council)).hasSize(2);
    Job reminder = timer(council, Elements.REVISION_REMINDER);
    Job overdue = timer(council, Elements.REVISION_OVERDUE);
    assertThat(reminder.getDuedate()).isEqualTo(in(Duration.ofDays(17)));
    assertThat(overdue.getDuedate()).isEqualTo(in(Duration.ofDays(20)));

    fire(council, reminder);
    assertThat(council).hasPassed(Elements.REVISION_REMINDER, "serviceTask_remindRevision")
        .isWaitingAtExactly(Tasks.SUBMIT_REVISION);
    assertThat(calls).contains(AssignmentCouncilProcess.Beans.REMIND + " REVISION")
        .doesNotContain(AssignmentCouncilProcess.Beans.ESCALATE + " REVISION");

    fire(council, overdue);
    assertThat(council).hasPassed(Elements.REVISION_OVERDUE, "serviceTask_escalateRevision")
        .isWaitingAtExactly(Tasks.SUBMIT_REVISION);
    assertThat(calls).contains(AssignmentCouncilProcess.Beans.ESCALATE + " REVISION");
    assertThat(timers(council)).isEmpty();

    complete(task(Tasks.SUBMIT_REVISION, council), withVariables(Vars.RESPONSE_NOTE.name(),
        "Muộn"));
    assertThat(council).isWaitingAtExactly(Tasks.VERIFY_REVISION);
  }

  @Test
  void submittingTheRevisionInTimeCancelsTheReminderAndOverdueTimers() {
    ProcessInstance council = councilReadyToMeet();
    verdict = "ASSIGN_AFTER_REVISION";
    meet(council);
    complete(task(Tasks.SUBMIT_REVISION, council), withVariables(Vars.RESPONSE_NOTE.name(),
        "Đúng hạn"));
    assertThat(timers(council)).isEmpty();
    complete(task(Tasks.VERIFY_REVISION, council),
        withVariables(ResearchTaskProcess.Vars.ACCEPTED.name(), false));
    assertThat(timers(council)).as("the timers come back with the task").hasSize(2);
  }
}
