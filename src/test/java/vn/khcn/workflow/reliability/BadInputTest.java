package vn.khcn.workflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.support.TestHttp;
import vn.khcn.workflow.support.TestHttp.Part;
import vn.khcn.workflow.support.TestHttp.Response;

/**
 * Scenario bad-input of the reliability suite, the quick part that runs in every build: well over
 * a hundred hostile or malformed requests across the API each get a 4xx with a readable message and
 * no stack trace, and the counts of documents, research tasks, tasks, instances and numbers stay
 * exactly as they were.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BadInputTest {

  static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0};
  static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;

  /** One hostile request: a JSON body (a String as it is), or multipart parts (a Part[]). */
  record Case(String name, String user, HttpMethod method, String path, Object body) {}

  static Map<String, Object> validDocument() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("issuer", "Ủy ban nhân dân thành phố Cần Thơ");
    body.put("documentNumber", "999/KH-UBND");
    body.put("issuedOn", "2026-11-02");
    body.put("documentType", "Kế hoạch");
    body.put("summary", "Kế hoạch kiểm tra");
    body.put("urgency", "NORMAL");
    return body;
  }

  static Map<String, Object> with(String field, Object value) {
    Map<String, Object> body = validDocument();
    body.put(field, value);
    return body;
  }

  static Part[] file(String name, byte[] content) {
    return new Part[] {Part.file("file", name, "application/octet-stream", content)};
  }

  static Part[] dossier(Map<String, Object> dossier, String name, byte[] content) {
    return content == null ? new Part[] {Part.json("dossier", dossier)}
        : new Part[] {Part.json("dossier", dossier),
            Part.file("outline", name, "application/octet-stream", content)};
  }

  static Map<String, Object> validDossier() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", "Đề tài thử");
    body.put("field", "Nông nghiệp");
    body.put("hostOrganisation", "Trường Đại học Cần Thơ");
    body.put("hostOrganisationCode", "0000000009");
    body.put("investigator", "chunhiem");
    body.put("durationMonths", 24);
    body.put("requestedBudget", 100_000_000L);
    return body;
  }

  static Map<String, Object> dossierWith(String field, Object value) {
    Map<String, Object> body = validDossier();
    body.put(field, value);
    return body;
  }

  List<Case> cases(long documentId) {
    List<Case> cases = new ArrayList<>();
    String docs = "/api/incoming-documents";
    // page numbers whose offset overflows
    cases.add(new Case("page beyond the last", "vanthu", HttpMethod.GET,
        docs + "?page=2147483647", null));
    cases.add(new Case("research page beyond the last", "cv.qlkh", HttpMethod.GET,
        "/api/research-tasks?page=2147483647&size=100", null));
    // malformed JSON
    for (String raw : List.of("{", "}", "[]", "\"text\"", "42", "null", "{\"issuer\": }",
        "{issuer: 'x'}", "{\"issuer\": \"a\",}", "{\"summary\": \"\\u00\"}", "<xml/>",
        "{\"issuer\": [\"a\"]}")) {
      cases.add(new Case("malformed JSON " + raw, "vanthu", HttpMethod.POST, docs, raw));
    }
    // wrong types, missing and impossible values
    Object[][] fields = {
        {"issuedOn", "2026-02-30"}, {"issuedOn", "2026-13-01"}, {"issuedOn", "30/02/2026"},
        {"issuedOn", "tomorrow"}, {"issuedOn", 20261102}, {"issuedOn", "9999-12-31"},
        {"issuedOn", "1800-01-01"}, {"receivedOn", "2026-11-31"}, {"receivedOn", "3000-01-01"},
        {"urgency", "VERY"}, {"urgency", 3}, {"urgency", ""}, {"classification", "PUBLIC"},
        {"pageCount", "nhiều"}, {"pageCount", -5}, {"pageCount", 1.5}, {"pageCount", 1e12},
        {"summary", ""}, {"summary", "x".repeat(501)}, {"summary", Map.of("a", 1)},
        {"summary", List.of("a")}, {"issuer", null}, {"issuer", "  "}, {"issuer", "y".repeat(301)},
        {"documentNumber", ""}, {"documentNumber", "z".repeat(101)}, {"documentType", null},
        {"documentType", Map.of("loai", "Kế hoạch")}, {"unknownField", "x"}, {"registeredBy", "giamdoc"},
        // invisible tricks in typed text
        {"issuer", "Sở Tài chính \u202Etxt.exe"}, {"documentNumber", "\u200B\u200C"},
        {"summary", "Kế hoạch\u2066 kiểm tra"}, {"signer", "Nguyễn\u0007 Văn A"},
        {"notes", "\uFEFF\u00A0\u200D"}};
    for (Object[] field : fields) {
      cases.add(new Case("document " + field[0] + "=" + String.valueOf(field[1]).substring(0,
          Math.min(20, String.valueOf(field[1]).length())), "vanthu", HttpMethod.POST, docs,
          with((String) field[0], field[1])));
    }
    cases.add(new Case("oversized body", "vanthu", HttpMethod.POST, docs,
        with("notes", "n".repeat(300_000))));
    // search and register parameters
    for (String query : List.of("?year=abc", "?year=-1", "?page=-1", "?size=0", "?size=100000",
        "?status=LOST", "?year=99999", "?q=" + "q".repeat(300))) {
      cases.add(new Case("search " + query.substring(0, Math.min(30, query.length())), "vanthu",
          HttpMethod.GET, docs + query, null));
    }
    for (String query : List.of("?from=2026-12-01&to=2026-01-01", "?from=x&to=y",
        "?from=2026-01-01")) {
      cases.add(new Case("register " + query, "vanthu", HttpMethod.GET, docs + "/register.csv"
          + query, null));
    }
    cases.add(new Case("unknown document", "vanthu", HttpMethod.GET, docs + "/999999999",
        null));
    cases.add(new Case("document id not a number", "vanthu", HttpMethod.GET, docs + "/abc",
        null));
    // attachments: content contradicting the name, traversal, empty, oversized
    String attach = docs + "/" + documentId + "/attachments";
    Object[][] files = {{"bao-cao.pdf", PNG}, {"anh.png", PDF}, {"virus.pdf", EXE},
        {"virus.exe", EXE}, {"empty.pdf", new byte[0]}, {"..", PDF}, {".htaccess", PDF},
        {"../../../etc/passwd", PDF}, {"..\\..\\windows\\win.ini", PDF}, {"/etc/shadow", PDF},
        {"a".repeat(300) + ".pdf", PDF}, {"big.pdf", big()}, {"text.docx", "plain".getBytes()},
        {"script.pdf", "<script>alert(1)</script>".getBytes()}, {"noext", PDF}};
    for (Object[] f : files) {
      cases.add(new Case("attachment " + String.valueOf(f[0]).substring(0,
          Math.min(24, String.valueOf(f[0]).length())), "vanthu", HttpMethod.POST, attach,
          file((String) f[0], (byte[]) f[1])));
    }
    cases.add(new Case("attachment without file", "vanthu", HttpMethod.POST, attach,
        new Part[0]));
    // research dossiers
    String research = "/api/research-tasks";
    Object[][] dossierFields = {{"title", null}, {"title", "t".repeat(501)},
        {"durationMonths", 0}, {"durationMonths", 61}, {"durationMonths", -3},
        {"durationMonths", "hai năm"}, {"requestedBudget", 0}, {"requestedBudget", -1},
        {"requestedBudget", "nhiều"}, {"requestedBudget", 1e15}, {"investigator", "nobody"},
        {"investigator", "giamdoc"}, {"investigator", "' or 1=1 --"}, {"hostOrganisation", ""},
        {"field", null}};
    for (Object[] field : dossierFields) {
      cases.add(new Case("dossier " + field[0] + "=" + field[1], "cv.qlkh", HttpMethod.POST,
          research, dossier(dossierWith((String) field[0], field[1]), "tm.pdf", PDF)));
    }
    Object[][] outlines = {{"tm.pdf", PNG}, {"tm.pdf", EXE}, {"tm.pdf", new byte[0]},
        {"../tm.docx", PDF}, {"tm.pdf", null}};
    for (Object[] o : outlines) {
      cases.add(new Case("outline " + o[0], "cv.qlkh", HttpMethod.POST, research,
          dossier(validDossier(), (String) o[0], (byte[]) o[1])));
    }
    cases.add(new Case("dossier as JSON, not multipart", "cv.qlkh", HttpMethod.POST, research,
        validDossier()));
    for (String query : List.of("?status=LOST", "?stage=NOWHERE", "?page=-1", "?size=1000",
        "?q=" + "%".repeat(201))) {
      cases.add(new Case("research search " + query.substring(0, Math.min(20, query.length())),
          "cv.qlkh", HttpMethod.GET, research + query, null));
    }
    cases.add(new Case("unknown research task", "cv.qlkh", HttpMethod.GET,
        research + "/DT-1900-01", null));
    cases.add(new Case("extension of unknown task", "chunhiem", HttpMethod.POST,
        research + "/DT-1900-01/extension-requests", Map.of("months", 3, "reason", "x")));
    cases.add(new Case("extension malformed", "chunhiem", HttpMethod.POST,
        research + "/DT-1900-01/extension-requests", "{\"months\": \"ba\""));
    // holidays
    for (Object body : List.of(Map.of("date", "2026-02-30", "name", "Tết"),
        Map.of("date", "", "name", "Tết"), Map.of("date", "2026-05-01"),
        Map.of("date", "2026-05-01", "name", "n".repeat(300)), "{\"date\":")) {
      cases.add(new Case("holiday " + body.toString().substring(0,
          Math.min(30, body.toString().length())), "admin", HttpMethod.POST,
          "/api/holidays", body));
    }
    // inbox actions with unknown units, users and tasks
    cases.add(new Case("inbox unknown task", "giamdoc", HttpMethod.POST,
        "/api/inbox/not-a-task/approval", Map.of("approved", true)));
    cases.add(new Case("inbox unknown task direction", "giamdoc", HttpMethod.POST,
        "/api/inbox/00000000-0000-0000-0000-000000000000/direction",
        Map.of("leadUnit", "phong-xyz")));
    cases.add(new Case("inbox malformed", "giamdoc", HttpMethod.POST,
        "/api/inbox/x/approval", "{\"approved\": tru"));
    // expressions in task queries and filters (CVE mitigations)
    // pre-encoded: ${...} would otherwise be read as a URI template
    for (String query : List.of("assigneeExpression=%24%7BcurrentUser()%7D",
        "candidateGroupsExpression=%24%7BcurrentUserGroups()%7D",
        "dueAfterExpression=%24%7Bnow()%7D", "followUpBeforeExpression=%24%7BdateTime()%7D")) {
      cases.add(new Case("task query " + query, "cv.qlkh", HttpMethod.GET,
          "/engine-rest/task?" + query, null));
    }
    cases.add(new Case("task query orQueries expression", "cv.qlkh", HttpMethod.POST,
        "/engine-rest/task", Map.of("orQueries", List.of(Map.of("assigneeExpression",
            "${''.getClass().forName('java.lang.Runtime')}")))));
    cases.add(new Case("filter with expression", "cv.qlkh", HttpMethod.POST,
        "/engine-rest/filter/create", Map.of("resourceType", "Task", "name", "x",
            "query", Map.of("assigneeExpression", "${currentUser()}"))));
    cases.add(new Case("engine variable wrong type", "cv.qlkh", HttpMethod.POST,
        "/engine-rest/task/unknown/complete", Map.of("variables", Map.of("approved",
            Map.of("value", "maybe", "type", "Boolean")))));
    return cases;
  }

  static byte[] big() {
    byte[] content = new byte[200 * 1024];
    System.arraycopy(PDF, 0, content, 0, PDF.length);
    return content;
  }

  long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }

  Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("documents", count("incoming_document"));
    counts.put("attachments", count("document_attachment"));
    counts.put("numbers", jdbc.queryForObject(
        "select coalesce(sum(last_number), 0) from incoming_number_counter", Long.class));
    counts.put("researchTasks", count("research_task"));
    counts.put("researchCodes", jdbc.queryForObject(
        "select coalesce(sum(last_number), 0) from research_code_counter", Long.class));
    counts.put("holidays", count("public_holiday"));
    counts.put("tasks", taskService.createTaskQuery().count());
    counts.put("instances", runtimeService.createProcessInstanceQuery().count());
    return counts;
  }

  @Test
  void everyHostileInputGetsAClearClientErrorAndNothingChanges() {
    TestHttp api = TestHttp.of(rest);
    Response created = api.post("vanthu", "/api/incoming-documents",
        with("documentNumber", "bad-input/" + System.nanoTime()));
    assertThat(created.status()).isEqualTo(201);
    long documentId = created.body().get("id").asLong();
    List<Case> cases = cases(documentId);
    assertThat(cases).hasSizeGreaterThanOrEqualTo(100);
    Map<String, Long> before = counts();

    List<String> failures = new ArrayList<>();
    for (Case c : cases) {
      Response response;
      try {
        // JSON in and out (Accept: application/json); pre-encoded paths (${...}) go as they are
        response = c.body() instanceof Part[] parts ? api.multipart(c.user(), c.path(), parts)
            : api.call(c.user(), c.method().name(), c.path(), c.body());
      } catch (RuntimeException e) {
        failures.add(c.name() + ": no response (" + e.getMessage() + ")");
        continue;
      }
      int status = response.status();
      String body = response.text() == null ? "" : response.text();
      if (status < 400 || status >= 500 || status == 401) {
        failures.add(c.name() + ": HTTP " + status + " " + body.substring(0,
            Math.min(200, body.length())));
      } else if (body.contains("\tat ") || body.contains("Exception:") && body.contains(".java")) {
        failures.add(c.name() + ": stack trace in the answer");
      } else if (!body.contains("message") && !body.contains("type")) {
        failures.add(c.name() + ": HTTP " + status + " without a message: " + body);
      }
    }
    assertThat(failures).as("cases answered wrongly").isEmpty();
    assertThat(counts()).isEqualTo(before);
  }
}
