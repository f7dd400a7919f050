package vn.khcn.workflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.khcn.workflow.support.TestHttp;

/**
 * Operability (issue 20): the Prometheus endpoint is for administrators and carries the engine's
 * and the Department's figures; the OpenAPI document describes every /api operation the
 * controllers serve.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OperationsEndpointsTest {

  @Autowired TestRestTemplate rest;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  @Test
  void prometheusIsForAdministratorsAndCarriesTheEngineAndTheWork() {
    TestHttp http = TestHttp.of(rest);
    assertThat(http.request("GET", "/actuator/prometheus").send().status())
        .as("not signed in").isEqualTo(401);
    assertThat(http.get("vanthu", "/actuator/prometheus").status()).isEqualTo(403);
    assertThat(http.get("giamdoc", "/actuator/metrics").status()).isEqualTo(403);

    TestHttp.Response scrape = http.request("GET", "/actuator/prometheus").as("admin")
        .header("Accept", "text/plain").send();
    assertThat(scrape.status()).isEqualTo(200);
    assertThat(scrape.text()).contains("camunda_jobs_due", "camunda_jobs_failed",
        "camunda_jobs_timers", "camunda_incidents_open", "khcn_documents_registered_total",
        "khcn_assignments_overdue{", "unit=\"phong-qlkh\"", "unit=\"van-phong\"",
        "khcn_mail_total{", "outcome=\"failed\"", "http_server_requests_seconds",
        "jvm_memory_used_bytes");
    assertThat(http.request("GET", "/actuator/health").send().status())
        .as("probes stay public").isEqualTo(200);
  }

  @Test
  void theHistoryCleanupRunsNightlyInTheDepartmentsTime() {
    TestHttp.Response window = TestHttp.of(rest).get("admin",
        "/engine-rest/history/cleanup/configuration");
    assertThat(window.status()).isEqualTo(200);
    java.time.ZoneId department = java.time.ZoneId.of("Asia/Ho_Chi_Minh");
    java.time.format.DateTimeFormatter format =
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    var start = java.time.OffsetDateTime.parse(window.body().get("batchWindowStartTime").asText(),
        format).atZoneSameInstant(department);
    var end = java.time.OffsetDateTime.parse(window.body().get("batchWindowEndTime").asText(),
        format).atZoneSameInstant(department);
    assertThat(start.getHour()).as("starts at 22:00 in the Department").isEqualTo(22);
    assertThat(end.getHour()).as("ends at 05:00 the next morning").isEqualTo(5);
    assertThat(java.time.Duration.between(start, end)).isEqualTo(java.time.Duration.ofHours(7));
    assertThat(window.body().get("enabled").asBoolean()).isTrue();
  }

  @Test
  void theOpenApiDocumentListsEveryApiOperationOfTheControllers() {
    TestHttp http = TestHttp.of(rest);
    assertThat(http.request("GET", "/api/openapi.json").send().status())
        .as("not signed in").isEqualTo(401);
    TestHttp.Response response = http.get("cv.qlkh", "/api/openapi.json");
    assertThat(response.status()).isEqualTo(200);
    JsonNode paths = response.body().get("paths");

    List<String> operations = new ArrayList<>();
    mappings.getHandlerMethods().forEach((info, method) -> {
      if (!method.getBeanType().getPackageName().startsWith("vn.khcn.workflow")) {
        return; // springdoc's own /api/openapi.json
      }
      for (String pattern : info.getPatternValues()) {
        if (!pattern.startsWith("/api/")) {
          continue;
        }
        var methods = info.getMethodsCondition().getMethods();
        for (RequestMethod verb : methods.isEmpty() ? List.of(RequestMethod.GET) : methods) {
          operations.add(verb.name().toLowerCase(Locale.ROOT) + " " + pattern);
        }
      }
    });
    assertThat(operations).as("the controllers' /api operations").hasSizeGreaterThan(40)
        .contains("post /api/incoming-documents", "get /api/research-tasks/{code}");
    for (String operation : operations) {
      String verb = operation.substring(0, operation.indexOf(' '));
      String path = operation.substring(operation.indexOf(' ') + 1);
      assertThat(paths.has(path)).as("%s is in the OpenAPI paths", path).isTrue();
      assertThat(paths.get(path).has(verb)).as(operation).isTrue();
    }
  }
}
