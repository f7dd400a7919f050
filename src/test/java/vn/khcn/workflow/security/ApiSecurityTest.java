package vn.khcn.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.khcn.workflow.support.TestHttp.Response;

/** 401/403 JSON answers on /api and /engine-rest, method security, CurrentUser, error mapping. */
class ApiSecurityTest extends SecurityTestSupport {

  @Autowired IdentityService identityService;

  @Test
  void noCredentialsIs401JsonWithBasicChallenge() throws Exception {
    for (String path : new String[] {"/api/test-probe/me", "/engine-rest/task",
        "/engine-rest/engine", "/api/incoming-documents"}) {
      Response response = send("GET", path, null, null, null, null);
      assertThat(response.status()).as(path).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString()
          .startsWith("Basic");
      JsonNode body = json(response);
      assertThat(body.path("status").asInt()).isEqualTo(401);
      assertThat(body.path("message").asText()).contains("Cần đăng nhập");
      assertThat(body.path("path").asText()).isEqualTo(path);
    }
  }

  @Test
  void wrongPasswordIs401() throws Exception {
    // Camunda delays logins after a failed attempt: use a user of this test alone
    User user = identityService.newUser("thu.sai");
    user.setFirstName("Người");
    user.setLastName("Thử");
    user.setPassword("demo");
    identityService.saveUser(user);
    try {
      Response api = send("GET", "/api/test-probe/me", "thu.sai", "sai", null, null);
      Response engine =
          send("GET", "/engine-rest/task", "thu.sai", "sai", null, null);
      Response unknown =
          send("GET", "/engine-rest/task", "nobody", "demo", null, null);
      assertThat(api.status()).isEqualTo(401);
      assertThat(engine.status()).isEqualTo(401);
      assertThat(unknown.status()).isEqualTo(401);
      assertThat(json(engine).path("error").asText()).isEqualTo("Unauthorized");
      assertThat(json(api).path("message").asText()).contains("Cần đăng nhập");
    } finally {
      identityService.deleteUser("thu.sai");
    }
  }

  @Test
  void healthIsPublic() throws Exception {
    assertThat(send("GET", "/actuator/health", null, null, null, null).status())
        .isEqualTo(200);
  }

  @Test
  void currentUserCarriesGroupsAndVietnameseName() throws Exception {
    Response response = get("/api/test-probe/me", "vanthu");
    assertThat(response.status()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body.path("userId").asText()).isEqualTo("vanthu");
    assertThat(body.path("fullName").asText()).isEqualTo("Nguyễn Thị Thu Hà");
    assertThat(body.path("groups").toString()).isEqualTo("[\"van-thu\"]");
    assertThat(body.path("clerk").asBoolean()).isTrue();
  }

  @Test
  void preAuthorizeByGroupIdIs403JsonForOthers() throws Exception {
    assertThat(get("/api/test-probe/clerk-only", "vanthu").status()).isEqualTo(200);
    Response refused = get("/api/test-probe/clerk-only", "cv.qlkh");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(json(refused).path("message").asText()).contains("không có quyền");
  }

  @Test
  void engineAuthorizationInsideApiCodeIs403AndAdminMayDeploy() throws Exception {
    Response refused = postJson("/api/test-probe/deploy", "cv.qlkh", "");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(json(refused).path("status").asInt()).isEqualTo(403);
    assertThat(postJson("/api/test-probe/deploy", "admin", "").status()).isEqualTo(200);
  }

  @Test
  void unitCannotDeployOrCreateFiltersThroughEngineRest() throws Exception {
    String boundary = "----khcn";
    String bpmn = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><definitions"
        + " xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
        + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"t\">"
        + "<process id=\"rogue\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\">"
        + "<startEvent id=\"s\"/></process></definitions>";
    String multipart = "--" + boundary + "\r\nContent-Disposition: form-data;"
        + " name=\"deployment-name\"\r\n\r\nrogue\r\n--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"rogue.bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
    String contentType = "multipart/form-data; boundary=" + boundary;
    Response deploy = send("POST", "/engine-rest/deployment/create", "cv.qlkh", "demo",
        contentType, multipart);
    assertThat(deploy.status()).isEqualTo(403);
    assertThat(json(deploy).path("type").asText()).isEqualTo("AuthorizationException");

    String filter = "{\"resourceType\":\"Task\",\"name\":\"Của tôi\",\"query\":{}}";
    Response createFilter = postJson("/engine-rest/filter/create", "cv.qlkh", filter);
    assertThat(createFilter.status()).isEqualTo(403);

    Response adminDeploy = send("POST", "/engine-rest/deployment/create", "admin",
        "demo", contentType, multipart);
    assertThat(adminDeploy.status()).isEqualTo(200);
    String deploymentId = json(adminDeploy).path("id").asText();
    assertThat(send("DELETE", "/engine-rest/deployment/" + deploymentId + "?cascade=true",
        "admin", "demo", null, null).status()).isEqualTo(204);
  }

  @Test
  void malformedJsonNamesTheField() throws Exception {
    Response wrongType =
        postJson("/api/test-probe/echo", "vanthu", "{\"name\":\"a\",\"count\":\"nhiều\"}");
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(json(wrongType).path("fieldErrors").get(0).path("field").asText())
        .isEqualTo("count");

    Response unknownField =
        postJson("/api/test-probe/echo", "vanthu", "{\"name\":\"a\",\"colour\":1}");
    assertThat(unknownField.status()).isEqualTo(400);
    assertThat(json(unknownField).path("fieldErrors").get(0).path("field").asText())
        .isEqualTo("colour");

    Response broken = postJson("/api/test-probe/echo", "vanthu", "{\"name\":");
    assertThat(broken.status()).isEqualTo(400);
    assertThat(json(broken).path("message").asText()).contains("JSON");
  }

  @Test
  void invalidFieldsAreListedInVietnamese() throws Exception {
    Response response =
        postJson("/api/test-probe/echo", "vanthu", "{\"name\":\" \",\"code\":\"quá dài\"}");
    assertThat(response.status()).isEqualTo(400);
    JsonNode fields = json(response).path("fieldErrors");
    assertThat(fields).hasSize(2);
    assertThat(response.text()).contains("\"field\":\"name\"", "Không được để trống",
        "\"field\":\"code\"", "Tối đa 5 ký tự");
    assertThat(new String(response.text().getBytes(StandardCharsets.UTF_8),
        StandardCharsets.UTF_8)).doesNotContain("Exception");
  }

  @Test
  void unparseableTaskQueryIsRefusedBeforeTheEngine() throws Exception {
    Response response = postJson("/engine-rest/task/count", "giamdoc", "{\"orQueries\":");
    assertThat(response.status()).isEqualTo(400);
    assertThat(json(response).path("message").asText()).contains("JSON");
  }

  @Test
  void parameterTypeMismatchNamesTheParameter() throws Exception {
    Response response = get("/api/test-probe/number?n=abc", "vanthu");
    assertThat(response.status()).isEqualTo(400);
    assertThat(json(response).path("message").asText()).contains("\"n\"");
  }
}
