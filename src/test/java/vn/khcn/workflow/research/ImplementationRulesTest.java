package vn.khcn.workflow.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ImplementationRulesTest {

  static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  static final RuleRegime TT20 = Regimes.tt20();

  @Test
  void progressReportsEverySixMonthsFromTheContractStartUntilItsEnd() {
    LocalDate start = LocalDate.of(2027, 1, 1);
    assertThat(ImplementationRules.progressCycle(TT20, start, LocalDate.of(2028, 12, 31),
        LocalDate.of(2026, 12, 20), ZONE)).isEqualTo("R3/2027-07-01T08:00+07:00/P6M");
    // a contract entered late asks only for the reports still ahead
    assertThat(ImplementationRules.progressCycle(TT20, start, LocalDate.of(2028, 12, 31),
        LocalDate.of(2027, 9, 1), ZONE)).isEqualTo("R2/2028-01-01T08:00+07:00/P6M");
    // a contract already over still gets one report at the next mark while it is open
    assertThat(ImplementationRules.progressCycle(TT20, LocalDate.of(2016, 12, 1),
        LocalDate.of(2018, 11, 30), LocalDate.of(2026, 11, 23), ZONE)).isEqualTo("R1/2026-12-01T08:00+07:00/P6M");
  }

  @Test
  void extensionOnceAtLeastOneMonthBeforeTheEndWithinTheLimit() {
    LocalDate end = LocalDate.of(2027, 12, 31);
    assertThat(ImplementationRules.extensionProblems(TT20, 24, end, 6, LocalDate.of(2027, 11, 30), 0))
        .isEmpty();
    assertThat(ImplementationRules.extensionProblems(TT20, 24, end, 6, LocalDate.of(2027, 12, 1), 0))
        .singleElement().asString().contains("ít nhất 1 tháng").contains("30/11/2027");
    assertThat(ImplementationRules.extensionProblems(TT20, 24, end, 7, LocalDate.of(2027, 1, 1), 0))
        .singleElement().asString().contains("tối đa 6 tháng");
    assertThat(ImplementationRules.extensionProblems(TT20, 30, end, 12, LocalDate.of(2027, 1, 1), 0))
        .isEmpty();
    assertThat(ImplementationRules.extensionProblems(TT20, 30, end, 13, LocalDate.of(2027, 1, 1), 0))
        .singleElement().asString().contains("tối đa 12 tháng");
    assertThat(ImplementationRules.extensionProblems(TT20, 30, end, 3, LocalDate.of(2027, 1, 1), 1))
        .singleElement().asString().contains("1 lần");
  }

  @Test
  void aFinalDossierMoreThanSixMonthsLateFails() {
    LocalDate end = LocalDate.of(2027, 6, 30);
    assertThat(ImplementationRules.dossierTooLate(TT20, end, LocalDate.of(2027, 12, 30))).isFalse();
    assertThat(ImplementationRules.dossierTooLate(TT20, end, LocalDate.of(2027, 12, 31))).isTrue();
    assertThat(ImplementationRules.monthsLate(end, LocalDate.of(2027, 12, 31))).isEqualTo(6);
    assertThat(ImplementationRules.monthsLate(end, LocalDate.of(2027, 6, 1))).isZero();
  }

  @Test
  void theMidpointHalvesTheContract() {
    assertThat(ImplementationRules.midpoint(LocalDate.of(2016, 12, 1), LocalDate.of(2018, 11, 30)))
        .isEqualTo(LocalDate.of(2017, 11, 30));
  }

  @Test
  void extensionLimitsAtTheirBoundaries() {
    LocalDate end = LocalDate.of(2027, 12, 31);
    LocalDate early = LocalDate.of(2027, 1, 1);
    // 24 months is not "longer than 24": 6 at most; 25 months: 12 at most
    assertThat(ImplementationRules.extensionProblems(TT20, 24, end, 6, early, 0)).isEmpty();
    assertThat(ImplementationRules.extensionProblems(TT20, 24, end, 7, early, 0)).isNotEmpty();
    assertThat(ImplementationRules.extensionProblems(TT20, 25, end, 12, early, 0)).isEmpty();
    assertThat(ImplementationRules.extensionProblems(TT20, 25, end, 13, early, 0)).isNotEmpty();
    assertThat(ImplementationRules.extensionProblems(TT20, 25, end, 0, early, 0))
        .singleElement().asString().contains("từ 1 trở lên");
  }

  @Test
  void theContractsDurationCountsStartToEndInclusive() {
    assertThat(ImplementationRules.contractMonths(LocalDate.of(2026, 1, 1),
        LocalDate.of(2027, 12, 31))).isEqualTo(24);
    assertThat(ImplementationRules.contractMonths(LocalDate.of(2026, 1, 1),
        LocalDate.of(2028, 1, 31))).isEqualTo(25);
    assertThat(ImplementationRules.contractMonths(LocalDate.of(2016, 12, 1),
        LocalDate.of(2018, 11, 30))).isEqualTo(24);
  }

  @Test
  void aRefusedRequestDoesNotUseUpTheExtensionButAPendingOrGrantedOneOrAnAdjustmentDoes() {
    ExtensionRequest refused = new ExtensionRequest(7L, 3, "lý do", "chunhiem",
        java.time.Instant.EPOCH);
    refused.decide(false, "không đủ căn cứ", "giamdoc", java.time.Instant.EPOCH);
    ExtensionRequest pending = new ExtensionRequest(7L, 3, "lý do", "chunhiem",
        java.time.Instant.EPOCH);
    ExtensionRequest granted = new ExtensionRequest(7L, 3, "lý do", "chunhiem",
        java.time.Instant.EPOCH);
    granted.decide(true, null, "giamdoc", java.time.Instant.EPOCH);
    assertThat(ImplementationRules.extensionsUsed(java.util.List.of(refused), null)).isZero();
    assertThat(ImplementationRules.extensionsUsed(java.util.List.of(refused, pending), null))
        .isEqualTo(1);
    assertThat(ImplementationRules.extensionsUsed(java.util.List.of(granted), 3)).isEqualTo(1);
    // a mid-term schedule adjustment without a request is the one extension
    assertThat(ImplementationRules.extensionsUsed(java.util.List.of(), 4)).isEqualTo(1);
  }

  @Test
  void monthsAddedCountAPartMonthAsAMonth() {
    LocalDate end = LocalDate.of(2027, 12, 31);
    assertThat(ImplementationRules.monthsAdded(end, LocalDate.of(2028, 6, 30))).isEqualTo(6);
    assertThat(ImplementationRules.monthsAdded(end, LocalDate.of(2028, 7, 1))).isEqualTo(7);
    LocalDate november = LocalDate.of(2028, 11, 30);
    assertThat(ImplementationRules.monthsAdded(november, LocalDate.of(2029, 5, 31))).isEqualTo(6);
    assertThat(ImplementationRules.monthsAdded(november, LocalDate.of(2029, 6, 1))).isEqualTo(7);
    assertThat(ImplementationRules.extendedEnd(november, 6)).isEqualTo(LocalDate.of(2029, 5, 31));
  }

  @Test
  void theFinalDossiersGraceAndFailDays() {
    LocalDate end = LocalDate.of(2027, 6, 30);
    assertThat(ImplementationRules.graceEnd(TT20, end)).isEqualTo(LocalDate.of(2027, 9, 28));
    assertThat(ImplementationRules.failDay(TT20, end)).isEqualTo(LocalDate.of(2027, 12, 31));
  }
}
