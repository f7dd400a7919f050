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
  final MidtermEvaluationSteps steps = new MidtermEvaluationSteps(f.records, f.reports,
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
