package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
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
import vn.khcn.workflow.support.TestHttp;

/** "Đã xem" of informed units over real HTTP: by a member of the unit, once; shown on the page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class InformedAcknowledgementTest {

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;

  /** A document directed to phong-qlcn, van-phong informed. */
  private long directedWithInformedOffice(TestHttp http) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("issuer", "UBND thành phố Cần Thơ");
    body.put("documentNumber", UUID.randomUUID().toString().substring(0, 8) + "/UBND-VX");
    body.put("issuedOn", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1).toString());
    body.put("documentType", "Công văn");
    body.put("summary", "Về việc gửi để biết");
    body.put("urgency", "NORMAL");
    JsonNode document = http.post("vanthu", "/api/incoming-documents", body).body();
    String task = taskService.createTaskQuery()
        .processInstanceId(document.get("processInstanceId").asText()).singleResult().getId();
    Map<String, Object> direction = new LinkedHashMap<>();
    direction.put("direction", "Phòng QLCN chủ trì; Văn phòng biết.");
    direction.put("leadUnit", "phong-qlcn");
    direction.put("coordinatingUnits", List.of());
    direction.put("informedUnits", List.of("van-phong"));
    direction.put("dueDate", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(5).toString());
    assertThat(http.post("giamdoc", "/api/inbox/" + task + "/direction", direction).status())
        .isEqualTo(204);
    return document.get("id").asLong();
  }

  @Test
  void aMemberOfTheInformedUnitMarksItSeenOnceAndOthersCannot() {
    TestHttp http = TestHttp.of(rest);
    long id = directedWithInformedOffice(http);
    String seen = "/api/incoming-documents/" + id + "/assignments/van-phong/seen";

    assertThat(http.post("cv.qlkh", seen, null).status()).as("not of the unit").isEqualTo(403);
    assertThat(http.post("cv.qlcn", "/api/incoming-documents/" + id
        + "/assignments/phong-qlcn/seen", null).status()).as("the lead unit is not informed")
        .isEqualTo(404);
    assertThat(http.get("cv.vp", "/api/incoming-documents/" + id + "/acknowledgements").body())
        .as("nothing stored by the refusals").isEmpty();

    TestHttp.Response first = http.post("cv.vp", seen, null);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.body().get("seenBy").asText()).isEqualTo("cv.vp");
    assertThat(first.body().get("seenByName").asText()).isEqualTo("Huỳnh Văn Tâm");
    TestHttp.Response again = http.post("cvp", seen, null);
    assertThat(again.status()).as("idempotent").isEqualTo(200);
    assertThat(again.body().get("seenBy").asText()).as("the first mark stays").isEqualTo("cv.vp");
    assertThat(again.body().get("seenAt").asText()).isEqualTo(first.body().get("seenAt").asText());

    JsonNode details = http.get("giamdoc", "/api/incoming-documents/" + id).body();
    long seenEntries = 0;
    for (JsonNode entry : details.get("trail")) {
      if (entry.get("action").asText().equals("SEEN")) {
        seenEntries++;
        assertThat(entry.get("actor").asText()).isEqualTo("cv.vp");
      }
    }
    assertThat(seenEntries).isEqualTo(1);

    TestHttp.Session director = http.session();
    director.login("giamdoc", TestHttp.PASSWORD);
    TestHttp.Response page = director.get("/documents/" + id);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.text()).contains("Đã xem – Huỳnh Văn Tâm");
  }
}
