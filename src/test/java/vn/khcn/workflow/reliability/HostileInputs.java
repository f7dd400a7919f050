package vn.khcn.workflow.reliability;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.khcn.workflow.support.TestHttp;
import vn.khcn.workflow.support.TestHttp.Part;

/**
 * The hostile inputs of the reliability suite's bad-input scenario: {@link BadInputTest}'s cases
 * (which also run in every build) and more across the endpoints: control characters, bidi
 * controls and broken Unicode in every typed field, SQL and expression-language injection in typed
 * fields and parameters, fields the client may not set, wrong and missing users, malformed XML
 * models, malformed multipart, oversize and nested bodies, wrong content types and methods. Each
 * must be answered with a 4xx and store nothing.
 */
public final class HostileInputs {

  /**
   * One hostile request. body: null, a String (raw, sent with contentType or as JSON), a Map
   * (JSON) or a Part[] (multipart). password: null for "demo"; user null: anonymous.
   */
  public record Input(String name, String user, String password, String method, String path,
      Object body, String contentType) {

    static Input json(String name, String user, String method, String path, Object body) {
      return new Input(name, user, null, method, path, body, null);
    }
  }

  static final String DOCS = "/api/incoming-documents";
  static final String RESEARCH = "/api/research-tasks";
  static final String OUTGOING = "/api/outgoing-documents";
  static final String[] CONTROLS = {"\\u0000", "\\u001b[31m", "\\u007f", "\\u0085", "\\u202e",
      "\\u2067", "\\u200f", "\\ud800"};
  static final String[] INJECTIONS = {"' OR '1'='1", "1; DROP TABLE incoming_document; --",
      "${7*7}", "#{T(java.lang.Runtime).getRuntime().exec('id')}", "*{7*7}"};

  /** Every input, against the document documentId and the draft outgoingId (both existing). */
  public static List<Input> all(long documentId, long outgoingId) {
    List<Input> inputs = new ArrayList<>();
    for (BadInputTest.Case c : new BadInputTest().cases(documentId)) {
      inputs.add(new Input(c.name(), c.user(), null, c.method().name(), c.path(), c.body(), null));
    }
    typedText(inputs);
    injections(inputs);
    notTheClientsToSet(inputs, outgoingId);
    wrongUsers(inputs, documentId, outgoingId);
    models(inputs);
    multipart(inputs, documentId);
    oversize(inputs);
    return inputs;
  }

  /** A JSON text of body with the raw JSON escape in place of field's value. */
  static String rawJson(Map<String, Object> body, String field, String escape) {
    Map<String, Object> copy = new LinkedHashMap<>(body);
    copy.put(field, "Ab@@cd");
    return json(copy).replace("@@", escape);
  }

  static void typedText(List<Input> inputs) {
    for (String field : List.of("issuer", "documentNumber", "documentType", "summary",
        "signerPosition", "signerName", "language", "recipients", "notes")) {
      for (String control : CONTROLS) {
        inputs.add(Input.json("document " + field + " with " + control, "vanthu", "POST", DOCS,
            rawJson(BadInputTest.validDocument(), field, control)));
      }
    }
    for (String field : List.of("title", "field", "hostOrganisation")) {
      for (String control : List.of("\\u0000", "\\u202e", "\\udc00")) {
        inputs.add(Input.json("dossier " + field + " with " + control, "cv.qlkh", "POST",
            RESEARCH, new Part[] {new Part("dossier", null, "application/json",
                rawJson(BadInputTest.validDossier(), field, control)
                    .getBytes(StandardCharsets.UTF_8)),
                Part.file("outline", "tm.pdf", "application/pdf", BadInputTest.PDF)}));
      }
    }
  }

