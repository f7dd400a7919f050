package vn.khcn.workflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The registry corrects one document and recalls another on the document page (issue 14). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DocumentCorrectionBrowserTest {

  @Autowired TestRestTemplate rest;
  @LocalServerPort int port;

  @BeforeAll
  static void browserInstalled() {
    Browser.assumeInstalled();
  }

  static void type(Browser browser, String id, String text) {
    WebElement field = browser.driver.findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  @Test
  void theRegistryCorrectsADocumentAndRecallsAnother() throws Exception {
    WorkflowApi api = new WorkflowApi(rest);
    JsonNode corrected = api.register("Về việc báo cáo kết quả thực hiện nhiệm vụ năm 2026");
    JsonNode recalled = api.register("Về việc tổ chức hội nghị tổng kết khoa học và công nghệ");

    try (Browser browser = new Browser("http://localhost:" + port, "document-correction", 1280,
        1000)) {
      browser.recordingFailure(() -> {
        String first = "/documents/" + corrected.get("id").asLong();
        browser.open(first);
        browser.until(d -> Browser.path(d).equals("/login"));
        browser.driver.findElement(By.id("username")).sendKeys("vanthu");
        browser.driver.findElement(By.id("password")).sendKeys("demo");
        browser.driver.findElement(By.xpath("//button[normalize-space(.)='Đăng nhập']")).click();
        browser.until(d -> Browser.path(d).equals(first));

        browser.click(By.id("correct-link"));
        browser.until(d -> Browser.path(d).equals(first + "/correct"));
        assertThat(browser.driver.findElement(By.id("summary")).getAttribute("value"))
            .isEqualTo("Về việc báo cáo kết quả thực hiện nhiệm vụ năm 2026");
        type(browser, "summary", "Về việc báo cáo kết quả thực hiện nhiệm vụ khoa học năm 2026");
        browser.click(By.id("correct"));
        // the browser refuses the form without the required reason; nothing is sent
        assertThat(Browser.path(browser.driver)).isEqualTo(first + "/correct");
        type(browser, "reason", "Trích yếu nhập thiếu chữ «khoa học»");
        browser.screenshot("correction");
        browser.click(By.id("correct"));
        browser.until(d -> Browser.path(d).equals(first));
        assertThat(browser.text(By.id("changed"))).isEqualTo("Đã sửa thông tin văn bản.");
        assertThat(browser.text(By.id("trail"))).contains("Sửa thông tin văn bản")
            .contains("Lý do: Trích yếu nhập thiếu chữ «khoa học»")
            .contains("Trích yếu: Về việc báo cáo kết quả thực hiện nhiệm vụ năm 2026 → "
                + "Về việc báo cáo kết quả thực hiện nhiệm vụ khoa học năm 2026");
        browser.screenshot("corrected");

        String second = "/documents/" + recalled.get("id").asLong();
        browser.open(second);
        browser.click(By.id("recall-link"));
        browser.until(d -> Browser.path(d).equals(second + "/recall"));
        browser.visible(By.xpath("//h2[normalize-space(.)='Xác nhận thu hồi']"));
        type(browser, "reason", "UBND thành phố thu hồi tại Công văn 101/UBND-VP");
        browser.screenshot("recall");
        browser.click(By.id("confirm-recall"));
        browser.until(d -> Browser.path(d).equals(second));
        assertThat(browser.text(By.id("status"))).contains("Đã thu hồi");
        assertThat(browser.text(By.id("trail"))).contains("Thu hồi văn bản")
            .contains("Công văn 101/UBND-VP");
        assertThat(browser.driver.findElements(By.id("recall-link"))).isEmpty();
        browser.screenshot("recalled");
      });
    }
  }
}
