package vn.khcn.workflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.web.client.TestRestTemplate;
import vn.khcn.workflow.support.TestHttp;
import vn.khcn.workflow.support.TestHttp.Response;

/** The steps around a browser test, done as the demo users through the REST APIs. */
final class WorkflowApi {

  static final ObjectMapper JSON = new ObjectMapper();
  static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  private final TestHttp http;

  WorkflowApi(TestRestTemplate rest) {
    this.http = TestHttp.of(rest);
  }

  /** Registers a document as vanthu; its summary carries a unique marker to find it on screen. */
  JsonNode register(String summary) {
    return register(summary, "NORMAL");
  }

  /** {@link #register(String)} with the given urgency (dispatch/Urgency's name). */
  JsonNode register(String summary, String urgency) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("issuer", "Ủy ban nhân dân thành phố Cần Thơ");
    body.put("documentNumber", UUID.randomUUID().toString().substring(0, 8) + "/UBND-KGVX");
    body.put("issuedOn", "2026-11-02");
    body.put("documentType", "Công văn");
    body.put("summary", summary);
    body.put("signer", "Trần Thị Minh, Phó Chủ tịch");
    body.put("pageCount", 2);
    body.put("urgency", urgency);
    body.put("recipients", "Các sở, ban, ngành thành phố");
    Response created = http.post("vanthu", "/api/incoming-documents", body);
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return parse(created.text());
  }

  /** Claims and completes a task through /engine-rest, as its user would in Tasklist. */
  void work(String user, String taskId, Map<String, Object> variables) {
    Response claim = http.post(user, "/engine-rest/task/" + taskId + "/claim",
        Map.of("userId", user));
    assertThat(claim.status()).as("claim by %s: %s", user, claim.text())
        .isEqualTo(204);
    Response done = http.post(user, "/engine-rest/task/" + taskId + "/complete",
        Map.of("variables", variables));
    assertThat(done.status()).as("complete by %s: %s", user, done.text())
        .isEqualTo(204);
  }

  JsonNode details(JsonNode document) {
    Response response = http.get("giamdoc",
        "/api/incoming-documents/" + document.get("id").asLong());
    assertThat(response.status()).isEqualTo(200);
    return parse(response.text());
  }

  /** The trail as "ACTION:actor" entries, oldest first. */
  List<String> trail(JsonNode document) {
    List<String> entries = new ArrayList<>();
    details(document).get("trail").forEach(t -> entries.add(t.get("action").asText() + ":"
        + t.get("actor").asText()));
    return entries;
  }

  /** A Camunda REST variable: {"value": ..., "type": ...}. */
  static Map<String, Object> variable(String type, Object value) {
    return TestHttp.variable(type, value);
  }

  static String dueDate(int days) {
    return LocalDate.now(ZONE).plusDays(days) + "T17:00:00.000+0700";
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (Exception e) {
      throw new IllegalStateException("Not JSON: " + body, e);
    }
  }
}
