package vn.khcn.workflow.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;
import vn.khcn.workflow.shared.process.InvalidTaskInputException;

/** {@link ResearchTaskSteps} on its own: refusals name the field, decisions land in the entities. */
class ResearchTaskStepsTest {

  final StepsFixture f = new StepsFixture();
  final ResearchTaskSteps steps = new ResearchTaskSteps(f.records, f.reports, f.extensions,
      f.documents, f.restrictions, f.calendar, f.team);

  @Test
  void anIncompleteDossierNeedsTheMissingItemsAndGetsAResubmissionDeadline() {
    assertThatThrownBy(() -> steps.checkDossier(7L, false, null, 5, StepsFixture.CLERK, "t1"))
        .isInstanceOf(InvalidTaskInputException.class).hasMessageContaining("missingItems");
    assertThat(f.entries).as("a refusal stores nothing").isEmpty();

    Instant due = steps.checkDossier(7L, false, "Thiếu dự toán chi tiết", 5, StepsFixture.CLERK,
        "t1");

    assertThat(due).isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
    assertThat(f.task.getMissingItems()).isEqualTo("Thiếu dự toán chi tiết");
    assertThat(f.actions()).containsExactly("DOSSIER_INCOMPLETE");
    assertThat(f.entries.get(0).getDetail()).contains("28/11/2026");
  }

  @Test
  void aGrantedExtensionMovesTheContractEndByTheRequestedMonths() {
    f.task.contractSigned("12/2026/HĐ-KHCN", LocalDate.parse("2026-11-20"), 800_000_000L,
        LocalDate.parse("2026-12-01"), LocalDate.parse("2028-11-30"));
    ExtensionRequest request = new ExtensionRequest(7L, 6, "Cần thêm thời gian thực nghiệm",
        "chunhiem", StepsFixture.NOW);
    ReflectionTestUtils.setField(request, "id", 5L);
    when(f.extensions.findByResearchTaskIdOrderByIdAsc(7L)).thenReturn(List.of(request));

    Instant newEnd = steps.decideExtension(7L, 5L, true, null, StepsFixture.CLERK, "t2");

    // six months after a contract ending on the last day of November end on the last of May
    assertThat(f.task.getContractEnd()).isEqualTo(LocalDate.parse("2029-05-31"));
    assertThat(newEnd).as("17:00 in Cần Thơ").isEqualTo(Instant.parse("2029-05-31T10:00:00Z"));
    assertThat(f.task.getExtendedMonths()).isEqualTo(6);
    assertThat(f.actions()).containsExactly("EXTENSION_GRANTED");
    assertThatThrownBy(() -> steps.decideExtension(7L, 6L, true, null, StepsFixture.CLERK, "t3"))
        .as("a request of another research task").isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aContractAboveTheApprovedBudgetIsRefusedAndAValidOneSchedulesTheMidterm() {
    f.task.budgetAppraised(800_000_000L, "Giảm chi hội thảo");
    assertThatThrownBy(() -> steps.recordContract(7L, "12/HĐ", LocalDate.parse("2026-11-20"),
        900_000_000L, LocalDate.parse("2026-12-01"), LocalDate.parse("2028-11-30"),
        StepsFixture.CLERK, "t4")).isInstanceOf(InvalidTaskInputException.class)
        .hasMessageContaining("contractAmount");
    assertThatThrownBy(() -> steps.recordContract(7L, "12/HĐ-SKHCN-".repeat(5),
        LocalDate.parse("2026-11-20"), 800_000_000L, LocalDate.parse("2026-12-01"),
        LocalDate.parse("2028-11-30"), StepsFixture.CLERK, "t4"))
        .as("a number longer than its column: refused naming it, not a database error")
        .isInstanceOf(InvalidTaskInputException.class)
        .hasMessageContaining("contractNumber: số dài quá 50 ký tự");

    ResearchTaskSteps.ContractSchedule schedule = steps.recordContract(7L, "12/HĐ",
        LocalDate.parse("2026-11-20"), 800_000_000L, LocalDate.parse("2026-12-01"),
        LocalDate.parse("2028-11-30"), StepsFixture.CLERK, "t4");

    assertThat(schedule.end()).isEqualTo(Instant.parse("2028-11-30T10:00:00Z"));
    assertThat(schedule.midterm()).isAfter(Instant.parse("2027-11-01T00:00:00Z"))
        .isBefore(Instant.parse("2027-12-31T00:00:00Z"));
    assertThat(schedule.progressCycle()).startsWith("R");
    assertThat(steps.investigator(7L)).isEqualTo("chunhiem");
  }

  @Test
  void theDirectorsApprovalBindsTheTaskToTheRegimeInForceThatDay() {
    f.task.bindRules("TT20-2023", StepsFixture.NOW.minusSeconds(86_400));

    steps.decideBudget(7L, true, null, StepsFixture.CLERK, "t4");

    // the fixture's today, 23/11/2026, is after Law 93/2025/QH15 took effect (1/10/2025)
    assertThat(f.task.getRulesRegime()).isEqualTo("L93-2025");
    assertThat(f.task.getRulesBoundAt()).isEqualTo(StepsFixture.NOW);
    assertThat(f.entries.get(0).getDetail()).contains("L93-2025").contains("thay TT20-2023");
  }

  @Test
  void aReturnedBudgetBindsNothing() {
    f.task.bindRules("TT20-2023", StepsFixture.NOW.minusSeconds(86_400));
    steps.decideBudget(7L, false, "Tính lại", StepsFixture.CLERK, "t4");
    assertThat(f.task.getRulesRegime()).isEqualTo("TT20-2023");
  }

  @Test
  void aFinalDossierNeverSubmittedFailsTheTaskAndRestrictsByTaxCodeForTheRegimesPeriod() {
    f.task.contractSigned("12/2024/HĐ-KHCN", LocalDate.parse("2024-11-20"), 800_000_000L,
        LocalDate.parse("2024-12-01"), LocalDate.parse("2026-04-30"));
    f.task.bindRules("TT20-2023", StepsFixture.NOW);
    List<Restriction> saved = new java.util.ArrayList<>();
    when(f.restrictions.save(org.mockito.ArgumentMatchers.any())).thenAnswer(call -> {
      saved.add(call.getArgument(0));
      return call.getArgument(0);
    });

    steps.failMissingDossier(7L);
    steps.archiveFailed(7L);

    assertThat(f.task.getGrade()).isEqualTo(Grade.KHONG_DAT);
    assertThat(f.task.getStatus()).isEqualTo(ResearchStatus.ARCHIVED_FAILED);
    assertThat(f.task.getClosingReason()).contains("không nộp hồ sơ nghiệm thu");
    assertThat(saved).extracting(Restriction::getSubjectKey)
        .containsExactly(StepsFixture.HOST_CODE, "chunhiem");
    // TT20-2023: 24 months from 23/11/2026
    assertThat(saved).extracting(Restriction::getUntilDate)
        .containsOnly(LocalDate.parse("2028-11-23"));
    assertThat(f.actions()).containsExactly("FINAL_DOSSIER_MISSING", "ARCHIVED_FAILED");
  }
}
