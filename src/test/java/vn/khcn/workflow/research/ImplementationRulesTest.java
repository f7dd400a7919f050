package vn.khcn.workflow.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ImplementationRulesTest {

  static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  @Test
  void progressReportsEverySixMonthsFromTheContractStartUntilItsEnd() {
    LocalDate start = LocalDate.of(2027, 1, 1);
    assertThat(ImplementationRules.progressCycle(start, LocalDate.of(2028, 12, 31),
        LocalDate.of(2026, 12, 20), ZONE)).isEqualTo("R3/2027-07-01T08:00+07:00/P6M");
    // a contract entered late asks only for the reports still ahead
    assertThat(ImplementationRules.progressCycle(start, LocalDate.of(2028, 12, 31),
        LocalDate.of(2027, 9, 1), ZONE)).isEqualTo("R2/2028-01-01T08:00+07:00/P6M");
    // a contract already over still gets one report at the next mark while it is open
    assertThat(ImplementationRules.progressCycle(LocalDate.of(2016, 12, 1),
        LocalDate.of(2018, 11, 30), LocalDate.of(2026, 11, 23), ZONE)).isEqualTo("R1/2026-12-01T08:00+07:00/P6M");
  }

  @Test
  void extensionOnceAtLeastOneMonthBeforeTheEndWithinTheLimit() {
    LocalDate end = LocalDate.of(2027, 12, 31);
    assertThat(ImplementationRules.extensionProblems(24, end, 6, LocalDate.of(2027, 11, 30), false))
        .isEmpty();
    assertThat(ImplementationRules.extensionProblems(24, end, 6, LocalDate.of(2027, 12, 1), false))
        .singleElement().asString().contains("ít nhất 1 tháng").contains("30/11/2027");
    assertThat(ImplementationRules.extensionProblems(24, end, 7, LocalDate.of(2027, 1, 1), false))
        .singleElement().asString().contains("tối đa 6 tháng");
    assertThat(ImplementationRules.extensionProblems(30, end, 12, LocalDate.of(2027, 1, 1), false))
        .isEmpty();
    assertThat(ImplementationRules.extensionProblems(30, end, 13, LocalDate.of(2027, 1, 1), false))
        .singleElement().asString().contains("tối đa 12 tháng");
    assertThat(ImplementationRules.extensionProblems(30, end, 3, LocalDate.of(2027, 1, 1), true))
        .singleElement().asString().contains("một lần");
  }

  @Test
  void aFinalDossierMoreThanSixMonthsLateFails() {
    LocalDate end = LocalDate.of(2027, 6, 30);
    assertThat(ImplementationRules.dossierTooLate(end, LocalDate.of(2027, 12, 30))).isFalse();
    assertThat(ImplementationRules.dossierTooLate(end, LocalDate.of(2027, 12, 31))).isTrue();
    assertThat(ImplementationRules.monthsLate(end, LocalDate.of(2027, 12, 31))).isEqualTo(6);
    assertThat(ImplementationRules.monthsLate(end, LocalDate.of(2027, 6, 1))).isZero();
  }

  @Test
  void theMidpointHalvesTheContract() {
    assertThat(ImplementationRules.midpoint(LocalDate.of(2016, 12, 1), LocalDate.of(2018, 11, 30)))
        .isEqualTo(LocalDate.of(2017, 11, 30));
  }
}
