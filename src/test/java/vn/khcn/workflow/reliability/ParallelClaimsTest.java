package vn.khcn.workflow.reliability;

import vn.khcn.workflow.dispatch.IncomingDirectiveProcess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.support.TestHttp;
import vn.khcn.workflow.support.TestHttp.Response;

/**
 * Scenario parallel-claims of the reliability suite (quick part, in every build): 100 people claim
 * one task at the same instant, and the three units of one document complete their tasks at the
 * same instant.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@org.junit.jupiter.api.extension.ExtendWith(vn.khcn.workflow.support.UnitsWithoutHeads.class)
class ParallelClaimsTest {

  static final int CLAIMERS = 100;

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;

  TestHttp api() {
    return new TestHttp("http://localhost:" + port);
  }

  Response post(String user, String path, Object body) {
    return api().post(user, path, body);
  }

  String register(String number) throws Exception {
    Response created = post("vanthu", "/api/incoming-documents", Map.of(
        "issuer", "Ủy ban nhân dân thành phố Cần Thơ", "documentNumber", number,
        "issuedOn", "2026-11-02", "documentType", "Công văn", "summary", "Tranh nhận việc " + number,
        "urgency", "NORMAL"));
    assertThat(created.status()).isEqualTo(201);
    return created.body().get("processInstanceId").asText();
  }

  /** Runs the calls at the same instant (a barrier) and returns their responses. */
  List<Response> together(List<Callable<Response>> calls) throws Exception {
    CyclicBarrier start = new CyclicBarrier(calls.size());
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    try {
      List<Future<Response>> futures = new ArrayList<>();
      for (Callable<Response> call : calls) {
        futures.add(pool.submit(() -> {
          start.await(30, TimeUnit.SECONDS);
          return call.call();
        }));
      }
      List<Response> responses = new ArrayList<>();
      for (Future<Response> future : futures) {
        responses.add(future.get(120, TimeUnit.SECONDS));
      }
      return responses;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void hundredParallelClaimsGiveOneAssigneeAndNinetyNineConflicts() throws Exception {
    List<String> users = new ArrayList<>();
    for (int i = 0; i < CLAIMERS; i++) {
      String id = "claim" + i;
      users.add(id);
      if (identityService.createUserQuery().userId(id).count() == 0) {
        User user = identityService.newUser(id);
        user.setFirstName("Người nhận");
        user.setLastName(String.valueOf(i));
        user.setPassword("demo");
        identityService.saveUser(user);
        identityService.createMembership(id, Groups.LANH_DAO);
      }
    }
    String instance = register("CLAIM/" + System.nanoTime());
    Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    List<Callable<Response>> claims = new ArrayList<>();
    for (String user : users) {
      claims.add(() -> post(user, "/engine-rest/task/" + task.getId() + "/claim",
          Map.of("userId", user)));
    }
    List<Response> responses = together(claims);
    long won = responses.stream().filter(r -> r.status() == 204).count();
    long conflicts = responses.stream().filter(r -> r.status() == 409).count();
    assertThat(won).as("claims that won").isEqualTo(1);
    assertThat(conflicts).as("claims answered 409").isEqualTo(CLAIMERS - 1);
    String assignee = taskService.createTaskQuery().taskId(task.getId()).singleResult()
        .getAssignee();
    assertThat(users).contains(assignee);
    assertThat(responses.stream().filter(r -> r.status() == 409).map(Response::text))
        .allMatch(body -> body.contains("message"));
  }

  @Test
  void unitsCompletingAtOnceLoseNoResult() throws Exception {
    String instance = register("UNITS/" + System.nanoTime());
    Task direction = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    assertThat(post("giamdoc", "/engine-rest/task/" + direction.getId() + "/claim",
        Map.of("userId", "giamdoc")).status()).isEqualTo(204);
    Response directed = post("giamdoc", "/engine-rest/task/" + direction.getId()
        + "/complete", Map.of("variables", Map.of(
            "direction", Map.of("value", "Ba đơn vị cùng xử lý", "type", "String"),
            "leadUnit", Map.of("value", Groups.PHONG_QLKH, "type", "String"),
            "coordinatingUnits", Map.of("value", "[\"phong-khtc\",\"phong-qlcn\"]", "type", "Json"),
            "informedUnits", Map.of("value", "[]", "type", "Json"))));
    assertThat(directed.status()).as(directed.text()).isIn(200, 204);

    Map<String, String> unitUser = Map.of(Groups.PHONG_QLKH, "cv.qlkh", Groups.PHONG_KHTC, "cv.khtc",
        Groups.PHONG_QLCN, "cv.qlcn");
    List<Task> unitTasks = taskService.createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(IncomingDirectiveProcess.Tasks.HANDLE_ASSIGNMENT).list();
    assertThat(unitTasks).hasSize(3);
    List<Callable<Response>> completions = new ArrayList<>();
    for (Task unitTask : unitTasks) {
      String group = taskService.getIdentityLinksForTask(unitTask.getId()).stream()
          .filter(l -> l.getGroupId() != null).findFirst().orElseThrow().getGroupId();
      String user = unitUser.get(group);
      assertThat(post(user, "/engine-rest/task/" + unitTask.getId() + "/claim",
          Map.of("userId", user)).status()).isEqualTo(204);
      completions.add(() -> completeWithRetry(user, unitTask.getId(), "Kết quả của " + group));
    }
    List<Response> responses = together(completions);
    assertThat(responses).allMatch(r -> r.status() == 204);

    long documentId = jdbc.queryForObject("select id from incoming_document where"
        + " process_instance_id = ?", Long.class, instance);
    List<String> results = jdbc.queryForList("select comment_text from document_trail where"
        + " document_id = ? and action = 'UNIT_RESULT'", String.class, documentId);
    assertThat(results).containsExactlyInAnyOrder("Kết quả của phong-qlkh",
        "Kết quả của phong-khtc", "Kết quả của phong-qlcn");
    assertThat(taskService.createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(IncomingDirectiveProcess.Tasks.CONSOLIDATE_REPORT).count()).isEqualTo(1);
  }

  /**
   * Completes as a client should: a 409 (someone else's completion touched the same instance at
   * the same moment, nothing was stored) is retried.
   */
  Response completeWithRetry(String user, String taskId, String result)
      throws Exception {
    for (int attempt = 0; ; attempt++) {
      Response response = post(user, "/engine-rest/task/" + taskId + "/complete",
          Map.of("variables", Map.of("result", Map.of("value", result, "type", "String"))));
      if (response.status() != 409 || attempt == 5) {
        return response;
      }
      Thread.sleep(50L * (attempt + 1));
    }
  }
}
