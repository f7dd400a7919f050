package vn.khcn.workflow.outgoing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.shared.tx.AfterCommitExecutor;
import vn.khcn.workflow.support.PreModelOutgoing;
import vn.khcn.workflow.support.TestHttp;
import vn.khcn.workflow.support.TestHttp.Part;

/**
 * ADR 0033: the issued document is a PDF. A draft whose latest version is a DOCX is not signed
 * (a clear Vietnamese reason, by the API and on the page); once the drafter uploads the final
 * PDF it is signed, and the page shows that PDF as the issued document.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OutgoingPdfRuleTest {

  static final String API = OutgoingFlow.API;
  static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

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

  String page(String user, long id) {
    TestHttp.Session session = api.session();
    session.login(user, TestHttp.PASSWORD);
    return session.get("/drafts/" + id).text();
  }

  TestHttp.Response uploadDocx(long id) {
    return api.multipart("cv.qlkh", API + "/" + id + "/versions",
        Part.file("file", "du-thao.docx", DOCX, OutgoingFixtures.docx("Bản cuối")),
        new Part("note", null, "text/plain; charset=UTF-8",
            "Bản DOCX đã duyệt".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aDocxIsNotSignedUntilTheDrafterUploadsTheFinalPdf() {
    TestHttp.Response created = api.post("cv.qlkh", API,
        OutgoingFixtures.draft("Về việc thử quy tắc bản PDF"));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    long id = created.body().get("id").asLong();
    PreModelOutgoing.detach(id);
    assertThat(uploadDocx(id).status()).isEqualTo(201);

    TestHttp.Response refused = api.post("phogiamdoc", API + "/" + id + "/sign",
        Map.of("authority", "KT."));
    assertThat(refused.status()).as(refused.text()).isEqualTo(409);
    assertThat(refused.text()).contains("Văn bản ký ban hành phải là tệp PDF",
        "tải lên bản PDF cuối cùng");
    assertThat(flow.details(id).get("status").asText()).isEqualTo("DRAFT");
    assertThat(page("cv.qlkh", id)).contains("id=\"pdf-needed\"", "Văn bản ký ban hành phải là tệp PDF");
    assertThat(page("phogiamdoc", id)).as("no sign form for a DOCX")
        .doesNotContain("id=\"sign\"");

    flow.uploadPdf("cv.qlkh", id);
    assertThat(page("cv.qlkh", id)).doesNotContain("pdf-needed");
    flow.issue(id);
    String issued = page("cv.qlkh", id);
    assertThat(issued).contains("id=\"issued-file\"", "Văn bản đã ký, ban hành (PDF)",
        "van-ban-" + id + ".pdf");
  }

  @Test
  void aDocxUploadedAfterThePdfMakesTheDraftUnsignableAgain() {
    long id = flow.draft("cv.qlkh", OutgoingFixtures.draft("Về việc bản DOCX sau bản PDF"));
    PreModelOutgoing.detach(id);
    assertThat(uploadDocx(id).status()).isEqualTo(201);
    TestHttp.Response refused = api.post("giamdoc", API + "/" + id + "/sign", Map.of());
    assertThat(refused.status()).as(refused.text()).isEqualTo(409);
    assertThat(refused.text()).contains("phải là tệp PDF");
  }
}
