package vn.khcn.workflow.research;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khcn.workflow.research.ResearchApi.vars;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
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
import vn.khcn.workflow.support.TestHttp.Response;

/**
 * A call for dossiers worked end to end (ADR 0029): three dossiers, one council, a tie made by the
 * proposing organisation's 10% and broken by the criteria, the vote-counting team, the selected
 * dossier on to the budget and the two others closed with their place; and the refusals.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CompetitiveSelectionFlowTest {

  static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  static final List<String> MEMBERS = List.of("hd.chutich", "hd.phochutich", "hd.thuky",
      "hd.phanbien1", "hd.phanbien2", "hd.uyvien2", "hd.uyvien3");

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;

  ResearchApi api;

  @BeforeEach
  void setUp() {
    api = new ResearchApi(rest, taskService);
  }

  static String today() {
    return LocalDate.now(ZONE).toString();
  }

  static Map<String, Object> call(String title, String deadline, String proposerCode) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", title);
    body.put("field", "Khoa học xã hội và nhân văn");
    body.put("dossierDeadline", deadline);
    if (proposerCode != null) {
      body.put("proposingOrganisation", "Viện Phát triển Cần Thơ " + proposerCode);
      body.put("proposingOrganisationCode", proposerCode);
    }
    return body;
  }

  JsonNode open(Map<String, Object> body) {
    Response created = api.post("cv.qlkh", "/api/research/calls", body);
    assertThat(created.status()).as("%s", created.text()).isEqualTo(201);
    return created.body();
  }

  String submitTo(long callId, String host, String taxCode) {
    Map<String, Object> dossier = ResearchApi.dossierWithCode("Giải pháp chuyển đổi số cấp xã "
        + UUID.randomUUID(), host, taxCode, "chunhiem");
    dossier.put("callId", callId);
    Response created = api.submit("chunhiem", dossier, "thuyet-minh.pdf", ResearchApi.PDF);
    assertThat(created.status()).as("%s", created.text()).isEqualTo(201);
    return created.body().get("code").asText();
  }

  void runJobs(String businessKey) {
    for (var instance : runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(businessKey).list()) {
      for (Job job : managementService.createJobQuery()
          .processInstanceId(instance.getId()).list()) {
        managementService.executeJob(job.getId());
      }
    }
  }

  JsonNode details(String code) {
    Response response = api.get("cv.qlkh", "/api/research-tasks/" + code);
    assertThat(response.status()).isEqualTo(200);
    return response.body();
  }

  /** The member's ballot task for the dossier with this code. */
  Task ballot(String callCode, String member, String dossierCode) {
    return taskService.createTaskQuery().processInstanceBusinessKey(callCode)
        .taskDefinitionKey(CompetitiveSelectionProcess.Tasks.SCORE_DOSSIER).taskAssignee(member)
        .list().stream().filter(t -> dossierCode.equals(
            taskService.getVariableLocal(t.getId(), ResearchTaskProcess.Vars.TASK_CODE.name())))
        .findFirst().orElseThrow();
  }

  static Map<String, Object> scores(int... s) {
    return vars(AssignmentCouncilProcess.Vars.SCORE_URGENCY, s[0],
        AssignmentCouncilProcess.Vars.SCORE_CONTENT, s[1],
        AssignmentCouncilProcess.Vars.SCORE_METHOD, s[2],
        AssignmentCouncilProcess.Vars.SCORE_PRODUCTS, s[3],
        AssignmentCouncilProcess.Vars.SCORE_CAPACITY, s[4],
        ResearchTaskProcess.Vars.COMMENT, "Hồ sơ đáp ứng yêu cầu của đặt hàng");
  }

  @Test
  void threeDossiersOneCouncilATieAndTheProposersTenPercent() {
    String proposer = String.format("09%08d", Math.floorMod(UUID.randomUUID().hashCode(),
        100_000_000));
    JsonNode opened = open(call("Chuyển đổi số cấp xã, phường " + UUID.randomUUID(), today(),
        proposer));
    long callId = opened.get("id").asLong();
    String callCode = opened.get("code").asText();
    assertThat(callCode).matches("TC-\\d{4}-\\d{2,}");
    assertThat(opened.get("status").asText()).isEqualTo("OPEN");
    assertThat(opened.get("rulesRegime").asText()).isNotBlank();

    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String a = submitTo(callId, "Viện Phát triển Cần Thơ " + suffix, proposer);
    String b = submitTo(callId, "Trường Đại học Nam Cần Thơ " + suffix, "0301234567");
    String c = submitTo(callId, "Trường Cao đẳng Cần Thơ " + suffix, "0307654321");
    for (String code : List.of(a, b, c)) {
      api.work("cv.qlkh", code, ResearchTaskProcess.Tasks.CHECK_DOSSIER, null,
          vars(ResearchTaskProcess.Vars.VALID, true));
      assertThat(details(code).get("stage").asText()).isEqualTo("ASSIGNMENT_COUNCIL");
    }
    JsonNode listed = api.get("chunhiem", "/api/research/calls").body();
    JsonNode mine = null;
    for (JsonNode n : listed) {
      mine = n.get("code").asText().equals(callCode) ? n : mine;
    }
    assertThat(mine.get("dossierCount").asLong()).isEqualTo(3);

    // the deadline passes: the intake closes, a late dossier is refused and nothing is stored
    runJobs(callCode);
    Map<String, Object> late = ResearchApi.dossierWithCode("Hồ sơ nộp muộn " + suffix,
        "Trường Cao đẳng Cần Thơ " + suffix, "0307654321", "chunhiem");
    late.put("callId", callId);
    Response refused = api.submit("chunhiem", late, "thuyet-minh.pdf", ResearchApi.PDF);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body().get("message").asText()).contains("đã hết hạn nhận hồ sơ");
    assertThat(api.get("cv.qlkh", "/api/research-tasks?q=" + suffix).body()
        .get("page").get("totalElements").asLong()).isEqualTo(3);

    // one council for the three dossiers
    api.work("giamdoc", callCode, CompetitiveSelectionProcess.Tasks.APPOINT_COUNCIL, null,
        ResearchApi.council("hd.uyvien2", "hd.uyvien3"));
    for (String member : MEMBERS) {
      api.work(member, callCode, CompetitiveSelectionProcess.Tasks.DECLARE_CONFLICT, member,
          vars(AssignmentCouncilProcess.Vars.NO_CONFLICT, true));
    }
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(callCode)
        .taskDefinitionKey(CompetitiveSelectionProcess.Tasks.SCORE_DOSSIER).count())
        .isEqualTo(21);
    // somebody else's ballot is refused and stores nothing
    Response notMine = api.complete("hd.uyvien2", ballot(callCode, "hd.chutich", a),
        scores(10, 22, 14, 14, 10));
    assertThat(notMine.status()).isBetween(400, 499);
    assertThat(ballot(callCode, "hd.chutich", a)).isNotNull();
    // A 70 (+10% = 77, content 22), B 77 (content 20), C 76
    for (String member : MEMBERS) {
      api.complete(member, ballot(callCode, member, a), scores(10, 22, 14, 14, 10));
      api.complete(member, ballot(callCode, member, b), scores(11, 20, 16, 20, 10));
      api.complete(member, ballot(callCode, member, c), scores(12, 20, 16, 18, 10));
    }

    // the vote-counting team is three members present
    Map<String, Object> minutes = vars(AssignmentCouncilProcess.Vars.MEETING_DATE, today(),
        AssignmentCouncilProcess.Vars.PRESENT, MEMBERS,
        CompetitiveSelectionProcess.Vars.COUNTING_TEAM, List.of("hd.uyvien2", "hd.uyvien3"));
    Response twoCounters = api.complete("hd.thuky", api.task(callCode,
        CompetitiveSelectionProcess.Tasks.RECORD_MEETING, "hd.thuky"), minutes);
    assertThat(twoCounters.status()).isEqualTo(400);
    assertThat(twoCounters.body().get("message").asText()).contains("ban kiểm phiếu");
    Response notSecretary = api.complete("hd.chutich", api.task(callCode,
        CompetitiveSelectionProcess.Tasks.RECORD_MEETING, "hd.thuky"), minutes);
    assertThat(notSecretary.status()).isBetween(400, 499);
    minutes.put(CompetitiveSelectionProcess.Vars.COUNTING_TEAM.name(),
        List.of("hd.uyvien2", "hd.uyvien3", "hd.phanbien2"));
    api.work("hd.thuky", callCode, CompetitiveSelectionProcess.Tasks.RECORD_MEETING, "hd.thuky",
        minutes);
    runJobs(callCode);

    JsonNode concluded = api.get("cv.qlkh", "/api/research/calls/" + callId).body();
    assertThat(concluded.get("call").get("status").asText()).isEqualTo("CONCLUDED");
    assertThat(concluded.get("countingTeam")).hasSize(3);
    JsonNode ranking = concluded.get("ranking");
    List<String> order = new ArrayList<>();
    ranking.forEach(r -> order.add(r.get("code").asText()));
    assertThat(order).containsExactly(a, b, c);
    assertThat(ranking.get(0).get("finalScore").asDouble()).isEqualTo(77.0);
    assertThat(ranking.get(0).get("meanScore").asDouble()).isEqualTo(70.0);
    assertThat(ranking.get(0).get("proposerBonus").asBoolean()).isTrue();
    assertThat(ranking.get(0).get("selected").asBoolean()).isTrue();
    assertThat(ranking.get(0).get("reason").asText()).contains("bằng điểm với " + b)
        .contains("Nội dung nghiên cứu");
    assertThat(ranking.get(1).get("finalScore").asDouble()).isEqualTo(77.0);
    assertThat(ranking.get(2).get("finalScore").asDouble()).isEqualTo(76.0);
    assertThat(ranking.get(1).get("selected").asBoolean()).isFalse();

    // the selected dossier goes on to the budget; the others close with their place
    runJobs(a);
    runJobs(b);
    runJobs(c);
    assertThat(details(a).get("verdict").asText()).isEqualTo("ASSIGN");
    assertThat(api.task(a, ResearchTaskProcess.Tasks.APPOINT_APPRAISAL_TEAM, null)).isNotNull();
    for (String other : List.of(b, c)) {
      JsonNode closed = api.get("chunhiem", "/api/research-tasks/" + other).body();
      assertThat(closed.get("status").asText()).isEqualTo("NOT_ASSIGNED");
      assertThat(closed.get("closingReason").asText()).contains("Không trúng tuyển")
          .contains("Hồ sơ trúng tuyển: " + a);
    }
    assertThat(details(b).get("closingReason").asText()).contains("Xếp hạng 2/3");
    assertThat(details(c).get("closingReason").asText()).contains("Xếp hạng 3/3");
    // the investigator reads the place and the reasons in the portal, never a ballot
    String portal = DeskSession.login(api.http(), "chunhiem").get("/portal").text();
    assertThat(portal).contains("Xếp hạng 2/3 trong đợt tuyển chọn " + callCode)
        .contains("Xếp hạng 3/3 trong đợt tuyển chọn " + callCode);
    // staff see the dossiers of the call, an investigator the call only
    assertThat(api.get("chunhiem", "/api/research/calls/" + callId).body().get("ranking"))
        .isEmpty();
  }

  @Test
  void openingACallIsPhongQlkhsWithAFutureDeadlineAndNoOtherField() {
    long before = api.get("cv.qlkh", "/api/research/calls").body().size();
    String title = "Đợt bị từ chối " + UUID.randomUUID();

    assertThat(api.post("giamdoc", "/api/research/calls", call(title, today(), null)).status())
        .isEqualTo(403);
    assertThat(api.post("chunhiem", "/api/research/calls", call(title, today(), null)).status())
        .isEqualTo(403);
    assertThat(api.post(null, "/api/research/calls", call(title, today(), null)).status())
        .isEqualTo(401);
    Response past = api.post("cv.qlkh", "/api/research/calls",
        call(title, LocalDate.now(ZONE).minusDays(1).toString(), null));
    assertThat(past.status()).isEqualTo(400);
    assertThat(past.body().toString()).contains("dossierDeadline")
        .contains("hạn nộp hồ sơ không được trước hôm nay");
    Map<String, Object> extra = call(title, today(), null);
    extra.put("status", "CONCLUDED");
    assertThat(api.post("cv.qlkh", "/api/research/calls", extra).status()).isEqualTo(400);
    Map<String, Object> halfProposer = call(title, today(), null);
    halfProposer.put("proposingOrganisationCode", "0301234567");
    Response half = api.post("cv.qlkh", "/api/research/calls", halfProposer);
    assertThat(half.status()).isEqualTo(400);
    assertThat(half.body().toString()).contains("tổ chức đề xuất");

    assertThat(api.get("cv.qlkh", "/api/research/calls").body().size()).isEqualTo(before);
    assertThat(api.get("cv.qlkh", "/api/research/calls").body().toString()).doesNotContain(title);
  }

  @Test
  void thePortalOffersTheOpenCallsAndRefusesAClosedOne() {
    JsonNode opened = open(call("Cảm biến độ mặn " + UUID.randomUUID(), today(), null));
    long callId = opened.get("id").asLong();
    String callCode = opened.get("code").asText();
    DeskSession chunhiem = DeskSession.login(api.http(), "chunhiem");
    assertThat(chunhiem.get("/portal").text()).contains("Đợt tuyển chọn").contains(callCode);

    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("title", "Hồ sơ từ cổng " + UUID.randomUUID());
    fields.put("field", "Nông nghiệp");
    fields.put("hostOrganisation", "Trường Đại học Kỹ thuật – Công nghệ Cần Thơ");
    fields.put("hostOrganisationCode", "1800123456");
    fields.put("durationMonths", "18");
    fields.put("requestedBudget", "650000000");
    fields.put("callId", String.valueOf(callId));
    var sent = chunhiem.multipart("/portal/dossiers", fields, "outline", "thuyet-minh.pdf",
        ResearchApi.PDF);
    assertThat(sent.status()).as(sent.text()).isEqualTo(302);
    assertThat(api.get("cv.qlkh", "/api/research/calls/" + callId).body().get("call")
        .get("dossierCount").asLong()).isEqualTo(1);

    // the deadline passes with no valid dossier: the call closes empty and refuses the next one
    runJobs(callCode);
    assertThat(api.get("cv.qlkh", "/api/research/calls/" + callId).body().get("call")
        .get("status").asText()).isEqualTo("CLOSED_EMPTY");
    fields.put("title", "Hồ sơ muộn từ cổng " + UUID.randomUUID());
    var late = chunhiem.multipart("/portal/dossiers", fields, "outline", "thuyet-minh.pdf",
        ResearchApi.PDF);
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.text()).contains("đã hết hạn nhận hồ sơ");
    assertThat(api.get("cv.qlkh", "/api/research/calls/" + callId).body().get("call")
        .get("dossierCount").asLong()).isEqualTo(1);
  }

  @Test
  void aDossierToAnUnknownCallIsRefusedAndNothingIsStored() {
    String title = "Hồ sơ không có đợt " + UUID.randomUUID();
    Map<String, Object> dossier = ResearchApi.dossier(title, "Trường Đại học Cần Thơ", "chunhiem");
    dossier.put("callId", 987_654_321L);
    Response refused = api.submit("chunhiem", dossier, "thuyet-minh.pdf", ResearchApi.PDF);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().toString()).contains("callId").contains("không có đợt tuyển chọn");
    assertThat(api.get("cv.qlkh", "/api/research-tasks?q=" + title.substring(20)).body()
        .get("page").get("totalElements").asLong()).isZero();
  }
}
