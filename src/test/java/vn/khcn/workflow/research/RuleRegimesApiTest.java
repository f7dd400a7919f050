package vn.khcn.workflow.research;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.support.TestHttp.Response;

/**
 * GET/POST /api/research/rules, the task's regime in its details, and restrictions by tax code
 * with a period, lifted by a director with a reason; every refusal stores nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RuleRegimesApiTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired RestrictionRepository restrictions;
  @Autowired RuleRegimeRepository stored;

  ResearchApi api;

  @BeforeEach
  void setUp() {
    api = new ResearchApi(rest, taskService);
  }

  @Test
  void staffListTheRegimesWithReferencesAndVerifiedFlags() {
    Response list = api.get("cv.khtc", "/api/research/rules");
    assertThat(list.status()).isEqualTo(200);
    JsonNode tt20 = find(list.body(), "TT20-2023");
    JsonNode l93 = find(list.body(), "L93-2025");
    assertThat(l93.get("effectiveFrom").asText()).isEqualTo("2025-10-01");
    assertThat(tt20.get("reference").asText()).contains("20/2023/TT-BKHCN");
    JsonNode passMark = value(tt20, "passMark");
    assertThat(passMark.get("value").asInt()).isEqualTo(70);
    assertThat(passMark.get("verified").asBoolean()).isTrue();
    assertThat(value(tt20, "quorumShare").get("value").asText()).isEqualTo("2/3");
    assertThat(value(l93, "passMark").get("verified").asBoolean()).isFalse();
    assertThat(tt20.get("criteria").get(1).get("weight").asDouble()).isEqualTo(0.25);
    assertThat(tt20.get("decisions").get("council-verdict").asText()).isEqualTo("TT20-2023");
    assertThat(api.get("chunhiem", "/api/research/rules").status()).isEqualTo(403);
    assertThat(api.get("vanthu", "/api/research/rules").status()).isEqualTo(403);
  }

  @Test
  void aSubmittedTaskNamesItsRegime() {
    String code = api.submitted("cv.qlkh", "Đề tài quy định " + UUID.randomUUID(),
        "Viện Kinh tế - Xã hội Cần Thơ", "chunhiem");
    JsonNode details = api.get("cv.qlkh", "/api/research-tasks/" + code).body();
    assertThat(details.get("rulesRegime").asText()).isEqualTo("L93-2025");
    assertThat(details.get("hostOrganisationCode").asText())
        .isEqualTo(ResearchApi.taxCode("Viện Kinh tế - Xã hội Cần Thơ"));
  }

  @Test
  void onlyAnAdministratorDeploysAValidRegimeAndABoundOneCannotChange() throws Exception {
    long before = stored.count();
    String code = "TEST-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    ObjectNode regime = (ObjectNode) JSON.readTree(Regimes.file("L93-2025"));
    regime.put("code", code).put("effectiveFrom", "2099-01-01");
    String file = JSON.writeValueAsString(regime);

    assertThat(api.post("cv.qlkh", "/api/research/rules", file).status()).isEqualTo(403);
    ObjectNode broken = regime.deepCopy();
    ((ObjectNode) broken.get("values")).remove("passMark");
    ((ObjectNode) broken.get("decisions")).put("council-verdict", "NO-SUCH-TAG");
    Response invalid = api.post("admin", "/api/research/rules", JSON.writeValueAsString(broken));
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.body().get("fieldErrors").toString()).contains("values.passMark");
    ObjectNode unknownTable = regime.deepCopy();
    ((ObjectNode) unknownTable.get("decisions")).put("council-verdict", "NO-SUCH-TAG");
    Response untagged = api.post("admin", "/api/research/rules",
        JSON.writeValueAsString(unknownTable));
    assertThat(untagged.status()).isEqualTo(400);
    assertThat(untagged.body().get("fieldErrors").toString())
        .contains("decisions.council-verdict").contains("NO-SUCH-TAG");
    assertThat(stored.count()).as("nothing stored on refusal").isEqualTo(before);

    Response deployed = api.post("admin", "/api/research/rules", file);
    assertThat(deployed.status()).as("%s", deployed.body()).isEqualTo(201);
    assertThat(api.post("admin", "/api/research/rules", file).body().get("outcome").asText())
        .isEqualTo("UNCHANGED");
    assertThat(find(api.get("cv.qlkh", "/api/research/rules").body(), code)).isNotNull();

    // L93-2025 binds the tasks submitted today: its numbers cannot change any more
    api.submitted("cv.qlkh", "Đề tài ràng buộc " + UUID.randomUUID(), "Sở Y tế Cần Thơ",
        "chunhiem");
    ObjectNode changed = (ObjectNode) JSON.readTree(Regimes.file("L93-2025"));
    ((ObjectNode) changed.get("values").get("passMark")).put("value", 60);
    Response conflict = api.post("admin", "/api/research/rules",
        JSON.writeValueAsString(changed));
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.body().get("message").asText()).contains("mã khác");
    assertThat(stored.findById("L93-2025").orElseThrow().getContent())
        .isEqualTo(new String(Regimes.file("L93-2025"), StandardCharsets.UTF_8));
  }

  @Test
  void aRestrictionMatchesTheTaxCodeForItsPeriodAndOnlyADirectorLiftsItWithAReason() {
    String host = "Công ty Thử nghiệm " + UUID.randomUUID();
    String taxCode = ResearchApi.taxCode(host);
    Restriction restriction = restrictions.save(Restriction.organisation(taxCode, host,
        "DT-2025-99", "Nhiệm vụ DT-2025-99 nghiệm thu không đạt", LocalDate.now().plusYears(1),
        Instant.now()));
    String path = "/api/research/restrictions/" + restriction.getId() + "/lift";

    // the same tax code under another spelling of the name is still restricted
    Response blocked = api.submit("cv.qlkh", ResearchApi.dossierWithCode("Đề tài bị chặn",
        "CÔNG TY KHÁC TÊN", taxCode, "chunhiem"), "a.pdf", ResearchApi.PDF);
    assertThat(blocked.status()).isEqualTo(409);
    assertThat(blocked.body().get("message").asText()).contains("MST " + taxCode)
        .contains("đến hết ngày");

    assertThat(api.post("cv.qlkh", path, Map.of("reason", "Đã hoàn trả kinh phí")).status())
        .isEqualTo(403);
    assertThat(api.post("chunhiem", path, Map.of("reason", "Đã hoàn trả kinh phí")).status())
        .isEqualTo(403);
    Response noReason = api.post("giamdoc", path, Map.of("reason", "  "));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body().get("fieldErrors").toString()).contains("reason");
    assertThat(api.post("giamdoc", path, Map.of("reason", "Đã hoàn trả", "liftedBy", "admin"))
        .status()).as("extra fields").isEqualTo(400);
    assertThat(api.post("giamdoc", "/api/research/restrictions/999999999/lift",
        Map.of("reason", "Không có")).status()).isEqualTo(404);
    assertThat(restrictions.findById(restriction.getId()).orElseThrow().getLiftedAt())
        .as("nothing stored on refusal").isNull();

    Response lifted = api.post("giamdoc", path,
        Map.of("reason", "Đã hoàn trả đủ kinh phí theo Quyết định số 15/QĐ-SKHCN"));
    assertThat(lifted.status()).as("%s", lifted.body()).isEqualTo(200);
    assertThat(lifted.body().get("liftedBy").asText()).isEqualTo("giamdoc");
    assertThat(api.post("giamdoc", path, Map.of("reason", "Lần nữa")).status()).isEqualTo(409);
    Response allowed = api.submit("cv.qlkh", ResearchApi.dossierWithCode("Đề tài sau khi bỏ hạn"
        + " chế " + UUID.randomUUID(), host, taxCode, "chunhiem"), "a.pdf", ResearchApi.PDF);
    assertThat(allowed.status()).as("%s", allowed.body()).isEqualTo(201);
  }

  @Test
  void anExpiredRestrictionNoLongerBlocks() {
    String host = "Hợp tác xã Thử " + UUID.randomUUID();
    restrictions.save(Restriction.organisation(ResearchApi.taxCode(host), host, "DT-2020-01",
        "Nhiệm vụ DT-2020-01 nghiệm thu không đạt", LocalDate.now().minusDays(1),
        Instant.now()));
    assertThat(api.submit("cv.qlkh", ResearchApi.dossier("Đề tài " + UUID.randomUUID(), host,
        "chunhiem"), "a.pdf", ResearchApi.PDF).status()).isEqualTo(201);
  }

  @Test
  void aDossierWithoutAValidTaxCodeIsRefused() {
    Map<String, Object> dossier = ResearchApi.dossierWithCode("Đề tài", "Trường A", "12345",
        "chunhiem");
    Response refused = api.submit("cv.qlkh", dossier, "a.pdf", ResearchApi.PDF);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().get("fieldErrors").toString()).contains("hostOrganisationCode");
  }

  static JsonNode find(JsonNode list, String code) {
    for (JsonNode regime : list) {
      if (regime.get("code").asText().equals(code)) {
        return regime;
      }
    }
    return null;
  }

  static JsonNode value(JsonNode regime, String key) {
    for (JsonNode value : regime.get("values")) {
      if (value.get("key").asText().equals(key)) {
        return value;
      }
    }
    throw new AssertionError("no value " + key);
  }
}
