package vn.khcn.workflow.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** HTTP calls as the demo users make them: our /api and Camunda's /engine-rest, JSON in and out. */
final class DispatchTestClient {

  static final ObjectMapper JSON = new ObjectMapper();

  private final TestRestTemplate rest;

  DispatchTestClient(TestRestTemplate rest) {
    this.rest = rest;
  }

  record Response(int status, JsonNode body, HttpHeaders headers) {}

  Response call(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON));
    TestRestTemplate client = user == null ? rest : rest.withBasicAuth(user, "demo");
    ResponseEntity<String> response = client.exchange(path, method,
        new HttpEntity<>(body, headers), String.class);
    return new Response(response.getStatusCode().value(), parse(response.getBody()),
        response.getHeaders());
  }

  Response get(String user, String path) {
    return call(user, HttpMethod.GET, path, null);
  }

  Response post(String user, String path, Object body) {
    return call(user, HttpMethod.POST, path, body);
  }

  static JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
    } catch (Exception e) {
      return JSON.getNodeFactory().textNode(body);
    }
  }

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

  /** A Camunda REST variable map: {"name": {"value": ..., "type": ...}}. */
  static Map<String, Object> variables(Object... nameTypeValue) {
    Map<String, Object> vars = new LinkedHashMap<>();
    for (int i = 0; i < nameTypeValue.length; i += 3) {
      Map<String, Object> variable = new LinkedHashMap<>();
      variable.put("type", nameTypeValue[i + 1]);
      variable.put("value", nameTypeValue[i + 2]);
      vars.put((String) nameTypeValue[i], variable);
    }
    return Map.of("variables", vars);
  }
}
