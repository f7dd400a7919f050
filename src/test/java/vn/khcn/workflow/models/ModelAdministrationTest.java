package vn.khcn.workflow.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

/** The administrators' model API: deploy, compare, roll back, migrate; nobody else may. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ModelAdministrationTest {

  static final String KEY = "admin-model-test";

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired ManagementService managementService;

  static String model(String tasks) {
    return ModelValidatorTest.process(tasks).replace("test-process", KEY);
  }

  static final String V1 = """
          <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
          <bpmn:userTask id="review" name="Xem xét" camunda:candidateGroups="van-thu" />
          <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="sign" />
          <bpmn:userTask id="sign" name="Ký" camunda:candidateGroups="lanh-dao" />
      """;
  static final String V2 = """
          <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
          <bpmn:userTask id="review" name="Xem xét hồ sơ" camunda:candidateGroups="van-thu" />
          <bpmn:sequenceFlow id="f3" sourceRef="review" targetRef="check" />
          <bpmn:userTask id="check" name="Kiểm tra" camunda:candidateGroups="van-phong" />
      """;

  ResponseEntity<String> upload(String user, String content) {
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("files", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return KEY + ".bpmn";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(user, "demo").postForEntity("/api/admin/models",
        new HttpEntity<>(parts, headers), String.class);
  }

  JsonNode json(String text) throws Exception {
    return new ObjectMapper().readTree(text);
  }

  @Test
  void deployCompareRollBackAndMigrate() throws Exception {
    assertThat(upload("admin", model(V1)).getStatusCode().value()).isEqualTo(201);
    ProcessInstance atReview = runtimeService.startProcessInstanceByKey(KEY);
    ProcessInstance atSign = runtimeService.startProcessInstanceByKey(KEY);
    runtimeService.createProcessInstanceModification(atSign.getId()).cancelAllForActivity("review")
        .startBeforeActivity("sign").execute();

    ResponseEntity<String> refused = upload("admin", model("    <bpmn:scriptTask id=\"scriptTask_bad\" />"));
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody()).contains("scriptTask_bad");

    assertThat(upload("admin", model(V2)).getStatusCode().value()).isEqualTo(201);
    String listText = rest.withBasicAuth("admin", "demo").getForObject("/api/admin/models", String.class);
    JsonNode list = json(listText);
    JsonNode ours = null;
    for (JsonNode process : list) {
      if (process.get("key").asText().equals(KEY)) {
        ours = process;
      }
    }
    assertThat(ours.get("versions")).hasSize(2);
    assertThat(ours.get("versions").get(1).get("runningInstances").asLong()).isEqualTo(2);

    JsonNode diff = json(rest.withBasicAuth("admin", "demo")
        .getForObject("/api/admin/models/" + KEY + "/diff?from=1&to=2", String.class));
    assertThat(diff.get("added")).extracting(JsonNode::asText).contains("check", "f3");
    assertThat(diff.get("removed")).extracting(JsonNode::asText).contains("sign", "f2");
    assertThat(diff.get("changed")).extracting(JsonNode::asText).contains("review");

    JsonNode plan = json(rest.withBasicAuth("admin", "demo").getForObject(
        "/api/admin/models/" + KEY + "/migrations/plan?fromVersion=1", String.class));
    assertThat(plan.get("instructions")).extracting(JsonNode::asText).contains("review → review");
    assertThat(plan.get("migrating")).extracting(JsonNode::asText).containsExactly(atReview.getId());
    assertThat(plan.get("notMigratable").has(atSign.getId())).isTrue();
    assertThat(plan.has("batchId")).as("a plan runs nothing").isFalse();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(atReview.getId())
        .singleResult().getProcessDefinitionId()).contains(":1:");

    String migrationText = rest.withBasicAuth("admin", "demo").postForObject(
        "/api/admin/models/" + KEY + "/migrations?fromVersion=1", null, String.class);
    JsonNode migration = json(migrationText);
    assertThat(migration.get("migrating")).extracting(JsonNode::asText).containsExactly(atReview.getId());
    assertThat(migration.get("notMigratable").has(atSign.getId())).isTrue();
    for (Job job : managementService.createJobQuery().listPage(0, 100)) {
      if (job.getProcessInstanceId() == null) {
        managementService.executeJob(job.getId()); // batch seed and migration jobs
      }
    }
    for (Job job : managementService.createJobQuery().listPage(0, 100)) {
      if (job.getProcessInstanceId() == null) {
        managementService.executeJob(job.getId());
      }
    }
    String v2 = repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY)
        .processDefinitionVersion(2).singleResult().getId();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(atReview.getId())
        .singleResult().getProcessDefinitionId()).isEqualTo(v2);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(atSign.getId())
        .singleResult().getProcessDefinitionId()).as("left untouched").isNotEqualTo(v2);

    ResponseEntity<String> rollback = rest.withBasicAuth("admin", "demo").postForEntity(
        "/api/admin/models/" + KEY + "/rollback?version=1", null, String.class);
    assertThat(rollback.getStatusCode().value()).isEqualTo(201);
    JsonNode latestDiff = json(rest.withBasicAuth("admin", "demo")
        .getForObject("/api/admin/models/" + KEY + "/diff?from=1&to=3", String.class));
    assertThat(latestDiff.get("added")).isEmpty();
    assertThat(latestDiff.get("removed")).isEmpty();
    assertThat(latestDiff.get("changed")).isEmpty();

    JsonNode history = json(rest.withBasicAuth("admin", "demo")
        .getForObject("/api/admin/models/history?count=10", String.class));
    assertThat(history).extracting(h -> h.get("result").asText()).contains("DEPLOYED", "REFUSED");
  }

  @Test
  void uploadsShowWhatTheyChangeAndEngineParseErrorsAreProblemsToo() throws Exception {
    assertThat(upload("admin", model(V1).replace(KEY, KEY + "-diff")).getStatusCode().value()).isEqualTo(201);
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("files", new ByteArrayResource(model(V2).replace(KEY, KEY + "-diff").getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "diff.bpmn";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    JsonNode checked = json(rest.withBasicAuth("admin", "demo").postForObject(
        "/api/admin/models/validate", new HttpEntity<>(parts, headers), String.class));
    assertThat(checked.get("problems")).isEmpty();
    JsonNode difference = checked.get("differences").elements().next();
    assertThat(difference.get("added")).extracting(JsonNode::asText).contains("check");
    assertThat(difference.get("removed")).extracting(JsonNode::asText).contains("sign");

    ResponseEntity<String> broken = upload("admin", model(
        "    <bpmn:sequenceFlow id=\"dangling\" sourceRef=\"start\" targetRef=\"nowhere\" />"));
    assertThat(broken.getStatusCode().value()).isEqualTo(400);
    assertThat(broken.getBody()).contains("the engine cannot parse the model", "\"line\":");
  }

  @Test
  void nobodyButAdministratorsReachesTheModelApi() {
    assertThat(upload("cv.qlkh", model(V1)).getStatusCode().value()).isEqualTo(403);
    assertThat(rest.withBasicAuth("giamdoc", "demo").getForEntity("/api/admin/models", String.class)
        .getStatusCode().value()).isEqualTo(403);
    assertThat(rest.getForEntity("/api/admin/models", String.class).getStatusCode().value())
        .isEqualTo(401);
  }
}
