package vn.khcn.workflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.outgoing.OutgoingDocumentProcess;
import vn.khcn.workflow.outgoing.OutgoingDocumentProcess.Tasks;
import vn.khcn.workflow.support.TestHttp;

/**
 * An outgoing document in a browser (issue #19): the drafter creates a draft and uploads its body
 * on /drafts, a unit answers the opinion request on the draft page, the drafter consolidates, the
 * checks are done as Tasklist would (engine REST), the director approves the signature with an
 * authority from his inbox, the registry numbers, and the document page and the register PDF show
 * the number.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OutgoingBrowserTest {

  static final String API = "/api/outgoing-documents";

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @LocalServerPort int port;

  @BeforeAll
  static void browserInstalled() {
    Browser.assumeInstalled();
  }

  @Test
  void draftThroughOpinionsSignedFromTheInboxNumberedAndInTheRegister() throws Exception {
    TestHttp http = TestHttp.of(rest);
    String marker = "VBD-" + UUID.randomUUID().toString().substring(0, 8);
    String summary = "Về việc kế hoạch khoa học và công nghệ năm 2027 (" + marker + ")";
    Path body = Files.createTempFile("du-thao-", ".pdf");
    Files.write(body, "%PDF-1.4\n% dự thảo\n".getBytes(StandardCharsets.UTF_8));
    long[] id = new long[1];

    try (Browser browser = browser("outgoing-drafter")) {
      browser.recordingFailure(() -> {
        logIn(browser, "cv.qlkh", "/drafts/new");
        browser.visible(By.xpath("//h1[normalize-space(.)='Soạn văn bản đi']"));
        new Select(browser.driver.findElement(By.id("documentType")))
            .selectByVisibleText("Công văn");
        browser.driver.findElement(By.id("summary")).sendKeys(summary);
        browser.driver.findElement(By.id("recipients"))
            .sendKeys("Kính gửi: Ủy ban nhân dân thành phố Cần Thơ");
        browser.driver.findElement(By.id("copyTo")).sendKeys("Như trên\nLưu: VT, QLKH");
        browser.driver.findElement(By.id("signer")).sendKeys("Giám đốc");
        browser.screenshot("new-draft");
        browser.click(By.id("create-draft"));

        browser.until(d -> Browser.path(d).matches("/drafts/\\d+"));
        id[0] = Long.parseLong(Browser.path(browser.driver).substring("/drafts/".length()));
        assertThat(browser.text(By.id("message")))
            .isEqualTo("Đã tạo dự thảo. Hãy tải lên bản nội dung.");
        assertThat(browser.text(By.id("status"))).isEqualTo("Dự thảo");
        assertThat(browser.text(By.id("number"))).isEqualTo("Chưa cấp số");
        assertThat(browser.text(By.id("versions"))).contains("Chưa có bản nội dung nào.");

        browser.driver.findElement(By.id("file")).sendKeys(body.toAbsolutePath().toString());
        browser.driver.findElement(By.id("note")).sendKeys("Bản trình xin ý kiến");
        browser.click(By.xpath("//form[@id='upload-form']//button[@type='submit']"));
        // the page after the upload has the same address and a #message of its own: the one of
        // the page before may still be read while the browser loads it
        browser.until(ExpectedConditions.textToBe(By.id("message"), "Đã lưu bản dự thảo mới."));
        assertThat(browser.text(By.id("message"))).isEqualTo("Đã lưu bản dự thảo mới.");
        assertThat(browser.text(By.cssSelector("#versions table")))
            .contains(body.getFileName().toString(), "Bản trình xin ý kiến");
        browser.screenshot("uploaded");
      });
    }
    String base = API + "/" + id[0];
    JsonNode created = http.get("cv.qlkh", base).body();
    assertThat(created.get("summary").asText()).isEqualTo(summary);
    assertThat(created.get("recipients")).extracting(JsonNode::asText)
        .containsExactly("Kính gửi: Ủy ban nhân dân thành phố Cần Thơ");
    assertThat(created.get("copyTo")).extracting(JsonNode::asText)
        .containsExactly("Như trên", "Lưu: VT, QLKH");
    task(id[0], Tasks.DRAFT);

    // the drafter asks through the API here (the page forms: OutgoingOpinionBrowserTest)
    Map<String, Object> ask = new LinkedHashMap<>();
    ask.put("from", List.of("phong-khtc"));
    ask.put("dueDate", LocalDate.now(WorkflowApi.ZONE).plusDays(5).toString());
    ask.put("note", "Xin góp ý trước ngày họp");
    TestHttp.Response asked = http.post("cv.qlkh", base + "/opinion-requests", ask);
    assertThat(asked.status()).as(asked.text()).isEqualTo(201);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(id[0]))
        .taskDefinitionKey(Tasks.GIVE_OPINION).count()).isEqualTo(1);

    String answer = "Đề nghị bổ sung dự toán kinh phí (" + marker + ")";
    try (Browser browser = browser("outgoing-opinion")) {
      browser.recordingFailure(() -> {
        logIn(browser, "cv.khtc", "/drafts/" + id[0]);
        assertThat(browser.text(By.cssSelector("#opinions ul")))
            .contains("Vòng 1: Phòng Kế hoạch – Tài chính", "chưa trả lời");
        assertThat(browser.driver.findElements(By.id("upload-form")))
            .as("only the drafter uploads").isEmpty();
        browser.click(By.cssSelector("#opinion-form input[value='AGREE_WITH_COMMENTS']"));
        browser.driver.findElement(By.id("opinion-text")).sendKeys(answer);
        browser.screenshot("opinion");
        browser.click(By.xpath("//form[@id='opinion-form']//button[@type='submit']"));
        assertThat(browser.text(By.id("message"))).isEqualTo("Đã gửi ý kiến góp ý.");
        assertThat(browser.text(By.cssSelector("#opinions ul"))).contains("đã trả lời");
        assertThat(browser.text(By.cssSelector("#opinions table")))
            .contains("Đồng ý, có góp ý", answer, "Chưa xử lý");
        assertThat(browser.driver.findElements(By.id("opinion-form")))
            .as("answered once").isEmpty();
        browser.screenshot("answered");
      });
    }

    // the drafter accepts the opinion and completes consolidation through the API here
    Task consolidate = task(id[0], Tasks.CONSOLIDATE);
    JsonNode opinions = http.get("cv.qlkh", base).body().get("opinions");
    assertThat(opinions).hasSize(1);
    assertThat(opinions.get(0).get("text").asText()).isEqualTo(answer);
    TestHttp.Response resolved = http.post("cv.qlkh", base + "/opinions/"
        + opinions.get(0).get("id").asLong() + "/resolution", Map.of("accepted", true));
    assertThat(resolved.status()).as(resolved.text()).isEqualTo(200);
    assertThat(complete(http, "cv.qlkh", consolidate, Map.of()).status()).isEqualTo(204);

    // content check by the unit head, form check by the Office: Tasklist's engine REST
    assertThat(complete(http, "tp.qlkh", task(id[0], Tasks.CHECK_CONTENT),
        Map.of("approved", true)).status()).isEqualTo(204);
    Map<String, Object> checklist = new LinkedHashMap<>();
    OutgoingDocumentProcess.Vars.CHECKLIST.forEach(v -> checklist.put(v.name(), true));
    assertThat(checklist).hasSize(9);
    checklist.put("approved", true);
    TestHttp.Response formChecked = complete(http, "cv.vp", task(id[0], Tasks.CHECK_FORM),
        checklist);
    assertThat(formChecked.status()).as(formChecked.text()).isEqualTo(204);
    Task signature = task(id[0], Tasks.APPROVE_SIGNATURE);

    try (Browser browser = browser("outgoing-signature")) {
      browser.recordingFailure(() -> {
        logIn(browser, "phogiamdoc", "/inbox"); // the deputy in charge of the unit signs KT.
        browser.visible(By.xpath("//h1[starts-with(normalize-space(.), 'Hộp việc lãnh đạo')]"));
        WebElement link = itemOnSomePage(browser, signature);
        assertThat(link.getText()).isEqualTo(signature.getName());
        browser.screenshot("inbox");
        link.click();
        browser.visible(By.xpath("//h2[normalize-space(.)='" + signature.getName() + "']"));
        assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains(marker);
        new Select(browser.driver.findElement(By.id("authority")))
            .selectByVisibleText("KT. (ký thay)");
        browser.driver.findElement(By.id("comment")).sendKeys("Đồng ý ký ban hành.");
        browser.screenshot("signature");
        browser.click(By.xpath("//button[@name='approved' and @value='true']"));
        browser.until(d -> Browser.path(d).equals("/inbox"));
        browser.visible(By.xpath("//p[@role='status']"));
        assertThat(browser.driver.findElements(
            By.cssSelector("a[href$='/inbox/" + signature.getId() + "']"))).isEmpty();
        browser.screenshot("signed");
      });

      JsonNode signed = http.get("cv.qlkh", base).body();
      assertThat(signed.get("status").asText()).isEqualTo("SIGNED");
      assertThat(signed.get("authority").asText()).isEqualTo("KT.");
      assertThat(signed.get("signedBy").asText()).isEqualTo("phogiamdoc");
      assertThat(signed.get("signingTitle").asText()).isEqualTo("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC");
      assertThat(signed.get("number").isNull()).isTrue();

      // the registry numbers from Tasklist
      assertThat(complete(http, "vanthu", task(id[0], Tasks.NUMBER), Map.of()).status())
          .isEqualTo(204);
      JsonNode issued = http.get("cv.qlkh", base).body();
      assertThat(issued.get("status").asText()).isEqualTo("ISSUED");
      String number = issued.get("numberSymbol").asText();
      assertThat(number).matches("\\d+/SKHCN-QLKH");
      assertThat(issued.get("trail")).extracting(t -> t.get("action").asText())
          .contains("OPINIONS_REQUESTED", "OPINION_GIVEN", "OPINION_RESOLVED",
              "CONTENT_CHECKED", "FORM_CHECKED", "SIGNATURE_APPROVED", "SIGNED", "NUMBERED");

      browser.recordingFailure(() -> {
        browser.open("/drafts/" + id[0]);
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Công văn số " + number);
        assertThat(browser.text(By.id("status"))).isEqualTo("Đã ban hành");
        assertThat(browser.text(By.id("number"))).isEqualTo(number);
        assertThat(browser.text(By.id("signed-by"))).startsWith("KT. ");
        assertThat(browser.text(By.id("trail"))).contains("Tiếp thu, giải trình ý kiến");
        browser.screenshot("issued");

        // the register form of /drafts gives the period; the session fetches the PDF it names
        browser.open("/drafts");
        WebElement form = browser.visible(By.cssSelector("#register form"));
        String today = LocalDate.now(WorkflowApi.ZONE).toString();
        assertThat(form.findElement(By.id("to")).getAttribute("value")).isEqualTo(today);
        String action = URI.create(form.getAttribute("action")).getPath();
        assertThat(action).isEqualTo(API + "/register.pdf");
        // the pages' policy lets no script fetch (connect-src none): the browser's own session
        // cookies fetch the URL the form names, as the new tab it opens would
        String cookies = browser.driver.manage().getCookies().stream()
            .map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + action + "?from=" + today + "&to=" + today))
            .header("Cookie", cookies).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(
            type -> assertThat(type).startsWith("application/pdf"));
        String text = pdfText(pdf.body());
        assertThat(text).contains("SỔ ĐĂNG KÝ VĂN BẢN ĐI", number, marker, "KT.");
      });
    } finally {
      Files.deleteIfExists(body);
    }
  }

  Browser browser(String name) {
    return new Browser("http://localhost:" + port, name, 1280, 1000);
  }

  /** Opens a page as an anonymous visitor, logs in on the page it is sent to, comes back. */
  static void logIn(Browser browser, String user, String path) {
    browser.open(path);
    browser.until(d -> Browser.path(d).equals("/login"));
    browser.driver.findElement(By.id("username")).sendKeys(user);
    browser.driver.findElement(By.id("password")).sendKeys(TestHttp.PASSWORD);
    browser.driver.findElement(By.xpath("//button[normalize-space(.)='Đăng nhập']")).click();
    browser.until(d -> Browser.path(d).equals(path));
  }

  /**
   * The inbox item's link, on the first page or a later one (the shared test context leaves other
   * tests' items in the directors' inbox, 50 a page).
   */
  static WebElement itemOnSomePage(Browser browser, Task task) {
    By link = By.cssSelector("a[href$='/inbox/" + task.getId() + "']");
    for (int page = 0; page < 40; page++) {
      if (page > 0) {
        browser.open("/inbox?page=" + page);
      }
      browser.visible(By.xpath("//h1[starts-with(normalize-space(.), 'Hộp việc lãnh đạo')]"));
      if (!browser.driver.findElements(link).isEmpty()) {
        return browser.clickable(link);
      }
      if (browser.driver.findElements(By.cssSelector("a[href*='/inbox/']")).isEmpty()) {
        break;
      }
    }
    throw new AssertionError("no inbox item for task " + task.getId());
  }

  private Task task(long id, String key) {
    List<Task> found = taskService.createTaskQuery()
        .processInstanceBusinessKey(String.valueOf(id)).taskDefinitionKey(key).list();
    assertThat(found).as("open " + key).hasSize(1);
    return found.get(0);
  }

  /** Completes through the engine REST API, as Tasklist does. */
  private static TestHttp.Response complete(TestHttp http, String user, Task task,
      Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return http.post(user, "/engine-rest/task/" + task.getId() + "/complete",
        Map.of("variables", variables));
  }

  private static String pdfText(byte[] pdf) throws Exception {
    assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);
      return Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("\\s+", " ");
    }
  }
}
