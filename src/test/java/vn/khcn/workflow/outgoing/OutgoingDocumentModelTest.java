package vn.khcn.workflow.outgoing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.khcn.workflow.outgoing.OutgoingDocumentProcess.Beans;
import vn.khcn.workflow.outgoing.OutgoingDocumentProcess.Elements;
import vn.khcn.workflow.outgoing.OutgoingDocumentProcess.Tasks;
import vn.khcn.workflow.outgoing.OutgoingDocumentProcess.Vars;
import vn.khcn.workflow.support.DeployedProcessModels;

/**
 * processes/outgoing-document.bpmn on a bare engine, its beans replaced by doubles that keep the
 * model's variables as the real steps do: every path (straight through, a return at each check,
 * an opinion round answered late with its reminder and overdue timers, an urgent issue's timer).
 */
class OutgoingDocumentModelTest {

  @RegisterExtension
  @Order(1)
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("model-tests.cfg.xml").build();

  @RegisterExtension
  @Order(2)
  static DeployedProcessModels models = new DeployedProcessModels(engine);

  /** Monday 07/12/2026, 09:00 in Hà Nội time. */
  static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");

  final List<String> calls = new ArrayList<>();
  ProcessEngine processEngine;
  /** What the sign double schedules: hours until the issue is due. */
  int issueHours = 24;

