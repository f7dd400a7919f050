package vn.khcn.workflow.browser;

import vn.khcn.workflow.dispatch.IncomingDirectiveProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khcn.workflow.browser.WorkflowApi.variable;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
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

/** The directors' inbox in a browser: session login, a direction, an approval, phone width. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@org.junit.jupiter.api.extension.ExtendWith(vn.khcn.workflow.support.UnitsWithoutHeads.class)
class InboxBrowserTest {

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @LocalServerPort int port;

  @BeforeAll
  static void browserInstalled() {
    Browser.assumeInstalled();
  }

  Task task(String processInstanceId, String key) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(key).list();
    assertThat(tasks).as("open %s tasks", key).hasSize(1);
    return tasks.get(0);
  }

  Browser browser(String name, int width, int height) {
    return new Browser("http://localhost:" + port, name, width, height);
  }

  /** /inbox sends an anonymous visitor to the session login page; logs in there. */
  static void logIn(Browser browser, String user) {
    browser.open("/inbox");
    browser.until(d -> Browser.path(d).equals("/login"));
    browser.visible(By.xpath("//h2[normalize-space(.)='Đăng nhập']"));
    browser.driver.findElement(By.id("username")).sendKeys(user);
    browser.driver.findElement(By.id("password")).sendKeys("demo");
    browser.screenshot("login");
    browser.driver.findElement(By.xpath("//button[normalize-space(.)='Đăng nhập']")).click();
    browser.until(d -> Browser.path(d).equals("/inbox"));
    browser.visible(By.xpath("//h1[starts-with(normalize-space(.), 'Hộp việc lãnh đạo')]"));
  }

  static By itemLink(Task task) {
    return By.cssSelector("a[href$='/inbox/" + task.getId() + "']");
  }

  @Test
  void directorGivesADirectionAndLaterApprovesTheResult() throws Exception {
    WorkflowApi api = new WorkflowApi(rest);
    String marker = "HV-" + UUID.randomUUID().toString().substring(0, 8);
    JsonNode doc = api.register("Triển khai Chương trình chuyển đổi số năm 2027 (" + marker + ")");
    String pi = doc.get("processInstanceId").asText();
    Task direction = task(pi, IncomingDirectiveProcess.Tasks.GIVE_DIRECTION);
    String text = "Phòng QLKH chủ trì, Phòng KHTC phối hợp; báo cáo kết quả (" + marker + ").";

    try (Browser browser = browser("inbox", 1280, 900)) {
      browser.recordingFailure(() -> {
        logIn(browser, "giamdoc");
        WebElement link = browser.clickable(itemLink(direction));
        assertThat(link.getText()).isEqualTo("Cho ý kiến chỉ đạo");
        link.click();

        browser.visible(By.xpath("//h2[normalize-space(.)='Cho ý kiến chỉ đạo']"));
        assertThat(browser.driver.findElement(By.tagName("pre")).getText()).contains(marker);
        WebElement due = browser.driver.findElement(By.id("dueDate"));
        assertThat(due.getAttribute("value")).as("due date prefilled from dispatch-sla")
            .matches("\\d{4}-\\d{2}-\\d{2}");
        browser.driver.findElement(By.id("direction")).sendKeys(text);
        new Select(browser.driver.findElement(By.id("leadUnit")))
            .selectByVisibleText("Phòng Quản lý khoa học");
        unitBox(browser, "Đơn vị phối hợp", "Phòng Kế hoạch – Tài chính").click();
        unitBox(browser, "Đơn vị để biết", "Phòng Quản lý công nghệ").click();
        browser.screenshot("direction");
        browser.driver.findElement(By.xpath("//button[normalize-space(.)='Gửi ý kiến chỉ đạo']"))
            .click();

        browser.until(d -> Browser.path(d).equals("/inbox"));
        browser.visible(By.xpath("//p[@role='status' and normalize-space(.)='Đã cho ý kiến chỉ đạo.']"));
        assertThat(browser.driver.findElements(itemLink(direction))).isEmpty();
        browser.screenshot("directed");
      });

      JsonNode directed = api.details(doc);
      assertThat(directed.get("status").asText()).isEqualTo("IN_PROGRESS");
      assertThat(directed.get("direction").asText()).isEqualTo(text);
      List<String> assignments = new ArrayList<>();
      directed.get("assignments").forEach(a -> assignments.add(a.get("role").asText() + ":"
          + a.get("unit").asText()));
      assertThat(assignments).containsExactlyInAnyOrder("LEAD:phong-qlkh",
          "COORDINATING:phong-khtc", "INFORMED:phong-qlcn");
      assertThat(historyService.createHistoricTaskInstanceQuery().taskId(direction.getId())
          .singleResult().getAssignee()).isEqualTo("giamdoc");

      Map<String, String> members = Map.of("phong-qlkh", "cv.qlkh", "phong-khtc", "cv.khtc");
      for (Task unitTask : taskService.createTaskQuery().processInstanceId(pi)
          .taskDefinitionKey(IncomingDirectiveProcess.Tasks.HANDLE_ASSIGNMENT).list()) {
        String unit = taskService.getIdentityLinksForTask(unitTask.getId()).get(0).getGroupId();
        api.work(members.get(unit), unitTask.getId(),
            Map.of("result", variable("String", "Kết quả của " + unit)));
      }
      api.work("cv.qlkh", task(pi, IncomingDirectiveProcess.Tasks.CONSOLIDATE_REPORT).getId(),
          Map.of("report", variable("String", "Báo cáo tổng hợp (" + marker + ")")));
      Task approval = task(pi, IncomingDirectiveProcess.Tasks.APPROVE_RESULT);

      browser.recordingFailure(() -> {
        browser.open("/inbox");
        WebElement link = browser.clickable(itemLink(approval));
        assertThat(link.getText()).isEqualTo("Duyệt kết quả");
        link.click();
        browser.visible(By.xpath("//h2[normalize-space(.)='Duyệt kết quả']"));
        assertThat(browser.driver.findElement(By.tagName("pre")).getText())
            .contains("Báo cáo tổng hợp (" + marker + ")");
        assertThat(browser.driver.findElement(By.xpath("//h2[normalize-space(.)="
            + "'Quá trình xử lý']/following-sibling::table")).getText())
            .contains(text, "Kết quả của phong-khtc");
        browser.driver.findElement(By.id("comment")).sendKeys("Đồng ý, lưu hồ sơ.");
        browser.screenshot("approval");
        browser.driver.findElement(By.xpath("//button[normalize-space(.)='Duyệt']")).click();
        browser.until(d -> Browser.path(d).equals("/inbox"));
        browser.visible(By.xpath("//p[@role='status' and normalize-space(.)='Đã duyệt.']"));
        browser.screenshot("approved");
      });
    }

    JsonNode archived = api.details(doc);
    assertThat(archived.get("status").asText()).isEqualTo("ARCHIVED");
    List<String> trail = api.trail(doc);
    assertThat(trail).extracting(t -> t.substring(0, t.indexOf(':'))).containsExactly(
        "REGISTERED", "PRESENTED", "DIRECTION_GIVEN", "INFORMED", "UNIT_RESULT", "UNIT_RESULT",
        "REPORT_SUBMITTED", "APPROVED", "ARCHIVED");
    assertThat(trail).contains("DIRECTION_GIVEN:giamdoc", "UNIT_RESULT:cv.qlkh",
        "UNIT_RESULT:cv.khtc", "REPORT_SUBMITTED:cv.qlkh", "APPROVED:giamdoc");
    assertThat(archived.get("trail")).filteredOn(t -> t.get("action").asText().equals("APPROVED"))
        .extracting(t -> t.get("comment").asText()).containsExactly("Đồng ý, lưu hồ sơ.");
  }

  @Test
  void inboxAndItemFitAPhoneScreenWithTheirActionsInView() throws Exception {
    WorkflowApi api = new WorkflowApi(rest);
    JsonNode doc = api.register("Đề nghị góp ý dự thảo Quy chế quản lý nhiệm vụ khoa học và công"
        + " nghệ cấp thành phố (" + UUID.randomUUID().toString().substring(0, 8) + ")");
    Task direction = task(doc.get("processInstanceId").asText(), IncomingDirectiveProcess.Tasks.GIVE_DIRECTION);

    try (Browser browser = Browser.phone("http://localhost:" + port, "inbox-phone", 400, 860)) {
      browser.recordingFailure(() -> {
        logIn(browser, "phogiamdoc");
        assertThat(((Number) browser.script("return window.innerWidth;")).intValue())
            .as("the page is laid out at phone width").isEqualTo(400);
        assertFitsWidth(browser, "inbox list");
        WebElement link = browser.driver.findElement(itemLink(direction));
        assertInView(browser, link, "item link");
        browser.driver.findElement(By.xpath("//button[normalize-space(.)='Đăng xuất']"));
        browser.screenshot("list");

        link.click();
        browser.visible(By.xpath("//h2[normalize-space(.)='Cho ý kiến chỉ đạo']"));
        assertFitsWidth(browser, "inbox item");
        for (String id : List.of("direction", "leadUnit", "dueDate")) {
          assertInView(browser, browser.driver.findElement(By.id(id)), id);
        }
        assertInView(browser, unitBox(browser, "Đơn vị phối hợp", "Phòng Kế hoạch – Tài chính"),
            "coordinating unit");
        assertInView(browser, browser.driver.findElement(
            By.xpath("//button[normalize-space(.)='Gửi ý kiến chỉ đạo']")), "send button");
        assertInView(browser, browser.driver.findElement(
            By.xpath("//header//a[normalize-space(.)='Hộp việc']")), "back link");
        browser.script("window.scrollTo(0, 0);");
        browser.screenshot("item");

        // the measure itself: one element wider than the phone makes the page scroll sideways
        browser.script("const wide = document.createElement('div'); wide.style.width = '600px';"
            + " wide.style.height = '1px'; document.body.appendChild(wide);");
        assertThat(((Number) browser.script("return document.documentElement.scrollWidth;"))
            .intValue()).isGreaterThan(400);
      });
    }
  }

  /** The checkbox of a unit in one of the fieldsets (coordinating, informed). */
  static WebElement unitBox(Browser browser, String legend, String unitName) {
    return browser.driver.findElement(By.xpath("//fieldset[legend[normalize-space(.)='" + legend
        + "']]//label[normalize-space(.)='" + unitName + "']/input[@type='checkbox']"));
  }

  static void assertFitsWidth(Browser browser, String page) {
    Number scrollWidth = (Number) browser.script("return document.documentElement.scrollWidth;");
    Number innerWidth = (Number) browser.script("return window.innerWidth;");
    assertThat(innerWidth.intValue()).as("%s laid out at phone width, not zoomed out", page)
        .isEqualTo(400);
    assertThat(scrollWidth.intValue()).as("%s scrolls sideways", page)
        .isLessThanOrEqualTo(innerWidth.intValue());
  }

  /** Displayed and, once scrolled to, entirely inside the viewport's width. */
  static void assertInView(Browser browser, WebElement element, String what) {
    browser.script("arguments[0].scrollIntoView({block: 'center'});", element);
    assertThat(element.isDisplayed()).as("%s displayed", what).isTrue();
    @SuppressWarnings("unchecked")
    Map<String, Number> box = (Map<String, Number>) browser.script(
        "const r = arguments[0].getBoundingClientRect();"
            + " return {left: r.left, right: r.right, width: r.width, height: r.height,"
            + " viewport: window.innerWidth};", element);
    assertThat(box.get("width").doubleValue()).as("%s width", what).isPositive();
    assertThat(box.get("height").doubleValue()).as("%s height", what).isPositive();
    assertThat(box.get("left").doubleValue()).as("%s left edge", what).isGreaterThanOrEqualTo(0);
    assertThat(box.get("right").doubleValue()).as("%s right edge", what)
        .isLessThanOrEqualTo(box.get("viewport").doubleValue());
  }
}
