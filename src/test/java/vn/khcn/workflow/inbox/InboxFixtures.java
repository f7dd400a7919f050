package vn.khcn.workflow.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** What the inbox tests do through the API: register a document, post as a demo user. */
final class InboxFixtures {

  static final ObjectMapper JSON = new ObjectMapper();

  /** A document registered by the clerk with the urgency; its summary names the urgency. */
  static JsonNode register(TestRestTemplate rest, String urgency) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("issuer", "UBND thành phố Cần Thơ");
    body.put("documentNumber", UUID.randomUUID().toString().substring(0, 8) + "/UBND-KT");
    body.put("issuedOn", "2026-11-20");
    body.put("documentType", "Công văn");
    body.put("summary", "Về việc báo cáo khẩn " + urgency);
    body.put("urgency", urgency);
    return JSON.readTree(post(rest, "vanthu", "/api/incoming-documents", body).getBody());
  }

  static ResponseEntity<String> post(TestRestTemplate rest, String user, String path,
      Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, "demo").postForEntity(path, new HttpEntity<>(body, headers),
        String.class);
  }

  private InboxFixtures() {}
}
