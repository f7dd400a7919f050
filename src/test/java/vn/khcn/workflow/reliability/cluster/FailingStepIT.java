package vn.khcn.workflow.reliability.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.khcn.workflow.reliability.cluster.Client.Answer;

/**
 * A failing asynchronous step on the cluster ({@link TwoNodeCluster}): the research task's closing
 * step whose dependency (the database) refuses, the incident and its retry.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailingStepIT extends TwoNodeCluster {

  /** A research task driven to a council that rejects it, up to the asynchronous closing step. */
  static String rejectedResearchTask() throws Exception {
    String pdf = "%PDF-1.4\n%%EOF\n";
    String dossier = Client.JSON.writeValueAsString(Map.of("title", "Đề tài thử độ tin cậy "
        + NUMBER.incrementAndGet(), "field", "Nông nghiệp", "hostOrganisation",
        "Viện Lúa Đồng bằng sông Cửu Long", "hostOrganisationCode", "0000000008",
        "investigator", "chunhiem", "durationMonths", 12,
        "requestedBudget", 100_000_000L));
    Answer submitted = Multipart.postDossier(a, "cv.qlkh", dossier, pdf.getBytes(
        StandardCharsets.US_ASCII));
    if (submitted.status() != 201) {
      throw new IllegalStateException("dossier refused: " + submitted.body());
    }
    String code = submitted.json().get("code").asText();
    complete(code, "checkDossier", "cv.qlkh", Map.of("valid", Map.of("value", true, "type",
        "Boolean")));
    Map<String, Object> council = new LinkedHashMap<>();
    String[][] roles = {{"chair", "hd.chutich"}, {"viceChair", "hd.phochutich"},
        {"secretary", "hd.thuky"}, {"reviewer1", "hd.phanbien1"}, {"reviewer2", "hd.phanbien2"},
        {"member1", "hd.uyvien1"}, {"member2", "hd.uyvien2"}};
    List<String> members = new ArrayList<>();
    for (String[] role : roles) {
      council.put(role[0], Map.of("value", role[1], "type", "String"));
      members.add(role[1]);
    }
    complete(code, "appointCouncil", "giamdoc", council);
    for (String member : members) {
      complete(code, "declareConflict", member, Map.of("noConflict", Map.of("value", true,
          "type", "Boolean")));
    }
    for (String member : members) {
      Map<String, Object> ballot = new LinkedHashMap<>();
      for (String criterion : List.of("scoreUrgency", "scoreContent", "scoreMethod",
          "scoreProducts", "scoreCapacity")) {
        ballot.put(criterion, Map.of("value", 5, "type", "Integer"));
      }
      ballot.put("comment", Map.of("value", "Chưa đạt yêu cầu", "type", "String"));
      complete(code, "scoreProposal", member, ballot);
    }
    complete(code, "recordMeeting", "hd.thuky", Map.of(
        "meetingDate", Map.of("value", java.time.LocalDate.now(ZONE).toString(), "type", "String"),
        "present", Map.of("value", Client.JSON.writeValueAsString(members), "type", "Json"),
        "revisionsRequired", Map.of("value", false, "type", "Boolean")));
    return code;
  }

  static void complete(String code, String key, String user, Map<String, Object> variables) {
    JsonNode tasks = Client.get(a, "admin", "/engine-rest/task?processInstanceBusinessKey=" + code
        + "&taskDefinitionKey=" + key + "&maxResults=50").json();
    for (JsonNode task : tasks) {
      String assignee = task.path("assignee").asText("");
      if (assignee.isEmpty() || assignee.equals(user) || "null".equals(assignee)) {
        String id = task.get("id").asText();
        if (assignee.isEmpty() || "null".equals(assignee)) {
          Client.post(a, user, "/engine-rest/task/" + id + "/claim", Map.of("userId", user));
        }
        Answer done = Client.post(b, user, "/engine-rest/task/" + id + "/complete",
            Map.of("variables", variables));
        if (done.status() != 204) {
          throw new IllegalStateException(key + " by " + user + ": " + done.body());
        }
        return;
      }
    }
    throw new IllegalStateException("no open " + key + " of " + code + " for " + user);
  }

  static void sql(String statement) throws Exception {
    try (Connection c = db(); Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  @Test
  @Order(5)
  void failingStep() throws Exception {
    List<String> problems = new ArrayList<>();
    // the dependency of the closing step fails: the database refuses to close research tasks
    sql("create or replace function refuse_closing() returns trigger as $$ begin raise exception"
        + " 'closing refused (reliability test)'; end; $$ language plpgsql");
    sql("create trigger refuse_closing before update on research_task for each row when"
        + " (new.status = 'NOT_ASSIGNED') execute function refuse_closing()");
    String code;
    String pi;
    try {
      code = rejectedResearchTask();
      pi = Client.get(a, "cv.qlkh", "/api/research-tasks/" + code).json()
          .get("processInstanceId").asText();
      check(problems, count("select count(*) from research_trail t join research_task r on"
          + " r.id = t.research_task_id where r.code = ? and t.action = 'COUNCIL_CONCLUDED'", code)
          == 1, "the secretary's record and the council's conclusion are kept");
      // each failure leaves the job with one retry less, pushed ~5 minutes ahead (R3/PT5M);
      // the test lets "time pass" by making the job due again, as an operator could in Cockpit
      int backedOff = 0;
      int retries = -1;
      DateTimeFormatter camunda = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
      for (int i = 0; i < 120 && retries != 0; i++) {
        JsonNode job = Client.get(a, "admin", "/engine-rest/job?processInstanceId=" + pi
            + "&activityId=serviceTask_closeNotAssigned&maxResults=10").json().path(0);
        retries = job.path("retries").asInt(-1);
        if (retries > 0 && !job.path("exceptionMessage").isNull()
            && !job.path("dueDate").isNull()) {
          OffsetDateTime due = OffsetDateTime.parse(job.get("dueDate").asText(), camunda);
          if (due.isAfter(OffsetDateTime.now().plusMinutes(3))) {
            backedOff++;
            Client.call(a, "admin", "PUT", "/engine-rest/job/" + job.get("id").asText()
                + "/duedate", Map.of("duedate", OffsetDateTime.now(ZONE).minusSeconds(1)
                    .format(camunda)));
          }
        }
        Thread.sleep(1000);
      }
      check(problems, retries == 0, "retries used up: " + retries);
      check(problems, backedOff == 2, "two failures backed off by about 5 minutes: " + backedOff);
      long incidents = 0;
      for (int i = 0; i < 60 && incidents == 0; i++) {
        Thread.sleep(1000);
        incidents = Client.get(b, "admin", "/engine-rest/incident?maxResults=50&processInstanceId=" + pi)
            .json().size();
      }
      check(problems, incidents == 1, "an incident visible in Cockpit after the retries: "
          + Client.get(b, "admin", "/engine-rest/incident?maxResults=50&processInstanceId=" + pi).body());
    } finally {
      sql("drop trigger if exists refuse_closing on research_task");
    }
    // the cause is fixed: a retry (Cockpit's "increment retries") completes the flow
    String jobId = Client.get(a, "admin", "/engine-rest/job?processInstanceId=" + pi
        + "&activityId=serviceTask_closeNotAssigned&maxResults=10").json().path(0).path("id")
        .asText();
    Answer retried = Client.call(a, "admin", "PUT", "/engine-rest/job/" + jobId + "/retries",
        Map.of("retries", 1));
    check(problems, retried.status() == 204, "retry of job '" + jobId + "' answered "
        + retried.status() + " " + retried.body());
    // as Cockpit's retry does: due now, not at the end of the last back-off
    Client.call(a, "admin", "PUT", "/engine-rest/job/" + jobId + "/duedate", Map.of("duedate",
        OffsetDateTime.now(ZONE).minusSeconds(1).format(DateTimeFormatter.ofPattern(
            "yyyy-MM-dd'T'HH:mm:ss.SSSZ"))));
    String status = "";
    for (int i = 0; i < 60 && !"NOT_ASSIGNED".equals(status); i++) {
      Thread.sleep(1000);
      status = Client.get(a, "cv.qlkh", "/api/research-tasks/" + code).json().path("status")
          .asText();
    }
    check(problems, "NOT_ASSIGNED".equals(status), "closed after the retry: " + status);
    check(problems, Client.get(a, "admin", "/engine-rest/incident?maxResults=50&processInstanceId=" + pi).json()
        .size() == 0, "the incident is resolved");
    REPORT.add(new Scenario("failing-step", 1, problems.isEmpty() ? 0 : 1, 0, problems.isEmpty()
        ? "the asynchronous closing step of a rejected research task failed (its database update"
            + " refused by a trigger): 3 attempts with 5-minute back-off, then an incident in"
            + " Cockpit, the council's record kept; after the fix one retry closed the task"
        : String.join("; ", problems)));
    assertThat(problems).isEmpty();
  }
}
