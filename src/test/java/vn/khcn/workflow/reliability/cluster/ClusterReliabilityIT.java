package vn.khcn.workflow.reliability.cluster;

import vn.khcn.workflow.dispatch.IncomingDirectiveProcess;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.khcn.workflow.reliability.cluster.Client.Answer;

/**
 * The reliability suite's cluster scenarios ({@code ./mvnw -B -Preliability verify}, see
 * {@link TwoNodeCluster}): work begun on one node and finished on the other, and parallel claims
 * of one task on both nodes. Faults: {@link NodeFaultsIT}, {@link FailingStepIT}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterReliabilityIT extends TwoNodeCluster {

  @Test
  @Order(1)
  void twoNode() throws Exception {
    List<String> problems = new ArrayList<>();
    Answer registered = Client.post(a, "vanthu", "/api/incoming-documents", document());
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    String pi = registered.json().get("processInstanceId").asText();
    JsonNode give = task(a, pi, IncomingDirectiveProcess.Tasks.GIVE_DIRECTION);
    String taskId = give.get("id").asText();
    check(problems, Client.post(a, "giamdoc", "/engine-rest/task/" + taskId + "/claim",
        Map.of("userId", "giamdoc")).status() == 204, "claim on node a");
    JsonNode seenOnB = task(b, pi, IncomingDirectiveProcess.Tasks.GIVE_DIRECTION);
    check(problems, seenOnB != null && "giamdoc".equals(seenOnB.path("assignee").asText()),
        "the claim is visible on node b");
    Answer completed = Client.post(b, "giamdoc", "/engine-rest/task/" + taskId + "/complete",
        direction("phong-qlkh", List.of("phong-khtc", "phong-qlcn")));
    check(problems, completed.status() == 204, "completed on node b: " + completed.status());
    // the demo units all have a head (ADR 0019): each unit's task is its head's, who names a
    // handler; the heads act on both nodes in turn
    JsonNode unitTasks = tasks(a, pi, IncomingDirectiveProcess.Tasks.ASSIGN_HANDLER);
    check(problems, unitTasks.size() == 3, "three unit heads' tasks seen on node a, found "
        + unitTasks.size());
    int named = 0;
    for (JsonNode unitTask : unitTasks) {
      AppNode node = named % 2 == 0 ? b : a;
      Answer answer = OpenTasks.complete(node, unitTask);
      check(problems, answer.status() == 204, "handler named on node " + node.name + ": "
          + answer.status() + " " + answer.body());
      named++;
    }
    JsonNode handlerTasks = tasks(b, pi, IncomingDirectiveProcess.Tasks.PROPOSE_RESULT);
    check(problems, handlerTasks.size() == 3, "three handlers' tasks seen on node b, found "
        + handlerTasks.size());

    // the handlers' reminder timers fire exactly once across both job executors
    JsonNode timers = Client.get(a, "admin", "/engine-rest/job?processInstanceId=" + pi
        + "&activityId=" + IncomingDirectiveProcess.Elements.HANDLER_REMINDER
        + "&maxResults=50").json();
    String now = OffsetDateTime.now(ZONE).minusSeconds(1)
        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"));
    int reminders = 0;
    for (JsonNode job : timers) {
      reminders++;
      Client.call(a, "admin", "PUT", "/engine-rest/job/" + job.get("id").asText() + "/duedate",
          Map.of("duedate", now));
    }
    check(problems, reminders == 3, "three reminder timers, found " + reminders);
    // each timer and each reminder step it leads to succeed once across both job executors
    // (the engine's job log; the reminder itself writes to the trail only on a working day)
    String jobsDone = "select count(*) from act_hi_job_log where process_instance_id_ = ?"
        + " and act_id_ = ? and job_state_ = 2";
    String remind = IncomingDirectiveProcess.Elements.REMIND_HANDLER;
    long fired = 0;
    for (int i = 0; i < 60 && fired < 3; i++) {
      Thread.sleep(1000);
      fired = count(jobsDone, pi, remind);
    }
    Thread.sleep(5000);
    long timersFired = count(jobsDone, pi, IncomingDirectiveProcess.Elements.HANDLER_REMINDER);
    fired = count(jobsDone, pi, remind);
    check(problems, timersFired == 3 && fired == 3, "each reminder ran exactly once across both"
        + " nodes: timers " + timersFired + ", reminder steps " + fired);

    // a model deployed through node a is used by node b
    String probe = Files.readString(Path.of("src/test/resources/reliability/reliability-probe.bpmn"));
    Answer deployed = Multipart.post(a, "admin", "/api/admin/models", "files",
        "reliability-probe.bpmn", probe.getBytes(StandardCharsets.UTF_8));
    check(problems, deployed.status() == 201, "deployed on node a: " + deployed.status() + " "
        + deployed.body());
    Answer started = Client.post(b, "admin",
        "/engine-rest/process-definition/key/reliability-probe/start", Map.of());
    check(problems, started.status() == 200, "started on node b: " + started.status());
    REPORT.add(new Scenario("two-node", 1, problems.isEmpty() ? 0 : 1, 0, problems.isEmpty()
        ? "claim on a, complete on b; the three unit heads named handlers on both nodes; 3"
            + " reminder timers ran once each across both job executors; a model deployed"
            + " through a started on b" : String.join("; ", problems)));
    assertThat(problems).isEmpty();
  }

  @Test
  @Order(2)
  void parallelClaims() throws Exception {
    int claimers = 100;
    for (int i = 0; i < claimers; i++) {
      String id = "rel" + i;
      Client.post(a, "admin", "/engine-rest/user/create", Map.of("profile", Map.of("id", id,
          "firstName", "Người thử", "lastName", String.valueOf(i), "email", id + "@example.vn"),
          "credentials", Map.of("password", "demo")));
      Client.call(a, "admin", "PUT", "/engine-rest/group/lanh-dao/members/" + id, null);
    }
    Answer registered = Client.post(b, "vanthu", "/api/incoming-documents", document());
    String taskId = task(a, registered.json().get("processInstanceId").asText(), IncomingDirectiveProcess.Tasks.GIVE_DIRECTION)
        .get("id").asText();
    CyclicBarrier barrier = new CyclicBarrier(claimers);
    ExecutorService pool = Executors.newFixedThreadPool(claimers);
    List<Future<Integer>> results = new ArrayList<>();
    for (int i = 0; i < claimers; i++) {
      String user = "rel" + i;
      AppNode node = i % 2 == 0 ? a : b;
      results.add(pool.submit(() -> {
        barrier.await(30, TimeUnit.SECONDS);
        return Client.post(node, user, "/engine-rest/task/" + taskId + "/claim",
            Map.of("userId", user)).status();
      }));
    }
    int won = 0;
    int conflicts = 0;
    for (Future<Integer> result : results) {
      int status = result.get(120, TimeUnit.SECONDS);
      won += status == 204 ? 1 : 0;
      conflicts += status == 409 ? 1 : 0;
    }
    pool.shutdownNow();
    boolean ok = won == 1 && conflicts == claimers - 1;
    REPORT.add(new Scenario("parallel-claims", claimers, ok ? 0 : 1, 0, won + " claim won, "
        + conflicts + " answered 409, half through each node (the in-process part, with parallel"
        + " unit completions, runs in ./mvnw verify: ParallelClaimsTest)"));
    assertThat(won).isEqualTo(1);
    assertThat(conflicts).isEqualTo(claimers - 1);
  }
}
