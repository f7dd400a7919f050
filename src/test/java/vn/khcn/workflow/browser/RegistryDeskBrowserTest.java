package vn.khcn.workflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The registry desk in a browser: session login, registration with a file, duplicate, trail. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RegistryDeskBrowserTest {

  @Autowired Clock clock;
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

  /** Date inputs take typed text in the browser's locale; the value is set as the form sends it. */
  static void date(Browser browser, String id, String isoDate) {
    browser.script("arguments[0].value = arguments[1];", browser.driver.findElement(By.id(id)),
        isoDate);
  }

  void fill(Browser browser, String number, Path pdf) {
    type(browser, "documentType", "Chương trình");
    type(browser, "documentNumber", number);
    date(browser, "issuedOn", "2026-11-02");
    type(browser, "issuer", "Thành ủy Cần Thơ");
    type(browser, "summary", "Chương trình thực hiện Nghị quyết số 45-NQ/TW ngày 24/11/2023 về"
        + " đội ngũ trí thức");
    type(browser, "signerPosition", "Phó Bí thư Thường trực");
    type(browser, "signerName", "Nguyễn Văn Hòa");
    type(browser, "pageCount", "12");
    new Select(browser.driver.findElement(By.id("urgency"))).selectByVisibleText("Khẩn");
    browser.driver.findElement(By.id("files")).sendKeys(pdf.toAbsolutePath().toString());
  }

  @Test
  void theRegistryRegistersADocumentIsWarnedOfItsDuplicateAndOpensItsTrail() throws Exception {
    String number = "45-CTr/TU-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    Path pdf = Files.createTempFile("chuong-trinh-45-", ".pdf");
    Files.write(pdf, "%PDF-1.4\n% Chương trình 45\n".getBytes(StandardCharsets.UTF_8));
    String today = DateTimeFormatter.ofPattern("d/M/yyyy").format(LocalDate.now(clock));

    try (Browser browser = new Browser("http://localhost:" + port, "registry-desk", 1280, 1000)) {
      browser.recordingFailure(() -> {
        browser.open("/documents/new");
        browser.until(d -> Browser.path(d).equals("/login"));
        browser.driver.findElement(By.id("username")).sendKeys("vanthu");
        browser.driver.findElement(By.id("password")).sendKeys("demo");
        browser.driver.findElement(By.xpath("//button[normalize-space(.)='Đăng nhập']")).click();
        browser.until(d -> Browser.path(d).equals("/documents/new"));
        browser.visible(By.xpath("//h1[normalize-space(.)='Đăng ký văn bản đến']"));
        assertThat(browser.driver.findElement(By.id("receivedOn")).getAttribute("value"))
            .isEqualTo(LocalDate.now(clock).toString());

        fill(browser, number, pdf);
        browser.screenshot("form");
        browser.click(By.id("register"));
        browser.until(d -> Browser.path(d).matches("/documents/\\d+"));
        String first = Browser.path(browser.driver);
        String stamp = browser.text(By.id("stamp"));
        assertThat(stamp).matches("ĐẾN Số: \\d+ Ngày: " + today);
        assertThat(browser.text(By.id("registered"))).startsWith("Đã đăng ký văn bản đến: số đến");
        assertThat(browser.text(By.id("attachments"))).contains(pdf.getFileName().toString());
        assertThat(browser.text(By.id("trail"))).contains("Đăng ký văn bản đến")
            .contains("Nguyễn Thị Thu Hà").contains("Thêm tệp đính kèm");
        browser.screenshot("registered");

        browser.open("/documents/new");
        fill(browser, number, pdf);
        browser.click(By.id("register"));
        WebElement link = browser.visible(By.id("duplicate-link"));
        assertThat(Browser.path(browser.driver)).isEqualTo("/documents/new");
        assertThat(java.net.URI.create(link.getAttribute("href")).getPath()).isEqualTo(first);
        assertThat(browser.driver.findElement(By.id("documentNumber")).getAttribute("value"))
            .isEqualTo(number);
        browser.visible(By.id("register-duplicate"));
        browser.screenshot("duplicate");

        link.click();
        browser.until(d -> Browser.path(d).equals(first));
        assertThat(browser.text(By.id("trail"))).contains("Đăng ký văn bản đến");
        assertThat(browser.text(By.id("stamp"))).isEqualTo(stamp);
        browser.screenshot("document");
      });
    }
  }
}
