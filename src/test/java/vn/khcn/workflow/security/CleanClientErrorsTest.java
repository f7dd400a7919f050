package vn.khcn.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.support.TestHttp.Response;

/** Requests that used to end in a 500: each is a clean 4xx now, with a message in Vietnamese. */
class CleanClientErrorsTest extends SecurityTestSupport {

  static final String PROCESS_KEY = "security-test-clean-errors";
  static final String DECISION_KEY = "security-test-typed-decision";
  static final String DMN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
          xmlns:camunda="http://camunda.org/schema/1.0/dmn"
          id="definitions_typed" name="typed" namespace="http://khcn.vn/dmn">
        <decision id="security-test-typed-decision" name="typed" camunda:historyTimeToLive="1">
          <decisionTable id="decisionTable_typed" hitPolicy="FIRST">
            <input id="input_amount" label="amount">
              <inputExpression id="inputExpression_amount" typeRef="integer">
                <text>amount</text>
              </inputExpression>
            </input>
            <output id="output_big" name="big" typeRef="boolean" />
            <rule id="rule_big">
              <inputEntry id="inputEntry_big"><text>&gt; 10</text></inputEntry>
              <outputEntry id="outputEntry_big"><text>true</text></outputEntry>
            </rule>
          </decisionTable>
        </decision>
      </definitions>
      """;

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  String deploymentId;
  ProcessInstance instance;

  @BeforeEach
  void deploy() {
    deploymentId = repositoryService.createDeployment()
        .addModelInstance(PROCESS_KEY + ".bpmn", Bpmn.createExecutableProcess(PROCESS_KEY)
            .camundaHistoryTimeToLive(1)
            .startEvent("startEvent_started")
            .userTask("userTask_review").camundaCandidateGroups(Groups.LANH_DAO)
            .endEvent("endEvent_done")
            .done())
        .addInputStream(DECISION_KEY + ".dmn",
            new ByteArrayInputStream(DMN.getBytes(StandardCharsets.UTF_8)))
        .deploy().getId();
    instance = runtimeService.startProcessInstanceByKey(PROCESS_KEY);
  }

  @AfterEach
  void remove() {
    repositoryService.deleteDeployment(deploymentId, true);
  }

  String taskId() {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
  }

  @Test
  void theLastPossiblePageNumberIsRefusedOrEmptyNeverAServerError() throws Exception {
    for (String[] call : new String[][] {
        {"/api/incoming-documents?page=2147483647", "vanthu"},
        {"/api/research-tasks?page=2147483647", "cv.qlkh"},
        {"/api/inbox?page=2147483647", "giamdoc"},
        {"/api/incoming-documents?page=2147483647&size=100", "vanthu"},
        {"/api/research-tasks?page=99999999&size=100", "cv.qlkh"}}) {
      Response response = get(call[0], call[1]);
      assertThat(response.status()).as(call[0] + " " + response.text()).isEqualTo(400);
      assertThat(json(response).toString()).as(call[0]).contains("page");
    }
  }

  @Test
  void oneUserClaimingTheSameTaskFromManyRequestsAtOnceGetsNoServerError() throws Exception {
    String taskId = taskId();
    int parallel = 6;
    CyclicBarrier start = new CyclicBarrier(parallel);
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    try {
      List<Future<Response>> results = new ArrayList<>();
      for (int i = 0; i < parallel; i++) {
        Callable<Response> claim = () -> {
          start.await(10, TimeUnit.SECONDS);
          return postJson("/engine-rest/task/" + taskId + "/claim", "giamdoc",
              "{\"userId\":\"giamdoc\"}");
        };
        results.add(pool.submit(claim));
      }
      for (Future<Response> result : results) {
        Response response = result.get(30, TimeUnit.SECONDS);
        assertThat(response.status()).as(response.text()).isIn(204, 409);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee())
        .isEqualTo("giamdoc");
  }

  @Test
  void caseInstancesAreNotOfferedWithCmmnSwitchedOff() throws Exception {
    Response response = get("/engine-rest/case-instance/count", "admin");
    assertThat(response.status()).as(response.text()).isBetween(400, 499);
    assertThat(response.status()).isNotEqualTo(401);
  }

  @Test
  void deletingATaskOfARunningProcessIsRefusedWithA4xx() throws Exception {
    String taskId = taskId();
    Response response = send("DELETE", "/engine-rest/task/" + taskId, "admin",
        "demo", null, null);
    assertThat(response.status()).as(response.text()).isEqualTo(403);
    assertThat(json(response).path("message").asText()).contains("quy trình");
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isOne();
  }

  @Test
  void aDecisionEvaluatedWithAValueOfTheWrongTypeIs400() throws Exception {
    Response response = postJson(
        "/engine-rest/decision-definition/key/" + DECISION_KEY + "/evaluate", "admin",
        "{\"variables\":{\"amount\":{\"value\":\"mười hai\",\"type\":\"String\"}}}");
    assertThat(response.status()).as(response.text()).isEqualTo(400);
    assertThat(json(response).path("message").asText()).contains("mười hai").contains("bảng quyết định");
    Response fine = postJson(
        "/engine-rest/decision-definition/key/" + DECISION_KEY + "/evaluate", "admin",
        "{\"variables\":{\"amount\":{\"value\":12,\"type\":\"Integer\"}}}");
    assertThat(fine.status()).as(fine.text()).isEqualTo(200);
  }
}
