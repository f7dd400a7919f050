package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khcn.workflow.dispatch.DispatchFixtures.document;
import static vn.khcn.workflow.support.TestHttp.variables;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.support.TestHttp;
import vn.khcn.workflow.support.TestHttp.Response;

/** The whole dispatch workflow worked through the REST API as the demo users would. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@org.junit.jupiter.api.extension.ExtendWith(vn.khcn.workflow.support.UnitsWithoutHeads.class)
class DispatchFlowTest {

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired DispatchDeadlines deadlines;
  @Autowired vn.khcn.workflow.calendar.WorkingCalendar calendar;
  @Autowired java.time.Clock clock;

  TestHttp api;

  @BeforeEach
  void setUp() {
    api = TestHttp.of(rest);
  }

  JsonNode register() {
    Response created = api.post("vanthu", "/api/incoming-documents",
        document(UUID.randomUUID().toString().substring(0, 8) + "/KH-UBND"));
    assertThat(created.status()).isEqualTo(201);
    return created.body();
  }

  Task task(String processInstanceId, String key) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(key).list();
    assertThat(tasks).as("open %s tasks", key).hasSize(1);
    return tasks.get(0);
  }

  /** Claim and complete as a person does in Tasklist; returns the HTTP status of completion. */
  int work(String user, Task task, Map<String, Object> body) {
    Response claim = api.post(user, "/engine-rest/task/" + task.getId() + "/claim",
        Map.of("userId", user));
    assertThat(claim.status()).as("claim by %s: %s", user, claim.body()).isEqualTo(204);
    return api.post(user, "/engine-rest/task/" + task.getId() + "/complete", body).status();
  }

  static String dueDate() {
    return LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(10) + "T17:00:00.000+0700";
  }

  JsonNode details(JsonNode registered) {
    return api.get("giamdoc", "/api/incoming-documents/" + registered.get("id").asLong()).body();
  }

  @Test
  void leadPlusTwoCoordinatingUnitsReturnedOnceThenApprovedAndFiled() {
    JsonNode doc = register();
    String pi = doc.get("processInstanceId").asText();

    assertThat(work("giamdoc", task(pi, IncomingDirectiveProcess.Tasks.GIVE_DIRECTION), variables(
        "direction", "String", "Phòng QLKH chủ trì tham mưu kế hoạch triển khai; KHTC, Văn phòng phối hợp.",
        "infoOnly", "Boolean", false,
        "leadUnit", "String", "phong-qlkh",
        "coordinatingUnits", "Json", "[\"phong-khtc\",\"van-phong\"]",
        "informedUnits", "Json", "[\"phong-qlcn\"]",
        "dueDate", "Date", dueDate()))).isEqualTo(204);

    List<Task> unitTasks = taskService.createTaskQuery().processInstanceId(pi)
        .taskDefinitionKey(IncomingDirectiveProcess.Tasks.HANDLE_ASSIGNMENT).list();
    assertThat(unitTasks).hasSize(3);
    assertThat(details(doc).get("status").asText()).isEqualTo("IN_PROGRESS");

    Map<String, String> members = Map.of("phong-qlkh", "cv.qlkh", "phong-khtc", "cv.khtc",
        "van-phong", "cv.vp");
    for (Task unitTask : unitTasks) {
      String unit = taskService.getIdentityLinksForTask(unitTask.getId()).get(0).getGroupId();
      String member = members.get(unit);
      assertThat(member).as("candidate group %s", unit).isNotNull();
      assertThat(work(member, unitTask, variables("result", "String", "Kết quả của " + unit)))
          .isEqualTo(204);
    }
    assertThat(runtimeService.getVariable(pi, "result")).as("no shared result variable").isNull();

    Task consolidate = task(pi, IncomingDirectiveProcess.Tasks.CONSOLIDATE_REPORT);
    assertThat((String) taskService.getVariableLocal(consolidate.getId(), "documentView"))
        .contains("Kết quả của phong-khtc", "Kết quả của van-phong");
    assertThat(work("cv.qlkh", consolidate, variables("report", "String", "Dự thảo kế hoạch lần 1")))
        .isEqualTo(204);
    assertThat(details(doc).get("status").asText()).isEqualTo("AWAITING_APPROVAL");

    assertThat(work("phogiamdoc", task(pi, IncomingDirectiveProcess.Tasks.APPROVE_RESULT), variables(
        "approved", "Boolean", false, "comment", "String", "Bổ sung kinh phí thực hiện.")))
        .isEqualTo(204);
    Task again = task(pi, IncomingDirectiveProcess.Tasks.CONSOLIDATE_REPORT);
    assertThat((String) taskService.getVariableLocal(again.getId(), "documentView"))
        .contains("Bổ sung kinh phí thực hiện.");
    assertThat(work("cv.qlkh", again, variables("report", "String", "Dự thảo kế hoạch lần 2")))
        .isEqualTo(204);
    assertThat(work("giamdoc", task(pi, IncomingDirectiveProcess.Tasks.APPROVE_RESULT), variables(
        "approved", "Boolean", true, "comment", "String", "Đồng ý."))).isEqualTo(204);

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    JsonNode archived = details(doc);
    assertThat(archived.get("status").asText()).isEqualTo("ARCHIVED");
    assertThat(archived.get("report").asText()).isEqualTo("Dự thảo kế hoạch lần 2");
    assertThat(archived.get("trail")).extracting(t -> t.get("action").asText()).containsExactly(
        "REGISTERED", "PRESENTED", "DIRECTION_GIVEN", "INFORMED", "UNIT_RESULT", "UNIT_RESULT",
        "UNIT_RESULT", "REPORT_SUBMITTED", "RETURNED", "REPORT_SUBMITTED", "APPROVED", "ARCHIVED");
    assertThat(archived.get("trail")).filteredOn(t -> t.get("action").asText().equals("UNIT_RESULT"))
        .extracting(t -> t.get("actor").asText()).containsExactlyInAnyOrder("cv.qlkh", "cv.khtc", "cv.vp");
    assertThat(archived.get("assignments")).extracting(a -> a.get("role").asText())
        .containsExactlyInAnyOrder("LEAD", "COORDINATING", "COORDINATING", "INFORMED");

    List<HistoricTaskInstance> history = historyService.createHistoricTaskInstanceQuery()
        .processInstanceId(pi).taskDefinitionKey(IncomingDirectiveProcess.Tasks.APPROVE_RESULT).finished().list();
    assertThat(history).extracting(HistoricTaskInstance::getAssignee)
        .containsExactlyInAnyOrder("phogiamdoc", "giamdoc");
  }

  @Test
  void aLongDirectionAndLongUnitResultsStillFitTheTasksView() {
    JsonNode doc = register();
    String pi = doc.get("processInstanceId").asText();
    // each under the 4,000 characters a typed text may have; together far over what the engine
    // keeps in one string variable (the view the next tasks show)
    String direction = "Phòng QLKH chủ trì rà soát từng nội dung của văn bản. ".repeat(60).strip();
    assertThat(work("giamdoc", task(pi, IncomingDirectiveProcess.Tasks.GIVE_DIRECTION), variables(
        "direction", "String", direction, "infoOnly", "Boolean", false,
        "leadUnit", "String", "phong-qlkh", "coordinatingUnits", "Json", "[\"phong-khtc\"]",
        "informedUnits", "Json", "[]", "dueDate", "Date", dueDate())))
        .as("the director's direction of %s characters", direction.length()).isEqualTo(204);
    Map<String, String> members = Map.of("phong-qlkh", "cv.qlkh", "phong-khtc", "cv.khtc");
    for (Task unitTask : taskService.createTaskQuery().processInstanceId(pi)
        .taskDefinitionKey(IncomingDirectiveProcess.Tasks.HANDLE_ASSIGNMENT).list()) {
      String unit = taskService.getIdentityLinksForTask(unitTask.getId()).get(0).getGroupId();
      assertThat(work(members.get(unit), unitTask, variables("result", "String",
          ("Kết quả của " + unit + ": đã hoàn thành phần việc được giao. ").repeat(40))))
          .isEqualTo(204);
    }

    String view = (String) taskService.getVariableLocal(
        task(pi, IncomingDirectiveProcess.Tasks.CONSOLIDATE_REPORT).getId(), "documentView");
    assertThat(view.length()).isLessThanOrEqualTo(4000);
    assertThat(view).startsWith("Số đến: ").contains("Trích yếu: ", "Kết quả của phong-khtc",
        "Kết quả của phong-qlkh", "Phòng QLKH chủ trì rà soát", "…", "đã được rút gọn");
    assertThat(details(doc).get("trail")).filteredOn(t -> t.get("action").asText()
        .equals("DIRECTION_GIVEN")).extracting(t -> t.get("comment").asText())
        .as("the document's own record keeps the whole direction").singleElement()
        .asString().startsWith(direction + "\nChủ trì: ");
  }

  @Test
  void aResultOfEightThousandCharactersIsRecordedWholeAndTheEngineKeepsNoneOfIt() {
    JsonNode doc = register();
    String pi = doc.get("processInstanceId").asText();
    assertThat(work("giamdoc", task(pi, IncomingDirectiveProcess.Tasks.GIVE_DIRECTION), variables(
        "direction", "String", "Xử lý.", "infoOnly", "Boolean", false,
        "leadUnit", "String", "phong-qlkh", "coordinatingUnits", "Json", "[]",
        "informedUnits", "Json", "[]", "dueDate", "Date", dueDate()))).isEqualTo(204);
    Task unitTask = task(pi, IncomingDirectiveProcess.Tasks.HANDLE_ASSIGNMENT);
    vn.khcn.workflow.support.CamundaWebapp tasklist = api.webapp("cv.qlkh", "tasklist");
    assertThat(tasklist.post("/task/" + unitTask.getId() + "/claim",
        Map.of("userId", "cv.qlkh")).status()).isEqualTo(204);
    // the form's own limit (ADR 0044); over the engine's string column (4,000), once a 500
    String end = " Kết quả: hoàn thành.";
    String result = "Phòng QLKH đã rà soát, tổng hợp và trả lời từng nội dung được giao. "
        .repeat(200).substring(0, 8000 - end.length()) + end;
    String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();

    Response refused = tasklist.post("/task/" + unitTask.getId() + "/submit-form", variables(
        "result", "String", result + "!", "replyNumber", "String", "15/SKHCN-QLKH",
        "replyDate", "String", today));
    assertThat(refused.status()).as(refused.text()).isEqualTo(400);
    assertThat(refused.text()).contains("result", "dài quá 8000 ký tự (8001)");
    assertThat(taskService.createTaskQuery().taskId(unitTask.getId()).count())
        .as("the task stays open").isOne();

    Response submitted = tasklist.post("/task/" + unitTask.getId() + "/submit-form", variables(
        "result", "String", result, "replyNumber", "String", "15/SKHCN-QLKH",
        "replyDate", "String", today));
    assertThat(submitted.status()).as(submitted.text()).isEqualTo(204);
    Response again = tasklist.post("/task/" + unitTask.getId() + "/submit-form", variables(
        "result", "String", "Gửi lại.", "replyNumber", "String", "15/SKHCN-QLKH"));
    assertThat(again.status()).as("Tasklist's API answers as /engine-rest does, not 500: %s",
        again.text()).isEqualTo(404);
    assertThat(again.text()).contains("có thể công việc đã được hoàn thành");

    JsonNode recorded = details(doc);
    assertThat(recorded.get("trail")).filteredOn(t -> t.get("action").asText()
        .equals("UNIT_RESULT")).extracting(t -> t.get("comment").asText()).singleElement()
        .asString().startsWith(result + "\n").contains("15/SKHCN-QLKH");
    assertThat(recorded.get("report").asText()).as("the lead unit alone: its result is the report")
        .isEqualTo(result);
    assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(pi)
        .variableName("result").count()).as("the engine keeps no copy").isZero();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi)
        .variableName("result").count()).as("nor any history of it").isZero();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi)
        .variableName("replyNumber").count()).as("the form's short fields keep theirs").isOne();
    java.net.http.HttpResponse<byte[]> slip = api.download("giamdoc",
        "/api/incoming-documents/" + doc.get("id").asLong() + "/slip.pdf");
    assertThat(slip.statusCode()).isEqualTo(200);
    assertThat(PdfText.of(slip.body()).text())
        .contains("Phòng QLKH đã rà soát", "Kết quả: hoàn thành.");
  }

  @Test
  void infoOnlyIsFiledAtOnceAndTheInformedUnitsAreTold() {
    JsonNode doc = register();
    String pi = doc.get("processInstanceId").asText();

    assertThat(work("giamdoc", task(pi, IncomingDirectiveProcess.Tasks.GIVE_DIRECTION), variables(
        "infoOnly", "Boolean", true,
        "informedUnits", "Json", "[\"phong-qlcn\",\"van-phong\"]"))).isEqualTo(204);

    JsonNode filed = details(doc);
    assertThat(filed.get("status").asText()).isEqualTo("ARCHIVED");
    assertThat(filed.get("trail")).extracting(t -> t.get("action").asText())
        .containsExactly("REGISTERED", "PRESENTED", "DIRECTION_GIVEN", "INFORMED", "ARCHIVED");
    assertThat(filed.get("trail").get(3).get("comment").asText())
        .contains("Phòng Quản lý công nghệ", "Văn phòng Sở");
  }

  @Test
  void oneUnitAloneGoesStraightToApproval() {
    JsonNode doc = register();
    String pi = doc.get("processInstanceId").asText();
    assertThat(work("giamdoc", task(pi, IncomingDirectiveProcess.Tasks.GIVE_DIRECTION), variables(
        "direction", "String", "Văn phòng Sở xử lý.", "leadUnit", "String", "van-phong",
        "dueDate", "String", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(3).toString())))
        .isEqualTo(204);
    assertThat(work("cv.vp", task(pi, IncomingDirectiveProcess.Tasks.HANDLE_ASSIGNMENT),
        variables("result", "String", "Đã phát hành công văn trả lời."))).isEqualTo(204);

    assertThat(taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey(IncomingDirectiveProcess.Tasks.CONSOLIDATE_REPORT)
        .count()).isZero();
    task(pi, IncomingDirectiveProcess.Tasks.APPROVE_RESULT);
    JsonNode awaiting = details(doc);
    assertThat(awaiting.get("status").asText()).isEqualTo("AWAITING_APPROVAL");
    assertThat(awaiting.get("report").asText()).isEqualTo("Đã phát hành công văn trả lời.");
  }

  @Test
  void invalidDirectionIsRefusedWith400AndTheTaskStaysOpen() {
    JsonNode doc = register();
    String pi = doc.get("processInstanceId").asText();
    Task direction = task(pi, IncomingDirectiveProcess.Tasks.GIVE_DIRECTION);

    Response refused = api.post("giamdoc", "/engine-rest/task/" + direction.getId() + "/complete",
        variables("direction", "String", "Xử lý", "leadUnit", "String", "phong-khong-co",
            "coordinatingUnits", "Json", "[\"phong-qlkh\",\"so-tai-chinh\"]",
            "dueDate", "String", "2020-01-01"));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().get("message").asText())
        .contains("leadUnit", "so-tai-chinh", "dueDate");
    assertThat(task(pi, IncomingDirectiveProcess.Tasks.GIVE_DIRECTION).getId()).isEqualTo(direction.getId());
    assertThat(details(doc).get("trail")).extracting(t -> t.get("action").asText())
        .doesNotContain("DIRECTION_GIVEN");
  }

  @Test
  void returningWithoutCommentIsRefused() {
    JsonNode doc = register();
    String pi = doc.get("processInstanceId").asText();
    work("giamdoc", task(pi, IncomingDirectiveProcess.Tasks.GIVE_DIRECTION), variables("direction", "String", "Xử lý.",
        "leadUnit", "String", "phong-qlcn", "dueDate", "Date", dueDate()));
    work("cv.qlcn", task(pi, IncomingDirectiveProcess.Tasks.HANDLE_ASSIGNMENT), variables("result", "String", "Xong."));

    Task approve = task(pi, IncomingDirectiveProcess.Tasks.APPROVE_RESULT);
    assertThat(work("giamdoc", approve, variables("approved", "Boolean", false))).isEqualTo(400);
    assertThat(task(pi, IncomingDirectiveProcess.Tasks.APPROVE_RESULT).getId()).isEqualTo(approve.getId());
  }

  @Test
  void reminderAndEscalationAppearInTheTrailWhileTheUnitKeepsWorking() {
    JsonNode doc = register();
    String pi = doc.get("processInstanceId").asText();
    work("giamdoc", task(pi, IncomingDirectiveProcess.Tasks.GIVE_DIRECTION), variables("direction", "String", "Xử lý gấp.",
        "leadUnit", "String", "phong-khtc", "dueDate", "Date", dueDate()));

    List<Job> timers = managementService.createJobQuery().processInstanceId(pi).timers().list();
    assertThat(timers).hasSize(2);
    Job reminder = timers.stream().min((a, b) -> a.getDuedate().compareTo(b.getDuedate())).get();
    Job overdue = timers.stream().max((a, b) -> a.getDuedate().compareTo(b.getDuedate())).get();
    // the timers fire early here: the steps see a working day's morning before the due date
    deadlines.useClock(java.time.Clock.fixed(calendar.officeStart(calendar.addWorkingDays(
        LocalDate.now(clock).plusDays(1), 0)).plusSeconds(3600), clock.getZone()));
    try {
      runJobAndItsContinuation(pi, reminder);
      runJobAndItsContinuation(pi, overdue);
    } finally {
      deadlines.useClock(clock);
    }

    task(pi, IncomingDirectiveProcess.Tasks.HANDLE_ASSIGNMENT);
    JsonNode tracked = details(doc);
    assertThat(tracked.get("trail")).extracting(t -> t.get("action").asText())
        .contains("REMINDER", "ESCALATED");
    assertThat(tracked.get("assignments").get(0).get("escalatedAt").isNull()).isFalse();
    assertThat(tracked.get("assignments").get(0).get("remindedAt").isNull()).isFalse();
  }

  private void runJobAndItsContinuation(String pi, Job timer) {
    managementService.executeJob(timer.getId());
    for (Job job : managementService.createJobQuery().processInstanceId(pi).messages().list()) {
      managementService.executeJob(job.getId());
    }
  }
}
