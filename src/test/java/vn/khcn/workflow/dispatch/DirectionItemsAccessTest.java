package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khcn.workflow.dispatch.DispatchFixtures.document;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.calendar.WorkingCalendar;
import vn.khcn.workflow.support.TestHttp;
import vn.khcn.workflow.support.TestHttp.Response;

/**
 * Who reads {@code GET /api/incoming-documents/{id}/items}: the same people as the document
 * itself. A classified document's items are hidden (404, as the document) from a unit it is not
 * assigned to, shown to a unit only informed of it (an assignment, as the document), never to
 * people outside the Department's staff (403) or to a visitor not signed in (401); an unknown
 * document is 404. Nothing of the items leaks in a refusal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DirectionItemsAccessTest {

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired WorkingCalendar calendar;
  @Autowired Clock clock;

  static final String SECRET_TEXT = "Triển khai nhiệm vụ mật về an ninh mạng";

  /** A classified document with a numbered item, directed to Phòng QLKH, Văn phòng informed. */
  long classifiedAndDirected(TestHttp api) {
    Map<String, Object> body = document(UUID.randomUUID().toString().substring(0, 8) + "-CV/M");
    body.put("classification", "CONFIDENTIAL");
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("label", "1");
    item.put("text", SECRET_TEXT);
    item.put("bodies", List.of());
    body.put("items", List.of(item));
    Response created = api.post("vanthu", "/api/incoming-documents", body);
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    long id = created.body().get("id").asLong();
    String pi = created.body().get("processInstanceId").asText();

    assertThat(api.get("cv.qlkh", items(id)).status()).as("not assigned yet").isEqualTo(404);
    Map<String, Object> direction = new LinkedHashMap<>();
    direction.put("direction", "Phòng QLKH chủ trì; Văn phòng để biết.");
    direction.put("leadUnit", "phong-qlkh");
    direction.put("coordinatingUnits", List.of());
    direction.put("informedUnits", List.of("van-phong"));
    direction.put("dueDate", calendar.addWorkingDays(LocalDate.now(clock), 10).toString());
    String task = taskService.createTaskQuery().processInstanceId(pi)
        .taskDefinitionKey(IncomingDirectiveProcess.Tasks.GIVE_DIRECTION).singleResult().getId();
    Response given = api.post("giamdoc", "/api/inbox/" + task + "/direction", direction);
    assertThat(given.status()).as(given.text()).isEqualTo(204);
    return id;
  }

  static String items(long id) {
    return "/api/incoming-documents/" + id + "/items";
  }

  @Test
  void theItemsOfAClassifiedDocumentAreSeenByWhoSeesTheDocument() {
    TestHttp api = TestHttp.of(rest);
    long id = classifiedAndDirected(api);

    for (String cleared : List.of("vanthu", "giamdoc", "cv.qlkh", "cv.vp")) {
      Response seen = api.get(cleared, items(id));
      assertThat(seen.status()).as(cleared).isEqualTo(200);
      JsonNode documentItems = seen.body().get("documentItems");
      assertThat(documentItems.get(0).get("text").asText()).isEqualTo(SECRET_TEXT);
    }
    Map<String, Integer> refused = Map.of("cv.qlcn", 404, "cv.khtc", 404, "chunhiem", 403,
        "hd.chutich", 403);
    refused.forEach((user, status) -> {
      Response answer = api.get(user, items(id));
      assertThat(answer.status()).as(user).isEqualTo(status);
      assertThat(answer.text()).as(user).doesNotContain(SECRET_TEXT);
      assertThat(api.get(user, "/api/incoming-documents/" + id).status())
          .as("the document itself to %s", user).isEqualTo(status);
    });
  }

  @Test
  void anUnknownDocumentOrAVisitorNotSignedInGetsNothing() {
    TestHttp api = TestHttp.of(rest);
    long id = classifiedAndDirected(api);

    Response unknown = api.get("giamdoc", items(Long.MAX_VALUE));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(api.get("giamdoc", "/api/incoming-documents/abc/items").status())
        .isIn(400, 404);
    Response anonymous = api.request("GET", items(id)).header("Accept", "application/json")
        .send();
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.text() == null ? "" : anonymous.text()).doesNotContain(SECRET_TEXT);
  }
}
