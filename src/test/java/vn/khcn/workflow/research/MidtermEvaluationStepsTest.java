package vn.khcn.workflow.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.khcn.workflow.shared.process.InvalidTaskInputException;

/** {@link MidtermEvaluationSteps} on its own: findings validated per outcome, then applied. */
class MidtermEvaluationStepsTest {

  final StepsFixture f = new StepsFixture();
  final MidtermEvaluationSteps steps = new MidtermEvaluationSteps(f.records, f.reports, f.extensions,
      f.calendar);

  @BeforeEach
  void signed() {
    f.task.contractSigned("45/2016/HĐ-KHCN", LocalDate.parse("2026-11-20"), 580_000_000L,
        LocalDate.parse("2026-12-01"), LocalDate.parse("2028-11-30"));
  }

  @Test
  void anAdjustmentMustEndAfterTheContractAndOnlyItsOwnProposalsArePassedOn() {
    assertThatThrownBy(() -> steps.recordMidtermFindings(7L, "Chậm tiến độ", "ADJUST",
        LocalDate.parse("2028-06-30"), null, null, null, StepsFixture.CLERK, "t1"))
        .isInstanceOf(InvalidTaskInputException.class).hasMessageContaining("newEndDate");

    MidtermEvaluationSteps.MidtermFindings findings = steps.recordMidtermFindings(7L,
        "Chậm tiến độ", "ADJUST", LocalDate.parse("2029-05-31"), 500_000_000L, null, 1_000L,
        StepsFixture.CLERK, "t1");

    assertThat(findings).isEqualTo(new MidtermEvaluationSteps.MidtermFindings(
        MidtermOutcome.ADJUST, LocalDate.parse("2029-05-31"), 500_000_000L, null));
    assertThat(f.task.getMidtermOutcome()).isEqualTo(MidtermOutcome.ADJUST);
    assertThat(f.actions()).containsExactly("MIDTERM_FINDINGS");
  }

  @Test
  void aLaterEndAtMidTermIsTheOneExtensionWithinItsLimit() {
    // a 24-month contract: 6 months at most, 31/05/2029 is exactly 6 months after 30/11/2028
    assertThatThrownBy(() -> steps.recordMidtermFindings(7L, "Chậm tiến độ", "ADJUST",
        LocalDate.parse("2029-06-01"), null, null, null, StepsFixture.CLERK, "t1"))
        .isInstanceOf(InvalidTaskInputException.class)
        .hasMessageContaining("newEndDate: điều chỉnh thời hạn giữa kỳ được tính là lần gia hạn")
        .hasMessageContaining("tối đa 6 tháng");
    // a granted extension used the one chance; a refused one would not have
    ExtensionRequest granted = new ExtensionRequest(7L, 3, "Chậm thiết bị", "chunhiem",
        StepsFixture.NOW);
    granted.decide(true, null, "giamdoc", StepsFixture.NOW);
    org.mockito.Mockito.when(f.extensions.findByResearchTaskIdOrderByIdAsc(7L))
        .thenReturn(java.util.List.of(granted));
    assertThatThrownBy(() -> steps.recordMidtermFindings(7L, "Chậm tiến độ", "ADJUST",
        LocalDate.parse("2029-01-31"), null, null, null, StepsFixture.CLERK, "t1"))
        .isInstanceOf(InvalidTaskInputException.class).hasMessageContaining("1 lần");
    // the budget or content alone may still be adjusted
    steps.recordMidtermFindings(7L, "Điều chỉnh kinh phí", "ADJUST", null, 500_000_000L, null,
        null, StepsFixture.CLERK, "t1");
    assertThat(f.entries).extracting(ResearchTrailEntry::getAction)
        .containsExactly("MIDTERM_FINDINGS");
  }

  @Test
  void anAdjustmentBeyondTheNoticeIsRefused() {
    // one month before the end of 30/11/2028 is 30/10/2028; the fixture's today is 23/11/2026
    f.task.contractSigned("45/2016/HĐ-KHCN", LocalDate.parse("2025-12-01"),
        580_000_000L, LocalDate.parse("2025-12-01"), LocalDate.parse("2026-12-22"));
    assertThatThrownBy(() -> steps.recordMidtermFindings(7L, "Chậm tiến độ", "ADJUST",
        LocalDate.parse("2027-02-28"), null, null, null, StepsFixture.CLERK, "t1"))
        .isInstanceOf(InvalidTaskInputException.class).hasMessageContaining("ít nhất 1 tháng");
    f.task.contractSigned("45/2016/HĐ-KHCN", LocalDate.parse("2025-12-01"),
        580_000_000L, LocalDate.parse("2025-12-01"), LocalDate.parse("2026-12-23"));
    steps.recordMidtermFindings(7L, "Chậm tiến độ", "ADJUST", LocalDate.parse("2027-02-28"),
        null, null, null, StepsFixture.CLERK, "t1");
    assertThat(f.task.getMidtermOutcome()).isEqualTo(MidtermOutcome.ADJUST);
  }

  @Test
  void anApprovedLaterEndUsesUpTheExtension() {
    steps.applyAdjustment(7L, LocalDate.parse("2029-03-31"), null);
    assertThat(f.task.getExtendedMonths()).isEqualTo(4);
    assertThat(ImplementationRules.extensionsUsed(java.util.List.of(),
        f.task.getExtendedMonths())).isEqualTo(1);
  }

  @Test
  void anApprovedAdjustmentMovesTheContractEnd() {
    Instant end = steps.applyAdjustment(7L, LocalDate.parse("2029-05-31"), 500_000_000L);

    assertThat(f.task.getContractEnd()).isEqualTo(LocalDate.parse("2029-05-31"));
    assertThat(f.task.getApprovedBudget()).isEqualTo(500_000_000L);
    assertThat(end).isEqualTo(Instant.parse("2029-05-31T10:00:00Z"));
  }

  @Test
  void anUnknownOutcomeIsRefusedByName() {
    assertThatThrownBy(() -> steps.recordMidtermFindings(7L, "Ổn", "MAYBE", null, null, null,
        null, StepsFixture.CLERK, "t1")).isInstanceOf(InvalidTaskInputException.class)
        .hasMessageContaining("outcome");
    assertThat(f.entries).isEmpty();
  }
}
