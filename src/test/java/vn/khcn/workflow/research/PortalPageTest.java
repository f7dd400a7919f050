package vn.khcn.workflow.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.support.TestHttp;

/**
 * The investigators' portal over real HTTP with the session of the one login: a dossier with its
 * outline, the revised outline with the response note, the extension rule shown before sending,
 * and every refusal (wrong person, wrong stage, outside the deadline, extra fields) storing
 * nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PortalPageTest {

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired ResearchTaskRepository tasks;
  @Autowired ResearchDocumentRepository documents;
  @Autowired ExtensionRequestRepository extensions;

  ResearchApi api;
  DeskFixture fixture;
  TestHttp http;

  @BeforeEach
  void setUp() {
    api = new ResearchApi(rest, taskService);
    fixture = new DeskFixture(api);
    http = api.http();
  }

  /** The portal's dossier form of the demo host organisation (without the outline). */
  static Map<String, String> dossier(String title) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("title", title);
    fields.put("field", "Nông nghiệp");
    fields.put("hostOrganisation", DeskFixture.host());
    fields.put("hostOrganisationCode", ResearchApi.taxCode(DeskFixture.host()));
    fields.put("durationMonths", "18");
    fields.put("requestedBudget", "650000000");
    return fields;
  }

  @Test
  void anInvestigatorSubmitsADossierWithItsOutlineFromThePortal() {
    DeskSession chunhiem = DeskSession.login(http, "chunhiem");
    TestHttp.Response page = chunhiem.get("/portal");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.text()).contains("Đề tài của tôi").contains("Nộp hồ sơ đề tài mới");

    String title = "Cảm biến độ mặn cho vùng nuôi tôm " + UUID.randomUUID();
    long before = tasks.count();
    TestHttp.Response submitted = chunhiem.multipart("/portal/dossiers", dossier(title),
        "outline", "thuyet-minh.pdf", ResearchApi.PDF);
    assertThat(submitted.status()).as(submitted.text()).isEqualTo(302);
    assertThat(tasks.count()).isEqualTo(before + 1);
    ResearchTask task = tasks.findAll().stream().filter(t -> t.getTitle().equals(title))
        .findFirst().orElseThrow();
    assertThat(task.getInvestigator()).as("the signed-in user, not a field").isEqualTo("chunhiem");
    assertThat(task.getStage()).isEqualTo(ResearchStage.DOSSIER);
    assertThat(documents.listByTask(task.getId())).extracting(DocumentInfo::fileName)
        .containsExactly("thuyet-minh.pdf");
    assertThat(submitted.header("Location")).endsWith("/portal#" + task.getCode());

    String mine = chunhiem.get("/portal").text();
    assertThat(mine).contains(task.getCode()).contains(title).contains("Kiểm tra hồ sơ")
        .contains("Thuyết minh: thuyet-minh.pdf")
        .contains("/api/research-tasks/" + task.getCode() + "/documents/");
  }

  @Test
  void aDossierNamingAnotherInvestigatorOrWithoutOutlineIsRefusedAndNothingStored() {
    DeskSession chunhiem = DeskSession.login(http, "chunhiem");
    chunhiem.get("/portal");
    long before = tasks.count();
    Map<String, String> other = dossier("Đề tài hộ " + UUID.randomUUID());
    other.put("investigator", "cv.qlkh");
    TestHttp.Response extra = chunhiem.multipart("/portal/dossiers", other, "outline",
        "thuyet-minh.pdf", ResearchApi.PDF);
    assertThat(extra.status()).isEqualTo(400);
    assertThat(extra.text()).contains("investigator").contains("không có trường");

    TestHttp.Response noFile = chunhiem.multipart("/portal/dossiers",
        dossier("Không tệp " + UUID.randomUUID()), "outline", null, null);
    assertThat(noFile.status()).isEqualTo(400);
    assertThat(noFile.text()).contains("outline").contains("thiếu tệp thuyết minh");
    assertThat(tasks.count()).as("nothing stored").isEqualTo(before);

    assertThat(DeskSession.login(http, "hd.chutich").get("/portal").status())
        .as("a council member has no portal").isEqualTo(403);
    assertThat(DeskSession.login(http, "giamdoc").get("/portal").status()).isEqualTo(403);
  }

  @Test
  void theRevisedOutlineIsSentWithTheResponseNoteAndRefusalsStoreNothing() {
    String code = fixture.appointed("chunhiem");
    fixture.scored(code, "Nhận xét riêng của phiếu");
    fixture.met(code, true);
    ResearchTask task = tasks.findByCode(code).orElseThrow();
    int files = documents.listByTask(task.getId()).size();

    DeskSession chunhiem = DeskSession.login(http, "chunhiem");
    String page = chunhiem.get("/portal").text();
    assertThat(page).contains("Giao sau khi chỉnh sửa thuyết minh")
        .contains("Làm rõ phương pháp khảo sát tại hợp tác xã")
        .contains(code + "-revision")
        .as("never a ballot").doesNotContain("Nhận xét riêng của phiếu")
        .as("a response note is a long text (ADR 0044)")
        .contains("maxlength=\"8000\" id=\"" + code + "-revision-text\"");

    // wrong stage: no progress report is asked now
    TestHttp.Response early = chunhiem.multipart("/portal/" + code + "/work/progress",
        Map.of("text", "Tiến độ"), "file", "tien-do.pdf", ResearchApi.PDF);
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.text()).contains("không chờ bạn");
    // the file is required; an extra field is refused
    TestHttp.Response noFile = chunhiem.multipart("/portal/" + code + "/work/revision",
        Map.of("text", "Đã tiếp thu"), "file", null, null);
    assertThat(noFile.status()).isEqualTo(400);
    TestHttp.Response extra = chunhiem.multipart("/portal/" + code + "/work/revision",
        Map.of("text", "Đã tiếp thu", "investigator", "chunhiem"), "file", "sua.pdf",
        ResearchApi.PDF);
    assertThat(extra.status()).isEqualTo(400);
    // wrong person: another investigator
    String other = "cn.portal." + UUID.randomUUID().toString().substring(0, 8);
    TestHttp.Response account = api.post("cv.qlkh", "/api/research/investigators", Map.of(
        "id", other, "name", "Trần Văn Khác", "email", other + "@example.vn",
        "organisation", "Trường Đại học Kỹ thuật – Công nghệ Cần Thơ"));
    assertThat(account.status()).isEqualTo(201);
    DeskSession stranger = DeskSession.login(http, other,
        account.body().get("initialPassword").asText());
    stranger.get("/portal");
    TestHttp.Response wrongPerson = stranger.multipart("/portal/" + code + "/work/revision",
        Map.of("text", "Của tôi"), "file", "sua.pdf", ResearchApi.PDF);
    assertThat(wrongPerson.status()).isEqualTo(403);
    assertThat(documents.listByTask(task.getId())).as("nothing stored").hasSize(files);
    api.task(code, AssignmentCouncilProcess.Tasks.SUBMIT_REVISION, "chunhiem");

    String note = ResearchFlowTest.longText("Đã tiếp thu toàn bộ ý kiến hội đồng. ");
    TestHttp.Response sent = chunhiem.multipart("/portal/" + code + "/work/revision",
        Map.of("text", note), "file", "thuyet-minh-sua.pdf", ResearchApi.PDF);
    assertThat(sent.status()).as(sent.text()).isEqualTo(302);
    assertThat(documents.listByTask(task.getId())).extracting(DocumentInfo::kind)
        .contains(DocumentKind.REVISED_OUTLINE).hasSize(files + 1);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey(AssignmentCouncilProcess.Tasks.SUBMIT_REVISION).count()).isZero();
    assertThat(api.get("cv.qlkh", "/api/research-tasks/" + code).body().get("trail")
        .findValuesAsText("detail")).as("the whole note recorded").contains(note);
    api.task(code, AssignmentCouncilProcess.Tasks.VERIFY_REVISION, "hd.thuky");
  }

  @Test
  void anInvestigatorOfAnOrganisationAccountSubmitsUnderItsOrganisation() {
    String id = "cn.org." + UUID.randomUUID().toString().substring(0, 8);
    String organisation = "Trường Đại học Kỹ thuật – Công nghệ Cần Thơ";
    TestHttp.Response account = api.post("cv.qlkh", "/api/research/investigators", Map.of(
        "id", id, "name", "Lê Thị Tổ Chức", "email", id + "@example.vn",
        "organisation", organisation));
    assertThat(account.status()).isEqualTo(201);
    DeskSession investigator = DeskSession.login(http, id,
        account.body().get("initialPassword").asText());
    assertThat(investigator.get("/portal").text()).contains(organisation)
        .doesNotContain("id=\"hostOrganisation\"");
    String title = "Hồ sơ của tài khoản tổ chức " + UUID.randomUUID();
    Map<String, String> fields = dossier(title);
    fields.put("hostOrganisation", "Một cơ quan khác");
    TestHttp.Response named = investigator.multipart("/portal/dossiers", fields,
        "outline", "thuyet-minh.pdf", ResearchApi.PDF);
    assertThat(named.status()).as("the organisation comes from the account").isEqualTo(400);
    fields.remove("hostOrganisation");
    TestHttp.Response submitted = investigator.multipart("/portal/dossiers", fields,
        "outline", "thuyet-minh.pdf", ResearchApi.PDF);
    assertThat(submitted.status()).as(submitted.text()).isEqualTo(302);
    ResearchTask task = tasks.findAll().stream().filter(t -> t.getTitle().equals(title))
        .findFirst().orElseThrow();
    assertThat(task.getInvestigator()).isEqualTo(id);
    assertThat(task.getHostOrganisation()).isEqualTo(organisation);
  }

  @Test
  void theExtensionRuleIsShownAndALateRequestIsRefusedStoringNothing() {
    String code = fixture.appointed("chunhiem");
    fixture.scored(code, "Phiếu");
    LocalDate today = LocalDate.now(DeskFixture.ZONE);
    fixture.contracted(code, today, today.plusDays(20));
    ResearchTask task = tasks.findByCode(code).orElseThrow();

    DeskSession chunhiem = DeskSession.login(http, "chunhiem");
    String page = chunhiem.get("/portal").text();
    assertThat(page).contains("Đề nghị gia hạn")
        // a contract of 20 days, not over 24 months: 6 months at most under TT20-2023
        .contains("được gia hạn tối đa 6 tháng")
        .contains("Quy định: phải đề nghị gia hạn trước ngày kết thúc hợp đồng")
        .contains("Đề nghị lúc này sẽ bị từ chối");

    TestHttp.Response late = chunhiem.post("/portal/" + code + "/extension", "months", "3",
        "reason", "Thời tiết bất lợi kéo dài");
    assertThat(late.status()).isEqualTo(400);
    assertThat(late.text()).contains("chậm nhất ngày");
    TestHttp.Response extra = chunhiem.post("/portal/" + code + "/extension", "months", "3",
        "reason", "Lý do", "approved", "true");
    assertThat(extra.status()).isEqualTo(400);
    DeskSession stranger = DeskSession.login(http, "hd.uyvien1");
    assertThat(stranger.post("/portal/" + code + "/extension", "months", "3", "reason", "x")
        .status()).isEqualTo(403);
    assertThat(extensions.findByResearchTaskIdOrderByIdAsc(task.getId())).as("nothing stored")
        .isEmpty();
  }
}
