package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import vn.khcn.workflow.support.TestHttp;

/** Request bodies of the dispatch tests. */
final class DispatchFixtures {

  /** A valid registration body; each call differs in its number and symbol. */
  static Map<String, Object> document(String documentNumber) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("issuer", "Ủy ban nhân dân thành phố Cần Thơ");
    body.put("documentNumber", documentNumber);
    body.put("issuedOn", "2026-11-02");
    body.put("documentType", "Kế hoạch");
    body.put("summary", "Kế hoạch triển khai Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học,"
        + " công nghệ, đổi mới sáng tạo và chuyển đổi số");
    body.put("signer", "Trần Thị Minh, Phó Chủ tịch");
    body.put("pageCount", 6);
    body.put("urgency", "NORMAL");
    body.put("recipients", "Các sở, ban, ngành thành phố");
    return body;
  }

  /** The id of a document registered through the API by the clerk (201 expected). */
  static long registered(TestRestTemplate rest) {
    TestHttp.Response created = TestHttp.of(rest).post("vanthu", "/api/incoming-documents",
        document(IncomingDocumentApiTest.unique()));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.body().get("id").asLong();
  }

  private DispatchFixtures() {}
}
