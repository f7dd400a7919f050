package vn.khcn.workflow.signature;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
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
 * Over real HTTP as the demo users: the trust store API (administrators only, bad files 400 in
 * Vietnamese with nothing stored), the extract answer's "signatures", and a signed attachment
 * whose result is kept, shown on the document page and written to the trail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SignatureApiTest {

  static final String ANCHORS = "/api/admin/trust-anchors";
  static final String EXTRACT = "/api/incoming-documents/extract";

  static TestCa ca;
  static byte[] signed;

  @Autowired TestRestTemplate rest;
  TestHttp api;

  @BeforeAll
  static void makeCa() throws Exception {
    ca = new TestCa("Api Test CA " + UUID.randomUUID());
    signed = ca.signer("Nguyễn Thị Hoa", "Sở Khoa học và Công nghệ")
        .sign(TestCa.pdf("So: 21/SKHCN-VP"), Instant.now().minus(2, ChronoUnit.HOURS));
  }

  @BeforeEach
  void setUp() {
    api = TestHttp.of(rest);
  }

  @Test
  void onlyAdministratorsManageTheTrustStore() {
    Response clerk = upload("vanthu", pem(ca.certificate));
    assertThat(clerk.status()).isEqualTo(403);
    assertThat(api.get("vanthu", ANCHORS).status()).isEqualTo(403);
    assertThat(api.delete("giamdoc", ANCHORS + "/1").status()).isEqualTo(403);
    assertThat(api.request("POST", ANCHORS).send().status()).isEqualTo(401);
    assertThat(stored(ca.certificate)).as("nothing stored").isNull();
  }

  @Test
  void badFilesAre400InVietnameseAndStoreNothing() throws Exception {
    Response garbage = upload("admin", "đây không phải chứng thư".getBytes(StandardCharsets.UTF_8));
    assertThat(garbage.status()).isEqualTo(400);
    assertThat(garbage.body().get("fieldErrors").get(0).get("field").asText()).isEqualTo("file");
    assertThat(problem(garbage)).contains("không phải chứng thư số X.509");

    Response empty = upload("admin", new byte[0]);
    assertThat(empty.status()).isEqualTo(400);
    assertThat(problem(empty)).contains("tệp rỗng");

    X509Certificate person = ca.signer("Người Ký", "Sở").certificate();
    byte[] bundle = concat(pem(ca.certificate), pem(person));
    Response notCa = upload("admin", bundle);
    assertThat(notCa.status()).isEqualTo(400);
    assertThat(problem(notCa)).contains("không phải của tổ chức chứng thực (CA)");
    assertThat(stored(ca.certificate)).as("the CA of the refused bundle is not kept").isNull();

    Response extra = api.multipart("admin", ANCHORS,
        Part.file("file", "ca.pem", "application/x-pem-file", pem(ca.certificate)),
        Part.json("trusted", "true"));
    assertThat(extra.status()).isEqualTo(400);
    assertThat(extra.body().get("fieldErrors").get(0).get("field").asText()).isEqualTo("trusted");
    assertThat(problem(extra)).contains("chỉ gửi «file»");
    assertThat(stored(ca.certificate)).isNull();
  }

  @Test
  void theExtractAnswerSaysWhetherTheSignatureIsValid() throws Exception {
    assertThat(extract(signed).get("signatures").get(0).get("status").asText())
        .as("CA not yet trusted").isEqualTo("UNKNOWN");

    Response added = upload("admin", pem(ca.certificate));
    assertThat(added.status()).isEqualTo(201);
    long id = added.body().get(0).get("id").asLong();
    try {
      assertThat(added.body().get(0).get("addedBy").asText()).isEqualTo("admin");
      Response again = upload("admin", ca.certificate.getEncoded());
      assertThat(again.status()).isEqualTo(400);
      assertThat(problem(again)).as("the same certificate in DER").contains("đã có trong kho");
      JsonNode answer = extract(signed);
      assertThat(answer.has("fields")).as("the extraction is unchanged beside it").isTrue();
      JsonNode signature = answer.get("signatures").get(0);
      assertThat(signature.get("status").asText()).isEqualTo("VALID");
      assertThat(signature.get("statusLabel").asText()).isEqualTo("Chữ ký số hợp lệ");
      assertThat(signature.get("signer").asText()).isEqualTo("Nguyễn Thị Hoa");
      assertThat(signature.get("organisation").asText()).isEqualTo("Sở Khoa học và Công nghệ");
      assertThat(signature.get("revocation").asText()).startsWith("Không kiểm tra được thu hồi");

      byte[] tampered = signed.clone();
      tampered[PadesVerifierTest.indexOf(tampered, "%PDF-") + 10] ^= 0x01;
      assertThat(extract(tampered).get("signatures").get(0).get("status").asText())
          .isEqualTo("INVALID");
      assertThat(extract(TestCa.pdf("So: 22/SKHCN-VP")).get("signatures")).isEmpty();
    } finally {
      assertThat(api.delete("admin", ANCHORS + "/" + id).status()).isEqualTo(204);
    }
    assertThat(stored(ca.certificate)).isNull();
    assertThat(api.delete("admin", ANCHORS + "/" + id).status()).isEqualTo(404);
  }

  @Test
  void aSignedAttachmentKeepsItsResultInTheTrailAndOnThePage() throws Exception {
    long anchor = upload("admin", pem(ca.certificate)).body().get(0).get("id").asLong();
    try {
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("issuer", "Ủy ban nhân dân thành phố Cần Thơ");
      document.put("documentNumber", UUID.randomUUID().toString().substring(0, 8) + "/KH-UBND");
      document.put("issuedOn", "2026-11-02");
      document.put("documentType", "Kế hoạch");
      document.put("summary", "Kế hoạch chuyển đổi số có chữ ký số");
      document.put("urgency", "NORMAL");
      long id = api.post("vanthu", "/api/incoming-documents", document).body().get("id").asLong();
      String files = "/api/incoming-documents/" + id + "/attachments";

      Response stored = api.multipart("vanthu", files,
          Part.file("file", "ke-hoach-ky-so.pdf", "application/pdf", signed));
      assertThat(stored.status()).isEqualTo(201);
      assertThat(stored.body().get("signatures").get(0).get("status").asText()).isEqualTo("VALID");
      assertThat(api.multipart("vanthu", files, Part.file("file", "phu-luc.pdf",
          "application/pdf", TestCa.pdf("Phu luc"))).status()).isEqualTo(201);

      JsonNode details = api.get("vanthu", "/api/incoming-documents/" + id).body();
      assertThat(details.get("attachments").get(0).get("signatures").get(0).get("signer")
          .asText()).isEqualTo("Nguyễn Thị Hoa");
      assertThat(details.get("attachments").get(1).get("signatures")).isEmpty();
      JsonNode checked = null;
      int checks = 0;
      for (JsonNode entry : details.get("trail")) {
        if (entry.get("action").asText().equals("SIGNATURE_CHECKED")) {
          checked = entry;
          checks++;
        }
      }
      assertThat(checks).as("one entry, for the signed file only").isEqualTo(1);
      assertThat(checked.get("actionLabel").asText()).isEqualTo("Kiểm tra chữ ký số");
      assertThat(checked.get("comment").asText())
          .startsWith("ke-hoach-ky-so.pdf: Chữ ký số hợp lệ: Nguyễn Thị Hoa");

      TestHttp.Session clerk = api.session();
      clerk.login("vanthu", TestHttp.PASSWORD);
      Response page = clerk.get("/documents/" + id);
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.text()).contains("signature-valid").contains("Chữ ký số hợp lệ")
          .contains("Nguyễn Thị Hoa");
    } finally {
      api.delete("admin", ANCHORS + "/" + anchor);
    }
  }

  @Test
  void theTrustPageIsForAdministrators() {
    TestHttp.Session admin = api.session();
    admin.login("admin", TestHttp.PASSWORD);
    Response page = admin.get("/admin/trust");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.text()).contains("Kho chứng thư tin cậy").contains("name=\"_csrf\"");
    TestHttp.Session clerk = api.session();
    clerk.login("vanthu", TestHttp.PASSWORD);
    assertThat(clerk.get("/admin/trust").status()).isEqualTo(403);
  }

  @Test
  void theTrustPageAddsRefusesAndDeletes() {
    TestHttp.Session admin = api.session();
    admin.login("admin", TestHttp.PASSWORD);

    Response refused = postFile(admin, "không phải chứng thư");
    assertThat(refused.status()).isEqualTo(302);
    assertThat(admin.get("/admin/trust").text())
        .contains("Không thêm được: tệp không phải chứng thư số X.509");
    assertThat(stored(ca.certificate)).isNull();

    assertThat(postFile(admin, new String(pem(ca.certificate), StandardCharsets.US_ASCII))
        .status()).isEqualTo(302);
    JsonNode added = stored(ca.certificate);
    assertThat(added).isNotNull();
    String page = admin.get("/admin/trust").text();
    assertThat(page).contains("Đã thêm 1 chứng thư tin cậy.").contains(added.get("fingerprint")
        .asText());

    Response deleted = admin.request("POST", "/admin/trust/" + added.get("id").asLong()
        + "/delete").form("_csrf", csrf(page)).send();
    assertThat(deleted.status()).isEqualTo(302);
    assertThat(stored(ca.certificate)).isNull();
  }

  private static Response postFile(TestHttp.Session session, String fileText) {
    String boundary = "trust" + System.nanoTime();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
        + csrf(session.get("/admin/trust").text()) + "\r\n--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ca.pem\"\r\n"
        + "Content-Type: application/x-pem-file\r\n\r\n" + fileText + "\r\n--" + boundary
        + "--\r\n";
    return session.request("POST", "/admin/trust")
        .body("multipart/form-data; boundary=" + boundary, body).send();
  }

  private static String csrf(String html) {
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as("a CSRF field").isTrue();
    return m.group(1);
  }

  /** The Vietnamese message of the first field error. */
  private static String problem(Response refused) {
    return refused.body().get("fieldErrors").get(0).get("message").asText();
  }

  private JsonNode extract(byte[] pdf) {
    Response answer = api.multipart("vanthu", EXTRACT,
        Part.file("file", "van-ban.pdf", "application/pdf", pdf));
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    return answer.body();
  }

  private Response upload(String user, byte[] file) {
    return api.multipart(user, ANCHORS, Part.file("file", "ca.pem", "application/x-pem-file", file));
  }

  private JsonNode stored(X509Certificate certificate) {
    String fingerprint = TrustStore.fingerprint(certificate);
    for (JsonNode anchor : api.get("admin", ANCHORS).body()) {
      if (anchor.get("fingerprint").asText().equals(fingerprint)) {
        return anchor;
      }
    }
    return null;
  }

  static byte[] pem(X509Certificate certificate) {
    try {
      return ("-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(certificate.getEncoded())
          + "\n-----END CERTIFICATE-----\n").getBytes(StandardCharsets.US_ASCII);
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
