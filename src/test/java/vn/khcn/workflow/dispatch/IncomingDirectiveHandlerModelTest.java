package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess.Beans;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess.Elements;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess.Tasks;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess.Vars;
import vn.khcn.workflow.support.DeployedProcessModels;

/**
 * processes/incoming-directive.bpmn inside a unit on a bare engine (slip parts 2, 3): the head
 * names a handler, who proposes; the head approves, returns or reassigns; the internal deadline.
 */
class IncomingDirectiveHandlerModelTest extends IncomingDirectiveModelSupport {

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

  // ------------------------------------------------ unit head, handler, proposal (slip parts 2, 3)

  @Test
  void theHeadNamesAHandlerWhoProposesAndTheHeadApprovesBeforeTheResultGoesUp() {
    headed.add("phong-qlkh");
    ProcessInstance instance = register();
    direct(instance, withVariables(Vars.LEAD_UNIT.name(), "phong-qlkh", Vars.INFO_ONLY.name(), false));
    assertThat(unitTasks(instance)).as("no group task for a unit with a head").isEmpty();
    Task assign = only(instance, Tasks.ASSIGN_HANDLER);
    assertThat(assign).hasCandidateUser("head-phong-qlkh").isNotAssigned();
    assertThat(assign.getDueDate()).as("the head's task is due by the unit's deadline")
        .isEqualTo(Date.from(T0.plus(Duration.ofDays(10))));
    complete(assign, withVariables(Vars.HANDLER.name(), "cv.qlkh",
        Vars.HANDLER_DUE_DATE.name(), "2026-11-27", Vars.HANDLER_NOTE.name(), "Làm gấp"));
    assertThat(processEngine.getRuntimeService().getVariable(instance.getId(), Vars.HANDLER.name()))
        .as("the head's choice stays local to the task").isNull();

    Task propose = only(instance, Tasks.PROPOSE_RESULT);
    assertThat(propose).isAssignedTo("cv.qlkh");
    assertThat(propose.getDueDate()).isEqualTo(Date.from(T0.plus(Duration.ofDays(5))));
    complete(propose, withVariables(Vars.RESULT.name(), "Dự thảo văn bản trả lời"));
    Task review = only(instance, Tasks.REVIEW_PROPOSAL);
    assertThat(review).hasCandidateUser("head-phong-qlkh");
    complete(review, withVariables(Vars.PROPOSAL_APPROVED.name(), "true"));

    assertThat(instance).hasPassed(Elements.UNIT_DONE_BY_HEAD).isWaitingAt(Tasks.APPROVE_RESULT);
    assertThat(calls).containsSubsequence(Beans.HANDLER_LISTENER + " phong-qlkh cv.qlkh",
        Beans.PROPOSAL_LISTENER + " phong-qlkh Dự thảo văn bản trả lờinull",
        Beans.PROPOSAL_REVIEW_LISTENER + " phong-qlkh true");
    assertThat(calls).noneMatch(c -> c.startsWith(Beans.UNIT_RESULT_LISTENER));
  }

  @Test
  void aReturnedProposalGoesBackToTheSameHandler() {
    headed.add("phong-qlkh");
    ProcessInstance instance = register();
    direct(instance, withVariables(Vars.LEAD_UNIT.name(), "phong-qlkh", Vars.INFO_ONLY.name(), false));
    complete(only(instance, Tasks.ASSIGN_HANDLER), withVariables(Vars.HANDLER.name(), "cv.qlkh"));
    complete(only(instance, Tasks.PROPOSE_RESULT), withVariables(Vars.RESULT.name(), "Lần 1"));
    complete(only(instance, Tasks.REVIEW_PROPOSAL), withVariables(Vars.PROPOSAL_APPROVED.name(), false,
        Vars.PROPOSAL_COMMENT.name(), "Bổ sung số liệu"));

    assertThat(instance).isWaitingAt(Tasks.PROPOSE_RESULT).hasNotPassed(Elements.UNIT_DONE_BY_HEAD);
    assertThat(only(instance, Tasks.PROPOSE_RESULT)).isAssignedTo("cv.qlkh");
    complete(only(instance, Tasks.PROPOSE_RESULT), withVariables(Vars.RESULT.name(), "Lần 2"));
    complete(only(instance, Tasks.REVIEW_PROPOSAL), withVariables(Vars.PROPOSAL_APPROVED.name(), true));
    assertThat(instance).isWaitingAt(Tasks.APPROVE_RESULT);
    assertThat(processEngine.getHistoryService().createHistoricTaskInstanceQuery()
        .processInstanceId(instance.getId()).taskDefinitionKey(Tasks.PROPOSE_RESULT).count()).isEqualTo(2);
  }

