package vn.khcn.workflow.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;
import vn.khcn.workflow.shared.process.InvalidTaskInputException;

/**
 * A task keeps the rules regime it was approved under: a regime taking effect later changes
 * nothing for it, and a task approved once the new one is in force gets the new numbers.
 */
class RuleRegimeBindingTest {

  /** Takes effect on the fixture's today (23/11/2026): stricter council, 3-month reports. */
  static final RuleRegime NEW = Regimes.variant(Regimes.l93(), "TEST-2026",
      LocalDate.of(2026, 11, 23), Map.of(RuleKey.ASSIGNMENT_COUNCIL_MIN_MEMBERS, 9,
          RuleKey.REPORT_PERIOD_MONTHS, 3, RuleKey.EXTENSION_MAX_MONTHS_SHORT, 3,
          RuleKey.RESTRICTION_MONTHS, 36));
  static final RuleRegimes REGIMES = RuleRegimes.of(Regimes.tt20(), Regimes.l93(), NEW);

  @Test
  void theRegimeInForceIsTheLatestNotAfterTheDay() {
    assertThat(REGIMES.inForce(LocalDate.of(2025, 9, 30)).code()).isEqualTo("TT20-2023");
    assertThat(REGIMES.inForce(LocalDate.of(2025, 10, 1)).code()).isEqualTo("L93-2025");
    assertThat(REGIMES.inForce(LocalDate.of(2026, 11, 22)).code()).isEqualTo("L93-2025");
    assertThat(REGIMES.inForce(LocalDate.of(2026, 11, 23)).code()).isEqualTo("TEST-2026");
    assertThat(REGIMES.inForce(LocalDate.of(2001, 1, 1)).code())
        .as("before every regime: the oldest").isEqualTo("TT20-2023");
  }

  @Test
  void aTaskApprovedBeforeTheNewRegimeKeepsTheOldNumbers() {
    StepsFixture f = new StepsFixture(REGIMES);
    f.task.bindRules("L93-2025", StepsFixture.NOW.minusSeconds(86_400 * 30));
    ResearchTaskSteps steps = steps(f);
    ResearchTaskSteps.ContractSchedule schedule = steps.recordContract(7L, "1/HĐ",
        LocalDate.parse("2026-11-23"), 500_000_000L, LocalDate.parse("2026-12-01"),
        LocalDate.parse("2028-11-30"), StepsFixture.CLERK, "t");
    assertThat(schedule.progressCycle()).endsWith("/P6M");
    assertThat(f.records.rules(f.task).code()).isEqualTo("L93-2025");
    assertThat(ImplementationRules.extensionProblems(f.records.rules(f.task), 24,
        LocalDate.parse("2028-11-30"), 6, LocalDate.parse("2027-01-01"), 0)).isEmpty();
  }

  @Test
  void aTaskApprovedOnceTheNewRegimeIsInForceGetsTheNewNumbers() {
    StepsFixture f = new StepsFixture(REGIMES);
    f.task.bindRules("L93-2025", StepsFixture.NOW.minusSeconds(86_400 * 30));
    ResearchTaskSteps steps = steps(f);
    steps.decideBudget(7L, true, null, StepsFixture.CLERK, "t");
    assertThat(f.task.getRulesRegime()).isEqualTo("TEST-2026");
    ResearchTaskSteps.ContractSchedule schedule = steps.recordContract(7L, "1/HĐ",
        LocalDate.parse("2026-11-23"), 500_000_000L, LocalDate.parse("2026-12-01"),
        LocalDate.parse("2028-11-30"), StepsFixture.CLERK, "t");
    assertThat(schedule.progressCycle()).endsWith("/P3M");
    assertThat(ImplementationRules.extensionProblems(f.records.rules(f.task), 24,
        LocalDate.parse("2028-11-30"), 6, LocalDate.parse("2027-01-01"), 0))
        .singleElement().asString().contains("tối đa 3 tháng");
  }

  @Test
  void theCouncilSizeComesFromTheTasksRegime() {
    StepsFixture f = new StepsFixture(REGIMES);
    f.task.bindRules("TEST-2026", StepsFixture.NOW);
    AssignmentCouncilSteps steps = new AssignmentCouncilSteps(f.records, f.councils, f.members,
        f.experts, f.documents, f.decisions, f.calendar);
    when(f.experts.findById(org.mockito.ArgumentMatchers.anyString())).thenAnswer(call ->
        Optional.of(StepsFixture.expert(call.getArgument(0), "Trường Đại học Cần Thơ")));
    Map<String, String> eight = new java.util.LinkedHashMap<>(ResearchApi.council(
        "hd.uyvien1", "hd.uyvien2", "hd.uyvien3").entrySet().stream().collect(
            java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> (String) e.getValue())));
    assertThatThrownBy(() -> steps.appointCouncil(7L, CouncilKind.ASSIGNMENT, eight,
        StepsFixture.CLERK, "t")).isInstanceOf(InvalidTaskInputException.class)
        .hasMessageContaining("từ 9 đến 9");
    f.task.bindRules("L93-2025", StepsFixture.NOW);
    when(f.councils.save(org.mockito.ArgumentMatchers.any())).thenAnswer(call -> {
      Council council = call.getArgument(0);
      ReflectionTestUtils.setField(council, "id", 11L);
      return council;
    });
    assertThat(steps.appointCouncil(7L, CouncilKind.ASSIGNMENT, eight, StepsFixture.CLERK, "t")
        .members()).hasSize(8);
  }

  @Test
  void aBoundRegimeThatIsGoneIsAnErrorNotASilentFallback() {
    StepsFixture f = new StepsFixture(REGIMES);
    f.task.bindRules("NO-SUCH", StepsFixture.NOW);
    assertThatThrownBy(() -> f.records.rules(f.task)).hasMessageContaining("NO-SUCH");
  }

  private static ResearchTaskSteps steps(StepsFixture f) {
    when(f.tasks.findById(anyLong())).thenReturn(Optional.of(f.task));
    return new ResearchTaskSteps(f.records, f.reports, f.extensions, f.documents,
        f.restrictions, f.calendar, f.team);
  }
}
