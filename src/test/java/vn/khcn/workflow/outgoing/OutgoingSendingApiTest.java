package vn.khcn.workflow.outgoing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.intake.EdxmlReader;
import vn.khcn.workflow.shared.web.ConflictException;
import vn.khcn.workflow.shared.xml.SafeXml;
import vn.khcn.workflow.shared.tx.AfterCommitExecutor;
import vn.khcn.workflow.support.TestHttp;

/**
 * Sending issued documents (ADR 0027) over real HTTP: mail through an in-process SMTP server,
 * edXML packages into the test outbox, paper otherwise; once; failures recorded and sent again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OutgoingSendingApiTest {

  static final String API = OutgoingFlow.API;
  static final Path OUTBOX = Path.of("target/interop-test/outbox");
  static final String FINANCE = "Kính gửi: Sở Tài chính";
  static final String COMPANY = "Kính gửi: Công ty TNHH Công nghệ Mekong";
  static final String CITY = "Ủy ban nhân dân thành phố (để báo cáo)";

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired AfterCommitExecutor afterCommit;
  @Autowired OutgoingSending sending;
  @Autowired MeterRegistry meters;

  TestHttp api;
  OutgoingFlow flow;

  @BeforeEach
  void setUp() {
    api = TestHttp.of(rest);
    flow = new OutgoingFlow(api, jdbc, afterCommit);
  }

  static Map<String, Object> addressed(String summary, String financeMail, String companyMail) {
    Map<String, Object> body = OutgoingFixtures.draft(summary);
    body.put("recipients", List.of(FINANCE, COMPANY));
    body.put("copyTo", List.of("Như trên", CITY, "Lưu: VT, QLKH"));
    body.put("addresses", List.of(
        OutgoingFlow.address(FINANCE, financeMail, "000.00.12.H13"),
        OutgoingFlow.address(COMPANY, companyMail, null)));
    return body;
  }

  List<MimeMessage> mailsTo(String address) throws Exception {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
      try {
        Address[] to = m.getAllRecipients();
        return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equals(address));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  @Test
  void anIssuedDocumentGoesByMailEdxmlAndPaperOnceAndShowsEachDelivery() throws Exception {
    long id = flow.issued("cv.qlkh", addressed("Về việc đối chiếu kinh phí nhiệm vụ 2026",
        "vanphong@stc.example.vn", "lienhe@mekong.example.vn"));
    String number = flow.details(id).get("numberSymbol").asText();

    TestHttp.Response sent = api.post("vanthu", API + "/" + id + "/send", null);

    assertThat(sent.status()).as(sent.text()).isEqualTo(200);
    assertThat(flow.deliveries(id)).containsExactly(
        FINANCE + "|ISSUE|EDXML|SENT", FINANCE + "|ISSUE|MAIL|SENT",
        COMPANY + "|ISSUE|MAIL|SENT", CITY + "|ISSUE|PAPER|PAPER");
    JsonNode deliveries = flow.details(id).get("deliveries"); // attempted after the response
    assertThat(deliveries).hasSize(4);
    assertThat(deliveries.get(0).get("channelLabel").asText()).isEqualTo("Trục liên thông (edXML)");
    assertThat(deliveries.get(0).get("deliveredAt").isNull()).isFalse();
    assertThat(deliveries.get(3).get("failureReason").asText())
        .isEqualTo("không có địa chỉ điện tử");
    assertThat(sent.body().get("trail").toString()).contains("Gửi văn bản",
        "3 nơi nhận: 2 thư điện tử, 1 gói edXML, 1 bản giấy");

    List<MimeMessage> company = mailsTo("lienhe@mekong.example.vn");
    assertThat(company).singleElement().satisfies(m -> {
      assertThat(m.getSubject()).contains("[Văn bản đi] Công văn số " + number);
      MimeMultipart parts = (MimeMultipart) m.getContent();
      assertThat(parts.getCount()).as("text and the issued file").isEqualTo(2);
      assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("van-ban-" + id + ".pdf");
    });
    assertThat(mailsTo("vanphong@stc.example.vn")).hasSize(1);

    Path file = OUTBOX.resolve(deliveries.get(0).get("packageFile").asText());
    var header = EdxmlReader.read(SafeXml.parse(Files.readAllBytes(file), "test")).fields();
    assertThat(header.get("documentNumber").value()).isEqualTo(number);
    assertThat(header.get("summary").value()).isEqualTo("Về việc đối chiếu kinh phí nhiệm vụ 2026");
    assertThat(header.get("issuer").value())
        .isEqualTo("Sở Khoa học và Công nghệ thành phố Cần Thơ");

    // the model's service task and a second click send nothing twice
    sending.send(id);
    sending.send(id);
    TestHttp.Response again = api.post("vanthu", API + "/" + id + "/send", null);
    assertThat(again.status()).as(again.text()).isEqualTo(409);
    assertThat(again.text()).contains("Không có nơi nhận nào gửi lỗi");
    assertThat(flow.deliveries(id)).hasSize(4);
    assertThat(mailsTo("lienhe@mekong.example.vn")).hasSize(1);
    assertThat(flow.count("outgoing_trail", "document_id = ? and action = 'SENT'", id))
        .isEqualTo(1);

    TestHttp.Session session = api.session();
    session.login("vanthu", TestHttp.PASSWORD);
    assertThat(session.get("/drafts/" + id).text()).contains("Gửi văn bản", "Gửi giấy",
        "Đã gửi", "Trục liên thông (edXML)", "lienhe@mekong.example.vn",
        "Gửi lại các nơi nhận gửi lỗi");
  }

  @Test
  void aMailTheServerCannotTakeIsRecordedAsFailedAndTheRegistrySendsItAgain() throws Exception {
    long id = flow.issued("cv.qlkh", addressed("Về việc mời họp hội đồng tư vấn",
        null, "hop@mekong.example.vn"));
    double failedBefore = meters.counter("khcn.mail", "outcome", "failed").count();
    smtp.stop();

    sending.send(id);

    assertThat(flow.deliveries(id)).contains(COMPANY + "|ISSUE|MAIL|FAILED",
        FINANCE + "|ISSUE|EDXML|SENT");
    JsonNode mail = failedMail(id);
    assertThat(mail.get("failureReason").asText()).startsWith("máy chủ thư không nhận");
    assertThat(mail.get("attempts").asInt()).isEqualTo(1);
    assertThat(meters.counter("khcn.mail", "outcome", "failed").count())
        .isEqualTo(failedBefore + 1);

    smtp.start();
    TestHttp.Response resent = api.post("vanthu", API + "/" + id + "/send", null);
    assertThat(resent.status()).as(resent.text()).isEqualTo(200);
    assertThat(flow.deliveries(id)).contains(COMPANY + "|ISSUE|MAIL|SENT");
    assertThat(flow.deliveries(id)).hasSize(3);
    assertThat(mailsTo("hop@mekong.example.vn")).hasSize(1);
    assertThat(resent.body().get("trail").toString()).contains("Gửi lại", COMPANY);
  }

  JsonNode failedMail(long id) {
    for (JsonNode d : flow.details(id).get("deliveries")) {
      if (d.get("channel").asText().equals("MAIL")) {
        return d;
      }
    }
    throw new AssertionError("no mail delivery");
  }

  @Test
  void sendingIsTheRegistrysOnlyForAnIssuedDocumentWithoutFieldsAndNeverAnonymous() {
    long draft = flow.draft("cv.qlkh", addressed("Về việc chưa ban hành", null,
        "x@mekong.example.vn"));
    TestHttp.Response early = api.post("vanthu", API + "/" + draft + "/send", null);
    assertThat(early.status()).as(early.text()).isEqualTo(409);
    assertThatThrownBy(() -> sending.send(draft)).isInstanceOf(ConflictException.class);

    long id = flow.issued("cv.qlkh", addressed("Về việc gửi đúng người", null,
        "y@mekong.example.vn"));
    assertThat(api.post("cv.qlkh", API + "/" + id + "/send", null).status()).isEqualTo(403);
    assertThat(api.post("giamdoc", API + "/" + id + "/send", null).status()).isEqualTo(403);
    TestHttp.Response fields = api.post("vanthu", API + "/" + id + "/send",
        Map.of("recipients", List.of("Kính gửi: người khác")));
    assertThat(fields.status()).isEqualTo(400);
    assertThat(fields.text()).contains("recipients");
    assertThat(api.request("POST", API + "/" + id + "/send").send().status()).isEqualTo(401);
    assertThat(flow.count("outgoing_delivery", "document_id in (?, ?)", draft, id)).isZero();

    TestHttp.Session session = api.session();
    session.login("vanthu", TestHttp.PASSWORD);
    assertThat(session.request("POST", "/drafts/" + id + "/send").form().send().status())
        .as("no CSRF token").isEqualTo(403);
    assertThat(flow.count("outgoing_delivery", "document_id = ?", id)).isZero();
    TestHttp.Session clerk = api.session();
    clerk.login("cv.qlkh", TestHttp.PASSWORD);
    String page = clerk.get("/drafts/" + id).text();
    assertThat(page).doesNotContain("send-button");
    String csrf = page.replaceAll("(?s).*name=\"_csrf\"[^>]*value=\"([^\"]+)\".*", "$1");
    assertThat(clerk.request("POST", "/drafts/" + id + "/send").form("_csrf", csrf).send()
        .status()).as("an officer posting the registry's form").isEqualTo(403);
    assertThat(flow.count("outgoing_delivery", "document_id = ?", id)).isZero();

    String registry = session.get("/drafts/" + id).text();
    String token = registry.replaceAll("(?s).*name=\"_csrf\"[^>]*value=\"([^\"]+)\".*", "$1");
    TestHttp.Response posted = session.request("POST", "/drafts/" + id + "/send")
        .form("_csrf", token).send();
    assertThat(posted.status()).isEqualTo(302);
    assertThat(flow.deliveries(id)).contains(COMPANY + "|ISSUE|MAIL|SENT");
  }
}
