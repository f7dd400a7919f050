package vn.khcn.workflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.support.TestHttp;
import vn.khcn.workflow.support.TestHttp.Part;
import vn.khcn.workflow.support.TestHttp.Response;

/**
 * POST /api/incoming-documents/extract: the registry reads a file and gets proposals; everyone
 * else is refused; bad files are refused by content with a Vietnamese message. And #14: words of
 * an attachment are found by the document search, with and without diacritics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IntakeApiTest {

  static final String EXTRACT = "/api/incoming-documents/extract";

  @Autowired TestRestTemplate rest;

  TestHttp api;

  @BeforeEach
  void setUp() {
    api = TestHttp.of(rest);
  }

  @Test
  void theRegistryGetsProposedFieldsWithConfidence() throws IOException {
    Response read = extract("vanthu", "cong-van.pdf", fixture("cong-van-994-UBND-KGVX.pdf"));

    assertThat(read.status()).isEqualTo(200);
    JsonNode body = read.body();
    assertThat(body.get("source").asText()).isEqualTo("PDF");
    JsonNode fields = body.get("fields");
    assertThat(fields.get("issuer").get("value").asText()).isEqualTo("ỦY BAN NHÂN DÂN TỈNH HẬU GIANG");
    assertThat(fields.get("documentNumber").get("value").asText()).isEqualTo("994/UBND-KGVX");
    assertThat(fields.get("issuedOn").get("value").asText()).isEqualTo("2017-06-19");
    assertThat(fields.get("issuer").get("confidence").asDouble()).isBetween(0.5, 1.0);
    assertThat(fields.has("urgency")).as("not in the document: absent, not guessed").isFalse();
    assertThat(body.get("items").get(0).get("bodies").get(0).asText())
        .isEqualTo("Sở Khoa học và Công nghệ");
  }

  @Test
  void onlyTheRegistryMayExtract() throws IOException {
    byte[] text = fixture("cong-van-1143-CV-TU.txt");
    assertThat(extract("giamdoc", "a.txt", text).status()).isEqualTo(403);
    assertThat(extract("cv.qlkh", "a.txt", text).status()).isEqualTo(403);
    assertThat(api.request("POST", EXTRACT).send().status()).isEqualTo(401);
  }

  @Test
  void badFilesAreRefusedByContentWithAVietnameseMessage() {
    Response empty = extract("vanthu", "trong.pdf", new byte[0]);
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.body().get("message").asText()).contains("Tệp rỗng");

    Response program = extract("vanthu", "cong-van.pdf", new byte[] {'M', 'Z', 0, 1, 2, 3});
    assertThat(program.status()).as("a program named .pdf").isEqualTo(415);
    assertThat(program.body().get("message").asText()).contains("kiểm tra theo nội dung tệp");

    Response broken = extract("vanthu", "hong.pdf", "%PDF-1.4 not really".getBytes());
    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.body().get("message").asText()).contains("PDF");
  }

  @Test
  void edxmlWithDoctypeOrBrokenXmlIsRefusedWithLineAndReason() {
    String doctype = """
        <?xml version="1.0"?>
        <!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <edXML:edXMLEnvelope xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">&xxe;</edXML:edXMLEnvelope>
        """;
    Response xxe = extract("vanthu", "goi.edxml", doctype.getBytes(StandardCharsets.UTF_8));
    assertThat(xxe.status()).isEqualTo(400);
    assertThat(xxe.body().get("message").asText()).contains("DOCTYPE").contains("dòng 2")
        .doesNotContain("root:");

    String broken = "<?xml version=\"1.0\"?>\n<edXML:edXMLEnvelope xmlns:edXML=\""
        + "http://www.mic.gov.vn/TBT/QCVN_102_2016\">\n<edXML:edXMLHeader>\n</edXML:edXMLEnvelope>";
    Response malformed = extract("vanthu", "goi.edxml", broken.getBytes(StandardCharsets.UTF_8));
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.body().get("message").asText()).contains("dòng 4");
  }

  @Test
  void onlyOneFilePartIsAccepted() throws IOException {
    byte[] text = fixture("cong-van-1143-CV-TU.txt");
    Response extra = api.multipart("vanthu", EXTRACT,
        Part.file("file", "a.txt", "text/plain", text), Part.json("issuer", "Bộ Quốc phòng"));
    assertThat(extra.status()).isEqualTo(400);
    assertThat(extra.body().get("message").asText()).contains("issuer");

    Response none = api.multipart("vanthu", EXTRACT, Part.file("other", "a.txt", "text/plain", text));
    assertThat(none.status()).isEqualTo(400);
  }

  @Test
  void tooLargePicturesAre413BeforeDecoding() throws IOException {
    BufferedImage huge = new BufferedImage(8000, 8000, BufferedImage.TYPE_BYTE_BINARY);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(huge, "png", png);
    Response picture = extract("vanthu", "anh.png", png.toByteArray());
    assertThat(picture.status()).isEqualTo(413);
    assertThat(picture.body().get("message").asText()).contains("Ảnh quá lớn");
  }

  @Test
  void wordsOfAnAttachmentAreFoundBySearchWithAndWithoutDiacritics() throws IOException {
    String marker = "Thủyđiện" + UUID.randomUUID().toString().substring(0, 6);
    Map<String, Object> document = new java.util.LinkedHashMap<>();
    document.put("issuer", "Ủy ban nhân dân thành phố Cần Thơ");
    document.put("documentNumber", UUID.randomUUID().toString().substring(0, 8) + "/KH-UBND");
    document.put("issuedOn", "2026-11-02");
    document.put("documentType", "Kế hoạch");
    document.put("summary", "Kế hoạch phát triển năng lượng tái tạo");
    document.put("urgency", "NORMAL");
    long id = api.post("vanthu", "/api/incoming-documents", document).body().get("id").asLong();
    assertThat(api.get("vanthu", "/api/incoming-documents?q=" + marker).body()
        .get("content")).as("before the attachment").isEmpty();

    Response uploaded = api.multipart("vanthu", "/api/incoming-documents/" + id + "/attachments",
        Part.file("file", "phu-luc.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            docx("Phụ lục: dự án " + marker + " ở Cần Thơ")));
    assertThat(uploaded.status()).isEqualTo(201);

    for (String q : new String[] {marker, vn.khcn.workflow.shared.text.SearchText.fold(marker)}) {
      JsonNode found = api.get("vanthu", "/api/incoming-documents?q="
          + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8)).body().get("content");
      assertThat(found).as(q).hasSize(1);
      assertThat(found.get(0).get("id").asLong()).isEqualTo(id);
    }
    TestHttp.Session clerk = api.session();
    clerk.login("vanthu", TestHttp.PASSWORD);
    Response page = clerk.get("/documents?q="
        + java.net.URLEncoder.encode(marker.toLowerCase(), StandardCharsets.UTF_8));
    assertThat(page.text()).contains("/documents/" + id);
  }

  @Test
  void theRegistrationPageOffersReadingFromAFileThroughItsOwnScript() {
    TestHttp.Session clerk = api.session();
    clerk.login("vanthu", TestHttp.PASSWORD);
    Response page = clerk.get("/documents/new");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.text()).contains("id=\"intake\"").contains("/js/intake.js")
        .contains("data-extract-url=\"/api/incoming-documents/extract\"")
        .as("the registration form still posts without scripts")
        .contains("enctype=\"multipart/form-data\"");
    assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'")
        .contains("connect-src 'self'").doesNotContain("unsafe-inline");
    assertThat(clerk.get("/documents").header("Content-Security-Policy"))
        .as("other pages call nothing back from a script").doesNotContain("connect-src");
    Response script = clerk.get("/js/intake.js");
    assertThat(script.status()).isEqualTo(200);
    assertThat(script.text()).contains("X-CSRF-TOKEN");

    Response withoutToken = clerk.request("POST", EXTRACT).body("text/plain", "x").send();
    assertThat(withoutToken.status()).as("a session call needs the CSRF token").isEqualTo(403);
  }

  private Response extract(String user, String name, byte[] content) {
    return api.multipart(user, EXTRACT, Part.file("file", name, "application/octet-stream", content));
  }

  private byte[] fixture(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/intake/" + name)) {
      return in.readAllBytes();
    }
  }

  private static byte[] docx(String text) throws IOException {
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.createParagraph().createRun().setText(text);
      doc.write(out);
      return out.toByteArray();
    }
  }
}
