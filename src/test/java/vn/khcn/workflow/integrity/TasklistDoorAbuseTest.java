package vn.khcn.workflow.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khcn.workflow.support.TestHttp.variables;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import vn.khcn.workflow.support.CamundaWebapp;
import vn.khcn.workflow.support.TestHttp.Response;

/**
 * The door the Department's officers use: Tasklist's engine API ({@code /camunda/api/engine}, a
 * session and its CSRF token). Every mistaken or hostile completion of a live unit task is a 4xx
 * whose message a person reads, with no stack, engine code or exception (ADR 0044: that API
 * answers as {@code /engine-rest} does), and leaves the workflow exactly as it was; the door then
 * still takes a valid form.
 */
class TasklistDoorAbuseTest extends IntegrityTestSupport {

  /** One attempt: who, where (complete or submit-form), what, and the answer expected. */
  record Case(String name, String user, String action, Object body, int status, String says) {}

  static String today(int plusDays) {
    return LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(plusDays).toString();
  }

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    cases.add(new Case("a variable outside the form", "cv.qlkh", "submit-form",
        variables("result", "String", "Xong.", "unit", "String", "phong-qlcn"), 400, "unit"));
    cases.add(new Case("a routing flag", "cv.qlkh", "complete",
        variables("result", "String", "Xong.", "infoOnly", "Boolean", true), 400, "infoOnly"));
    cases.add(new Case("a text sent as a number", "cv.qlkh", "submit-form",
        variables("result", "Integer", 7), 400, "result"));
    cases.add(new Case("a Java-serialized object", "cv.qlkh", "submit-form",
        Map.of("variables", Map.of("result", Map.of("type", "Object", "value", "rO0ABXQAAA==",
            "valueInfo", Map.of("objectTypeName", "java.lang.String",
                "serializationDataFormat", "application/x-java-serialized-object")))),
        400, "result"));
    cases.add(new Case("malformed JSON", "cv.qlkh", "submit-form",
        "{\"variables\": {\"result\": {\"value\": ", 400, "JSON"));
    cases.add(new Case("no result", "cv.qlkh", "submit-form",
        variables("result", "String", "   "), 400, "result"));
    cases.add(new Case("a result longer than its form allows", "cv.qlkh", "submit-form",
        variables("result", "String", "ý".repeat(8001)), 400, "dài quá 8000 ký tự (8001)"));
    cases.add(new Case("invisible characters only", "cv.qlkh", "submit-form",
        variables("result", "String", "\u200B\u200B"), 400, "result"));
    cases.add(new Case("a bidirectional override", "cv.qlkh", "submit-form",
        variables("result", "String", "Đã xử lý \u202Egnohk"), 400, "result"));
    cases.add(new Case("a reply's number without its date", "cv.qlkh", "submit-form",
        variables("result", "String", "Xong.", "replyNumber", "String", "15/SKHCN-QLKH"), 400,
        "replyDate"));
    cases.add(new Case("a reply dated tomorrow", "cv.qlkh", "submit-form",
        variables("result", "String", "Xong.", "replyNumber", "String", "15/SKHCN-QLKH",
            "replyDate", "String", today(1)), 400, "sau ngày hôm nay"));
    cases.add(new Case("a reply's date that is no date", "cv.qlkh", "submit-form",
        variables("result", "String", "Xong.", "replyNumber", "String", "15/SKHCN-QLKH",
            "replyDate", "String", "ngày mai"), 400, "replyDate"));
    cases.add(new Case("a body over 1 MB", "cv.qlkh", "submit-form",
        variables("result", "String", "x".repeat(1_100_000)), 413, "1 MB"));
    cases.add(new Case("another unit's officer", "cv.khtc", "submit-form",
        variables("result", "String", "Xong."), 403, "cv.qlkh"));
    return cases;
  }

  @Test
  void everyMistakenOrHostileCompletionIsAClearClientErrorAndChangesNothing() {
    Document document = directed();
    Task unit = unitTask(document, "phong-qlkh");
    CamundaWebapp qlkh = api.webapp("cv.qlkh", "tasklist");
    assertThat(qlkh.post("/task/" + unit.getId() + "/claim", Map.of("userId", "cv.qlkh"))
        .status()).isEqualTo(204);
    Map<String, CamundaWebapp> sessions = Map.of("cv.qlkh", qlkh,
        "cv.khtc", api.webapp("cv.khtc", "tasklist"));
    Snapshot before = snapshot(document.processInstanceId());

    List<String> failures = new ArrayList<>();
    List<Case> cases = cases();
    for (Case c : cases) {
      Response response = sessions.get(c.user()).post("/task/" + unit.getId() + "/"
          + c.action(), c.body());
      String body = response.text() == null ? "" : response.text();
      String message = response.status() == c.status() && response.body() != null
          ? response.body().path("message").asText("") : "";
      if (response.status() != c.status()) {
        failures.add(c.name() + ": HTTP " + response.status() + " "
            + body.substring(0, Math.min(300, body.length())));
      } else if (!message.contains(c.says())) {
        failures.add(c.name() + ": the message does not say " + c.says() + ": " + body);
      } else if (body.contains("\tat ") || message.contains("ENGINE-")
          || message.contains("Exception")) {
        failures.add(c.name() + ": an engine's text in the message: " + body);
      }
    }
    Response unknown = qlkh.post("/task/00000000-0000-0000-0000-000000000000/submit-form",
        variables("result", "String", "Xong."));
    if (unknown.status() != 404) {
      failures.add("an unknown task: HTTP " + unknown.status() + " " + unknown.text());
    }

    assertThat(failures).as("of %s attempts", cases.size() + 1).isEmpty();
    assertThat(snapshot(document.processInstanceId())).as("nothing changed").isEqualTo(before);
    Response valid = qlkh.post("/task/" + unit.getId() + "/submit-form",
        variables("result", "String", "Đã tham mưu dự thảo văn bản trả lời."));
    assertThat(valid.status()).as(valid.text()).isEqualTo(204);
    assertThat(snapshot(document.processInstanceId()).trail()).isEqualTo(before.trail() + 1);
  }
}