  static String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static void injections(List<Input> inputs) {
    for (String field : List.of("issuedOn", "receivedOn", "documentDueDate", "urgency",
        "classification", "pageCount")) {
      for (String injection : INJECTIONS) {
        inputs.add(Input.json("document " + field + " = " + injection, "vanthu", "POST", DOCS,
            BadInputTest.with(field, injection)));
      }
    }
    for (String injection : List.of(INJECTIONS[0], INJECTIONS[1], INJECTIONS[2])) {
      for (String parameter : List.of("year", "page", "status")) {
        inputs.add(Input.json("search " + parameter + " = " + injection, "vanthu", "GET",
            DOCS + "?" + parameter + "=" + query(injection), null));
      }
      inputs.add(Input.json("document id " + injection, "vanthu", "GET",
          DOCS + "/" + query(injection), null));
      inputs.add(Input.json("outgoing id " + injection, "cv.qlkh", "GET",
          OUTGOING + "/" + query(injection), null));
    }
    inputs.add(Input.json("task query sortBy injection", "cv.qlkh", "GET",
        "/engine-rest/task?sortBy=" + query("id_; drop table act_ru_task") + "&sortOrder=asc",
        null));
    inputs.add(Input.json("task query sortOrder injection", "cv.qlkh", "GET",
        "/engine-rest/task?sortBy=created&sortOrder=" + query("asc, (select 1)"), null));
    inputs.add(Input.json("holiday date injection", "admin", "POST", "/api/holidays",
        Map.of("date", "2026-05-01' or '1'='1", "name", "Lễ")));
    inputs.add(Input.json("filter query with EL", "cv.qlkh", "POST", "/engine-rest/filter/create",
        Map.of("resourceType", "Task", "name", "x", "query",
            Map.of("candidateGroupExpression", "${''.getClass()}"))));
  }

  static void notTheClientsToSet(List<Input> inputs, long outgoingId) {
    Object[][] documentFields = {{"id", 1}, {"incomingNumber", 1}, {"year", 2020},
        {"status", "CLOSED"}, {"processInstanceId", "x"}, {"series", "SECRET"},
        {"registeredAt", "2026-01-01T00:00:00Z"}, {"__proto__", Map.of("admin", true)}};
    for (Object[] field : documentFields) {
      inputs.add(Input.json("document sets " + field[0], "vanthu", "POST", DOCS,
          BadInputTest.with((String) field[0], field[1])));
    }
    for (Object[] field : new Object[][] {{"code", "DT-2026-99"}, {"status", "APPROVED"},
        {"id", 5}}) {
      Map<String, Object> dossier = BadInputTest.dossierWith((String) field[0], field[1]);
      inputs.add(Input.json("dossier sets " + field[0], "cv.qlkh", "POST", RESEARCH,
          new Part[] {Part.json("dossier", dossier),
              Part.file("outline", "tm.pdf", "application/pdf", BadInputTest.PDF)}));
    }
    Map<String, Object> draft = draft();
    draft.put("number", 5);
    inputs.add(Input.json("draft sets its number", "cv.qlkh", "POST", OUTGOING, draft));
    draft = draft();
    draft.put("status", "ISSUED");
    inputs.add(Input.json("draft sets its status", "cv.qlkh", "POST", OUTGOING, draft));
    inputs.add(Input.json("numbering with a number", "vanthu", "POST",
        OUTGOING + "/" + outgoingId + "/number", Map.of("number", 1)));
    inputs.add(Input.json("holiday with an id", "admin", "POST", "/api/holidays",
        Map.of("id", 7, "date", "2026-05-02", "name", "Nghỉ bù")));
  }

