package vn.khcn.workflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.research.AssignmentCouncilProcess;
import vn.khcn.workflow.research.ResearchApi;
import vn.khcn.workflow.research.ResearchTaskProcess;
import vn.khcn.workflow.support.TestHttp;

/**
 * The investigators' portal and the council desk in a real headless Chromium: the investigator
 * submits a dossier with its outline file; a council member scores the proposal, the total
 * counted live by the page's script (CSP script-src 'self').
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PortalAndCouncilBrowserTest {

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;

  @BeforeAll
  static void browserInstalled() {
    Browser.assumeInstalled();
  }

  private static void login(Browser browser, String path, String user) {
    browser.open(path);
    browser.until(d -> Browser.path(d).equals("/login"));
    browser.driver.findElement(By.id("username")).sendKeys(user);
    browser.driver.findElement(By.id("password")).sendKeys("demo");
    browser.driver.findElement(By.xpath("//button[normalize-space(.)='Đăng nhập']")).click();
    browser.until(d -> Browser.path(d).equals(path));
  }

  @Test
  void anInvestigatorSubmitsADossierWithAFileFromThePortal() throws Exception {
    Path outline = Files.createTempFile("thuyet-minh-", ".pdf");
    Files.write(outline, ResearchApi.PDF);
    String title = "Bản đồ số vùng trồng lúa hữu cơ " + UUID.randomUUID().toString().substring(0, 8);
    try (Browser browser = new Browser("http://localhost:" + port, "portal", 1280, 1400)) {
      browser.recordingFailure(() -> {
        login(browser, "/portal", "chunhiem");
        browser.visible(By.id("dossier-form"));
        browser.driver.findElement(By.id("title")).sendKeys(title);
        browser.driver.findElement(By.id("field")).sendKeys("Nông nghiệp");
        browser.driver.findElement(By.id("hostOrganisation"))
            .sendKeys("Trung tâm Khuyến nông " + UUID.randomUUID());
        browser.driver.findElement(By.id("hostOrganisationCode")).sendKeys("0312345678");
        browser.driver.findElement(By.id("durationMonths")).sendKeys("18");
        browser.driver.findElement(By.id("requestedBudget")).sendKeys("600000000");
        browser.driver.findElement(By.id("outline")).sendKeys(outline.toAbsolutePath().toString());
        browser.screenshot("filled");
        browser.click(By.id("submit-dossier"));
        browser.until(d -> Browser.path(d).equals("/portal")
            && !d.findElements(By.id("message")).isEmpty());
        assertThat(browser.text(By.id("message"))).startsWith("Đã nộp hồ sơ, mã nhiệm vụ DT-");
        String code = browser.text(By.id("message")).replaceAll(".*mã nhiệm vụ (DT-\\d+-\\d+).*",
            "$1");
        String item = browser.text(By.id(code));
        assertThat(item).contains(title).contains("Kiểm tra hồ sơ")
            .contains("Thuyết minh: " + outline.getFileName());
        browser.screenshot("submitted");
      });
    } finally {
      Files.deleteIfExists(outline);
    }
  }

  @Test
  void aCouncilMemberScoresAProposalWithALiveTotal() throws Exception {
    ResearchApi api = new ResearchApi(rest, taskService);
    String code = api.submitted("cv.qlkh", "Truy xuất nguồn gốc trái cây "
        + UUID.randomUUID(), "Trung tâm Khuyến nông " + UUID.randomUUID(), "chunhiem");
    api.work("cv.qlkh", code, ResearchTaskProcess.Tasks.CHECK_DOSSIER, null,
        ResearchApi.vars("valid", true));
    Task appoint = api.task(code, AssignmentCouncilProcess.Tasks.APPOINT_COUNCIL, null);
    TestHttp.Response appointed = api.post("giamdoc", "/api/inbox/" + appoint.getId()
        + "/council", Map.of("chair", "hd.chutich", "viceChair", "hd.phochutich",
            "secretary", "hd.thuky", "reviewer1", "hd.phanbien1", "reviewer2", "hd.phanbien2",
            "members", List.of("hd.uyvien1", "hd.uyvien2")));
    assertThat(appointed.status()).as(appointed.text()).isEqualTo(204);
    api.work("hd.uyvien1", code, AssignmentCouncilProcess.Tasks.DECLARE_CONFLICT, "hd.uyvien1",
        ResearchApi.vars(AssignmentCouncilProcess.Vars.NO_CONFLICT.name(), true));

    try (Browser browser = new Browser("http://localhost:" + port, "council", 1280, 1400)) {
      browser.recordingFailure(() -> {
        login(browser, "/council", "hd.uyvien1");
        browser.visible(By.id(code + "-score"));
        int[] scores = {12, 20, 16, 20, 12};
        String[] names = {"scoreUrgency", "scoreContent", "scoreMethod", "scoreProducts",
            "scoreCapacity"};
        for (int i = 0; i < names.length; i++) {
          browser.driver.findElement(By.id(code + "-" + names[i])).sendKeys("" + scores[i]);
        }
        browser.until(d -> "80".equals(d.findElement(By.id(code + "-total")).getText()));
        browser.driver.findElement(By.id(code + "-comment"))
            .sendKeys("Cần làm rõ quy mô thí điểm");
        browser.screenshot("scored");
        browser.click(By.id(code + "-score-submit"));
        browser.until(d -> !d.findElements(By.id("message")).isEmpty());
        assertThat(browser.text(By.id("message"))).contains("chấm điểm thuyết minh")
            .contains(code);
        browser.screenshot("done");
      });
    }
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey(AssignmentCouncilProcess.Tasks.SCORE_PROPOSAL)
        .taskAssignee("hd.uyvien1").count()).isZero();
  }
}
