package vn.khcn.workflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.support.TestHttp;

/** The units' heads and deputies: the demo leaders, GET /api/units and the administrator's PUT. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UnitLeadersTest {

  @Autowired UnitLeaders unitLeaders;
  @Autowired TestRestTemplate rest;

  @Test
  void demoUnitsHaveTheirHeadsAndAnyoneSignedInReadsThem() {
    assertThat(unitLeaders.headOf(Groups.PHONG_QLKH)).contains("tp.qlkh");
    assertThat(unitLeaders.deputiesOf(Groups.PHONG_QLKH)).containsExactly("pp.qlkh");
    assertThat(unitLeaders.headOf(Groups.VAN_PHONG)).contains("cvp");
    assertThat(unitLeaders.leads("pp.qlkh", Groups.PHONG_QLKH)).isTrue();
    assertThat(unitLeaders.leads("cv.qlkh", Groups.PHONG_QLKH)).isFalse();
    assertThat(unitLeaders.leads("tp.qlkh", Groups.PHONG_KHTC)).isFalse();
    assertThat(unitLeaders.unitsLedBy("tp.khtc")).containsExactly(Groups.PHONG_KHTC);

    var response = TestHttp.of(rest).get("cv.qlcn", "/api/units");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).hasSize(Groups.UNITS.size());
    assertThat(response.body().findValuesAsText("head")).contains("tp.qlkh", "tp.khtc", "cvp");
  }

  @Test
  void onlyAnAdministratorNamesLeadersAndOnlyMembersOfTheUnit() {
    TestHttp http = TestHttp.of(rest);
    String path = "/api/admin/units/" + Groups.PHONG_QLCN + "/leaders";

    assertThat(http.put("tp.qlcn", path, Map.of("head", "cv.qlcn", "deputies", List.of()))
        .status()).as("a head names no head").isEqualTo(403);

    var notMember = http.put("admin", path,
        Map.of("head", "cv.qlcn", "deputies", List.of("cv.qlkh")));
    assertThat(notMember.status()).isEqualTo(400);
    assertThat(notMember.text()).contains("deputies[0]", "không phải là cán bộ của");

    var both = http.put("admin", path,
        Map.of("head", "cv.qlcn", "deputies", List.of("cv.qlcn")));
    assertThat(both.status()).isEqualTo(400);
    assertThat(both.text()).contains("đồng thời là cấp phó");

    assertThat(http.put("admin", path, Map.of("head", "cv.qlcn", "role", "HEAD")).status())
        .as("unknown field").isEqualTo(400);
    assertThat(http.put("admin", "/api/admin/units/hoi-dong/leaders",
        Map.of("head", "hd.chutich")).status()).as("not a unit").isEqualTo(400);
    assertThat(unitLeaders.headOf(Groups.PHONG_QLCN)).as("nothing changed").contains("tp.qlcn");

    try {
      var ok = http.put("admin", path,
          Map.of("head", "cv.qlcn", "deputies", List.of("tp.qlcn")));
      assertThat(ok.status()).isEqualTo(200);
      assertThat(unitLeaders.headOf(Groups.PHONG_QLCN)).contains("cv.qlcn");
      assertThat(unitLeaders.deputiesOf(Groups.PHONG_QLCN)).containsExactly("tp.qlcn");
    } finally {
      unitLeaders.replace(Groups.PHONG_QLCN, "tp.qlcn", List.of(), "test");
    }
  }
}
