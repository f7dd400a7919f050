package vn.khcn.workflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;

/**
 * The columns of the Tasklist filters are filled for the people who see the tasks, although they
 * have no READ on the process instances: Tasklist lists through the filter's HAL list, as here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@org.junit.jupiter.api.extension.ExtendWith(vn.khcn.workflow.support.UnitsWithoutHeads.class)
class TasklistColumnsTest {

  @Autowired TestRestTemplate rest;
  @Autowired FilterService filterService;

  @Test
  void unitTasksShowNumberSummaryAndUrgency() throws Exception {
    String number = "88/COT-" + System.nanoTime();
    assertThat(rest.withBasicAuth("vanthu", "demo").postForEntity("/api/incoming-documents",
        Map.of("issuer", "Ủy ban nhân dân thành phố Cần Thơ", "documentNumber", number,
            "issuedOn", "2026-11-02", "documentType", "Kế hoạch",
            "summary", "Cột danh sách " + number, "urgency", "URGENT"), String.class)
        .getStatusCode().value()).isEqualTo(201);
    String filterId = filterService.createFilterQuery()
        .filterName(TasklistFilters.UNIT_TASKS).singleResult().getId();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
    String body = rest.withBasicAuth("phogiamdoc", "demo").exchange("/engine-rest/filter/"
        + filterId + "/list?firstResult=0&maxResults=200", HttpMethod.POST,
        new HttpEntity<>("{}", headers), String.class).getBody();
    Map<String, String> columns = new HashMap<>();
    for (JsonNode task : new ObjectMapper().readTree(body).get("_embedded").get("task")) {
      JsonNode variables = task.get("_embedded").get("variable");
      Map<String, String> values = new HashMap<>();
      variables.forEach(v -> values.put(v.get("name").asText(), v.get("value").asText()));
      if (("Cột danh sách " + number).equals(values.get("summary"))) {
        columns = values;
      }
    }
    assertThat(columns).containsEntry("urgency", "URGENT").containsKey("incomingNumber");
  }
}
