package vn.khcn.workflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * "Đọc từ tệp": the clerk picks a PDF, sees the fields pre-filled as proposals, corrects one,
 * registers; the correction log keeps the corrected number and the kept issuer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IntakeBrowserTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @BeforeAll
  static void browserInstalled() {
    Browser.assumeInstalled();
  }

  @Test
  void aPickedPdfPreFillsTheRegistrationFormAsProposals() throws Exception {
    Path pdf = Files.createTempFile("cong-van-994-", ".pdf");
    try (InputStream in = getClass().getResourceAsStream("/intake/cong-van-994-UBND-KGVX.pdf")) {
      Files.write(pdf, in.readAllBytes());
    }
    String number = "994/UBND-KGVX-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    try (Browser browser = new Browser("http://localhost:" + port, "intake", 1280, 1200)) {
      browser.recordingFailure(() -> {
        browser.open("/documents/new");
        browser.until(d -> Browser.path(d).equals("/login"));
        browser.driver.findElement(By.id("username")).sendKeys("vanthu");
        browser.driver.findElement(By.id("password")).sendKeys("demo");
        browser.driver.findElement(By.xpath("//button[normalize-space(.)='Đăng nhập']")).click();
        browser.until(d -> Browser.path(d).equals("/documents/new"));

        browser.visible(By.id("intake"));
        browser.driver.findElement(By.id("intake-file")).sendKeys(pdf.toAbsolutePath().toString());
        browser.click(By.id("intake-read"));
        browser.until(d -> "994/UBND-KGVX".equals(
            d.findElement(By.id("documentNumber")).getAttribute("value")));
        assertThat(value(browser, "issuer")).isEqualTo("ỦY BAN NHÂN DÂN TỈNH HẬU GIANG");
        assertThat(value(browser, "issuedOn")).isEqualTo("2017-06-19");
        assertThat(value(browser, "documentType")).isEqualTo("Công văn");
        assertThat(value(browser, "signerPosition")).isEqualTo("PHÓ CHỦ TỊCH");
        assertThat(value(browser, "signerName")).isEqualTo("Lê Văn Minh");
        WebElement issuer = browser.driver.findElement(By.id("issuer"));
        assertThat(issuer.getAttribute("class")).contains("proposed");
        assertThat(browser.text(By.id("proposal-issuer"))).startsWith("đề xuất · tin cậy");
        assertThat(browser.text(By.id("intake-status"))).contains("Đã đọc tệp (PDF)");
        browser.screenshot("pre-filled");

        WebElement documentNumber = browser.driver.findElement(By.id("documentNumber"));
        documentNumber.clear();
        documentNumber.sendKeys(number);
        assertThat(browser.text(By.id("proposal-documentNumber"))).isEqualTo("đã sửa đề xuất");

        browser.click(By.id("register"));
        browser.until(d -> Browser.path(d).matches("/documents/\\d+"));
        assertThat(browser.text(By.id("registered"))).startsWith("Đã đăng ký văn bản đến");
        browser.screenshot("registered");

        long id = Long.parseLong(Browser.path(browser.driver).substring("/documents/".length()));
        assertThat(jdbc.queryForObject("select corrected from intake_proposal"
            + " where document_id = ? and field = 'documentNumber'", Boolean.class, id)).isTrue();
        assertThat(jdbc.queryForObject("select final_value from intake_proposal"
            + " where document_id = ? and field = 'documentNumber'", String.class, id))
            .isEqualTo(number);
        assertThat(jdbc.queryForObject("select corrected from intake_proposal"
            + " where document_id = ? and field = 'issuer'", Boolean.class, id)).isFalse();
        assertThat(jdbc.queryForObject("select source from intake_proposal"
            + " where document_id = ? and field = 'issuer'", String.class, id)).isEqualTo("PDF");
      });
    }
  }

  private static String value(Browser browser, String id) {
    return browser.driver.findElement(By.id(id)).getAttribute("value");
  }
}
