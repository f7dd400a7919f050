package vn.khcn.workflow.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;
import vn.khcn.workflow.shared.process.VariableValues;

class VariableValuesTest {

  static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");

  @Test
  void readsUnitListsFromEveryChannel() {
    assertThat(VariableValues.stringList(Spin.JSON("[\"phong-khtc\",\"van-phong\"]")))
        .containsExactly("phong-khtc", "van-phong");
    assertThat(VariableValues.stringList(List.of("phong-khtc", " phong-khtc ", "van-phong")))
        .as("duplicates and spaces dropped").containsExactly("phong-khtc", "van-phong");
    assertThat(VariableValues.stringList("[\"phong-qlcn\"]")).containsExactly("phong-qlcn");
    assertThat(VariableValues.stringList("phong-qlcn, van-phong")).containsExactly("phong-qlcn", "van-phong");
    assertThat(VariableValues.stringList(null)).isEmpty();
    assertThat(VariableValues.stringList(Spin.JSON("[]"))).isEmpty();
  }

  @Test
  void readsBooleansStrictly() {
    assertThat(VariableValues.bool("true")).isTrue();
    assertThat(VariableValues.bool(" FALSE ")).isFalse();
    assertThat(VariableValues.bool(Boolean.TRUE)).isTrue();
    assertThat(VariableValues.bool(null)).isNull();
    assertThatThrownBy(() -> VariableValues.bool("có")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsDatesAsPointsInTime() {
    Instant endOfDay = Instant.parse("2026-11-30T10:00:00Z"); // 17:00 in Hồ Chí Minh City
    assertThat(VariableValues.instant("2026-11-30", HCM)).isEqualTo(endOfDay);
    assertThat(VariableValues.instant("2026-11-30T17:00:00.000+0700", HCM)).isEqualTo(endOfDay);
    assertThat(VariableValues.instant("2026-11-30T17:00:00+07:00", HCM)).isEqualTo(endOfDay);
    assertThat(VariableValues.instant(Date.from(endOfDay), HCM)).isEqualTo(endOfDay);
    assertThat(VariableValues.instant("", HCM)).isNull();
    assertThatThrownBy(() -> VariableValues.instant("2026-02-30", HCM))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2026-02-30");
  }
}
