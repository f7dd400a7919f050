package vn.khcn.workflow.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.support.TestHttp;

/**
 * The council desk over real HTTP with the session of the one login: materials as named links
 * that open with the session, declarations (a conflict excludes the member from scoring), ballots
 * within the criteria's maxima, the secretary's minutes and the chair's confirmation, each the
 * member's own engine task; refusals store nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CouncilDeskPageTest {

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired ResearchTaskRepository tasks;
  @Autowired CouncilRepository councils;
  @Autowired CouncilMemberRepository members;
  @Autowired ResearchTrailRepository trail;

  ResearchApi api;
  DeskFixture fixture;
  TestHttp http;

  @BeforeEach
  void setUp() {
    api = new ResearchApi(rest, taskService);
    fixture = new DeskFixture(api);
    http = api.http();
  }

  CouncilMember seat(String code, String member) {
    ResearchTask task = tasks.findByCode(code).orElseThrow();
    Council council = councils.findByResearchTaskIdOrderByIdAsc(task.getId()).get(0);
    return members.findByCouncilIdOrderByIdAsc(council.getId()).stream()
        .filter(m -> m.getUsername().equals(member)).findFirst().orElseThrow();
  }

  int trailSize(String code) {
    return trail.findByResearchTaskIdOrderByIdAsc(tasks.findByCode(code).orElseThrow().getId())
        .size();
  }

  static String[] ballot(int... scores) {
    return new String[] {"scoreUrgency", "" + scores[0], "scoreContent", "" + scores[1],
        "scoreMethod", "" + scores[2], "scoreProducts", "" + scores[3],
        "scoreCapacity", "" + scores[4], "comment", "Cần làm rõ cách chọn hợp tác xã thí điểm"};
  }

  @Test
  void aMemberSeesTheCouncilWithNamedMaterialsThatOpenWithTheSession() {
    String code = fixture.appointed("chunhiem");
    DeskSession member = DeskSession.login(http, "hd.uyvien1");
    TestHttp.Response page = member.get("/council");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.text()).contains(code).contains("Hội đồng giao trực tiếp")
        .contains("Bùi Văn Thành – Chủ tịch").contains("Thuyết minh: thuyet-minh.pdf")
        .contains("Cam kết không xung đột lợi ích")
        .as("a link, not an address to copy").doesNotContain(">/api/research-tasks/");
    java.util.regex.Matcher link = java.util.regex.Pattern.compile(
        "href=\"(/api/research-tasks/" + code + "/documents/\\d+)\"").matcher(page.text());
    assertThat(link.find()).isTrue();
    TestHttp.Response file = member.raw(link.group(1));
    assertThat(file.status()).isEqualTo(200);
    assertThat(file.text()).startsWith("%PDF-1.4");

    assertThat(DeskSession.login(http, "chunhiem").get("/council").status())
        .as("the investigator has no council desk").isEqualTo(403);
  }

  @Test
  void declarationsAndBallotsCompleteTheMembersOwnTasksAndRefusalsStoreNothing() {
    String code = fixture.appointed("chunhiem");
    int trailBefore = trailSize(code);

    DeskSession outsider = DeskSession.login(http, "hd.uyvien4");
    outsider.get("/council");
    TestHttp.Response notMine = outsider.post("/council/" + code + "/declaration",
        "noConflict", "true");
    assertThat(notMine.status()).as("not on this council").isEqualTo(403);

    DeskSession member = DeskSession.login(http, "hd.uyvien1");
    member.get("/council");
    TestHttp.Response tooEarly = member.post("/council/" + code + "/score", ballot(12, 20, 16,
        20, 12));
    assertThat(tooEarly.status()).as("declare first").isEqualTo(409);
    assertThat(tooEarly.text()).contains("không chờ bạn chấm điểm");
    TestHttp.Response extra = member.post("/council/" + code + "/declaration",
        "noConflict", "true", "member", "hd.chutich");
    assertThat(extra.status()).isEqualTo(400);
    assertThat(extra.text()).contains("member");
    TestHttp.Response noReason = member.post("/council/" + code + "/declaration",
        "noConflict", "false");
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.text()).contains("nêu lý do xung đột lợi ích");
    assertThat(seat(code, "hd.uyvien1").getDeclaredAt()).as("nothing stored").isNull();
    assertThat(trailSize(code)).isEqualTo(trailBefore);

    TestHttp.Response declared = member.post("/council/" + code + "/declaration",
        "noConflict", "true");
    assertThat(declared.status()).as(declared.text()).isEqualTo(302);
    assertThat(seat(code, "hd.uyvien1").getConflict()).isFalse();

    String page = member.get("/council").text();
    assertThat(page).contains("Tính cấp thiết, mục tiêu").contains("score-total")
        .contains("max=\"15\"").contains("/js/council.js");
    TestHttp.Response over = member.post("/council/" + code + "/score", ballot(16, 20, 16, 20,
        12));
    assertThat(over.status()).isEqualTo(400);
    assertThat(over.text()).contains("scoreUrgency").contains("từ 0 đến 15");
    assertThat(seat(code, "hd.uyvien1").getVotedAt()).as("nothing stored").isNull();
    TestHttp.Response scored = member.post("/council/" + code + "/score", ballot(12, 20, 16, 20,
        12));
    assertThat(scored.status()).as(scored.text()).isEqualTo(302);
    assertThat(seat(code, "hd.uyvien1").getScoreTotal()).isEqualTo(80);

    // a conflict of interest: recorded, and the member is out of the scoring
    DeskSession conflicted = DeskSession.login(http, "hd.uyvien2");
    conflicted.get("/council");
    assertThat(conflicted.post("/council/" + code + "/declaration", "noConflict", "false",
        "note", "Là cộng tác viên của cơ quan chủ trì").status()).isEqualTo(302);
    CouncilMember out = seat(code, "hd.uyvien2");
    assertThat(out.getConflict()).isTrue();
    TestHttp.Response excluded = conflicted.post("/council/" + code + "/score", ballot(12, 20,
        16, 20, 12));
    assertThat(excluded.status()).isEqualTo(409);
    assertThat(seat(code, "hd.uyvien2").getVotedAt()).isNull();
    api.task(code, AssignmentCouncilProcess.Tasks.APPOINT_REPLACEMENT, null);
  }

  @Test
  void theSecretaryRecordsTheMeetingAndTheChairConfirmsOnlyInTheirRoles() {
    String code = fixture.appointed("chunhiem");
    fixture.scored(code, "Phiếu");
    String today = LocalDate.now(DeskFixture.ZONE).toString();
    String[] minutes = {"meetingDate", today, "present", "hd.chutich", "present", "hd.phochutich",
        "present", "hd.thuky", "present", "hd.phanbien1", "present", "hd.phanbien2",
        "present", "hd.uyvien1", "present", "hd.uyvien2", "revisionsRequired", "true",
        "requiredRevisions", "Bổ sung mô hình thí điểm", "notes", "Họp tại Sở"};

    DeskSession member = DeskSession.login(http, "hd.uyvien1");
    member.get("/council");
    assertThat(member.post("/council/" + code + "/meeting", minutes).status())
        .as("only the secretary records the meeting").isEqualTo(403);
    DeskSession secretary = DeskSession.login(http, "hd.thuky");
    assertThat(secretary.get("/council").text()).contains("Ghi biên bản họp hội đồng")
        .contains("Thư ký khoa học");
    TestHttp.Response recorded = secretary.post("/council/" + code + "/meeting", minutes);
    assertThat(recorded.status()).as(recorded.text()).isEqualTo(302);
    ResearchTask task = tasks.findByCode(code).orElseThrow();
    assertThat(task.getVerdict()).isEqualTo(Verdict.ASSIGN_AFTER_REVISION);
    assertThat(task.getRequiredRevisions()).isEqualTo("Bổ sung mô hình thí điểm");

    assertThat(api.upload("chunhiem", code, "REVISED_OUTLINE", "sua.pdf", ResearchApi.PDF)
        .status()).isEqualTo(201);
    api.work("chunhiem", code, AssignmentCouncilProcess.Tasks.SUBMIT_REVISION, "chunhiem",
        ResearchApi.vars(AssignmentCouncilProcess.Vars.RESPONSE_NOTE.name(), "Đã bổ sung"));
    assertThat(secretary.post("/council/" + code + "/confirmation", "accepted", "true").status())
        .as("the chair confirms, not the secretary").isEqualTo(403);
    assertThat(secretary.post("/council/" + code + "/revision-check", "accepted", "true")
        .status()).isEqualTo(302);
    DeskSession chair = DeskSession.login(http, "hd.chutich");
    assertThat(chair.get("/council").text()).contains("Chủ tịch xác nhận thuyết minh");
    TestHttp.Response confirmed = chair.post("/council/" + code + "/confirmation",
        "accepted", "true");
    assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(302);
    assertThat(tasks.findByCode(code).orElseThrow().getStage())
        .isEqualTo(ResearchStage.BUDGET_AND_CONTRACT);
    assertThat(chair.post("/council/" + code + "/confirmation", "accepted", "true").status())
        .as("nothing left to confirm").isEqualTo(409);
  }

  @Test
  void theFinalDossierFromThePortalThenEachMemberGradesTheAcceptance() {
    String code = fixture.appointed("chunhiem");
    fixture.scored(code, "Phiếu");
    LocalDate today = LocalDate.now(DeskFixture.ZONE);
    fixture.contracted(code, today, today.plusMonths(12));

    DeskSession investigator = DeskSession.login(http, "chunhiem");
    assertThat(api.post("cv.qlkh", "/api/research-tasks/" + code + "/midterm-evaluation", null)
        .status()).isEqualTo(202);
    assertThat(investigator.get("/portal").text()).contains(code + "-midterm");
    TestHttp.Response midterm = investigator.multipart("/portal/" + code + "/work/midterm",
        java.util.Map.of("text", "Đã hoàn thành khảo sát 12 hợp tác xã"), "file",
        "bao-cao-giua-ky.pdf", ResearchApi.PDF);
    assertThat(midterm.status()).as(midterm.text()).isEqualTo(302);
    api.work("cv.qlkh", code, MidtermEvaluationProcess.Tasks.RECORD_FINDINGS, null,
        ResearchApi.vars(MidtermEvaluationProcess.Vars.FINDINGS.name(), "Đúng tiến độ",
            MidtermEvaluationProcess.Vars.OUTCOME.name(), "CONTINUE"));
    assertThat(investigator.get("/portal").text()).contains(code + "-final");
    TestHttp.Response sent = investigator.multipart("/portal/" + code + "/work/final",
        java.util.Map.of("text", "Hồ sơ nghiệm thu đầy đủ"), "file", "ho-so-nghiem-thu.pdf",
        ResearchApi.PDF);
    assertThat(sent.status()).as(sent.text()).isEqualTo(302);
    org.camunda.bpm.engine.task.Task appoint = api.task(code,
        AcceptanceProcess.Tasks.APPOINT_COUNCIL, null);
    TestHttp.Response appointed = api.post("giamdoc", "/api/inbox/" + appoint.getId()
        + "/council", java.util.Map.of("chair", "hd.chutich", "viceChair", "hd.phochutich",
            "secretary", "hd.thuky", "reviewer1", "hd.phanbien1", "reviewer2", "hd.phanbien2",
            "members", java.util.List.of("hd.uyvien1", "hd.uyvien2")));
    assertThat(appointed.status()).as(appointed.text()).isEqualTo(204);

    DeskSession member = DeskSession.login(http, "hd.uyvien1");
    assertThat(member.get("/council").text()).contains("Hội đồng nghiệm thu")
        .contains("Hồ sơ nghiệm thu: ho-so-nghiem-thu.pdf").contains("Xuất sắc");
    ResearchTask task = tasks.findByCode(code).orElseThrow();
    Council acceptance = councils.findByResearchTaskIdOrderByIdAsc(task.getId()).stream()
        .filter(c -> c.getKind() == CouncilKind.ACCEPTANCE).findFirst().orElseThrow();
    java.util.function.Supplier<CouncilMember> seat = () -> members
        .findByCouncilIdOrderByIdAsc(acceptance.getId()).stream()
        .filter(m -> m.getUsername().equals("hd.uyvien1")).findFirst().orElseThrow();
    TestHttp.Response unknown = member.post("/council/" + code + "/grade", "memberGrade", "TOT",
        "comment", "Tốt");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(seat.get().getGrade()).as("nothing stored").isNull();
    TestHttp.Response graded = member.post("/council/" + code + "/grade", "memberGrade", "DAT",
        "comment", "Đạt yêu cầu của hợp đồng");
    assertThat(graded.status()).as(graded.text()).isEqualTo(302);
    assertThat(seat.get().getGrade()).isEqualTo(Grade.DAT);
  }
}
