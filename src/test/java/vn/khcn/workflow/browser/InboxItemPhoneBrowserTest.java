package vn.khcn.workflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess;
import vn.khcn.workflow.research.AssignmentCouncilProcess;
import vn.khcn.workflow.research.ResearchApi;
import vn.khcn.workflow.research.ResearchTaskProcess;

/**
 * A phone (390×844): the inbox keeps its number column, the item shows the document before the
 * decision and never offers the lead unit as co-ordinating; a council member's Tasklist form
 * links the dossier's files, opened with the same login.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class InboxItemPhoneBrowserTest {

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @LocalServerPort int port;

  @BeforeAll
  static void browserInstalled() {
    Browser.assumeInstalled();
  }

  static double top(Browser browser, WebElement element) {
    return ((Number) browser.script("return arguments[0].getBoundingClientRect().top"
        + " + window.scrollY;", element)).doubleValue();
  }

  @Test
  void onAPhoneTheDocumentComesBeforeTheDecisionAndTheNumberStays() throws Exception {
    WorkflowApi api = new WorkflowApi(rest);
    JsonNode doc = api.register("Kế hoạch kiểm tra an toàn bức xạ năm 2027 ("
        + UUID.randomUUID().toString().substring(0, 8) + ")");
    Task direction = taskService.createTaskQuery()
        .processInstanceId(doc.get("processInstanceId").asText())
        .taskDefinitionKey(IncomingDirectiveProcess.Tasks.GIVE_DIRECTION).singleResult();

    try (Browser browser = Browser.phone("http://localhost:" + port, "inbox-item-phone", 390,
        844)) {
      browser.recordingFailure(() -> {
        InboxBrowserTest.logIn(browser, "giamdoc");
        WebElement row = browser.driver.findElement(By.xpath("//tr[.//a[contains(@href, '/inbox/"
            + direction.getId() + "')]]"));
        WebElement number = row.findElement(By.cssSelector("td.number"));
        InboxBrowserTest.assertInView(browser, number, "number column");
        assertThat(number.getText()).isEqualTo(doc.get("businessKey").asText());
        assertThat(browser.driver.findElement(By.cssSelector("th.number")).isDisplayed()).isTrue();
        browser.screenshot("list");

        row.findElement(By.cssSelector("a[href$='/inbox/" + direction.getId() + "']")).click();
        WebElement document = browser.visible(By.id("document-title"));
        WebElement decision = browser.visible(
            By.xpath("//h2[normalize-space(.)='Cho ý kiến chỉ đạo']"));
        assertThat(top(browser, document)).as("the document above the decision form")
            .isLessThan(top(browser, decision));
        assertThat(((Number) browser.script("return window.scrollY;")).intValue())
            .as("the page opens at its top, not scrolled to the form").isZero();
        assertThat(browser.driver.findElement(By.cssSelector("pre.view")).getText())
            .contains("Kế hoạch kiểm tra an toàn bức xạ");
        browser.screenshot("item-top");

        WebElement coordinatingQlkh = InboxBrowserTest.unitBox(browser, "Đơn vị phối hợp",
            "Phòng Quản lý khoa học");
        InboxBrowserTest.assertInView(browser, coordinatingQlkh, "co-ordinating QLKH");
        coordinatingQlkh.click();
        new Select(browser.driver.findElement(By.id("leadUnit")))
            .selectByVisibleText("Phòng Quản lý khoa học");
        assertThat(coordinatingQlkh.isDisplayed()).as("the lead is not offered as co-ordinating")
            .isFalse();
        assertThat(coordinatingQlkh.isSelected()).as("nor sent as co-ordinating").isFalse();
        assertThat(InboxBrowserTest.unitBox(browser, "Đơn vị phối hợp",
            "Phòng Kế hoạch – Tài chính").isDisplayed()).isTrue();
        new Select(browser.driver.findElement(By.id("leadUnit")))
            .selectByVisibleText("Văn phòng Sở");
        assertThat(coordinatingQlkh.isDisplayed()).as("offered again once another leads")
            .isTrue();
        assertThat(((Number) browser.script("return document.documentElement.scrollWidth;"))
            .intValue()).as("no sideways scrolling").isLessThanOrEqualTo(390);
        browser.screenshot("item-form");
      });
    }
  }

  @Test
  void aCouncilMemberOpensTheDossierFromTheLinkInHisTasklistForm() throws Exception {
    ResearchApi api = new ResearchApi(rest, taskService);
    String code = api.submitted("chunhiem", "Mô hình nuôi tôm càng xanh luân canh trên ruộng lúa "
        + UUID.randomUUID(), "Ban Tuyên giáo Thành ủy Cần Thơ", "chunhiem");
    api.work("cv.qlkh", code, ResearchTaskProcess.Tasks.CHECK_DOSSIER, null,
        ResearchApi.vars("valid", true));
    Task appoint = api.task(code, AssignmentCouncilProcess.Tasks.APPOINT_COUNCIL, null);
    assertThat(api.post("giamdoc", "/api/inbox/" + appoint.getId() + "/council",
        Map.of("chair", "hd.chutich", "viceChair", "hd.phochutich", "secretary", "hd.thuky",
            "reviewer1", "hd.phanbien1", "reviewer2", "hd.phanbien2",
            "members", List.of("hd.uyvien1", "hd.uyvien2"))).status()).isEqualTo(204);
    Task declare = api.task(code, AssignmentCouncilProcess.Tasks.DECLARE_CONFLICT, "hd.uyvien2");

    try (Browser browser = new Browser("http://localhost:" + port, "research-links", 1280, 900)) {
      browser.recordingFailure(() -> {
        browser.open("/login");
        browser.driver.findElement(By.id("username")).sendKeys("hd.uyvien2");
        browser.driver.findElement(By.id("password")).sendKeys("demo");
        browser.driver.findElement(By.xpath("//button[normalize-space(.)='Đăng nhập']")).click();
        browser.until(d -> !Browser.path(d).equals("/login"));
        browser.open("/camunda/app/tasklist/default/#/?task=" + declare.getId());
        // Tasklist loads the task, then the form and its variables: give a busy machine time
        WebElement link = new org.openqa.selenium.support.ui.WebDriverWait(browser.driver,
            java.time.Duration.ofSeconds(120)).until(
                org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".fjs-form-field-text a[href*='/api/research-tasks/" + code
                        + "/documents/']")));
        assertThat(link.getText()).isEqualTo("Thuyết minh: thuyet-minh.pdf");
        browser.screenshot("form-link");
        Object status = browser.driver.executeAsyncScript("const done = arguments[1];"
            + " fetch(arguments[0], {credentials: 'same-origin'}).then(r => done(r.status),"
            + " e => done(String(e)));", link.getAttribute("href"));
        assertThat(((Number) status).intValue()).as("the link opens with the one login")
            .isEqualTo(200);
      });
    }
  }
}
