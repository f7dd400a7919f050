package vn.khcn.workflow.browser;

import vn.khcn.workflow.dispatch.IncomingDirectiveProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khcn.workflow.browser.WorkflowApi.variable;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.identity.TasklistFilters;

/**
 * A unit member works a document in Camunda Tasklist as a clerk does: Vietnamese login page,
 * the filter "Việc của đơn vị", claim, the Vietnamese form, complete; a director directs one
 * through the form's Vietnamese placeholders, messages and dd/MM/yyyy dates. Neither sees
 * Camunda's "migrate to Camunda 8" strip or "Tạo công việc"; the cards name the urgency.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@org.junit.jupiter.api.extension.ExtendWith(vn.khcn.workflow.support.UnitsWithoutHeads.class)
class TasklistBrowserTest {

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @LocalServerPort int port;

  @BeforeAll
  static void browserInstalled() {
    Browser.assumeInstalled();
  }

  static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  static final String REQUIRED = "Trường này là bắt buộc.";
  static final By CREATE_TASK = By.cssSelector(".create-task-action");
  static final By FORM_ERRORS = By.cssSelector(".fjs-container .fjs-form-field-error");

  Task task(String processInstanceId, String key) {
    return taskService.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(key).singleResult();
  }

  @Test
  void unitMemberClaimsAndCompletesHisUnitsTaskThroughTheVietnameseForm() throws Exception {
    WorkflowApi api = new WorkflowApi(rest);
    String marker = "TL-" + UUID.randomUUID().toString().substring(0, 8);
    JsonNode doc = api.register("Báo cáo tình hình ứng dụng công nghệ năm 2026 (" + marker + ")",
        "URGENT");
    String pi = doc.get("processInstanceId").asText();
    api.work("giamdoc", task(pi, IncomingDirectiveProcess.Tasks.GIVE_DIRECTION).getId(), Map.of(
        "direction", variable("String", "Phòng QLCN chủ trì, báo cáo trước hạn."),
        "leadUnit", variable("String", "phong-qlcn"),
        "coordinatingUnits", variable("Json", "[]"),
        "informedUnits", variable("Json", "[]"),
        "dueDate", variable("Date", WorkflowApi.dueDate(10))));
    Task unitTask = task(pi, IncomingDirectiveProcess.Tasks.HANDLE_ASSIGNMENT);
    assertThat(unitTask).as("the unit's task").isNotNull();
    String result = "Đã rà soát 12 doanh nghiệp; dự thảo báo cáo số 45/BC-QLCN gửi kèm (" + marker
        + ").";

    try (Browser browser = new Browser("http://localhost:" + port, "tasklist", 1366, 1000)) {
      browser.recordingFailure(() -> {
        logIn(browser, "cv.qlcn");
        assertNoCamundaNoticeAndNoCreateTask(browser);
        openUnitTasks(browser);
        // the list item of this document's task (the filter's variable columns are not shown to
        // units, see the report, so the item is found by its task link)
        By listed = By.xpath("//*[contains(@class,'tasks-list')]"
            + "//li[.//a[contains(@href, 'task=" + unitTask.getId() + "')]]");
        assertThat(browser.text(listed)).contains("Đơn vị xử lý", "Xử lý văn bản đến");
        // the priority badge names the document's urgency (Khẩn = 60), not the number
        assertThat(browser.text(badge(unitTask.getId()))).isEqualTo("Khẩn");
        // dates too are Vietnamese (scripts/date-locale.js): "Hạn 10 ngày tới", "… trước"
        browser.until(d -> d.findElement(listed).getText().matches("(?s).*Hạn \\d+ ngày tới.*"));
        assertThat(browser.text(listed)).containsPattern("Ngày tạo .+ trước").doesNotContain(" ago");
        browser.screenshot("filter");
        browser.click(By.cssSelector(".tasks-list h4.task a[href*='task=" + unitTask.getId() + "']"));

        By claim = By.cssSelector("button.claim");
        assertThat(browser.text(claim)).isEqualTo("Nhận việc");
        browser.click(claim);
        browser.until(d -> taskService.createTaskQuery().taskId(unitTask.getId())
            .taskAssignee("cv.qlcn").count() == 1);

        By resultField = By.xpath("//label[contains(normalize-space(.), 'Kết quả xử lý')]"
            + "/following::textarea[1]");
        browser.visible(resultField);
        browser.until(d -> d.findElement(By.xpath("//label[normalize-space(.)='Văn bản']"
            + "/following::textarea[1]")).getAttribute("value").contains(marker));
        assertThat(browser.driver.findElement(By.xpath("//label[normalize-space(.)='Văn bản']"
            + "/following::textarea[1]")).getAttribute("value"))
            .contains("Phòng QLCN chủ trì, báo cáo trước hạn.");
        // completing without the required result: form-js's message, in Vietnamese
        By complete = By.cssSelector("button[ng-click='complete()']");
        browser.click(complete);
        browser.until(d -> d.findElements(FORM_ERRORS).stream()
            .anyMatch(e -> e.getText().equals(REQUIRED)));
        assertThat(browser.driver.findElements(FORM_ERRORS)).extracting(WebElement::getText)
            .containsOnly(REQUIRED);
        assertThat(taskService.createTaskQuery().taskId(unitTask.getId()).count()).isOne();
        browser.screenshot("required");
        dismissNotification(browser);
        browser.driver.findElement(resultField).sendKeys(result);
        browser.until(d -> result.equals(d.findElement(resultField).getAttribute("value")));
        // a reply's number without its date: refused by the task's listener, and Tasklist shows
        // the API's Vietnamese message, not an engine's 500 (ADR 0044)
        By replyNumber = field("Số, ký hiệu văn bản trả lời", "input");
        browser.driver.findElement(replyNumber).sendKeys("45/BC-QLCN");
        browser.click(complete);
        By notice = By.cssSelector(".page-notifications");
        browser.until(d -> d.findElement(notice).getText().contains("replyDate"));
        assertThat(browser.text(notice))
            .contains("replyDate: chưa nhập ngày của văn bản trả lời")
            .doesNotContain("ENGINE-").doesNotContain("Exception");
        assertThat(taskService.createTaskQuery().taskId(unitTask.getId()).count()).isOne();
        browser.screenshot("refused-by-listener");
        dismissNotification(browser);
        browser.driver.findElement(replyNumber).sendKeys(Keys.chord(Keys.CONTROL, "a"),
            Keys.DELETE);
        browser.until(d -> d.findElement(replyNumber).getAttribute("value").isEmpty());
        browser.screenshot("form");
        assertThat(browser.text(complete)).isEqualTo("Hoàn thành");
        browser.click(complete);

        browser.until(d -> taskService.createTaskQuery().taskId(unitTask.getId()).count() == 0);
        // Tasklist closes the completed task and drops it from the filter's list
        browser.visible(By.xpath("//*[normalize-space(.)='Chọn một công việc trong danh sách.']"));
        browser.until(d -> d.findElements(By.cssSelector(".tasks-list a[href*='task="
            + unitTask.getId() + "']")).isEmpty());
        browser.screenshot("completed");

        // one login: Tasklist's "Trang chủ" opens our home page as the same person
        browser.click(By.cssSelector("a.khcn-home-link"));
        browser.until(d -> Browser.path(d).equals("/"));
        assertThat(browser.text(By.tagName("main"))).contains("Đặng Minh Khoa");
        browser.screenshot("home");
      });
    }

    HistoricTaskInstance done = historyService.createHistoricTaskInstanceQuery()
        .taskId(unitTask.getId()).singleResult();
    assertThat(done.getEndTime()).isNotNull();
    assertThat(done.getAssignee()).isEqualTo("cv.qlcn");
    assertThat(task(pi, IncomingDirectiveProcess.Tasks.APPROVE_RESULT)).as("the lead unit alone goes on to approval").isNotNull();
    JsonNode details = api.details(doc);
    assertThat(details.get("status").asText()).isEqualTo("AWAITING_APPROVAL");
    assertThat(details.get("report").asText()).isEqualTo(result);
    assertThat(api.trail(doc)).containsSubsequence("DIRECTION_GIVEN:giamdoc", "UNIT_RESULT:cv.qlcn");
  }

  @Test
  void directorDirectsThroughVietnamesePlaceholdersMessagesAndDayMonthYearDates() throws Exception {
    WorkflowApi api = new WorkflowApi(rest);
    String marker = "TLD-" + UUID.randomUUID().toString().substring(0, 8);
    JsonNode doc = api.register("Đề nghị góp ý dự thảo kế hoạch chuyển đổi số (" + marker + ")",
        "FLASH");
    String pi = doc.get("processInstanceId").asText();
    Task direction = task(pi, IncomingDirectiveProcess.Tasks.GIVE_DIRECTION);
    LocalDate suggested = IncomingDirectiveProcess.Vars.DUE_DATE.read(
        taskService.getVariable(direction.getId(), IncomingDirectiveProcess.Vars.DUE_DATE.name()));
    LocalDate chosen = LocalDate.now(WorkflowApi.ZONE).plusDays(30);
    if (chosen.getDayOfMonth() <= 12) {
      chosen = chosen.withDayOfMonth(20); // a day no month has: read as MM/dd it could not pass
    }
    String typed = chosen.format(DAY_MONTH_YEAR);

    try (Browser browser = new Browser("http://localhost:" + port, "tasklist-direction", 1366,
        1000)) {
      browser.recordingFailure(() -> {
        logIn(browser, "giamdoc");
        assertNoCamundaNoticeAndNoCreateTask(browser);
        openUnitTasks(browser);
        assertThat(browser.text(badge(direction.getId()))).isEqualTo("Hỏa tốc");
        browser.click(By.cssSelector(".tasks-list h4.task a[href*='task=" + direction.getId()
            + "']"));
        browser.click(By.cssSelector("button.claim"));
        browser.until(d -> taskService.createTaskQuery().taskId(direction.getId())
            .taskAssignee("giamdoc").count() == 1);

        By leadUnit = field("Đơn vị chủ trì", "*[contains(@class,'fjs-select-display')]");
        By coordinating = field("Đơn vị phối hợp", "input");
        By due = field("Hạn xử lý", "input[contains(@class,'fjs-input')]");
        assertThat(browser.text(leadUnit)).isEqualTo("Chọn");
        assertThat(browser.visible(coordinating).getAttribute("placeholder")).isEqualTo("Tìm");
        // the suggested due date, written dd/MM/yyyy whatever the browser's own date order
        browser.until(d -> suggested.format(DAY_MONTH_YEAR)
            .equals(d.findElement(due).getAttribute("value")));
        assertThat(browser.driver.findElement(due).getAttribute("placeholder"))
            .isEqualTo("dd/mm/yyyy");
        browser.click(coordinating);
        browser.driver.findElement(coordinating).sendKeys("không có đơn vị này");
        assertThat(browser.text(By.cssSelector(".fjs-dropdownlist-empty")))
            .isEqualTo("Không có kết quả");
        browser.driver.findElement(coordinating).sendKeys(Keys.ESCAPE);
        browser.screenshot("placeholders");

        // no lead unit, then no due date: form-js's messages in Vietnamese, nothing completed
        browser.click(By.cssSelector("button[ng-click='complete()']"));
        browser.until(d -> !d.findElements(FORM_ERRORS).isEmpty());
        browser.click(due);
        browser.driver.findElement(due).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        browser.click(field("Ý kiến chỉ đạo", "textarea"));
        browser.until(d -> d.findElement(due).getAttribute("value").isEmpty());
        browser.until(d -> d.findElements(FORM_ERRORS).size() == 2);
        assertThat(browser.driver.findElements(FORM_ERRORS)).extracting(WebElement::getText)
            .containsOnly(REQUIRED);
        assertThat(browser.driver.getPageSource()).doesNotContain("Field is required")
            .doesNotContain("mm/dd/yyyy");
        assertThat(taskService.createTaskQuery().taskId(direction.getId()).count()).isOne();
        browser.screenshot("required");
        dismissNotification(browser);

        browser.driver.findElement(field("Ý kiến chỉ đạo", "textarea"))
            .sendKeys("Phòng QLCN chủ trì, báo cáo kết quả (" + marker + ").");
        browser.click(leadUnit);
        browser.click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')]"
            + "[normalize-space(.)='Phòng Quản lý công nghệ']"));
        browser.until(d -> d.findElement(leadUnit).getText().equals("Phòng Quản lý công nghệ"));
        browser.click(due);
        browser.driver.findElement(due).sendKeys(typed);
        browser.click(field("Ý kiến chỉ đạo", "textarea"));
        // flatpickr read it day first and wrote it back the same way
        browser.until(d -> typed.equals(d.findElement(due).getAttribute("value")));
        browser.until(d -> d.findElements(FORM_ERRORS).isEmpty());
        browser.screenshot("filled");
        browser.click(By.cssSelector("button[ng-click='complete()']"));
        browser.until(d -> taskService.createTaskQuery().taskId(direction.getId()).count() == 0);
      });
    }

    HistoricVariableInstance dueDate = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(pi).variableName(IncomingDirectiveProcess.Vars.DUE_DATE.name())
        .singleResult();
    assertThat(IncomingDirectiveProcess.Vars.DUE_DATE.read(dueDate.getValue())).isEqualTo(chosen);
    assertThat(task(pi, IncomingDirectiveProcess.Tasks.HANDLE_ASSIGNMENT)).as("the unit's task")
        .isNotNull();
  }

  @Test
  void anAdministratorStillFindsCreateTask() throws Exception {
    try (Browser browser = new Browser("http://localhost:" + port, "tasklist-admin", 1366, 1000)) {
      browser.recordingFailure(() -> {
        logIn(browser, "admin");
        browser.until(d -> "allowed".equals(d.findElement(By.tagName("html"))
            .getAttribute("data-khcn-create-task")));
        assertThat(browser.text(CREATE_TASK)).isEqualTo("Tạo công việc");
      });
    }
  }

  /** Logs in on Tasklist's own (Vietnamese) login page. */
  static void logIn(Browser browser, String user) {
    browser.open("/camunda/app/tasklist/");
    WebElement username = browser.visible(By.cssSelector("input[ng-model='username']"));
    // the login page itself speaks Vietnamese: our vi.json is loaded for a Vietnamese browser
    browser.until(d -> d.findElement(By.cssSelector("form button[type='submit']")).getText()
        .contains("Đăng nhập"));
    assertThat(username.getAttribute("placeholder")).isEqualTo("Tên đăng nhập");
    browser.screenshot("login");
    username.sendKeys(user);
    browser.driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
    browser.driver.findElement(By.cssSelector("form button[type='submit']")).click();
    browser.visible(By.cssSelector(".task-filters"));
  }

  /**
   * Camunda's red "migrate to Camunda 8" strip is in the page but never shown; "Tạo công việc"
   * stays hidden once the engine has answered that this person may not create tasks.
   */
  static void assertNoCamundaNoticeAndNoCreateTask(Browser browser) {
    browser.until(d -> d.findElements(By.cssSelector("[cam-widget-header] .navbar-brand"))
        .stream().anyMatch(WebElement::isDisplayed));
    assertThat(browser.text(By.cssSelector("[cam-widget-header] .navbar-brand")))
        .isEqualTo("Sở KH&CN Tasklist");
    List<WebElement> strips = browser.driver.findElements(By.cssSelector(".ce-eol-banner"));
    assertThat(strips).as("Camunda's strip is still in the page").isNotEmpty();
    assertThat(strips).noneMatch(WebElement::isDisplayed);
    browser.until(d -> "refused".equals(d.findElement(By.tagName("html"))
        .getAttribute("data-khcn-create-task")));
    assertThat(browser.driver.findElements(CREATE_TASK)).noneMatch(WebElement::isDisplayed);
    assertThat(browser.text(By.cssSelector("[cam-widget-header]"))).doesNotContain("Tạo công việc")
        .doesNotContain("Camunda 8").contains("Trang chủ");
  }

  /**
   * Tasklist's own notice of a refused completion ("Đã xảy ra lỗi khi gửi biểu mẫu công việc")
   * sits over the form's buttons until it is closed, as a person closes it.
   */
  static void dismissNotification(Browser browser) {
    By close = By.cssSelector(
        ".page-notifications button[ng-click='removeNotification(notification)']");
    browser.click(close);
    browser.until(d -> d.findElements(close).isEmpty());
  }

  static void openUnitTasks(Browser browser) {
    browser.click(By.xpath("//*[contains(@class,'task-filters')]"
        + "//a[.//*[normalize-space(text())='" + TasklistFilters.UNIT_TASKS + "']"
        + " or normalize-space(text())='" + TasklistFilters.UNIT_TASKS + "']"));
  }

  /** The priority badge of the task's card in the list. */
  static By badge(String taskId) {
    return By.xpath("//*[contains(@class,'tasks-list')]//li[.//a[contains(@href, 'task="
        + taskId + "')]]//*[contains(@class,'priority')]");
  }

  /** The first element matching {@code element} (an XPath step) after the form field's label. */
  static By field(String label, String element) {
    return By.xpath("//*[contains(@class,'fjs-container')]//label[contains(normalize-space(.), '"
        + label + "')]/following::" + element + "[1]");
  }
}
