package vn.khcn.workflow.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.support.TestHttp;

/**
 * Investigators' accounts (ADR 0023): made by phong-qlkh only, in group chu-nhiem and no other,
 * the organisation kept with the account; a staff group, an existing user or anyone else's hand
 * is refused and nothing is created.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class InvestigatorAccountsTest {

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired InvestigatorAccountRepository accounts;

  static String newId() {
    return "cn." + UUID.randomUUID().toString().substring(0, 8);
  }

  static Map<String, Object> body(String id) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("name", "Nguyễn Thị Minh Thư");
    body.put("email", id + "@ctu.edu.vn");
    body.put("organisation", "Viện Công nghệ sinh học và Thực phẩm, Trường Đại học Cần Thơ");
    return body;
  }

  List<String> groupsOf(String id) {
    return identityService.createGroupQuery().groupMember(id).list().stream().map(Group::getId)
        .toList();
  }

  @Test
  void phongQlkhCreatesAnInvestigatorWhoUsesThePortalOfTheirOrganisation() {
    TestHttp http = TestHttp.of(rest);
    String id = newId();
    TestHttp.Response created = http.post("cv.qlkh", "/api/research/investigators", body(id));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    assertThat(created.body().get("group").asText()).isEqualTo(Groups.CHU_NHIEM);
    String password = created.body().get("initialPassword").asText();
    assertThat(password).hasSize(16);
    assertThat(groupsOf(id)).containsExactly(Groups.CHU_NHIEM);
    assertThat(identityService.createUserQuery().userId(id).singleResult().getLastName())
        .isEqualTo("Thư");
    assertThat(accounts.findById(id).orElseThrow().getOrganisation())
        .isEqualTo("Viện Công nghệ sinh học và Thực phẩm, Trường Đại học Cần Thơ");
    assertThat(http.get("cv.qlkh", "/api/research/investigators").text()).contains(id);

    TestHttp.Session session = http.session();
    assertThat(session.login(id, password).status()).isEqualTo(302);
    TestHttp.Response portal = session.request("GET", "/portal").header("Accept", "text/html")
        .send();
    assertThat(portal.status()).isEqualTo(200);
    assertThat(portal.text()).contains("Viện Công nghệ sinh học và Thực phẩm")
        .as("the organisation is the account's, not a field").doesNotContain("id=\"hostOrganisation\"");
    assertThat(session.request("GET", "/documents").header("Accept", "text/html").send()
        .status()).as("no staff page").isEqualTo(403);
  }

  @Test
  void onlyPhongQlkhCreatesAccountsAndNeverWithAStaffGroupOrOverAnExistingUser() {
    TestHttp http = TestHttp.of(rest);
    long before = accounts.count();
    String id = newId();
    assertThat(http.post("chunhiem", "/api/research/investigators", body(id)).status())
        .isEqualTo(403);
    assertThat(http.post("giamdoc", "/api/research/investigators", body(id)).status())
        .isEqualTo(403);
    assertThat(http.get("hd.chutich", "/api/research/investigators").status()).isEqualTo(403);

    Map<String, Object> withGroup = body(id);
    withGroup.put("groups", List.of(Groups.LANH_DAO));
    TestHttp.Response staffGroup = http.post("cv.qlkh", "/api/research/investigators", withGroup);
    assertThat(staffGroup.status()).isEqualTo(400);
    assertThat(staffGroup.text()).contains("groups");

    TestHttp.Response existing = http.post("cv.qlkh", "/api/research/investigators",
        body("cv.khtc"));
    assertThat(existing.status()).isEqualTo(409);
    assertThat(groupsOf("cv.khtc")).containsExactly(Groups.PHONG_KHTC);

    Map<String, Object> badMail = body(id);
    badMail.put("email", "không-phải-thư");
    TestHttp.Response invalid = http.post("cv.qlkh", "/api/research/investigators", badMail);
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.body().get("fieldErrors").toString()).contains("email");

    assertThat(identityService.createUserQuery().userId(id).count()).as("nothing created")
        .isZero();
    assertThat(accounts.count()).isEqualTo(before);
  }

  @Test
  void theAccountsPageIsPhongQlkhsAndShowsTheInitialPasswordOnce() {
    TestHttp http = TestHttp.of(rest);
    DeskSession qlkh = DeskSession.login(http, "cv.qlkh");
    assertThat(qlkh.get("/portal/accounts").status()).isEqualTo(200);
    String id = newId();
    TestHttp.Response created = qlkh.post("/portal/accounts", "id", id, "name", "Lê Văn Tám",
        "email", id + "@example.vn", "organisation", "Trường Đại học Tây Đô");
    assertThat(created.status()).isEqualTo(200);
    assertThat(created.text()).contains("initial-password").contains(id);
    assertThat(groupsOf(id)).containsExactly(Groups.CHU_NHIEM);
    TestHttp.Response extra = qlkh.post("/portal/accounts", "id", newId(), "name", "Lê Văn Chín",
        "email", "a@example.vn", "organisation", "Trường Đại học Tây Đô", "group", "lanh-dao");
    assertThat(extra.status()).isEqualTo(400);
    assertThat(extra.text()).contains("group");
    assertThat(DeskSession.login(http, "chunhiem").get("/portal/accounts").status())
        .isEqualTo(403);
  }
}
