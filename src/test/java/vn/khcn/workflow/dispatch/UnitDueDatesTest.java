package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khcn.workflow.dispatch.DispatchFixtures.document;
import static vn.khcn.workflow.support.TestHttp.variables;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.calendar.WorkingCalendar;
import vn.khcn.workflow.support.TestHttp;
import vn.khcn.workflow.support.TestHttp.Response;

/**
 * A deadline per unit (Decree 30/2020 Art. 23(2)): the director gives a co-ordinating unit an
 * earlier deadline than the common one; its task, timers, overdue mark and the reports follow it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@org.junit.jupiter.api.extension.ExtendWith(vn.khcn.workflow.support.UnitsWithoutHeads.class)
class UnitDueDatesTest {

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired DispatchDeadlines deadlines;
  @Autowired WorkingCalendar calendar;
  @Autowired AssignmentRepository assignments;
  @Autowired HandlingFigures figures;
  @Autowired Clock clock;

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

  String directionTask(String pi) {
    return taskService.createTaskQuery().processInstanceId(pi)
        .taskDefinitionKey(IncomingDirectiveProcess.Tasks.GIVE_DIRECTION).singleResult().getId();
  }

  Task unitTask(String pi, String unit) {
    return taskService.createTaskQuery().processInstanceId(pi)
        .taskDefinitionKey(IncomingDirectiveProcess.Tasks.HANDLE_ASSIGNMENT)
        .taskCandidateGroup(unit).singleResult();
  }

  Map<String, Object> direction(LocalDate common, Map<String, String> unitDueDates) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("direction", "Phòng QLKH chủ trì, Phòng KH-TC góp ý trước.");
    body.put("leadUnit", "phong-qlkh");
    body.put("coordinatingUnits", List.of("phong-khtc"));
    body.put("informedUnits", List.of("van-phong"));
    body.put("dueDate", common.toString());
    body.put("unitDueDates", unitDueDates);
    return body;
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  @Test
  void theUnitWithTheEarlierDeadlineHasItOnItsTaskAndIsOverdueFirst() {
    JsonNode doc = register();
    long id = doc.get("id").asLong();
    String pi = doc.get("processInstanceId").asText();
    LocalDate common = calendar.addWorkingDays(today(), 10);
    LocalDate own = calendar.addWorkingDays(today(), 3);
    Response done = api.post("giamdoc", "/api/inbox/" + directionTask(pi) + "/direction",
        direction(common, Map.of("phong-khtc", own.toString())));
    assertThat(done.status()).as("%s", done.text()).isEqualTo(204);

    Instant ownDue = calendar.officeEnd(own);
    Instant commonDue = calendar.officeEnd(common);
    assertThat(unitTask(pi, "phong-khtc").getDueDate().toInstant()).isEqualTo(ownDue);
    assertThat(unitTask(pi, "phong-qlkh").getDueDate().toInstant()).isEqualTo(commonDue);
    JsonNode details = api.get("giamdoc", "/api/incoming-documents/" + id).body();
    Map<String, String> dueByUnit = new LinkedHashMap<>();
    details.get("assignments").forEach(a -> dueByUnit.put(a.get("unit").asText(),
        !a.hasNonNull("dueDate") ? null : Instant.parse(a.get("dueDate").asText()).toString()));
    assertThat(dueByUnit).containsEntry("phong-khtc", ownDue.toString())
        .containsEntry("phong-qlkh", commonDue.toString()).containsEntry("van-phong", null);
    assertThat(details.get("trail").toString()).contains("hạn riêng của");

    // each unit's escalation timer starts at its own deadline
    List<Job> escalations = managementService.createJobQuery().processInstanceId(pi)
        .activityId(IncomingDirectiveProcess.Elements.ASSIGNMENT_ESCALATION).list();
    assertThat(escalations).hasSize(2);
    Job first = escalations.stream().min((a, b) -> a.getDuedate().compareTo(b.getDuedate()))
        .orElseThrow();
    assertThat(runtimeService.getVariable(first.getExecutionId(),
        IncomingDirectiveProcess.Vars.UNIT.name())).isEqualTo("phong-khtc");
    assertThat(first.getDuedate().toInstant()).isEqualTo(deadlines.firstEscalation(ownDue));

    // a working morning after the unit's own deadline, before the common one
    Instant between = calendar.officeStart(calendar.addWorkingDays(own.plusDays(1), 0))
        .plusSeconds(3600);
    assertThat(between).isBefore(commonDue);
    deadlines.useClock(Clock.fixed(between, clock.getZone()));
    try {
      managementService.executeJob(first.getId());
      for (Job job : managementService.createJobQuery().processInstanceId(pi).messages().list()) {
        managementService.executeJob(job.getId());
      }
    } finally {
      deadlines.useClock(clock);
    }
    Map<String, Assignment> byUnit = new LinkedHashMap<>();
    assignments.findByDocumentIdOrderByIdAsc(id).forEach(a -> byUnit.put(a.getUnitId(), a));
    assertThat(byUnit.get("phong-khtc").isOverdue(between)).isTrue();
    assertThat(byUnit.get("phong-qlkh").isOverdue(between)).isFalse();
    assertThat(byUnit.get("phong-khtc").getEscalatedAt()).isNotNull();
    assertThat(byUnit.get("phong-qlkh").getEscalatedAt()).isNull();
    String escalation = api.get("giamdoc", "/api/incoming-documents/" + id).body().get("trail")
        .toString();
    assertThat(escalation).contains("quá hạn xử lý (hạn "
        + DocumentFormats.dateTime(ownDue, clock.getZone()));
    assertThat(figures.overdue(today().minusDays(1), today().plusDays(1), null, between, 500))
        .filteredOn(d -> d.documentId() == id)
        .extracting(HandlingFigures.OpenDuty::unitId, HandlingFigures.OpenDuty::dueAt)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("phong-khtc", ownDue));
  }

  @Test
  void tasklistTakesTheUnitsDeadlinesAsLines() {
    JsonNode doc = register();
    String pi = doc.get("processInstanceId").asText();
    String task = directionTask(pi);
    LocalDate own = calendar.addWorkingDays(today(), 4);
    assertThat(api.post("giamdoc", "/engine-rest/task/" + task + "/claim",
        Map.of("userId", "giamdoc")).status()).isEqualTo(204);
    Response done = api.post("giamdoc", "/engine-rest/task/" + task + "/complete", variables(
        "direction", "String", "Xử lý.", "leadUnit", "String", "phong-qlcn",
        "dueDate", "String", calendar.addWorkingDays(today(), 10).toString(),
        "unitDueDates", "String", "phong-qlcn: " + own.format(DateTimeFormatter.ofPattern(
            "dd/MM/yyyy"))));
    assertThat(done.status()).as("%s", done.text()).isEqualTo(204);
    assertThat(unitTask(pi, "phong-qlcn").getDueDate().toInstant())
        .isEqualTo(calendar.officeEnd(own));
  }

  @Test
  void badUnitDeadlinesAreRefusedAndNothingIsStored() {
    JsonNode doc = register();
    long id = doc.get("id").asLong();
    String pi = doc.get("processInstanceId").asText();
    String task = directionTask(pi);
    LocalDate common = calendar.addWorkingDays(today(), 10);
    String soon = calendar.addWorkingDays(today(), 3).toString();
    String path = "/api/inbox/" + task + "/direction";

    Response informed = api.post("giamdoc", path, direction(common, Map.of("van-phong", soon)));
    assertThat(informed.status()).isEqualTo(400);
    assertThat(informed.text()).contains("unitDueDates", "Văn phòng Sở",
        "không chủ trì hoặc phối hợp");
    Response unknown = api.post("giamdoc", path, direction(common, Map.of("so-tai-chinh", soon)));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.text()).contains("unitDueDates", "so-tai-chinh",
        "không phải là đơn vị của Sở");
    Response past = api.post("giamdoc", path,
        direction(common, Map.of("phong-khtc", today().minusDays(1).toString())));
    assertThat(past.status()).isEqualTo(400);
    assertThat(past.text()).contains("unitDueDates", "đã qua");
    Response notADate = api.post("giamdoc", path,
        direction(common, Map.of("phong-khtc", "mai")));
    assertThat(notADate.status()).isEqualTo(400);
    assertThat(notADate.text()).contains("unitDueDates");
    Response injected = api.post("giamdoc", path,
        direction(common, Map.of("phong-khtc", soon + "\nphong-qlkh: " + soon)));
    assertThat(injected.status()).isEqualTo(400);
    assertThat(injected.text()).contains("unitDueDates");
    Map<String, Object> extra = direction(common, Map.of("phong-khtc", soon));
    extra.put("assignmentDueDate", soon);
    assertThat(api.post("giamdoc", path, extra).status()).as("a field the form does not have")
        .isEqualTo(400);

    assertThat(assignments.findByDocumentIdOrderByIdAsc(id)).as("nothing stored half-way")
        .isEmpty();
    assertThat(directionTask(pi)).isEqualTo(task);
    assertThat(api.get("giamdoc", "/api/incoming-documents/" + id).body().get("trail")
        .toString()).doesNotContain("DIRECTION_GIVEN");
  }

  @Test
  void aUnitDeadlineLaterThanTheDocumentsOwnIsRefused() {
    Map<String, Object> body = document(UUID.randomUUID().toString().substring(0, 8) + "/KH-UBND");
    LocalDate documentDue = calendar.addWorkingDays(today(), 5);
    body.put("documentDueDate", documentDue.toString());
    Response created = api.post("vanthu", "/api/incoming-documents", body);
    assertThat(created.status()).as("%s", created.text()).isEqualTo(201);
    String pi = created.body().get("processInstanceId").asText();
    Response late = api.post("giamdoc", "/api/inbox/" + directionTask(pi) + "/direction",
        direction(calendar.addWorkingDays(today(), 4), Map.of("phong-khtc",
            calendar.addWorkingDays(today(), 7).toString())));
    assertThat(late.status()).isEqualTo(400);
    assertThat(late.text()).contains("unitDueDates", "muộn hơn hạn giải quyết của văn bản");
  }
}
