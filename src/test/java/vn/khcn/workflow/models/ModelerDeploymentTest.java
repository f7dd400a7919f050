package vn.khcn.workflow.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

/** Deploying exactly as Camunda Modeler's Deploy button does: multipart to deployment/create. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ModelerDeploymentTest {

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired ModelHistory history;

  static String bpmn(String key, String body) {
    return ModelValidatorTest.process(body).replace("test-process", key);
  }

  ResponseEntity<String> deploy(String user, String fileName, String content) {
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", "diagram");
    parts.add("deployment-source", "Camunda Modeler");
    parts.add("deploy-changed-only", "true");
    parts.add(fileName, new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(user, "demo").exchange("/engine-rest/deployment/create",
        HttpMethod.POST, new HttpEntity<>(parts, headers), String.class);
  }

  @Test
  void aValidModelDeploysAsANewVersion() {
    ResponseEntity<String> response = deploy("admin", "modeler-ok.bpmn", bpmn("modeler-ok",
        "    <bpmn:serviceTask id=\"s\" camunda:delegateExpression=\"${archiveDocumentStep}\" />"));
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("modeler-ok")
        .count()).isEqualTo(1);
    ModelDeployment logged = history.latest(1).get(0);
    assertThat(logged.getResources()).isEqualTo("modeler-ok.bpmn");
    assertThat(logged.getActor()).isEqualTo("admin");
    assertThat(logged.getResult()).isEqualTo(ModelDeployment.Result.DEPLOYED);
    assertThat(logged.getDeploymentId()).isNotBlank();
  }

  @Test
  void aRefusedModelListsItsProblemsAndDeploysNothing() {
    ResponseEntity<String> response = deploy("admin", "modeler-bad.bpmn", bpmn("modeler-bad",
        "    <bpmn:scriptTask id=\"scriptTask_evil\" scriptFormat=\"groovy\" />\n"
            + "    <bpmn:serviceTask id=\"s\" camunda:class=\"java.lang.Runtime\" />"));
    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getBody()).contains("scriptTask_evil", "camunda:class",
        "không cho phép", "\"line\":");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("modeler-bad")
        .count()).isZero();
  }

  @Test
  void onlyAdministratorsMayDeploy() {
    String valid = bpmn("modeler-clerk", "");
    assertThat(deploy("cv.qlkh", "modeler-clerk.bpmn", valid).getStatusCode().value()).isEqualTo(403);
    assertThat(deploy("vanthu", "modeler-clerk.bpmn",
        bpmn("modeler-clerk", "    <bpmn:scriptTask id=\"x\" />")).getStatusCode().value())
        .as("no validation feedback for those who may not deploy").isEqualTo(403);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("modeler-clerk")
        .count()).isZero();
  }
}
