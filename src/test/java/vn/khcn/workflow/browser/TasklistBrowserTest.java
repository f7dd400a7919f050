package vn.khcn.workflow.browser;

import vn.khcn.workflow.dispatch.IncomingDirectiveProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khcn.workflow.browser.WorkflowApi.variable;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.identity.TasklistFilters;

/**
 * A unit member works a document in Camunda Tasklist as a clerk does: Vietnamese login page,
 * the filter "Việc của đơn vị", claim, the Vietnamese form, complete.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TasklistBrowserTest {

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @LocalServerPort int port;

  @BeforeAll
  static void browserInstalled() {
    Browser.assumeInstalled();
  }

  Task task(String processInstanceId, String key) {
    return taskService.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(key).singleResult();
  }

  @Test
  void unitMemberClaimsAndCompletesHisUnitsTaskThroughTheVietnameseForm() throws Exception {
    WorkflowApi api = new WorkflowApi(rest);
    String marker = "TL-" + UUID.randomUUID().toString().substring(0, 8);
    JsonNode doc = api.register("Báo cáo tình hình ứng dụng công nghệ năm 2026 (" + marker + ")");
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
        browser.open("/camunda/app/tasklist/");
        WebElement username = browser.visible(By.cssSelector("input[ng-model='username']"));
        // the login page itself speaks Vietnamese: our vi.json is loaded for a Vietnamese browser
        browser.until(d -> d.findElement(By.cssSelector("form button[type='submit']")).getText()
            .contains("Đăng nhập"));
        assertThat(username.getAttribute("placeholder")).isEqualTo("Tên đăng nhập");
        browser.screenshot("login");
        username.sendKeys("cv.qlcn");
        browser.driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
        browser.driver.findElement(By.cssSelector("form button[type='submit']")).click();

        browser.click(By.xpath("//*[contains(@class,'task-filters')]"
            + "//a[.//*[normalize-space(text())='" + TasklistFilters.UNIT_TASKS + "']"
            + " or normalize-space(text())='" + TasklistFilters.UNIT_TASKS + "']"));
        // the list item of this document's task (the filter's variable columns are not shown to
        // units, see the report, so the item is found by its task link)
        By listed = By.xpath("//*[contains(@class,'tasks-list')]"
            + "//li[.//a[contains(@href, 'task=" + unitTask.getId() + "')]]");
        assertThat(browser.text(listed)).contains("Đơn vị xử lý", "Xử lý văn bản đến");
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
        browser.driver.findElement(resultField).sendKeys(result);
        browser.until(d -> result.equals(d.findElement(resultField).getAttribute("value")));
        browser.screenshot("form");
        By complete = By.cssSelector("button[ng-click='complete()']");
        assertThat(browser.text(complete)).isEqualTo("Hoàn thành");
        browser.click(complete);

        browser.until(d -> taskService.createTaskQuery().taskId(unitTask.getId()).count() == 0);
        // Tasklist closes the completed task and drops it from the filter's list
        browser.visible(By.xpath("//*[normalize-space(.)='Chọn một công việc trong danh sách.']"));
        browser.until(d -> d.findElements(By.cssSelector(".tasks-list a[href*='task="
            + unitTask.getId() + "']")).isEmpty());
        browser.screenshot("completed");
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
}
