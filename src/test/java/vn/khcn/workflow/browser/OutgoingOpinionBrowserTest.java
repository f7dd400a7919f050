package vn.khcn.workflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.outgoing.OutgoingDocumentProcess.Tasks;
import vn.khcn.workflow.support.TestHttp;
import vn.khcn.workflow.support.TestHttp.Part;

/**
 * Opinions on a draft in a browser (issue #19): the drafter asks a unit and a director on
 * /drafts/{id}, the unit's head answers from his inbox at phone width (with a file), the drafter
 * closes the round (the director "không có ý kiến"), explains the opinion, finishes the
 * consolidation on the page, and the printed table shows it all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OutgoingOpinionBrowserTest {

  static final String API = "/api/outgoing-documents";

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @LocalServerPort int port;

  @BeforeAll
  static void browserInstalled() {
    Browser.assumeInstalled();
  }

  @Test
  void askedOnTheDraftPageAnsweredFromTheInboxClosedResolvedAndConsolidated() throws Exception {
    TestHttp http = TestHttp.of(rest);
    String marker = "GY-" + UUID.randomUUID().toString().substring(0, 8);
    String summary = "Về việc quy chế quản lý nhiệm vụ khoa học (" + marker + ")";
    var created = http.post("cv.qlkh", API, java.util.Map.of("documentType", "Công văn",
        "summary", summary, "recipients", java.util.List.of("Kính gửi: Sở Tài chính"),
        "copyTo", java.util.List.of("Lưu: VT, QLKH"), "signer", "Giám đốc",
        "urgency", "NORMAL", "classification", "NONE"));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    long id = created.body().get("id").asLong();
    assertThat(http.multipart("cv.qlkh", API + "/" + id + "/versions",
        Part.file("file", "quy-che.pdf", "application/pdf",
            "%PDF-1.4\n% quy chế\n".getBytes(StandardCharsets.UTF_8)),
        new Part("note", null, "text/plain; charset=UTF-8",
            "Bản xin ý kiến".getBytes(StandardCharsets.UTF_8))).status()).isEqualTo(201);
    String page = "/drafts/" + id;
    String due = LocalDate.now(WorkflowApi.ZONE).plusDays(6).toString();

    try (Browser browser = browser("opinion-ask")) {
      browser.recordingFailure(() -> {
        OutgoingBrowserTest.logIn(browser, "cv.qlkh", page);
        // a due day in the past is named under its field, nothing asked
        browser.click(By.cssSelector("#ask-form input[name='units'][value='phong-qlcn']"));
        browser.driver.findElement(By.id("ask-users")).sendKeys("giamdoc");
        setDate(browser, "ask-due", "2020-01-01");
        browser.click(By.id("ask-submit"));
        assertThat(browser.text(By.id("ask-due-error"))).isEqualTo("hạn góp ý đã qua");
        assertThat(browser.driver.findElement(By.id("ask-users")).getAttribute("value"))
            .isEqualTo("giamdoc");
        setDate(browser, "ask-due", due);
        browser.driver.findElement(By.id("ask-note")).sendKeys("Xin góp ý về điều 5");
        browser.screenshot("ask");
        browser.click(By.id("ask-submit"));
        assertThat(browser.text(By.id("message"))).isEqualTo("Đã xin ý kiến góp ý.");
        assertThat(browser.text(By.id("opinion-requests")))
            .contains("Vòng 1: Phòng Quản lý công nghệ", "Vòng 1: Trần Quốc Bảo", "chưa trả lời");
      });
    }
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(id))
        .taskDefinitionKey(Tasks.GIVE_OPINION).count()).isEqualTo(2);

    Path attachment = Files.createTempFile("gop-y-", ".pdf");
    Files.write(attachment, "%PDF-1.4\n% góp ý\n".getBytes(StandardCharsets.UTF_8));
    String answer = "Đề nghị làm rõ điều 5 (" + marker + ")";
    try (Browser browser = Browser.phone("http://localhost:" + port, "opinion-inbox", 400, 860)) {
      browser.recordingFailure(() -> {
        OutgoingBrowserTest.logIn(browser, "tp.qlcn", "/inbox/opinions");
        WebElement link = browser.clickable(By.cssSelector("a[href$='/inbox/opinions/" + id + "']"));
        assertThat(browser.text(By.id("opinion-requests"))).contains(summary);
        browser.screenshot("list");
        link.click();
        assertThat(browser.text(By.id("draft-summary"))).isEqualTo(summary);
        assertThat(browser.text(By.id("request-note"))).isEqualTo("Xin góp ý về điều 5");
        assertThat(browser.text(By.id("latest-version"))).isEqualTo("Bản 1: quy-che.pdf");
        // disagreeing needs a text: named under it
        browser.click(By.cssSelector("#opinion-answer input[value='DISAGREE']"));
        browser.click(By.id("answer-submit"));
        assertThat(browser.text(By.id("text-error"))).isEqualTo("nội dung góp ý là bắt buộc");
        assertThat(browser.driver.findElement(By.cssSelector(
            "#opinion-answer input[value='DISAGREE']")).isSelected()).isTrue();
        browser.driver.findElement(By.id("answer-text")).sendKeys(answer);
        browser.driver.findElement(By.id("answer-files"))
            .sendKeys(attachment.toAbsolutePath().toString());
        Object overflow = browser.script("return document.documentElement.scrollWidth"
            + " > document.documentElement.clientWidth;");
        assertThat(overflow).as("no sideways scrolling at phone width").isEqualTo(false);
        browser.screenshot("answer");
        browser.click(By.id("answer-submit"));
        browser.until(d -> Browser.path(d).equals("/inbox/opinions"));
        assertThat(browser.text(By.id("message"))).isEqualTo("Đã gửi ý kiến góp ý.");
        assertThat(browser.driver.findElements(
            By.cssSelector("a[href$='/inbox/opinions/" + id + "']"))).isEmpty();
      });
    }

    try (Browser browser = browser("opinion-consolidate")) {
      browser.recordingFailure(() -> {
        OutgoingBrowserTest.logIn(browser, "cv.qlkh", page);
        assertThat(browser.text(By.id("opinion-table"))).contains("Phòng Quản lý công nghệ",
            "Không đồng ý", answer, "gop-y-");
        browser.click(By.id("close-round"));
        assertThat(browser.text(By.id("message"))).isEqualTo("Đã đóng vòng lấy ý kiến.");
        assertThat(browser.text(By.id("opinion-table"))).contains("Trần Quốc Bảo",
            "Không có ý kiến", "Không cần tiếp thu, giải trình");
        WebElement form = browser.visible(By.cssSelector("form.resolution-form"));
        form.findElement(By.cssSelector("input[value='false']")).click();
        form.findElement(By.tagName("textarea")).sendKeys("Điều 5 giữ nguyên theo Luật 93/2025");
        form.findElement(By.tagName("button")).click();
        assertThat(browser.text(By.id("message"))).isEqualTo("Đã ghi tiếp thu, giải trình.");
        assertThat(browser.text(By.id("opinion-table")))
            .contains("Giải trình: Điều 5 giữ nguyên theo Luật 93/2025");
        browser.screenshot("resolved");
        browser.click(By.id("consolidate"));
        assertThat(browser.text(By.id("message")))
            .isEqualTo("Đã hoàn thành tổng hợp ý kiến, dự thảo được trình kiểm tra nội dung.");
        assertThat(browser.driver.findElement(By.id("opinion-table-pdf")).getAttribute("href"))
            .endsWith(API + "/" + id + "/opinions.pdf");
      });
    }
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(id))
        .taskDefinitionKey(Tasks.CHECK_CONTENT).count()).isEqualTo(1);
    java.net.http.HttpResponse<byte[]> table = http.download("cv.qlkh", API + "/" + id
        + "/opinions.pdf");
    assertThat(table.statusCode()).isEqualTo(200);
    assertThat(pdfText(table.body())).contains("BẢNG TỔNG HỢP", "Phòng Quản lý công nghệ",
        "Không có ý kiến", "Giải trình: Điều 5 giữ nguyên theo Luật 93/2025");
  }

  Browser browser(String name) {
    return new Browser("http://localhost:" + port, name, 1280, 1000);
  }

  /** A date field set as the browser's date picker would (typing depends on the locale). */
  private static void setDate(Browser browser, String id, String isoDate) {
    browser.script("arguments[0].value = arguments[1];",
        browser.driver.findElement(By.id(id)), isoDate);
  }

  private static String pdfText(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return Normalizer.normalize(new PDFTextStripper().getText(document), Normalizer.Form.NFC)
          .replaceAll("\\s+", " ");
    }
  }
}