  @Test
  void theHeadReassignsWhileTheHandlerWorksAndTheNewHandlersTimersReplaceTheOld() {
    headed.add("phong-qlkh");
    ProcessInstance instance = register();
    direct(instance, withVariables(Vars.LEAD_UNIT.name(), "phong-qlkh", Vars.INFO_ONLY.name(), false));
    complete(only(instance, Tasks.ASSIGN_HANDLER), withVariables(Vars.HANDLER.name(), "cv.qlkh"));
    Task first = only(instance, Tasks.PROPOSE_RESULT);
    assertThat(timers(instance)).as("the handler's reminder and escalation").hasSize(2);

    handlers.put("phong-qlkh", "pp.qlkh"); // what the service records before it correlates
    processEngine.getRuntimeService().messageEventReceived(
        IncomingDirectiveProcess.Messages.HANDLER_REASSIGNED, first.getExecutionId());

    Task second = only(instance, Tasks.PROPOSE_RESULT);
    assertThat(second.getId()).isNotEqualTo(first.getId());
    assertThat(second).isAssignedTo("pp.qlkh");
    assertThat(timers(instance)).as("the first handler's timers ended with the task").hasSize(2);
    complete(second, withVariables(Vars.RESULT.name(), "Xong"));
    complete(only(instance, Tasks.REVIEW_PROPOSAL), withVariables(Vars.PROPOSAL_APPROVED.name(), true));
    assertThat(instance).isWaitingAt(Tasks.APPROVE_RESULT);
  }

  @Test
  void theHandlerIsRemindedAndEscalatedByTheInternalDeadline() {
    headed.add("phong-qlkh");
    ProcessInstance instance = register();
    direct(instance, withVariables(Vars.LEAD_UNIT.name(), "phong-qlkh", Vars.INFO_ONLY.name(), false));
    complete(only(instance, Tasks.ASSIGN_HANDLER), withVariables(Vars.HANDLER.name(), "cv.qlkh"));
    ClockUtil.setCurrentTime(Date.from(T0.plus(Duration.ofDays(4)).plusSeconds(60)));
    runDueJobs(instance);
    assertThat(calls).contains(Beans.REMIND + " phong-qlkh HANDLER");
    ClockUtil.setCurrentTime(Date.from(T0.plus(Duration.ofDays(5)).plusSeconds(60)));
    runDueJobs(instance);
    assertThat(calls).contains(Beans.ESCALATE + " phong-qlkh HANDLER")
        .doesNotContain(Beans.ESCALATE + " phong-qlkh HANDLING");
    assertThat(only(instance, Tasks.PROPOSE_RESULT)).as("non-interrupting").isAssignedTo("cv.qlkh");
  }

  @Test
  void aUnitWithoutAHeadKeepsItsGroupTaskBesideAUnitWithOne() {
    headed.add("phong-qlkh");
    ProcessInstance instance = register();
    direct(instance, withVariables(Vars.LEAD_UNIT.name(), "phong-qlkh",
        Vars.COORDINATING_UNITS.name(), List.of("phong-khtc")));
    assertThat(unitTasks(instance)).extracting(this::candidateGroup).containsExactly("phong-khtc");
    assertThat(only(instance, Tasks.ASSIGN_HANDLER)).hasCandidateUser("head-phong-qlkh");
    complete(unitTasks(instance).get(0), withVariables(Vars.RESULT.name(), "Phối hợp xong"));
    complete(only(instance, Tasks.ASSIGN_HANDLER), withVariables(Vars.HANDLER.name(), "cv.qlkh"));
    complete(only(instance, Tasks.PROPOSE_RESULT), withVariables(Vars.RESULT.name(), "Chủ trì xong"));
    complete(only(instance, Tasks.REVIEW_PROPOSAL), withVariables(Vars.PROPOSAL_APPROVED.name(), true));
    assertThat(processEngine.getRuntimeService().getVariable(instance.getId(), Vars.PROPOSAL_APPROVED.name()))
        .as("the review's decision stays the unit's").isNull();
    assertThat(instance).isWaitingAt(Tasks.CONSOLIDATE_REPORT);
  }
}
