package vn.khcn.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.support.TestHttp.Response;

/** Java serialization refused, query size limited, concurrent claims answered with 409. */
class EngineRestHardeningTest extends SecurityTestSupport {

  static final String PROCESS_KEY = "security-test-claim";

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  String deploymentId;
  ProcessInstance instance;

  @BeforeEach
  void deployTinyProcess() {
    BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS_KEY)
        .camundaHistoryTimeToLive(1)
        .startEvent("startEvent_started")
        .userTask("userTask_review").camundaCandidateGroups(Groups.LANH_DAO)
        .endEvent("endEvent_done")
        .done();
    deploymentId = repositoryService.createDeployment()
        .addModelInstance(PROCESS_KEY + ".bpmn", model).deploy().getId();
    instance = runtimeService.startProcessInstanceByKey(PROCESS_KEY);
  }

  @AfterEach
  void removeTinyProcess() {
    repositoryService.deleteDeployment(deploymentId, true);
  }

  Task reviewTask() {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  @Test
  void candidateCanReadAndWorkOnTheTaskButNotReassignIt() throws Exception {
    String taskId = reviewTask().getId();
    assertThat(get("/engine-rest/task/" + taskId, "giamdoc").status()).isEqualTo(200);
    // another unit does not even see the task
    assertThat(get("/engine-rest/task/" + taskId, "cv.qlkh").status()).isEqualTo(404);
    assertThat(postJson("/engine-rest/task/" + taskId + "/assignee", "giamdoc",
        "{\"userId\":\"cv.qlkh\"}").status()).isEqualTo(403);
    assertThat(postJson("/engine-rest/task/" + taskId + "/claim", "giamdoc",
        "{\"userId\":\"giamdoc\"}").status()).isEqualTo(204);
    Response complete = postJson("/engine-rest/task/" + taskId + "/complete",
        "giamdoc", "{\"variables\":{\"comment\":{\"value\":\"Đồng ý\",\"type\":\"String\"}}}");
    assertThat(complete.status()).as(complete.text()).isEqualTo(204);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId())
        .count()).isZero();
  }

  @Test
  void javaSerializedVariablesAreRefused() throws Exception {
    String body = "{\"value\":\"rO0ABXQABGV2aWw=\",\"type\":\"Object\",\"valueInfo\":"
        + "{\"objectTypeName\":\"java.lang.String\","
        + "\"serializationDataFormat\":\"application/x-java-serialized-object\"}}";
    Response response = send("PUT",
        "/engine-rest/process-instance/" + instance.getId() + "/variables/payload", "admin", "demo",
        JSON, body);
    assertThat(response.status()).as(response.text()).isEqualTo(400);
    assertThat(json(response).path("message").asText()).contains("JSON");
    assertThat(runtimeService.getVariable(instance.getId(), "payload")).isNull();
    assertThat(runtimeService.getVariables(instance.getId())).doesNotContainKey("payload");

    String json = "{\"value\":\"{\\\"a\\\":1}\",\"type\":\"Json\"}";
    assertThat(send("PUT", "/engine-rest/process-instance/" + instance.getId()
        + "/variables/payload", "admin", "demo", JSON, json).status()).isEqualTo(204);
  }

  @Test
  void queryMaxResultsLimitIsEnforced() throws Exception {
    Response tooMany = get("/engine-rest/task?firstResult=0&maxResults=5000", "admin");
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(json(tooMany).path("message").asText()).contains("Max results limit");
    Response unbounded = get("/engine-rest/process-definition", "admin");
    assertThat(unbounded.status()).isEqualTo(400);
    assertThat(get("/engine-rest/task?firstResult=0&maxResults=2000", "admin").status())
        .isEqualTo(200);
  }

  @Test
  void twoDirectorsClaimingOneTaskAtOnceGiveOneWinnerAndOneConflict() throws Exception {
    String taskId = reviewTask().getId();
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Response>> results = new ArrayList<>();
      for (String user : List.of("giamdoc", "phogiamdoc")) {
        Callable<Response> claim = () -> {
          start.await(10, TimeUnit.SECONDS);
          return postJson("/engine-rest/task/" + taskId + "/claim", user,
              "{\"userId\":\"" + user + "\"}");
        };
        results.add(pool.submit(claim));
      }
      List<Integer> statuses = new ArrayList<>();
      Response conflict = null;
      for (Future<Response> result : results) {
        Response response = result.get(30, TimeUnit.SECONDS);
        statuses.add(response.status());
        if (response.status() == 409) {
          conflict = response;
        }
      }
      assertThat(statuses).containsExactlyInAnyOrder(204, 409);
      assertThat(conflict).isNotNull();
      assertThat(json(conflict).path("message").asText())
          .contains("tải lại");
      assertThat(reviewTask().getAssignee()).isIn("giamdoc", "phogiamdoc");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void claimingATaskSomeoneElseHoldsIs409() throws Exception {
    String taskId = reviewTask().getId();
    assertThat(postJson("/engine-rest/task/" + taskId + "/claim", "giamdoc",
        "{\"userId\":\"giamdoc\"}").status()).isEqualTo(204);
    Response second = postJson("/engine-rest/task/" + taskId + "/claim",
        "phogiamdoc", "{\"userId\":\"phogiamdoc\"}");
    assertThat(second.status()).isEqualTo(409);
    assertThat(json(second).path("type").asText()).isEqualTo("TaskAlreadyClaimedException");
    assertThat(reviewTask().getAssignee()).isEqualTo("giamdoc");
  }
}
