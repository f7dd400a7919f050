package vn.khcn.workflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.interop.EdxmlSamples;

/**
 * "Văn bản điện tử đến" (issue 16, Art. 21: check, then register): the clerk uploads an edXML
 * package, checks the fields read from it on the package's page, registers it; when the sender
 * then asks to recall it (status 13) the document's page says so until the clerk refuses (16).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class InteropBrowserTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @BeforeAll
  static void browserInstalled() {
    Browser.assumeInstalled();
  }

  @Test
  void theClerkUploadsChecksAndRegistersAPackageAndSeesTheSendersRecall() throws Exception {
    String number = UUID.randomUUID().toString().substring(0, 8);
    String documentId = EdxmlSamples.SENDER_ID + ",2026/06/19," + number + "/UBND-KGVX";
    Path edxml = Files.createTempFile("cong-van-", ".edxml");
    Files.writeString(edxml, EdxmlSamples.document(documentId, number, EdxmlSamples.pdf()),
        StandardCharsets.UTF_8);
    Path recall = Files.createTempFile("thu-hoi-", ".edxml");
    Files.writeString(recall, EdxmlSamples.recall(documentId, "Ban hành nhầm đối tượng"),
        StandardCharsets.UTF_8);

    try (Browser browser = new Browser("http://localhost:" + port, "interop", 1280, 1200)) {
      browser.recordingFailure(() -> {
        browser.open("/documents/electronic");
        browser.until(d -> Browser.path(d).equals("/login"));
        browser.driver.findElement(By.id("username")).sendKeys("vanthu");
        browser.driver.findElement(By.id("password")).sendKeys("demo");
        browser.driver.findElement(By.xpath("//button[normalize-space(.)='Đăng nhập']")).click();
        browser.until(d -> Browser.path(d).equals("/documents/electronic"));

        browser.driver.findElement(By.id("file")).sendKeys(edxml.toAbsolutePath().toString());
        browser.click(By.id("upload"));
        browser.until(d -> Browser.path(d).matches("/documents/electronic/\\d+"));
        String packagePage = Browser.path(browser.driver);
        assertThat(browser.text(By.id("edxml-id"))).isEqualTo(documentId);
        assertThat(browser.text(By.id("signature"))).contains("Không có chữ ký số");
        assertThat(browser.driver.findElement(By.id("documentNumber")).getAttribute("value"))
            .isEqualTo(number + "/UBND-KGVX");
        assertThat(browser.driver.findElement(By.id("issuer")).getAttribute("value"))
            .isEqualTo(EdxmlSamples.SENDER);
        browser.screenshot("checked");

        browser.click(By.id("register"));
        browser.until(d -> Browser.path(d).matches("/documents/\\d+"));
        String documentPage = Browser.path(browser.driver);
        long document = Long.parseLong(documentPage.substring("/documents/".length()));
        assertThat(browser.driver.findElements(By.id("recall-requested"))).isEmpty();
        assertThat(jdbc.queryForObject("select document_id from interop_package"
            + " where edxml_document_id = ?", Long.class, documentId)).isEqualTo(document);

        browser.open("/documents/electronic");
        browser.driver.findElement(By.id("file")).sendKeys(recall.toAbsolutePath().toString());
        browser.click(By.id("upload"));
        browser.until(d -> Browser.path(d).equals(packagePage));
        browser.visible(By.id("recall"));

        browser.open(documentPage);
        assertThat(browser.text(By.id("recall-requested")))
            .contains("đề nghị thu hồi", "Ban hành nhầm đối tượng");
        browser.screenshot("recall-shown");

        browser.open(packagePage);
        browser.driver.findElement(By.id("recall-reason")).sendKeys("Văn bản đã được giao xử lý");
        browser.click(By.id("refuse-recall"));
        browser.until(d -> d.findElements(By.id("recall")).isEmpty());
        browser.open(documentPage);
        browser.visible(By.id("business-key"));
        assertThat(browser.driver.findElements(By.id("recall-requested"))).isEmpty();
        assertThat(jdbc.queryForList("select status_code from interop_status_message m"
            + " join interop_package p on p.id = m.package_id where p.edxml_document_id = ?"
            + " order by m.id", String.class, documentId)).containsExactly("01", "03", "16");
      });
    }
  }
}
