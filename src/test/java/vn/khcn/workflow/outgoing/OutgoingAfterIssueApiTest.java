package vn.khcn.workflow.outgoing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
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
import vn.khcn.workflow.shared.tx.AfterCommitExecutor;
import vn.khcn.workflow.support.TestHttp;

/**
 * After issue (Decree 30/2020 Art. 18.3-18.4, ADR 0027): replacement, correction letter and
 * recall, linked both ways, with every refusal storing nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OutgoingAfterIssueApiTest {

  static final String API = OutgoingFlow.API;
  static final String TO = "Kính gửi: Sở Tài chính";

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired AfterCommitExecutor afterCommit;

  TestHttp api;
  OutgoingFlow flow;

  @BeforeEach
  void setUp() {
    api = TestHttp.of(rest);
    flow = new OutgoingFlow(api, jdbc, afterCommit);
  }

  Map<String, Object> mailed(String summary, String email) {
    Map<String, Object> body = OutgoingFixtures.draft(summary);
    body.put("recipients", List.of(TO));
    if (email != null) {
      body.put("addresses", List.of(OutgoingFlow.address(TO, email, null)));
    }
    return body;
  }

  int documents() {
    return jdbc.queryForObject("select count(*) from outgoing_document", Integer.class);
  }

  @Test
  void aReplacementIsDraftedLinkedAndOnIssueMarksTheOriginalReplaced() {
    long original = flow.issued("cv.qlkh", mailed("Về việc kinh phí (bản sai)", null));
    int before = documents();
    assertThat(api.post("cv.khtc", API + "/" + original + "/replacement", null).status())
        .as("another unit").isEqualTo(403);
    assertThat(api.post("vanthu", API + "/" + original + "/replacement", null).status())
        .as("the registry drafts nothing").isEqualTo(403);
    TestHttp.Response fields = api.post("cv.qlkh", API + "/" + original + "/replacement",
        Map.of("summary", "khác"));
    assertThat(fields.status()).isEqualTo(400);
    assertThat(fields.text()).contains("summary");
    assertThat(api.request("POST", API + "/" + original + "/replacement").send().status())
        .isEqualTo(401);
    long draft = flow.draft("cv.qlkh", OutgoingFixtures.draft("Về việc chưa ban hành"));
    assertThat(api.post("cv.qlkh", API + "/" + draft + "/replacement", null).status())
        .as("only an issued document is replaced").isEqualTo(409);
    assertThat(documents()).isEqualTo(before + 1);

    TestHttp.Response created = api.post("tp.qlkh", API + "/" + original + "/replacement", null);
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    JsonNode replacement = created.body();
    long replacementId = replacement.get("id").asLong();
    assertThat(replacement.get("status").asText()).isEqualTo("DRAFT");
    assertThat(replacement.get("relation").asText()).isEqualTo("REPLACES");
    assertThat(replacement.get("related").get("id").asLong()).isEqualTo(original);
    assertThat(replacement.get("summary").asText()).isEqualTo("Về việc kinh phí (bản sai)");
    assertThat(replacement.get("drafter").asText()).isEqualTo("tp.qlkh");
    assertThat(api.post("cv.qlkh", API + "/" + original + "/replacement", null).status())
        .as("one replacement at a time").isEqualTo(409);
    JsonNode originalNow = flow.details(original);
    assertThat(originalNow.get("followUps")).singleElement()
        .satisfies(f -> assertThat(f.get("id").asLong()).isEqualTo(replacementId));
    assertThat(originalNow.get("replacedBy").isNull()).isTrue();

    api.multipart("tp.qlkh", API + "/" + replacementId + "/versions",
        TestHttp.Part.file("file", "thay-the.pdf", "application/pdf", OutgoingFixtures.pdf()),
        new TestHttp.Part("note", null, "text/plain; charset=UTF-8",
            "Sửa số liệu".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    JsonNode issued = flow.issue(replacementId);
    JsonNode replaced = flow.details(original);
    assertThat(replaced.get("replacedBy").get("id").asLong()).isEqualTo(replacementId);
    assertThat(replaced.get("replacedBy").get("numberSymbol").asText())
        .isEqualTo(issued.get("numberSymbol").asText());
    assertThat(replaced.get("trail").toString()).contains("Được thay thế",
        issued.get("numberSymbol").asText());
    assertThat(api.post("cv.qlkh", API + "/" + original + "/replacement", null).status())
        .as("a replaced document is not replaced again").isEqualTo(409);

    TestHttp.Session session = api.session();
    session.login("cv.qlkh", TestHttp.PASSWORD);
    assertThat(session.get("/drafts/" + original).text()).contains("Được thay thế bởi",
        issued.get("numberSymbol").asText());
    assertThat(session.get("/drafts/" + replacementId).text()).contains("Thay thế văn bản",
        replaced.get("numberSymbol").asText());
  }

  @Test
  void aCorrectionLetterIsANewCongVanDraftLinkedToTheOriginal() {
    long original = flow.issued("cv.qlkh", mailed("Về việc danh mục nhiệm vụ", null));
    String number = flow.details(original).get("numberSymbol").asText();
    TestHttp.Session session = api.session();
    session.login("cv.qlkh", TestHttp.PASSWORD);
    int before = documents();
    assertThat(session.request("POST", "/drafts/" + original + "/correction-letter").form()
        .send().status()).as("no CSRF token").isEqualTo(403);
    assertThat(documents()).isEqualTo(before);

    String page = session.get("/drafts/" + original).text();
    assertThat(page).contains("Soạn công văn đính chính", "Soạn văn bản thay thế")
        .doesNotContain("recall-form");
    String csrf = page.replaceAll("(?s).*name=\"_csrf\"[^>]*value=\"([^\"]+)\".*", "$1");
    TestHttp.Response posted = session.request("POST", "/drafts/" + original
        + "/correction-letter").form("_csrf", csrf).send();
    assertThat(posted.status()).isEqualTo(302);
    assertThat(documents()).isEqualTo(before + 1);
    JsonNode letter = flow.details(flow.details(original).get("followUps").get(0).get("id")
        .asLong());
    assertThat(letter.get("documentType").asText()).isEqualTo("Công văn");
    assertThat(letter.get("relation").asText()).isEqualTo("CORRECTS");
    assertThat(letter.get("summary").asText())
        .isEqualTo("Về việc đính chính công văn số " + number + " ngày "
            + OutgoingQueries.DATE.format(java.time.LocalDate.parse(
                flow.details(original).get("issuedOn").asText())));
    assertThat(letter.get("recipients").get(0).asText()).isEqualTo(TO);
    assertThat(posted.header("Location")).endsWith("/drafts/" + letter.get("id").asLong());
  }

  @Test
  void theRegistryOrADirectorRecallsWithAReasonAndTheRecipientsAreTold() throws Exception {
    long id = flow.issued("cv.qlkh", mailed("Về việc thu hồi thử", "nhan@stc.example.vn"));
    assertThat(api.post("vanthu", API + "/" + id + "/send", null).status()).isEqualTo(200);

    assertThat(api.post("cv.qlkh", API + "/" + id + "/recall", Map.of("reason", "Sai"))
        .status()).isEqualTo(403);
    TestHttp.Response noReason = api.post("vanthu", API + "/" + id + "/recall", Map.of());
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.text()).contains("reason", "lý do thu hồi là bắt buộc");
    assertThat(api.post("vanthu", API + "/" + id + "/recall",
        Map.of("reason", "Sai", "recalledBy", "giamdoc")).status()).isEqualTo(400);
    assertThat(api.request("POST", API + "/" + id + "/recall").json(Map.of("reason", "x")).send()
        .status()).isEqualTo(401);
    long draft = flow.draft("cv.qlkh", OutgoingFixtures.draft("Về việc chưa ban hành"));
    assertThat(api.post("giamdoc", API + "/" + draft + "/recall", Map.of("reason", "Sai"))
        .status()).isEqualTo(409);
    assertThat(flow.details(id).get("recalledAt").isNull()).isTrue();
    assertThat(flow.count("outgoing_delivery", "document_id = ? and purpose = 'RECALL'", id))
        .isZero();

    TestHttp.Response recalled = api.post("giamdoc", API + "/" + id + "/recall",
        Map.of("reason", "Ban hành sai thẩm quyền"));
    assertThat(recalled.status()).as(recalled.text()).isEqualTo(200);
    assertThat(recalled.body().get("recalledBy").asText()).isEqualTo("giamdoc");
    assertThat(recalled.body().get("recallReason").asText()).isEqualTo("Ban hành sai thẩm quyền");
    assertThat(flow.deliveries(id)).containsExactly(TO + "|ISSUE|MAIL|SENT",
        TO + "|RECALL|MAIL|SENT");
    assertThat(Arrays.stream(smtp.getReceivedMessages()).map(m -> {
      try {
        return m.getSubject();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    })).anyMatch(s -> s.startsWith("[Thu hồi] Công văn số "));

    assertThat(api.post("vanthu", API + "/" + id + "/recall", Map.of("reason", "Lần nữa"))
        .status()).isEqualTo(409);
    assertThat(api.post("vanthu", API + "/" + id + "/send", null).status()).isEqualTo(409);
    assertThat(api.post("cv.qlkh", API + "/" + id + "/replacement", null).status())
        .isEqualTo(409);
    TestHttp.Session session = api.session();
    session.login("vanthu", TestHttp.PASSWORD);
    assertThat(session.get("/drafts/" + id).text()).contains("Đã thu hồi ngày",
        "Ban hành sai thẩm quyền", "Thông báo thu hồi");
  }
}
