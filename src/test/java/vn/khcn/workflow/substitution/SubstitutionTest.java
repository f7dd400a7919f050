package vn.khcn.workflow.substitution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess;
import vn.khcn.workflow.support.TestHttp;

/**
 * Substitution over real HTTP as the demo users, with the Department's day moved by hand: who may
 * name whom (nothing stored when refused), the absent director's task shown to and done by the
 * substitute while it lasts ("Phạm Thị Lan thay Trần Quốc Bảo" in the trail), refused after.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SubstitutionTest {

  static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
  static final LocalDate TODAY = LocalDate.now(HCM);

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired Substitutions substitutions;
  @Autowired SubstitutionTasklist tasklist;
  @Autowired SubstitutionRepository stored;
  @Autowired SubstitutionTaskRepository links;
  @Autowired org.camunda.bpm.engine.FilterService filters;
  TestHttp http;

  @BeforeEach
  void setUp() {
    http = TestHttp.of(rest);
    clean();
  }

  @AfterEach
  void tearDown() {
    substitutions.useClock(Clock.system(HCM));
    clean();
  }

  private void clean() {
    tasklist.sync(); // takes off the links of whatever an earlier test left
    substitutions.useClock(Clock.system(HCM));
    stored.findAll().forEach(s -> {
      if (!s.overOn(TODAY)) {
        s.end("test", java.time.Instant.now());
        stored.save(s);
      }
    });
    tasklist.sync();
    links.deleteAll();
    stored.deleteAll(); // each test counts only its own
  }

  /** The Department's day moved to {@code day}, 10:00. */
  private void dayIs(LocalDate day) {
    substitutions.useClock(Clock.fixed(ZonedDateTime.of(day.atTime(10, 0), HCM).toInstant(), HCM));
  }

  private static Map<String, Object> request(String absent, String substitute, LocalDate from,
      LocalDate to) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (absent != null) {
      body.put("absent", absent);
    }
    body.put("substitute", substitute);
    body.put("from", from == null ? null : from.toString());
    body.put("to", to == null ? null : to.toString());
    body.put("reason", "Đi công tác Hà Nội");
    return body;
  }

  private JsonNode registerAndClaimByDirector() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("issuer", "UBND thành phố Cần Thơ");
    body.put("documentNumber", UUID.randomUUID().toString().substring(0, 8) + "/UBND-KT");
    body.put("issuedOn", TODAY.minusDays(2).toString());
    body.put("documentType", "Công văn");
    body.put("summary", "Về việc cử người làm thay khi vắng mặt");
    body.put("urgency", "NORMAL");
    TestHttp.Response registered = http.post("vanthu", "/api/incoming-documents", body);
    assertThat(registered.status()).isEqualTo(201);
    return registered.body();
  }

  private String directionTask(JsonNode document) {
    return taskService.createTaskQuery()
        .processInstanceId(document.get("processInstanceId").asText())
        .taskDefinitionKey(IncomingDirectiveProcess.Tasks.GIVE_DIRECTION).singleResult().getId();
  }

  private List<String> inboxOf(String user) {
    List<String> ids = new ArrayList<>();
    http.get(user, "/api/inbox").body().get("items").forEach(i -> ids.add(i.get("taskId").asText()));
    return ids;
  }

  private boolean substituteIsCandidate(String taskId) {
    return taskService.getIdentityLinksForTask(taskId).stream().anyMatch(l ->
        IdentityLinkType.CANDIDATE.equals(l.getType()) && "phogiamdoc".equals(l.getUserId()));
  }

  @Test
  void theSubstituteActsForTheAbsentDirectorOnlyWhileTheSubstitutionLasts() {
    dayIs(TODAY);
    TestHttp.Response created = http.post("giamdoc", "/api/substitutions",
        request(null, "phogiamdoc", TODAY.plusDays(1), TODAY.plusDays(2)));
    assertThat(created.status()).isEqualTo(201);
    long id = created.body().get("id").asLong();
    assertThat(created.body().get("absent").asText()).isEqualTo("giamdoc");
    assertThat(created.body().get("createdBy").asText()).isEqualTo("giamdoc");
    assertThat(created.body().get("active").asBoolean()).as("starts tomorrow").isFalse();

    JsonNode first = registerAndClaimByDirector();
    JsonNode second = registerAndClaimByDirector();
    String firstTask = directionTask(first);
    String secondTask = directionTask(second);
    taskService.claim(firstTask, "giamdoc");
    taskService.claim(secondTask, "giamdoc");

    // before it starts: the director's own tasks are his alone
    tasklist.sync();
    assertThat(inboxOf("phogiamdoc")).doesNotContain(firstTask, secondTask);
    assertThat(substituteIsCandidate(firstTask)).isFalse();

    // the first day: shown in the substitute's inbox and in Tasklist (candidate user)
    dayIs(TODAY.plusDays(1));
    tasklist.sync();
    assertThat(inboxOf("phogiamdoc")).contains(firstTask, secondTask);
    assertThat(substituteIsCandidate(firstTask)).isTrue();
    assertThat(http.get("phogiamdoc", "/api/inbox/" + firstTask).status()).isEqualTo(200);
    String filterId = filters.createFilterQuery().filterName(SubstitutionFilter.NAME)
        .singleResult().getId();
    TestHttp.Response tasklistView = http.post("phogiamdoc", "/engine-rest/filter/" + filterId
        + "/list?firstResult=0&maxResults=200", Map.of());
    assertThat(tasklistView.status()).isEqualTo(200);
    assertThat(tasklistView.text()).as("Tasklist's filter Việc làm thay")
        .contains(firstTask, secondTask);
    assertThat(http.get("giamdoc", "/api/substitutions").body().get("items").get(0)
        .get("active").asBoolean()).isTrue();

    // done by the substitute in her own name, "thay" the director, through the inbox
    Map<String, Object> infoOnly = new LinkedHashMap<>();
    infoOnly.put("direction", "Để biết, lưu hồ sơ.");
    infoOnly.put("infoOnly", true);
    infoOnly.put("informedUnits", List.of());
    infoOnly.put("coordinatingUnits", List.of());
    assertThat(http.post("phogiamdoc", "/api/inbox/" + firstTask + "/direction", infoOnly)
        .status()).isEqualTo(204);
    JsonNode details = http.get("giamdoc", "/api/incoming-documents/" + first.get("id").asLong())
        .body();
    JsonNode direction = null;
    for (JsonNode entry : details.get("trail")) {
      if (entry.get("action").asText().equals("DIRECTION_GIVEN")) {
        direction = entry;
      }
    }
    assertThat(direction).isNotNull();
    assertThat(direction.get("actor").asText()).isEqualTo("phogiamdoc");
    assertThat(direction.get("actorName").asText()).isEqualTo("Phạm Thị Lan thay Trần Quốc Bảo");

    // after the last day: gone from the inbox, refused by the engine on every path
    dayIs(TODAY.plusDays(3));
    assertThat(inboxOf("phogiamdoc")).doesNotContain(secondTask);
    assertThat(http.get("phogiamdoc", "/api/inbox/" + secondTask).status()).isEqualTo(404);
    Map<String, Object> variables = Map.of("variables", Map.of(
        "infoOnly", Map.of("value", true, "type", "Boolean"),
        "direction", Map.of("value", "Để biết.", "type", "String")));
    TestHttp.Response refused = http.post("phogiamdoc", "/engine-rest/task/" + secondTask
        + "/complete", variables);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(secondTask).singleResult().getAssignee())
        .isEqualTo("giamdoc");
    tasklist.sync();
    assertThat(substituteIsCandidate(secondTask)).as("the Tasklist link is taken off").isFalse();
    assertThat(links.findBySubstitutionId(id)).isEmpty();
    assertThat(http.delete("giamdoc", "/api/substitutions/" + id).status())
        .as("already over").isEqualTo(409);
  }

  @Test
  void endedEarlyByItsCreatorTheAccessGoesAtOnce() {
    dayIs(TODAY);
    TestHttp.Response created = http.post("giamdoc", "/api/substitutions",
        request(null, "phogiamdoc", TODAY, TODAY.plusDays(5)));
    assertThat(created.status()).isEqualTo(201);
    long id = created.body().get("id").asLong();
    String task = directionTask(registerAndClaimByDirector());
    taskService.claim(task, "giamdoc");
    tasklist.sync();
    assertThat(inboxOf("phogiamdoc")).contains(task);

    assertThat(http.delete("phogiamdoc", "/api/substitutions/" + id).status())
        .as("not her substitution to end").isEqualTo(403);
    assertThat(http.delete("giamdoc", "/api/substitutions/" + id).status()).isEqualTo(200);
    assertThat(inboxOf("phogiamdoc")).doesNotContain(task);
    assertThat(substituteIsCandidate(task)).isFalse();
    assertThat(http.get("admin", "/api/substitutions").body().get("items").toString())
        .contains("\"endedBy\":\"giamdoc\"");
  }

  @Test
  void whoMayNameWhomAndNothingIsStoredWhenRefused() {
    dayIs(TODAY);
    long before = stored.count();
    LocalDate from = TODAY.plusDays(1);
    LocalDate to = TODAY.plusDays(3);
    // a director for a unit member, a head for another unit's member, a member for a stranger
    assertThat(http.post("giamdoc", "/api/substitutions",
        request("cv.qlkh", "tp.qlkh", from, to)).status()).isEqualTo(403);
    assertThat(http.post("tp.qlkh", "/api/substitutions",
        request("cv.khtc", "tp.khtc", from, to)).status()).isEqualTo(403);
    assertThat(http.post("tp.qlkh", "/api/substitutions",
        request("cv.qlkh", "cv.khtc", from, to)).status()).as("substitute outside the unit")
        .isEqualTo(403);
    assertThat(http.post("cv.qlkh", "/api/substitutions",
        request(null, "giamdoc", from, to)).status()).as("not a colleague").isEqualTo(403);
    assertThat(http.post("cv.qlkh", "/api/substitutions",
        request("tp.qlkh", "pp.qlkh", from, to)).status()).as("a member for his head")
        .isEqualTo(403);
    // bad dates, self, unknown users, extra fields
    TestHttp.Response backwards = http.post("giamdoc", "/api/substitutions",
        request(null, "phogiamdoc", to, from));
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(backwards.text()).contains("\"to\"");
    TestHttp.Response past = http.post("giamdoc", "/api/substitutions",
        request(null, "phogiamdoc", TODAY.minusDays(5), TODAY.minusDays(1)));
    assertThat(past.status()).isEqualTo(400);
    Map<String, Object> notADate = request(null, "phogiamdoc", from, to);
    notADate.put("from", "31/12/2026");
    assertThat(http.post("giamdoc", "/api/substitutions", notADate).text()).contains("from");
    TestHttp.Response self = http.post("giamdoc", "/api/substitutions",
        request(null, "giamdoc", from, to));
    assertThat(self.status()).isEqualTo(400);
    assertThat(self.text()).contains("substitute");
    assertThat(http.post("giamdoc", "/api/substitutions",
        request("khong-co-ai", "phogiamdoc", from, to)).status()).isEqualTo(400);
    assertThat(http.post("giamdoc", "/api/substitutions",
        request(null, "khong-co-ai", from, to)).status()).isEqualTo(400);
    Map<String, Object> extra = request(null, "phogiamdoc", from, to);
    extra.put("createdBy", "admin");
    TestHttp.Response forged = http.post("giamdoc", "/api/substitutions", extra);
    assertThat(forged.status()).isEqualTo(400);
    assertThat(forged.text()).contains("createdBy");
    assertThat(http.post(null, "/api/substitutions", request(null, "phogiamdoc", from, to))
        .status()).isEqualTo(401);
    assertThat(stored.count()).as("nothing stored").isEqualTo(before);

    // allowed: a director for another director, a head for his unit's member
    assertThat(http.post("giamdoc", "/api/substitutions",
        request("phogiamdoc", "giamdoc", from, to)).status()).isEqualTo(201);
    TestHttp.Response head = http.post("tp.qlkh", "/api/substitutions",
        request("cv.qlkh", "pp.qlkh", from, to));
    assertThat(head.status()).isEqualTo(201);
    assertThat(head.body().get("substituteName").asText()).isEqualTo("Trần Thị Ngọc Bích");
    assertThat(http.post("tp.qlkh", "/api/substitutions",
        request("cv.qlkh", "pp.qlkh", to, to.plusDays(1))).status()).as("the same days twice")
        .isEqualTo(409);
    // the administrator sees all, others theirs
    assertThat(http.get("admin", "/api/substitutions").body().get("count").asInt())
        .isGreaterThanOrEqualTo(2);
    assertThat(http.get("cv.khtc", "/api/substitutions").body().get("count").asInt()).isZero();
    assertThat(http.get("cv.qlkh", "/api/substitutions").body().get("count").asInt())
        .isEqualTo(1);
  }

  @Test
  void thePageIsForDirectorsHeadsAndAdministrators() {
    dayIs(TODAY);
    TestHttp.Session member = http.session();
    member.login("cv.qlkh", TestHttp.PASSWORD);
    assertThat(member.get("/substitutions").status()).isEqualTo(403);

    TestHttp.Session head = http.session();
    head.login("tp.qlkh", TestHttp.PASSWORD);
    TestHttp.Response page = head.get("/substitutions");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.text()).contains("Cử người làm thay", "Lê Văn Hùng", "Trần Thị Ngọc Bích");
    java.util.regex.Matcher csrf = java.util.regex.Pattern
        .compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page.text());
    assertThat(csrf.find()).isTrue();
    long before = stored.count();
    TestHttp.Response posted = head.request("POST", "/substitutions").form("absent", "cv.qlkh",
        "substitute", "pp.qlkh", "from", TODAY.toString(), "to", TODAY.plusDays(1).toString(),
        "reason", "Nghỉ phép", "_csrf", csrf.group(1)).send();
    assertThat(posted.status()).isEqualTo(302);
    assertThat(stored.count()).isEqualTo(before + 1);
    TestHttp.Response after = head.get("/substitutions");
    assertThat(after.text()).contains("Đã cử Trần Thị Ngọc Bích làm thay Lê Văn Hùng",
        "Đang làm thay", "Kết thúc ngay");
  }
}
