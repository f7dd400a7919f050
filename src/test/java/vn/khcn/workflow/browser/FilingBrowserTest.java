package vn.khcn.workflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.support.TestHttp;

/**
 * Files in a browser (ADR 0028): a director approves the year's list, the handler opens the file,
 * puts an incoming document in it and closes it; the document page shows its file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FilingBrowserTest {

  @Autowired Clock clock;
  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  @BeforeAll
  static void browserInstalled() {
    Browser.assumeInstalled();
  }

  @Test
  void aDirectorApprovesTheListAndTheHandlerFillsAndClosesAFile() throws Exception {
    TestHttp api = TestHttp.of(rest);
    Integer last = jdbc.queryForObject("select max(plan_year) from file_plan_entry"
        + " where plan_year >= 2100", Integer.class);
    int year = last == null ? 2100 : last + 1;
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("code", "07.QLKH");
    entry.put("title", "Hồ sơ thực hiện Chương trình 45-CTr/TU");
    entry.put("unitId", "phong-qlkh");
    entry.put("retention", "20 năm");
    TestHttp.Response added = api.post("cv.vp", "/api/files/plans/" + year + "/entries", entry);
    assertThat(added.status()).as(added.text()).isEqualTo(201);
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("issuer", "Thành ủy Cần Thơ");
    document.put("documentNumber", "45-CTr/TU-HS" + (System.nanoTime() % 100000));
    document.put("issuedOn", "2026-11-02");
    document.put("documentType", "Chương trình");
    document.put("summary", "Chương trình thực hiện Nghị quyết số 45-NQ/TW");
    document.put("urgency", "NORMAL");
    document.put("classification", "NONE");
    TestHttp.Response registered = api.post("vanthu", "/api/incoming-documents", document);
    assertThat(registered.status()).as(registered.text()).isEqualTo(201);
    long incoming = registered.body().get("id").asLong();

    try (Browser browser = new Browser("http://localhost:" + port, "filing", 1280, 1000)) {
      browser.recordingFailure(() -> {
        login(browser, "giamdoc", "/files?year=" + year);
        assertThat(browser.text(By.id("plan-state"))).startsWith("Chờ lãnh đạo duyệt");
        browser.click(By.id("approve-button"));
        assertThat(browser.text(By.id("message"))).isEqualTo("Đã duyệt danh mục hồ sơ năm "
            + year + ".");
        assertThat(browser.text(By.id("plan-state"))).isEqualTo("Đã duyệt");
        browser.screenshot("approved");
        browser.click(By.xpath("//button[normalize-space(.)='Đăng xuất']"));
        browser.until(d -> Browser.path(d).equals("/login"));

        login(browser, "cv.qlkh", "/files?year=" + year);
        browser.click(By.cssSelector("#entry-07\\.QLKH .open-file"));
        browser.until(d -> Browser.path(d).matches("/files/\\d+"));
        String file = Browser.path(browser.driver);
        assertThat(browser.text(By.id("file-status"))).isEqualTo("Đang lập");
        new Select(browser.driver.findElement(By.id("kind"))).selectByValue("INCOMING");
        browser.driver.findElement(By.id("documentId")).sendKeys(String.valueOf(incoming));
        browser.click(By.id("add-document-button"));
        assertThat(browser.text(By.id("message"))).isEqualTo("Đã đưa văn bản vào hồ sơ.");
        assertThat(browser.text(By.id("doc-INCOMING-" + incoming))).contains("45-CTr/TU-HS");
        browser.script("arguments[0].value = arguments[1];",
            browser.driver.findElement(By.id("endedOn")), LocalDate.now(clock).toString());
        browser.screenshot("filled");
        browser.click(By.id("close-button"));
        assertThat(browser.text(By.id("file-status"))).isEqualTo("Đã kết thúc");
        assertThat(browser.driver.findElements(By.id("add-document-button"))).isEmpty();
        browser.screenshot("closed");

        browser.open("/documents/" + incoming);
        assertThat(browser.text(By.id("file-of-link")))
            .isEqualTo("07.QLKH – Hồ sơ thực hiện Chương trình 45-CTr/TU");
        browser.click(By.id("file-of-link"));
        browser.until(d -> Browser.path(d).equals(file));
      });
    }
  }

  private static void login(Browser browser, String user, String path) {
    browser.open(path);
    browser.until(d -> Browser.path(d).equals("/login"));
    browser.driver.findElement(By.id("username")).sendKeys(user);
    browser.driver.findElement(By.id("password")).sendKeys("demo");
    browser.driver.findElement(By.xpath("//button[normalize-space(.)='Đăng nhập']")).click();
    browser.until(d -> Browser.path(d).equals("/files"));
  }
}
