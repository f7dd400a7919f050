package vn.khcn.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.support.TestHttp.Response;

/** Webapp login and the two CVE mitigations (CVE-2026-109432, CVE-2026-77226). */
class CveMitigationTest extends SecurityTestSupport {

  static final String OR_EXPRESSION =
      "{\"orQueries\":[{\"assigneeExpression\":\"${currentUser()}\",\"assignee\":\"x\"}]}";
  static final String OR_PLAIN = "{\"orQueries\":[{\"assignee\":\"giamdoc\","
      + "\"candidateGroup\":\"lanh-dao\"}]}";

  @Autowired IdentityService identityService;

  @Test
  void webappLoginWorksForDemoUserAndCockpitIsRefusedToUnits() throws Exception {
    WebappSession session = new WebappSession().open();
    Response tasklist = session.login("tasklist", "cv.qlkh", "demo");
    assertThat(tasklist.status()).isEqualTo(200);
    assertThat(tasklist.text()).contains("\"userId\":\"cv.qlkh\"");

    WebappSession other = new WebappSession().open();
    assertThat(other.login("cockpit", "cv.qlkh", "demo").status()).isEqualTo(403);
    WebappSession third = new WebappSession().open();
    assertThat(third.login("admin", "cv.qlkh", "demo").status()).isEqualTo(403);

    WebappSession admin = new WebappSession().open();
    assertThat(admin.login("cockpit", "admin", "demo").status()).isEqualTo(200);
  }

  @Test
  void orQueryExpressionsAreRefusedOnEngineRest() throws Exception {
    for (String path : new String[] {"/engine-rest/task?firstResult=0&maxResults=10",
        "/engine-rest/task/count", "/engine-rest/engine/default/task?maxResults=10"}) {
      Response refused = postJson(path, "giamdoc", OR_EXPRESSION);
      assertThat(refused.status()).as(path).isEqualTo(400);
      assertThat(json(refused).path("message").asText()).contains("orQueries");
      Response plainResponse = postJson(path, "giamdoc", OR_PLAIN);
      assertThat(plainResponse.status()).as(path + plainResponse.text()).isEqualTo(200);
    }
    // nested deeper and with another expression field
    String nested = "{\"active\":true,\"orQueries\":[{\"candidateGroupsExpression\":"
        + "\"${currentUserGroups()}\"}]}";
    assertThat(postJson("/engine-rest/task/count", "giamdoc", nested).status())
        .isEqualTo(400);
    // a filter carrying such a query is refused as well, even for an administrator
    String filter = "{\"resourceType\":\"Task\",\"name\":\"x\",\"query\":" + OR_EXPRESSION + "}";
    assertThat(send("POST", "/engine-rest/filter/create", "admin", "demo", JSON, filter)
        .status()).isEqualTo(400);
    // an encoded path reaches the same resource, and the same guard
    assertThat(postJson("/engine-rest/%74ask/count", "giamdoc", OR_EXPRESSION).status())
        .isEqualTo(400);
    // the query string too
    String query = "/engine-rest/task?orQueries="
        + URLEncoder.encode("[{\"assigneeExpression\":\"x\"}]", StandardCharsets.UTF_8);
    assertThat(get(query, "giamdoc").status()).isEqualTo(400);
    // plain queries and expressions outside orQueries are left to the engine
    assertThat(get("/engine-rest/task?candidateGroup=lanh-dao&maxResults=10", "giamdoc")
        .status())
        .isEqualTo(200);
    assertThat(postJson("/engine-rest/task", "giamdoc", "{\"assigneeExpression\":\"x\"}")
        .status()).isEqualTo(400);
  }

  @Test
  void orQueryExpressionsAreRefusedInTheWebappsEngineApi() throws Exception {
    WebappSession session = new WebappSession().open();
    assertThat(session.login("tasklist", "phogiamdoc", "demo").status()).isEqualTo(200);
    Response plain = session.send("POST",
        "/camunda/api/engine/engine/default/task?firstResult=0&maxResults=15", JSON, OR_PLAIN);
    assertThat(plain.status()).as(plain.text() + plain.headers().map()).isEqualTo(200);
    Response refused = session.send("POST",
        "/camunda/api/engine/engine/default/task", JSON, OR_EXPRESSION);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(session.send("POST", "/camunda/api/engine/engine/default/task/count", JSON,
        OR_EXPRESSION).status()).isEqualTo(400);
    // what Tasklist asks for on its start page: the shared filters, in pages of 2000
    Response filters = session.send("GET", "/camunda/api/engine/engine/default/filter"
        + "?firstResult=0&maxResults=2000&itemCount=false&resourceType=Task", null, null);
    assertThat(filters.status()).as(filters.text()).isEqualTo(200);
    assertThat(filters.text()).contains("Việc của tôi", "Việc của đơn vị");
  }

  @Test
  void setupEndpointIsClosed() throws Exception {
    String user = "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"a\",\"lastName\":\"b\"},"
        + "\"credentials\":{\"password\":\"intruder1\"}}";
    Response anonymous =
        send("POST", "/camunda/api/admin/setup/default/user/create", null, null, JSON, user);
    assertThat(anonymous.status()).isEqualTo(403);
    assertThat(json(anonymous).path("status").asInt()).isEqualTo(403);
    WebappSession session = new WebappSession().open();
    assertThat(session.send("POST", "/camunda/api/admin/setup/default/user/create", JSON, user)
        .status()).isEqualTo(403);
    assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
  }

  @Test
  void theLastAdministratorCannotBeRemoved() throws Exception {
    assertThat(identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count())
        .isEqualTo(1);
    for (String path : new String[] {
        "/engine-rest/group/camunda-admin/members/admin",
        "/engine-rest/group/camunda-admin",
        "/engine-rest/user/admin",
        "/engine-rest/user/%61dmin",
        "/engine-rest/engine/default/user/admin"}) {
      Response refused = send("DELETE", path, "admin", "demo", null, null);
      assertThat(refused.status()).as(path).isEqualTo(409);
      assertThat(json(refused).path("message").asText()).contains("ít nhất một thành viên");
    }
    WebappSession session = new WebappSession().open();
    assertThat(session.login("admin", "admin", "demo").status()).isEqualTo(200);
    assertThat(session.send("DELETE",
        "/camunda/api/engine/engine/default/group/camunda-admin/members/admin", null, null)
        .status()).isEqualTo(409);
    assertThat(session.send("DELETE", "/camunda/api/engine/engine/default/user/admin", null,
        null).status()).isEqualTo(409);

    assertThat(identityService.createUserQuery().userId("admin")
        .memberOfGroup(Groups.CAMUNDA_ADMIN).count()).isEqualTo(1);
    assertThat(identityService.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count())
        .isEqualTo(1);
  }

  @Test
  void anotherAdministratorMayBeRemovedWhileOneRemains() throws Exception {
    var user = identityService.newUser("admin2");
    user.setFirstName("Phó");
    user.setLastName("Quản trị");
    user.setPassword("demo");
    identityService.saveUser(user);
    identityService.createMembership("admin2", Groups.CAMUNDA_ADMIN);
    try {
      assertThat(send("DELETE", "/engine-rest/group/camunda-admin/members/admin2", "admin",
          "demo", null, null).status()).isEqualTo(204);
      assertThat(send("DELETE", "/engine-rest/user/admin2", "admin", "demo", null, null)
          .status()).isEqualTo(204);
      assertThat(identityService.createUserQuery().userId("admin2").count()).isZero();
    } finally {
      if (identityService.createUserQuery().userId("admin2").count() > 0) {
        identityService.deleteUser("admin2");
      }
    }
  }
}
