package vn.khcn.workflow.research;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The one refusal page of the page controllers (shared.web.PageRefusals), one status each through
 * the investigators' portal: an HTML page with the status, a Vietnamese title and message, the
 * problems by field and the way back; never the API's JSON.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PageRefusalsTest {

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired ResearchTaskRepository tasks;

  TestHttp http;

  @BeforeEach
  void setUp() {
    http = new ResearchApi(rest, taskService).http();
  }

  @Test
  void invalidInputAnswers400WithTheProblemsByFieldAndTheWayBack() {
    DeskSession chunhiem = DeskSession.login(http, "chunhiem");
    chunhiem.get("/portal");
    long before = tasks.count();
    Map<String, String> fields =
        PortalPageTest.dossier("Đề tài có trường lạ " + UUID.randomUUID());
    fields.put("investigator", "cv.qlkh");
    TestHttp.Response refused = chunhiem.multipart("/portal/dossiers", fields, "outline",
        "thuyet-minh.pdf", ResearchApi.PDF);
    assertRefusalPage(refused, 400, "Chưa thực hiện");
    assertThat(refused.text()).contains("Không có gì được lưu")
        .contains("<li>investigator: biểu mẫu này không có trường &#39;investigator&#39;</li>")
        .contains("id=\"back\"").contains("href=\"/portal\"");
    assertThat(tasks.count()).as("nothing stored").isEqualTo(before);
  }

  @Test
  void aPersonWithoutTheRoleIsAnswered403() {
    TestHttp.Response refused = DeskSession.login(http, "hd.chutich").get("/portal");
    assertRefusalPage(refused, 403, "Không có quyền");
  }

  @Test
  void anUnknownPageOfTheDeskIsAnswered404() {
    DeskSession chunhiem = DeskSession.login(http, "chunhiem");
    chunhiem.get("/portal");
    TestHttp.Response refused = chunhiem.multipart("/portal/KHONG-CO/work/khong-co-viec",
        Map.of("text", "Tiến độ"), "file", "tien-do.pdf", ResearchApi.PDF);
    assertRefusalPage(refused, 404, "Không tìm thấy");
    assertThat(refused.text()).contains("Không có việc &#39;khong-co-viec&#39; ở cổng chủ nhiệm");
  }

  @Test
  void anActionAtTheWrongStageIsAnswered409() {
    DeskSession chunhiem = DeskSession.login(http, "chunhiem");
    chunhiem.get("/portal");
    String title = "Đề tài vừa nộp " + UUID.randomUUID();
    TestHttp.Response submitted = chunhiem.multipart("/portal/dossiers",
        PortalPageTest.dossier(title), "outline", "thuyet-minh.pdf", ResearchApi.PDF);
    assertThat(submitted.status()).as(submitted.text()).isEqualTo(302);
    String code = tasks.findAll().stream().filter(t -> t.getTitle().equals(title)).findFirst()
        .orElseThrow().getCode();
    TestHttp.Response refused = chunhiem.multipart("/portal/" + code + "/work/progress",
        Map.of("text", "Tiến độ"), "file", "tien-do.pdf", ResearchApi.PDF);
    assertRefusalPage(refused, 409, "Chưa thực hiện");
    assertThat(refused.text()).contains("không chờ bạn");
  }

  private static void assertRefusalPage(TestHttp.Response refused, int status, String title) {
    assertThat(refused.status()).as(refused.text()).isEqualTo(status);
    assertThat(refused.header("Content-Type")).startsWith("text/html");
    assertThat(refused.text()).contains("<title>" + title + "</title>")
        .contains("<h1>" + title + "</h1>").contains("role=\"alert\"")
        .doesNotContain("\"status\":");
  }
}