  static Map<String, Object> draft() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("documentType", "Công văn");
    body.put("summary", "Về việc thử đầu vào xấu");
    body.put("recipients", List.of("Kính gửi: Ủy ban nhân dân thành phố Cần Thơ"));
    body.put("signer", "Giám đốc");
    body.put("urgency", "NORMAL");
    body.put("classification", "NONE");
    return body;
  }

  static void wrongUsers(List<Input> inputs, long documentId, long outgoingId) {
    Map<String, Object> document = BadInputTest.validDocument();
    inputs.add(Input.json("registration anonymous", null, "POST", DOCS, document));
    inputs.add(new Input("registration with a wrong password", "vanthu", "sai-mat-khau", "POST",
        DOCS, json(document), "application/json"));
    inputs.add(Input.json("registration by an unknown user", "khong-co-ai", "POST", DOCS,
        document));
    for (String user : List.of("chunhiem", "hd.thuky", "cv.qlkh", "giamdoc")) {
      inputs.add(Input.json("registration by " + user, user, "POST", DOCS, document));
    }
    inputs.add(Input.json("documents list anonymous", null, "GET", DOCS, null));
    inputs.add(Input.json("document read by an investigator", "chunhiem", "GET",
        DOCS + "/" + documentId, null));
    inputs.add(Input.json("holiday by a clerk", "vanthu", "POST", "/api/holidays",
        Map.of("date", "2026-05-02", "name", "Nghỉ bù")));
    inputs.add(Input.json("dossier by a clerk", "vanthu", "POST", RESEARCH,
        new Part[] {Part.json("dossier", BadInputTest.validDossier()),
            Part.file("outline", "tm.pdf", "application/pdf", BadInputTest.PDF)}));
    inputs.add(Input.json("draft by an investigator", "chunhiem", "POST", OUTGOING, draft()));
    inputs.add(Input.json("signing by an officer", "cv.qlkh", "POST",
        OUTGOING + "/" + outgoingId + "/sign", Map.of("authority", "KT.")));
    inputs.add(Input.json("numbering by an officer", "cv.qlkh", "POST",
        OUTGOING + "/" + outgoingId + "/number", null));
    inputs.add(Input.json("model deployed by a clerk", "vanthu", "POST", "/api/admin/models",
        new Part[] {Part.file("files", "x.bpmn", "application/xml", bpmn("").getBytes(
            StandardCharsets.UTF_8))}));
    inputs.add(Input.json("engine user created by a clerk", "vanthu", "POST",
        "/engine-rest/user/create", Map.of("profile", Map.of("id", "ke-gian", "firstName", "Kẻ",
            "lastName", "Gian", "email", "x@example.vn"), "credentials",
            Map.of("password", "demo"))));
    inputs.add(Input.json("clerk joins the leadership", "vanthu", "PUT",
        "/engine-rest/group/lanh-dao/members/vanthu", null));
    inputs.add(Input.json("authorization granted by an officer", "cv.qlkh", "POST",
        "/engine-rest/authorization/create", Map.of("type", 1, "permissions", List.of("ALL"),
            "userId", "cv.qlkh", "resourceType", 0, "resourceId", "*")));
    inputs.add(Input.json("engine task list anonymous", null, "GET", "/engine-rest/task", null));
  }

  /** A BPMN model of key "hostile-probe" with the given elements in its process. */
  static String bpmn(String elements) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><bpmn:definitions"
        + " xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
        + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" id=\"d\""
        + " targetNamespace=\"http://khcn.vn/test\"><bpmn:process id=\"hostile-probe\""
        + " isExecutable=\"true\" camunda:historyTimeToLive=\"P30D\"><bpmn:startEvent"
        + " id=\"startEvent_probe\"/>" + elements + "</bpmn:process></bpmn:definitions>";
  }

  static void models(List<Input> inputs) {
    String[][] models = {
        {"not XML", "not xml at all"},
        {"truncated XML", "<?xml version=\"1.0\"?><bpmn:definitions"},
        {"XML external entity", "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM"
            + " \"file:///etc/passwd\">]><definitions>&x;</definitions>"},
        {"entity expansion", "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\">"
            + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;"
            + "&b;&b;&b;\">]><definitions>&c;</definitions>"},
        {"not BPMN", "<?xml version=\"1.0\"?><html><body>x</body></html>"},
        {"script task", bpmn("<bpmn:scriptTask id=\"scriptTask_x\" scriptFormat=\"groovy\">"
            + "<bpmn:script>'id'.execute()</bpmn:script></bpmn:scriptTask>")},
        {"camunda:class", bpmn("<bpmn:serviceTask id=\"serviceTask_x\""
            + " camunda:class=\"java.lang.Runtime\"/>")},
        {"expression", bpmn("<bpmn:serviceTask id=\"serviceTask_x\" camunda:expression="
            + "\"${''.getClass().forName('java.lang.Runtime')}\"/>")},
        {"no time to live", bpmn("").replace(" camunda:historyTimeToLive=\"P30D\"", "")},
        {"empty file", ""}};
    for (String[] model : models) {
      inputs.add(Input.json("model " + model[0], "admin", "POST", "/api/admin/models",
          new Part[] {Part.file("files", "hostile.bpmn", "application/xml",
              model[1].getBytes(StandardCharsets.UTF_8))}));
    }
    inputs.add(Input.json("model as PDF", "admin", "POST", "/api/admin/models",
        new Part[] {Part.file("files", "hostile.bpmn", "application/pdf", BadInputTest.PDF)}));
    inputs.add(new Input("registration as XML", "vanthu", null, "POST", DOCS,
        "<document><issuer>Sở</issuer></document>", "application/xml"));
    inputs.add(new Input("registration as text", "vanthu", null, "POST", DOCS,
        json(BadInputTest.validDocument()), "text/plain"));
    inputs.add(new Input("registration as a form", "vanthu", null, "POST", DOCS,
        "issuer=S%E1%BB%9F&summary=x", "application/x-www-form-urlencoded"));
  }

  static void multipart(List<Input> inputs, long documentId) {
    String attach = DOCS + "/" + documentId + "/attachments";
    String part = "--b1\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n"
        + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n";
    inputs.add(new Input("multipart without boundary", "vanthu", null, "POST", attach,
        part + "--b1--\r\n", "multipart/form-data"));
    inputs.add(new Input("multipart with another boundary", "vanthu", null, "POST", attach,
        part + "--b1--\r\n", "multipart/form-data; boundary=b2"));
    inputs.add(new Input("multipart truncated", "vanthu", null, "POST", attach, part,
        "multipart/form-data; boundary=b1"));
    inputs.add(new Input("multipart empty", "vanthu", null, "POST", attach, "",
        "multipart/form-data; boundary=b1"));
    inputs.add(new Input("multipart part without name", "vanthu", null, "POST", attach,
        part.replace("name=\"file\"; ", "") + "--b1--\r\n", "multipart/form-data; boundary=b1"));
    inputs.add(Input.json("attachment in the wrong part", "vanthu", "POST", attach,
        new Part[] {Part.file("datei", "a.pdf", "application/pdf", BadInputTest.PDF)}));
    inputs.add(Input.json("dossier part not JSON", "cv.qlkh", "POST", RESEARCH,
        new Part[] {new Part("dossier", null, "application/json",
            "{\"title\": ".getBytes(StandardCharsets.UTF_8)),
            Part.file("outline", "tm.pdf", "application/pdf", BadInputTest.PDF)}));
    inputs.add(Input.json("dossier part as text", "cv.qlkh", "POST", RESEARCH,
        new Part[] {new Part("dossier", null, "text/plain", "tiêu đề".getBytes(
            StandardCharsets.UTF_8)),
            Part.file("outline", "tm.pdf", "application/pdf", BadInputTest.PDF)}));
  }

  static void oversize(List<Input> inputs) {
    inputs.add(Input.json("summary of 2 MB", "vanthu", "POST", DOCS,
        BadInputTest.with("summary", "Kế hoạch ".repeat(230_000))));
    inputs.add(Input.json("JSON nested 100000 deep", "vanthu", "POST", DOCS,
        "[".repeat(100_000) + "]".repeat(100_000)));
    inputs.add(Input.json("object nested 5000 deep", "vanthu", "POST", DOCS,
        "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)));
    inputs.add(Input.json("page count beyond double", "vanthu", "POST", DOCS,
        json(BadInputTest.with("pageCount", 1)).replace("\"pageCount\":1",
            "\"pageCount\":1e400")));
    inputs.add(Input.json("page count of 25 digits", "vanthu", "POST", DOCS,
        json(BadInputTest.with("pageCount", 1)).replace("\"pageCount\":1",
            "\"pageCount\":9999999999999999999999999")));
    inputs.add(Input.json("URL of 20000 characters", "vanthu", "GET",
        DOCS + "?q=" + "a".repeat(20_000), null));
    inputs.add(Input.json("delete the documents", "vanthu", "DELETE", DOCS, null));
    inputs.add(Input.json("replace the documents", "vanthu", "PUT", DOCS,
        BadInputTest.validDocument()));
    inputs.add(Input.json("patch a document", "vanthu", "PATCH", DOCS + "/1",
        Map.of("summary", "x")));
  }

  static String json(Object value) {
    try {
      return TestHttp.JSON.writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Sends the input as written. */
  public static TestHttp.Response send(TestHttp http, Input input) {
    if (input.body() instanceof Part[] parts) {
      return http.multipart(input.user(), input.path(), parts);
    }
    if (input.contentType() != null || input.password() != null) {
      return http.request(input.method(), input.path())
          .as(input.user(), input.password() == null ? TestHttp.PASSWORD : input.password())
          .header("Accept", "application/json")
          .body(input.contentType(), input.body() instanceof String text ? text
              : json(input.body()))
          .send();
    }
    return http.call(input.user(), input.method(), input.path(), input.body());
  }

  private HostileInputs() {}
}
