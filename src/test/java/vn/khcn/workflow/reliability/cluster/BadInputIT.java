package vn.khcn.workflow.reliability.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.khcn.workflow.reliability.HostileInputs;
import vn.khcn.workflow.reliability.HostileInputs.Input;
import vn.khcn.workflow.support.TestHttp;

/**
 * Scenario bad-input against a packaged node on PostgreSQL: every input of {@link HostileInputs}
 * (runs = inputs tried) is answered with a 4xx without a stack trace, and the rows of the business
 * tables, the number counters and the engine's tables are exactly as before.
 */
class BadInputIT {

  static final Database DB = new Database("khcn_rel_bad_" + ProcessHandle.current().pid());
  static AppNode node;

  @BeforeAll
  static void start() throws Exception {
    Database.create(DB.name);
    // the upload limits of BadInputTest's test profile, which its oversize attachment assumes
    node = DB.node("bad-input", 18086).with("--spring.servlet.multipart.max-file-size=64KB",
        "--spring.servlet.multipart.max-request-size=128KB");
    node.start();
    node.awaitHealthy(Database.START);
  }

  @AfterAll
  static void stop() throws Exception {
    if (node != null) {
      node.stop();
    }
    DB.drop();
  }

  static final String[] COUNTS = {
      "select count(*) from incoming_document", "select count(*) from document_attachment",
      "select coalesce(sum(last_number), 0) from incoming_number_counter",
      "select count(*) from research_task",
      "select coalesce(sum(last_number), 0) from research_code_counter",
      "select count(*) from public_holiday", "select count(*) from outgoing_document",
      "select count(*) from outgoing_body_version",
      "select coalesce(sum(last_number), 0) from outgoing_number_counter",
      "select count(*) from act_ru_task", "select count(*) from act_ru_execution",
      "select count(*) from act_hi_procinst", "select count(*) from act_re_deployment",
      "select count(*) from act_id_user", "select count(*) from act_id_membership",
      "select count(*) from act_ru_authorization", "select count(*) from act_ru_filter"};

  static Map<String, Long> counts() throws Exception {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String sql : COUNTS) {
      counts.put(sql.replace("select ", ""), DB.count(sql));
    }
    return counts;
  }

  @Test
  void everyHostileInputIsRefusedWithNothingStored() throws Exception {
    TestHttp http = new TestHttp(node.url(""), Duration.ofSeconds(60));
    TestHttp.Response document = http.post("vanthu", "/api/incoming-documents",
        Map.of("issuer", "Ủy ban nhân dân thành phố Cần Thơ", "documentNumber", "1/KH-UBND",
            "issuedOn", "2026-11-02", "documentType", "Kế hoạch", "summary",
            "Kế hoạch kiểm tra", "urgency", "NORMAL"));
    assertThat(document.status()).as(document.text()).isEqualTo(201);
    TestHttp.Response draft = http.post("cv.qlkh", "/api/outgoing-documents", Map.of(
        "documentType", "Công văn", "summary", "Về việc thử đầu vào xấu", "recipients",
        List.of("Kính gửi: Sở Tài chính"), "signer", "Giám đốc", "urgency", "NORMAL",
        "classification", "NONE"));
    assertThat(draft.status()).as(draft.text()).isEqualTo(201);
    List<Input> inputs = HostileInputs.all(document.body().get("id").asLong(),
        draft.body().get("id").asLong());
    Map<String, Long> before = counts();

    List<String> failures = new ArrayList<>();
    Map<Integer, Integer> statuses = new TreeMap<>();
    for (Input input : inputs) {
      TestHttp.Response response;
      try {
        response = HostileInputs.send(http, input);
      } catch (RuntimeException e) {
        failures.add(input.name() + ": no response (" + e.getMessage() + ")");
        continue;
      }
      statuses.merge(response.status(), 1, Integer::sum);
      String body = response.text() == null ? "" : response.text();
      boolean anonymous = input.user() == null || input.password() != null
          || input.user().equals("khong-co-ai");
      if (response.status() < 400 || response.status() >= 500
          || response.status() == 401 && !anonymous) {
        failures.add(input.name() + ": HTTP " + response.status() + " "
            + body.substring(0, Math.min(200, body.length())));
      } else if (body.contains("\tat ") || body.contains("Exception:") && body.contains(".java")) {
        failures.add(input.name() + ": stack trace in the answer");
      }
    }
    Map<String, Long> after = counts();
    List<String> changed = new ArrayList<>();
    before.forEach((what, count) -> {
      if (!count.equals(after.get(what))) {
        changed.add(what + ": " + count + " -> " + after.get(what));
      }
    });
    ReliabilityReport.merge(List.of(new ReliabilityReport.Entry("bad-input", inputs.size(),
        failures.size() + (changed.isEmpty() ? 0 : 1), 0,
        inputs.size() + " hostile inputs against a packaged node on PostgreSQL (BadInputTest's "
            + "cases and HostileInputs'), answered " + statuses + "; " + (failures.isEmpty()
                ? "each a 4xx without a stack trace" : String.join("; ", failures)) + "; "
            + (changed.isEmpty() ? COUNTS.length + " row counts and counters unchanged"
                : "changed: " + String.join(", ", changed)))));
    assertThat(inputs).hasSizeGreaterThanOrEqualTo(200);
    assertThat(failures).as("inputs answered wrongly").isEmpty();
    assertThat(changed).as("stored").isEmpty();
  }
}