  @BeforeEach
  void setUp() {
    processEngine = engine.getProcessEngine();
    BpmnAwareTests.init(processEngine);
    ClockUtil.setCurrentTime(Date.from(NOW));
    Mocks.register(Beans.VIEW_LISTENER, (TaskListener) task -> Vars.DOCUMENT_VIEW.setLocal(task,
        "Công văn 7" + (Vars.RETURN_COMMENT.get(task) == null ? ""
            : " – TRẢ LẠI: " + Vars.RETURN_COMMENT.get(task))));
    Mocks.register(Beans.DRAFT_LISTENER, (TaskListener) task -> {
      calls.add("submitted");
      Vars.RETURN_COMMENT.set(task.getExecution(), null);
    });
    Mocks.register(Beans.OPINION_REQUEST_LISTENER, (ExecutionListener) execution -> {
      String id = Vars.OPINION_REQUEST_ID.require(execution);
      boolean unit = id.equals("1");
      Instant due = NOW.plusSeconds(3 * 86_400);
      Vars.OPINION_USERS.setLocal(execution, new ArrayList<>(unit ? List.of() : List.of("tp.qlcn")));
      Vars.OPINION_GROUPS.setLocal(execution, new ArrayList<>(unit ? List.of("phong-khtc")
          : List.of()));
      Vars.OPINION_DUE_DATE.setLocal(execution, Date.from(due));
      Vars.OPINION_REMINDER_DATE.setLocal(execution, Date.from(due.minusSeconds(86_400)));
      Vars.OPINION_ESCALATION_CYCLE.setLocal(execution, "R/" + due + "/P1D");
    });
    Mocks.register(Beans.OPINION_ANSWER_LISTENER, (TaskListener) task -> calls.add("answer "
        + Vars.OPINION_REQUEST_ID.require(task) + " " + Vars.POSITION.get(task)));
    Mocks.register(Beans.REMIND_OPINION, (JavaDelegate) execution -> calls.add("remind "
        + Vars.OPINION_REQUEST_ID.require(execution)));
    Mocks.register(Beans.ESCALATE_OPINION, (JavaDelegate) execution -> calls.add("overdue "
        + Vars.OPINION_REQUEST_ID.require(execution)));
    Mocks.register(Beans.CONSOLIDATION_LISTENER, (TaskListener) task -> calls.add("consolidated"));
    Mocks.register(Beans.ROUTE_CONTENT_CHECK, (JavaDelegate) execution -> {
      Vars.CONTENT_CHECK_USERS.set(execution, new ArrayList<>(List.of("tp.qlkh")));
      Vars.CONTENT_CHECK_GROUPS.set(execution, new ArrayList<>());
    });
    Mocks.register(Beans.CHECK_LISTENER, (TaskListener) task -> {
      boolean passed = Vars.APPROVED.get(task);
      Vars.CHECK_PASSED.set(task.getExecution(), passed);
      Vars.RETURN_COMMENT.set(task.getExecution(), passed ? null : Vars.COMMENT.get(task));
      if (passed && Tasks.APPROVE_SIGNATURE.equals(task.getTaskDefinitionKey())) {
        Vars.SIGNER.set(task.getExecution(), "giamdoc");
        Vars.SIGN_AUTHORITY.set(task.getExecution(), Vars.AUTHORITY.get(task));
      }
    });
    Mocks.register(Beans.SIGNATURE_CANDIDATES_LISTENER, (TaskListener) task ->
        task.addCandidateUsers(List.of("cvp")));
    Mocks.register(Beans.SIGN, (JavaDelegate) execution -> {
      calls.add("signed " + Vars.SIGNER.require(execution) + " "
          + Vars.SIGN_AUTHORITY.get(execution));
      Instant due = ClockUtil.getCurrentTime().toInstant().plusSeconds(issueHours * 3600L);
      Vars.ISSUE_DUE_DATE.set(execution, Date.from(due));
      Vars.ISSUE_ESCALATION_CYCLE.set(execution, "R/" + due + (issueHours == 1 ? "/PT1H"
          : "/P1D"));
    });
    Mocks.register(Beans.NUMBER_LISTENER, (TaskListener) task -> Vars.CLERK.set(
        task.getExecution(), "vanthu"));
    Mocks.register(Beans.ESCALATE_ISSUE, (JavaDelegate) execution -> calls.add("issue late"));
    Mocks.register(Beans.ISSUE, (JavaDelegate) execution -> calls.add("issued by "
        + Vars.CLERK.require(execution)));
    Mocks.register(Beans.SEND, (JavaDelegate) execution -> calls.add("send "
        + Vars.DOCUMENT_ID.require(execution)));
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void straightThroughFromDraftToSending() {
    ProcessInstance instance = start();
    Task draft = task(instance, Tasks.DRAFT);
    assertThat(candidateUsers(draft)).containsExactly("cv.qlkh");
    complete(draft, Map.of());
    Task content = task(instance, Tasks.CHECK_CONTENT);
    assertThat(candidateUsers(content)).containsExactly("tp.qlkh");
    complete(content, Map.of("approved", true));
    Task form = task(instance, Tasks.CHECK_FORM);
    assertThat(candidateGroups(form)).containsExactly("van-phong");
    complete(form, Map.of("approved", true));
    Task signature = task(instance, Tasks.APPROVE_SIGNATURE);
    assertThat(candidateGroups(signature)).containsExactly("lanh-dao");
    assertThat(candidateUsers(signature)).containsExactly("cvp");
    complete(signature, Map.of("approved", true, "authority", "KT."));
    Task number = task(instance, Tasks.NUMBER);
    assertThat(candidateGroups(number)).containsExactly("van-thu");
    assertThat(number.getDueDate().toInstant()).isEqualTo(NOW.plusSeconds(24 * 3600));
    complete(number, Map.of());
    assertThat(instance).isWaitingAt(Elements.SEND);
    executeJobs(instance);

    assertThat(instance).hasPassed(Elements.ROUTE_CONTENT_CHECK, Elements.SIGN, Elements.ISSUE,
        Elements.SEND, Elements.END).hasNotPassed(Elements.OPINIONS).isEnded();
    assertThat(calls).containsExactly("submitted", "signed giamdoc KT.", "issued by vanthu",
        "send 7");
  }

  @Test
  void aReturnAtTheContentCheckGoesBackToTheDraftWithTheComment() {
    ProcessInstance instance = start();
    complete(task(instance, Tasks.DRAFT), Map.of());
    complete(task(instance, Tasks.CHECK_CONTENT), Map.of("approved", false,
        "comment", "Bổ sung số liệu năm 2026"));
    Task again = task(instance, Tasks.DRAFT);
    assertThat(processEngine.getTaskService().getVariableLocal(again.getId(), "documentView"))
        .isEqualTo("Công văn 7 – TRẢ LẠI: Bổ sung số liệu năm 2026");
    complete(again, Map.of());
    assertThat(task(instance, Tasks.CHECK_CONTENT)).isNotNull();
    assertThat(instance).hasNotPassed(Elements.SIGN);
  }

  @Test
  void aReturnAtTheFormCheckGoesBackToTheDraft() {
    ProcessInstance instance = start();
    complete(task(instance, Tasks.DRAFT), Map.of());
    complete(task(instance, Tasks.CHECK_CONTENT), Map.of("approved", true));
    complete(task(instance, Tasks.CHECK_FORM), Map.of("approved", false,
        "comment", "Thiếu nơi nhận", "formRecipients", false));
    assertThat(task(instance, Tasks.DRAFT)).isNotNull();
    assertThat(instance).hasPassed(Tasks.CHECK_FORM)
        .hasNotPassed(Tasks.APPROVE_SIGNATURE, Elements.SIGN);
    assertThat(Vars.RETURN_COMMENT.read(processEngine.getRuntimeService().getVariable(
        instance.getId(), Vars.RETURN_COMMENT.name()))).isEqualTo("Thiếu nơi nhận");
  }

  @Test
  void aReturnByTheSignerGoesBackToTheDraftAndNothingIsSigned() {
    ProcessInstance instance = start();
    complete(task(instance, Tasks.DRAFT), Map.of());
    complete(task(instance, Tasks.CHECK_CONTENT), Map.of("approved", true));
    complete(task(instance, Tasks.CHECK_FORM), Map.of("approved", true));
    complete(task(instance, Tasks.APPROVE_SIGNATURE), Map.of("approved", false,
        "comment", "Sửa mục 2"));
    assertThat(task(instance, Tasks.DRAFT)).isNotNull();
    assertThat(instance).hasPassed(Tasks.APPROVE_SIGNATURE).hasNotPassed(Elements.SIGN);
    assertThat(calls).as("nothing signed").containsExactly("submitted");
  }

  @Test
  void anOpinionRoundAnsweredLateRemindsAndEscalatesThenTheDrafterConsolidates() {
    ProcessInstance instance = start();
    processEngine.getRuntimeService()
        .createMessageCorrelation(OutgoingDocumentProcess.MESSAGE_OPINIONS_REQUESTED)
        .processInstanceBusinessKey("7")
        .setVariable(Vars.OPINION_REQUEST_IDS.name(), new ArrayList<>(List.of("1", "2")))
        .correlate();
    assertThat(instance).hasPassed(Elements.OPINIONS_REQUESTED);
    List<Task> asked = tasks(instance, Tasks.GIVE_OPINION);
    assertThat(asked).hasSize(2);
    assertThat(asked).allSatisfy(t -> assertThat(t.getDueDate().toInstant())
        .isEqualTo(NOW.plusSeconds(3 * 86_400)));
    assertThat(asked.stream().flatMap(t -> candidateGroups(t).stream())).containsExactly(
        "phong-khtc");
    assertThat(asked.stream().flatMap(t -> candidateUsers(t).stream())).containsExactly(
        "tp.qlcn");
    assertThat(tasks(instance, Tasks.DRAFT)).as("the draft waits for the round").isEmpty();

    // one answers in time; the reminder of the other fires the day before its due
    Task unitTask = asked.stream().filter(t -> !candidateGroups(t).isEmpty()).findFirst()
        .orElseThrow();
    complete(unitTask, Map.of("position", "AGREE"));
    fireTimers(instance, NOW.plusSeconds(2 * 86_400));
    assertThat(calls).containsExactly("answer 1 AGREE", "remind 2");
    // overdue: escalated on the due, and again each day while unanswered
    fireTimers(instance, NOW.plusSeconds(3 * 86_400));
    fireTimers(instance, NOW.plusSeconds(4 * 86_400));
    assertThat(calls).containsExactly("answer 1 AGREE", "remind 2", "overdue 2", "overdue 2");
    assertThat(tasks(instance, Tasks.CONSOLIDATE)).isEmpty();

    complete(task(instance, Tasks.GIVE_OPINION), Map.of("position", "DISAGREE",
        "opinionText", "Chưa rõ kinh phí"));
    assertThat(jobs(instance)).as("no timer of the round is left").isEmpty();
    Task consolidate = task(instance, Tasks.CONSOLIDATE);
    assertThat(candidateUsers(consolidate)).containsExactly("cv.qlkh");
    complete(consolidate, Map.of());
    assertThat(task(instance, Tasks.CHECK_CONTENT)).isNotNull();
    assertThat(calls).endsWith("answer 2 DISAGREE", "consolidated");
  }

  @Test
  void anUrgentDocumentNotIssuedInItsHourIsEscalatedAndStillWaitsForItsNumber() {
    issueHours = 1;
    ProcessInstance instance = start();
    complete(task(instance, Tasks.DRAFT), Map.of());
    complete(task(instance, Tasks.CHECK_CONTENT), Map.of("approved", true));
    complete(task(instance, Tasks.CHECK_FORM), Map.of("approved", true));
    complete(task(instance, Tasks.APPROVE_SIGNATURE), Map.of("approved", true,
        "authority", ""));
    Job timer = processEngine.getManagementService().createJobQuery()
        .processInstanceId(instance.getId()).timers().singleResult();
    assertThat(timer.getDuedate().toInstant()).isEqualTo(NOW.plusSeconds(3600));
    fireTimers(instance, NOW.plusSeconds(3599));
    assertThat(calls).doesNotContain("issue late");
    fireTimers(instance, NOW.plusSeconds(3600));
    fireTimers(instance, NOW.plusSeconds(7200));
    assertThat(calls).containsSequence("issue late", "issue late");
    assertThat(instance).isWaitingAt(Tasks.NUMBER);
    complete(task(instance, Tasks.NUMBER), Map.of());
    executeJobs(instance);
    assertThat(instance).isEnded();
  }

  private ProcessInstance start() {
    return processEngine.getRuntimeService().startProcessInstanceByKey(
        OutgoingDocumentProcess.KEY, "7", Variables.createVariables()
            .putValue(Vars.DOCUMENT_ID.name(), 7L).putValue(Vars.DRAFTER.name(), "cv.qlkh")
            .putValue(Vars.SUMMARY.name(), "Về việc báo cáo")
            .putValue(Vars.URGENCY.name(), "NORMAL"));
  }

  private Task task(ProcessInstance instance, String key) {
    List<Task> found = tasks(instance, key);
    assertThat(found).as("open " + key).hasSize(1);
    return found.get(0);
  }

  private List<Task> tasks(ProcessInstance instance, String key) {
    return processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(key).list();
  }

  private void complete(Task task, Map<String, Object> variables) {
    processEngine.getTaskService().complete(task.getId(), variables);
  }

  private List<String> candidateUsers(Task task) {
    return processEngine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getUserId).filter(u -> u != null).toList();
  }

  private List<String> candidateGroups(Task task) {
    return processEngine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId).filter(g -> g != null).toList();
  }

  private List<Job> jobs(ProcessInstance instance) {
    return processEngine.getManagementService().createJobQuery()
        .processInstanceId(instance.getId()).list();
  }

  /** Moves the clock and runs every job then due (timers and the async steps they lead to). */
  private void fireTimers(ProcessInstance instance, Instant at) {
    ClockUtil.setCurrentTime(Date.from(at));
    executeJobs(instance);
  }

  private void executeJobs(ProcessInstance instance) {
    for (int round = 0; round < 10; round++) {
      List<Job> due = processEngine.getManagementService().createJobQuery()
          .processInstanceId(instance.getId()).executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> processEngine.getManagementService().executeJob(job.getId()));
    }
  }
}
