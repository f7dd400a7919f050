package vn.khcn.workflow.outgoing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.khcn.workflow.shared.tx.AfterCommitExecutor;
import vn.khcn.workflow.support.TestHttp;
import vn.khcn.workflow.support.TestHttp.Part;

/** Drafts taken through the API to their issue, for the tests of what follows the issue. */
final class OutgoingFlow {

  static final String API = "/api/outgoing-documents";

  private final TestHttp api;
  private final JdbcTemplate jdbc;
  private final AfterCommitExecutor afterCommit;

  OutgoingFlow(TestHttp api, JdbcTemplate jdbc, AfterCommitExecutor afterCommit) {
    this.api = api;
    this.jdbc = jdbc;
    this.afterCommit = afterCommit;
  }

  /** Waits for what the last steps handed over after their commit (deliveries, replies). */
  void settle() {
    assertThat(afterCommit.awaitIdle(Duration.ofSeconds(30))).as("after-commit work done")
        .isTrue();
  }

  /** A recipient's address as the draft request takes it. */
  static Map<String, Object> address(String recipient, String email, String organId) {
    Map<String, Object> address = new LinkedHashMap<>();
    address.put("recipient", recipient);
    address.put("email", email);
    address.put("organId", organId);
    return address;
  }

  /** A draft of the drafter with a PDF body; its id. */
  long draft(String drafter, Map<String, Object> body) {
    TestHttp.Response created = api.post(drafter, API, body);
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    long id = created.body().get("id").asLong();
    uploadPdf(drafter, id);
    return id;
  }

  /** The drafter uploads a PDF body version. */
  void uploadPdf(String drafter, long id) {
    TestHttp.Response uploaded = api.multipart(drafter, API + "/" + id + "/versions",
        Part.file("file", "van-ban-" + id + ".pdf", "application/pdf", OutgoingFixtures.pdf()),
        new Part("note", null, "text/plain; charset=UTF-8",
            "Bản trình ký".getBytes(StandardCharsets.UTF_8)));
    assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
  }

  /**
   * Signs and numbers (vanthu) a draft with a body; the issued details. The deputy in charge of
   * the drafting unit signs "KT.", otherwise the Director in his own name (ADR 0032).
   */
  JsonNode issue(long id) {
    vn.khcn.workflow.support.PreModelOutgoing.detach(id);
    boolean deputy = DemoSigningPositions.DEPUTY_UNITS.contains(
        api.get("vanthu", API + "/" + id).body().get("unitId").asText());
    TestHttp.Response signed = api.post(deputy ? "phogiamdoc" : "giamdoc",
        API + "/" + id + "/sign", Map.of("authority", deputy ? "KT." : ""));
    assertThat(signed.status()).as(signed.text()).isEqualTo(200);
    TestHttp.Response numbered = api.post("vanthu", API + "/" + id + "/number", null);
    assertThat(numbered.status()).as(numbered.text()).isEqualTo(200);
    settle();
    return numbered.body();
  }

  long issued(String drafter, Map<String, Object> body) {
    long id = draft(drafter, body);
    issue(id);
    return id;
  }

  JsonNode details(long id) {
    settle();
    TestHttp.Response details = api.get("vanthu", API + "/" + id);
    assertThat(details.status()).as(details.text()).isEqualTo(200);
    return details.body();
  }

  /** The deliveries as "recipient|purpose|channel|status" lines. */
  List<String> deliveries(long id) {
    settle();
    return jdbc.queryForList("select recipient || '|' || purpose || '|' || channel || '|' ||"
        + " status from outgoing_delivery where document_id = ? order by id", String.class, id);
  }

  int count(String table, String where, Object... args) {
    return jdbc.queryForObject("select count(*) from " + table + " where " + where,
        Integer.class, args);
  }
}
