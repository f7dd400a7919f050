package vn.khcn.workflow.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The dates of the morning check: a progress report's reminder and due day in working days of
 * the calendar, the final dossier's escalation after the grace period and failure past the
 * threshold, each at its boundary.
 */
class ResearchDeadlinesTest {

  static final RuleRegime TT20 = Regimes.tt20();

  @Test
  void aProgressReportIsRemindedThreeWorkingDaysBeforeItsTenthWorkingDay() {
    // the fixture's calendar counts every day; TT20-2023: due 10 working days, reminder 3 before
    StepsFixture f = new StepsFixture();
    ResearchDeadlines.ReportDue due = ResearchDeadlines.reportDue(TT20, f.calendar,
        LocalDate.of(2027, 6, 1));
    assertThat(due.remindOn()).isEqualTo(LocalDate.of(2027, 6, 8));
    assertThat(due.due()).isEqualTo(LocalDate.of(2027, 6, 11));
  }

  @Test
  void theFinalDossierEscalatesAfterTheGraceAndFailsPastTheThreshold() {
    LocalDate end = LocalDate.of(2027, 6, 30);
    // grace 90 days: last day 28/09/2027
    assertThat(ResearchDeadlines.dossierAction(TT20, end, LocalDate.of(2027, 9, 28)))
        .isEqualTo(ResearchDeadlines.DossierAction.NONE);
    assertThat(ResearchDeadlines.dossierAction(TT20, end, LocalDate.of(2027, 9, 29)))
        .isEqualTo(ResearchDeadlines.DossierAction.ESCALATE);
    // 6 months late is still acceptable on 30/12/2027; on 31/12/2027 the task fails
    assertThat(ResearchDeadlines.dossierAction(TT20, end, LocalDate.of(2027, 12, 30)))
        .isEqualTo(ResearchDeadlines.DossierAction.ESCALATE);
    assertThat(ResearchDeadlines.dossierAction(TT20, end, LocalDate.of(2027, 12, 31)))
        .isEqualTo(ResearchDeadlines.DossierAction.FAIL);
    assertThat(ImplementationRules.dossierTooLate(TT20, end, LocalDate.of(2027, 12, 30)))
        .isFalse();
    assertThat(ImplementationRules.dossierTooLate(TT20, end, LocalDate.of(2027, 12, 31)))
        .isTrue();
  }
}
