package vn.khcn.workflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The document search in a browser: session login, a search without diacritics, the document's link. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DocumentSearchBrowserTest {

  @Autowired TestRestTemplate rest;
  @LocalServerPort int port;

  @BeforeAll
  static void browserInstalled() {
    Browser.assumeInstalled();
  }

  @Test
  void aClerkFindsADocumentByAWordWithoutDiacriticsAndOpensIt() throws Exception {
    String marker = "TK" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    JsonNode doc = new WorkflowApi(rest).register(
        "Hướng dẫn thẩm định công nghệ dự án đầu tư (" + marker + ")");
    long id = doc.get("id").asLong();

    try (Browser browser = Browser.phone("http://localhost:" + port, "document-search", 400, 900)) {
      browser.recordingFailure(() -> {
        browser.open("/documents");
        browser.until(d -> Browser.path(d).equals("/login"));
        browser.driver.findElement(By.id("username")).sendKeys("cv.qlcn");
        browser.driver.findElement(By.id("password")).sendKeys("demo");
        browser.driver.findElement(By.xpath("//button[normalize-space(.)='Đăng nhập']")).click();
        browser.until(d -> Browser.path(d).equals("/documents"));
        browser.visible(By.xpath("//h1[normalize-space(.)='Tìm văn bản đến']"));

        browser.driver.findElement(By.id("q")).sendKeys("tham dinh cong nghe du an dau tu ("
            + marker.toLowerCase() + ")");
        browser.screenshot("query");
        browser.driver.findElement(By.xpath("//button[normalize-space(.)='Tìm']")).click();
        // the page before the search may list the same document: wait for the results' page
        // (Chromium 156 reports a link of the page being replaced as a node of no document)
        browser.until(d -> d.getCurrentUrl().contains("q="));

        WebElement link = browser.clickable(By.cssSelector("a[href$='/documents/" + id + "']"));
        assertThat(browser.driver.findElement(By.xpath("//h2[starts-with(normalize-space(.),"
            + " 'Tìm thấy')]")).getText()).isEqualTo("Tìm thấy 1 văn bản");
        assertThat(browser.driver.findElement(By.cssSelector("table.documents tbody")).getText())
            .contains("Hướng dẫn thẩm định công nghệ dự án đầu tư (" + marker + ")")
            .contains("Ủy ban nhân dân thành phố Cần Thơ");
        assertThat(link.getText()).isEqualTo(doc.get("businessKey").asText());
        browser.screenshot("found");
        link.click();
        browser.until(d -> Browser.path(d).equals("/documents/" + id));
      });
    }
  }
}
