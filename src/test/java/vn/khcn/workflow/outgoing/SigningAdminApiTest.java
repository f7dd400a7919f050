package vn.khcn.workflow.outgoing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.support.TestHttp;

/**
 * The administration of who signs (ADR 0032): positions and fields, the "TL." list, and the
 * Director's written authorisations; every refusal (wrong user, bad field, extra field,
 * re-delegation) with nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SigningAdminApiTest {

  static final String POSITIONS = "/api/admin/signing/positions";
  static final String TL = "/api/admin/signing/tl-rules";
  static final String AUTHORISATIONS = "/api/signing-authorisations";
  /** A second deputy director, made for this test. */
  static final String DEPUTY = "pgd.kiemthu";

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;

  TestHttp api;

  @BeforeEach
  void setUp() {
    api = TestHttp.of(rest);
    if (identity.createUserQuery().userId(DEPUTY).count() == 0) {
      User user = identity.newUser(DEPUTY);
      user.setFirstName("Hà Văn");
      user.setLastName("Kiểm");
      user.setPassword(TestHttp.PASSWORD);
      identity.saveUser(user);
      identity.createMembership(DEPUTY, Groups.LANH_DAO);
    }
  }

  @Test
  void administratorsRecordADeputysFieldOthersCannot() {
    Map<String, Object> body = position("DEPUTY", List.of("phong-qlcn"), List.of("Hợp đồng"));
    assertThat(api.put("giamdoc", POSITIONS + "/" + DEPUTY, body).status()).isEqualTo(403);
    assertThat(api.put("vanthu", POSITIONS + "/" + DEPUTY, body).status()).isEqualTo(403);
    assertThat(positions()).doesNotContain(DEPUTY);

    TestHttp.Response put = api.put("admin", POSITIONS + "/" + DEPUTY, body);
    assertThat(put.status()).as(put.text()).isEqualTo(200);
    assertThat(put.body().get("units").get(0).asText()).isEqualTo("phong-qlcn");
    assertThat(put.body().get("documentTypes").get(0).asText()).isEqualTo("Hợp đồng");
    assertThat(positions()).contains(DEPUTY);
    assertThat(api.get("giamdoc", POSITIONS).status()).isEqualTo(200);
    assertThat(api.get("cv.qlkh", POSITIONS).status()).isEqualTo(403);

    assertThat(api.delete("admin", POSITIONS + "/" + DEPUTY).status()).isEqualTo(204);
    assertThat(api.delete("admin", POSITIONS + "/" + DEPUTY).status()).isEqualTo(404);
    assertThat(positions()).doesNotContain(DEPUTY);
  }

  @Test
  void badPositionsAreRefusedNamingTheirFieldsAndStoreNothing() {
    assertBad(DEPUTY, position("BOSS", List.of(), List.of()), "position");
    assertBad(DEPUTY, position("DEPUTY", List.of("phong-ma"), List.of()), "units[0]");
    assertBad(DEPUTY, position("DEPUTY", List.of(), List.of("Sắc lệnh")), "documentTypes[0]");
    assertBad(DEPUTY, position("DIRECTOR", List.of(), List.of()), "position"); // one Director
    assertBad("giamdoc", position("DIRECTOR", List.of("phong-qlkh"), List.of()), "units");
    assertBad("cv.qlkh", position("DEPUTY", List.of("phong-qlkh"), List.of()), "userId");
    Map<String, Object> extra = position("DEPUTY", List.of("phong-qlkh"), List.of());
    extra.put("updatedBy", "giamdoc");
    assertThat(api.put("admin", POSITIONS + "/" + DEPUTY, extra).status()).isEqualTo(400);
    assertThat(positions()).doesNotContain(DEPUTY, "cv.qlkh");
    assertThat(jdbc.queryForObject("select position from signing_position where user_id ="
        + " 'giamdoc'", String.class)).isEqualTo("DIRECTOR");
    assertThat(jdbc.queryForObject("select count(*) from deputy_field where user_id ="
        + " 'giamdoc'", Integer.class)).isZero();
  }

  @Test
  void theTlListIsKeptByAdministratorsAllOrNothing() {
    List<Map<String, String>> defaults = List.of(rule("Giấy mời", "van-phong"),
        rule("Thông báo", "van-phong"));
    assertThat(tlRules()).containsExactly("Giấy mời|van-phong", "Thông báo|van-phong");
    assertThat(api.put("cvp", TL, Map.of("rules", List.of(rule("Công văn", "van-phong"))))
        .status()).isEqualTo(403);
    TestHttp.Response bad = api.put("admin", TL, Map.of("rules", List.of(
        rule("Kế hoạch", "van-phong"), rule("Sắc lệnh", "van-phong"), rule("Báo cáo", "x"))));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.text()).contains("rules[1].documentType", "rules[2].unit");
    assertThat(tlRules()).containsExactly("Giấy mời|van-phong", "Thông báo|van-phong");
    try {
      TestHttp.Response ok = api.put("admin", TL, Map.of("rules", List.of(
          rule("Kế hoạch", "phong-khtc"), rule("Giấy mời", "van-phong"))));
      assertThat(ok.status()).as(ok.text()).isEqualTo(200);
      assertThat(tlRules()).containsExactly("Giấy mời|van-phong", "Kế hoạch|phong-khtc");
    } finally {
      assertThat(api.put("admin", TL, Map.of("rules", defaults)).status()).isEqualTo(200);
    }
  }

  @Test
  void onlyTheDirectorAuthorisesAndTheAuthorisedCannotReDelegate() {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    int before = count();
    Map<String, Object> body = SigningAuthorityApiTest.authorisation("cvp", today,
        today.plusDays(30), List.of("Công văn"), "Giấy ủy quyền số 11/GUQ-SKHCN");
    TestHttp.Response deputy = api.post("phogiamdoc", AUTHORISATIONS, body);
    assertThat(deputy.status()).isEqualTo(403);
    assertThat(deputy.text()).contains("Chỉ Giám đốc Sở ủy quyền");
    assertThat(api.post("chunhiem", AUTHORISATIONS, body).status()).isEqualTo(403);

    TestHttp.Response given = api.post("giamdoc", AUTHORISATIONS, body);
    assertThat(given.status()).as(given.text()).isEqualTo(201);
    long id = given.body().get("id").asLong();
    try {
      // the authorised Chief of Office cannot pass it on
      TestHttp.Response again = api.post("cvp", AUTHORISATIONS,
          SigningAuthorityApiTest.authorisation("tp.qlkh", today, today.plusDays(5),
              List.of("Công văn"), "Giấy ủy quyền lại 01"));
      assertThat(again.status()).isEqualTo(403);
      assertThat(again.text()).contains("không được ủy quyền lại");
      assertThat(count()).isEqualTo(before + 1);
      // he sees his own; an officer sees none of others'
      assertThat(api.get("cvp", AUTHORISATIONS).body().findValuesAsText("grantee"))
          .containsOnly("cvp");
      assertThat(api.get("cv.qlkh", AUTHORISATIONS).body()).isEmpty();
      assertThat(api.post("cvp", AUTHORISATIONS + "/" + id + "/revoke", null).status())
          .isEqualTo(403);
    } finally {
      assertThat(api.post("giamdoc", AUTHORISATIONS + "/" + id + "/revoke", null).status())
          .isEqualTo(200);
    }
    assertThat(api.post("giamdoc", AUTHORISATIONS + "/" + id + "/revoke", null).status())
        .isEqualTo(409);
  }

  @Test
  void badAuthorisationsNameTheirFieldsAndStoreNothing() {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    int before = count();
    TestHttp.Response notHead = api.post("giamdoc", AUTHORISATIONS,
        SigningAuthorityApiTest.authorisation("cv.qlkh", today, today.plusDays(3),
            List.of("Công văn"), "GUQ 1"));
    assertThat(notHead.status()).isEqualTo(400);
    assertThat(notHead.text()).contains("grantee", "không phải là người đứng đầu");
    TestHttp.Response dates = api.post("giamdoc", AUTHORISATIONS,
        SigningAuthorityApiTest.authorisation("cvp", today.plusDays(3), today, List.of(), ""));
    assertThat(dates.status()).isEqualTo(400);
    assertThat(dates.text()).contains("validTo", "documentTypes", "reference");
    TestHttp.Response past = api.post("giamdoc", AUTHORISATIONS,
        SigningAuthorityApiTest.authorisation("cvp", today.minusDays(9), today.minusDays(1),
            List.of("Sắc lệnh"), "GUQ 2"));
    assertThat(past.text()).contains("ngày hết hạn đã qua", "documentTypes[0]");
    Map<String, Object> extra = SigningAuthorityApiTest.authorisation("cvp", today,
        today.plusDays(3), List.of("Công văn"), "GUQ 3");
    extra.put("grantor", "giamdoc");
    assertThat(api.post("phogiamdoc", AUTHORISATIONS, extra).status()).isEqualTo(400);
    Map<String, Object> self = SigningAuthorityApiTest.authorisation("giamdoc", today,
        today.plusDays(3), List.of("Công văn"), "GUQ 4");
    assertThat(api.post("giamdoc", AUTHORISATIONS, self).text()).contains("không tự ủy quyền");
    assertThat(count()).isEqualTo(before);
  }

  private static Map<String, Object> position(String position, List<String> units,
      List<String> types) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("position", position);
    body.put("units", units);
    body.put("documentTypes", types);
    return body;
  }

  private static Map<String, String> rule(String type, String unit) {
    return Map.of("documentType", type, "unit", unit);
  }

  private void assertBad(String userId, Map<String, Object> body, String field) {
    TestHttp.Response bad = api.put("admin", POSITIONS + "/" + userId, body);
    assertThat(bad.status()).as(bad.text()).isEqualTo(400);
    assertThat(bad.text()).contains("\"field\":\"" + field + "\"");
  }

  private List<String> positions() {
    JsonNode all = api.get("admin", POSITIONS).body();
    return all.findValuesAsText("userId");
  }

  private List<String> tlRules() {
    List<String> rules = new java.util.ArrayList<>();
    api.get("admin", TL).body().forEach(r -> rules.add(r.get("documentType").asText() + "|"
        + r.get("unit").asText()));
    return rules;
  }

  private int count() {
    return jdbc.queryForObject("select count(*) from signing_authorisation", Integer.class);
  }
}
