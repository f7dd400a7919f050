package vn.khcn.workflow.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.khcn.workflow.support.TestHttp;

/**
 * Issue 16's correction log: the registration page sends what intake proposed; the registry keeps
 * per field the proposal, the registered value and whether the clerk corrected it, with who and
 * when from the server; GET /api/intake/accuracy counts them for the registry and administrators.
 * A bad proposal (too large, unknown field, wrong shape) is refused with 400 and nothing is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IntakeProposalLogTest {

  @Autowired WebApplicationContext context;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate rest;
  @Autowired Clock clock;
  MockMvc mvc;
  TestHttp api;

  @BeforeEach
  void setUp() {
    mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    api = TestHttp.of(rest);
  }

  Map<String, String> form(String number) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("documentType", "Công văn");
    fields.put("documentNumber", number);
    fields.put("issuedOn", "2024-10-14");
    fields.put("issuer", "SỞ KHOA HỌC VÀ CÔNG NGHỆ");
    fields.put("summary", "V/v đề xuất đặt hàng nhiệm vụ khoa học và công nghệ năm 2026");
    fields.put("signerPosition", "PHÓ GIÁM ĐỐC");
    fields.put("signerName", "Nguyễn Minh Tâm");
    fields.put("urgency", "NORMAL");
    fields.put("classification", "NONE");
    fields.put("receivedOn", LocalDate.now(clock).toString());
    fields.put("recipients", "Các sở, ban, ngành;  Ủy ban nhân dân các quận, huyện");
    return fields;
  }

  MvcResult post(Map<String, String> fields, String proposal) throws Exception {
    MockMultipartHttpServletRequestBuilder request = multipart("/documents/new");
    fields.forEach(request::param);
    if (proposal != null) {
      request.param("intakeProposal", proposal);
    }
    return mvc.perform(request.with(user("vanthu").authorities(() -> "van-thu")).with(csrf()))
        .andReturn();
  }

  static String proposal(String number) {
    return """
        {"source": "PDF", "fields": {
          "issuer": {"value": "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "confidence": 0.8},
          "documentNumber": {"value": "%s", "confidence": 0.9},
          "summary": {"value": "V/v đề xuất đặt hàng nhiệm vụ  khoa học và công nghệ năm 2026",
            "confidence": 0.9},
          "signerName": {"value": "Nguyễn Minh Tám", "confidence": 0.9},
          "recipients": {"value": "Các sở, ban, ngành; Ủy ban nhân dân các quận, huyện",
            "confidence": 0.85},
          "issuedOn": {"value": "2024-10-14", "confidence": 0.95}}}
        """.formatted(number);
  }

  long documentId(String number) {
    return jdbc.queryForObject("select id from incoming_document where document_number = ?",
        Long.class, number);
  }

  @Test
  void keptAndCorrectedProposalsAreLoggedWithTheServersWhoAndWhen() throws Exception {
    String number = "1520/SKHCN-" + marker();
    Instant before = clock.instant().minusSeconds(1);
    MvcResult result = post(form(number), proposal(number.replace("1520", "1250")));
    assertThat(result.getResponse().getStatus()).isEqualTo(302);

    long id = documentId(number);
    List<Map<String, Object>> rows = jdbc.queryForList("select field, proposed, final_value,"
        + " corrected, source, created_by, confidence from intake_proposal"
        + " where document_id = ? order by field", id);
    assertThat(rows).extracting(r -> r.get("FIELD")).containsExactly("documentNumber",
        "issuedOn", "issuer", "recipients", "signerName", "summary");
    Map<String, Boolean> corrected = new LinkedHashMap<>();
    rows.forEach(r -> corrected.put((String) r.get("FIELD"), (Boolean) r.get("CORRECTED")));
    assertThat(corrected).containsEntry("documentNumber", true).containsEntry("signerName", true)
        .containsEntry("issuer", false).containsEntry("issuedOn", false)
        .as("white space and the recipients' separators do not count as corrections")
        .containsEntry("summary", false).containsEntry("recipients", false);
    Map<String, Object> number0 = rows.get(0);
    assertThat(number0.get("FINAL_VALUE")).isEqualTo(number);
    assertThat(number0.get("CREATED_BY")).isEqualTo("vanthu");
    assertThat(number0.get("SOURCE")).isEqualTo("PDF");
    Instant at = jdbc.queryForObject("select max(created_at) from intake_proposal"
        + " where document_id = ?", java.sql.Timestamp.class, id).toInstant();
    assertThat(at).isBetween(before, clock.instant().plus(Duration.ofSeconds(1)));

    JsonNode accuracy = api.get("vanthu", "/api/intake/accuracy").body();
    assertThat(accuracy.get("registrations").asLong()).isGreaterThanOrEqualTo(1);
    JsonNode numberRow = field(accuracy, "documentNumber");
    assertThat(numberRow.get("corrected").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(numberRow.get("proposed").asLong())
        .isEqualTo(numberRow.get("corrected").asLong() + numberRow.get("kept").asLong());
    assertThat(field(accuracy, "issuer").get("kept").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(accuracy.get("sources").findValuesAsText("source")).contains("PDF");
  }

  @Test
  void aRegistrationWithoutProposalLogsNothing() throws Exception {
    String number = "77/GM-" + marker();
    assertThat(post(form(number), null).getResponse().getStatus()).isEqualTo(302);
    assertThat(jdbc.queryForObject("select count(*) from intake_proposal where document_id = ?",
        Long.class, documentId(number))).isZero();
  }

  @Test
  void badProposalsAre400AndNothingIsStored() throws Exception {
    String number = "88/KH-" + marker();
    String good = proposal(number);
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("unknown field", good.replace("\"issuer\":", "\"receivedOn\":"));
    cases.put("who from the client", good.replace("{\"source\"", "{\"createdBy\": \"giamdoc\","
        + " \"source\""));
    cases.put("extra key in a field", good.replace("\"confidence\": 0.8}",
        "\"confidence\": 0.8, \"at\": \"2020-01-01\"}"));
    cases.put("oversize", good.replace("\"confidence\": 0.8}",
        "\"confidence\": 0.8}, \"summary\": {\"value\": \"" + "x".repeat(9000)
            + "\", \"confidence\": 0.5}"));
    cases.put("confidence above 1", good.replace("0.8", "1.8"));
    cases.put("unknown source", good.replace("\"PDF\"", "\"FAX\""));
    cases.put("not JSON", "issuer=ỦY BAN");
    long proposalsBefore = jdbc.queryForObject("select count(*) from intake_proposal", Long.class);
    for (Map.Entry<String, String> bad : cases.entrySet()) {
      MvcResult result = post(form(number), bad.getValue());
      assertThat(result.getResponse().getStatus()).as(bad.getKey()).isEqualTo(400);
      assertThat(result.getResponse().getContentAsString()).as(bad.getKey())
          .contains("intakeProposal-error").contains("Đề xuất từ tệp");
    }
    assertThat(jdbc.queryForObject("select count(*) from incoming_document"
        + " where document_number = ?", Long.class, number)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from intake_proposal", Long.class))
        .isEqualTo(proposalsBefore);
  }

  @Test
  void onlyTheRegistryAndAdministratorsSeeTheAccuracy() {
    assertThat(api.get("vanthu", "/api/intake/accuracy").status()).isEqualTo(200);
    assertThat(api.get("admin", "/api/intake/accuracy").status()).isEqualTo(200);
    assertThat(api.get("giamdoc", "/api/intake/accuracy").status()).isEqualTo(403);
    assertThat(api.get("cv.qlkh", "/api/intake/accuracy").status()).isEqualTo(403);
    assertThat(api.request("GET", "/api/intake/accuracy").send().status()).isEqualTo(401);
  }

  private static JsonNode field(JsonNode accuracy, String name) {
    for (JsonNode row : accuracy.get("fields")) {
      if (row.get("field").asText().equals(name)) {
        return row;
      }
    }
    throw new AssertionError("no row for " + name + " in " + accuracy);
  }

  private static String marker() {
    return UUID.randomUUID().toString().substring(0, 6).toUpperCase();
  }
}
