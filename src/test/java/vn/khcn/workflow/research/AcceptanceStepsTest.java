package vn.khcn.workflow.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;
import vn.khcn.workflow.shared.process.InvalidTaskInputException;

/** {@link AcceptanceSteps} on its own: grades, the late-dossier rule and the restrictions. */
class AcceptanceStepsTest {

  final StepsFixture f = new StepsFixture();
  final AcceptanceSteps steps = new AcceptanceSteps(f.records, f.restrictions, f.decisions,
      f.calendar);

  @Test
  void aGradeIsTheGivenMembersAndAnUnknownGradeIsRefused() {
    f.council(CouncilKind.ACCEPTANCE, "hd.chutich", CouncilRole.CHAIR, "hd.thuky",
        CouncilRole.SECRETARY);
    assertThatThrownBy(() -> steps.grade(11L, "hd.chutich", "GIOI", "Tốt", StepsFixture.CLERK,
        "t1")).isInstanceOf(InvalidTaskInputException.class).hasMessageContaining("memberGrade");

    steps.grade(11L, "hd.chutich", "XUAT_SAC", "Sản phẩm vượt đặt hàng", StepsFixture.CLERK, "t1");

    assertThat(f.member("hd.chutich").getGrade()).isEqualTo(Grade.XUAT_SAC);
    assertThat(f.member("hd.thuky").getGrade()).isNull();
    assertThat(f.actions()).containsExactly("GRADE_CAST");
  }

  @Test
  void aDossierFarTooLateFailsWithoutTheDecisionTableAndTheFailureRestrictsBothParties() {
    List<Object> council = List.of("hd.chutich", CouncilRole.CHAIR, "hd.phochutich",
        CouncilRole.VICE_CHAIR, "hd.thuky", CouncilRole.SECRETARY, "hd.phanbien1",
        CouncilRole.REVIEWER, "hd.phanbien2", CouncilRole.REVIEWER, "hd.uyvien1",
        CouncilRole.MEMBER, "hd.uyvien2", CouncilRole.MEMBER);
    f.council(CouncilKind.ACCEPTANCE, council.toArray());
    f.task.contractSigned("45/2016/HĐ-KHCN", LocalDate.parse("2016-11-30"), 580_000_000L,
        LocalDate.parse("2016-12-01"), LocalDate.parse("2018-11-30"));
    f.councilMembers.forEach(m -> m.markPresent(true));

    AcceptanceSteps.GradeConclusion conclusion = steps.concludeAcceptanceCouncil(11L);
    steps.restrictParties(7L);

    assertThat(conclusion.grade()).isEqualTo(Grade.KHONG_DAT);
    assertThat(conclusion.fixDue()).isNull();
    verify(f.decisions, never()).acceptanceGrade(ArgumentMatchers.any(), anyInt(), anyInt(), anyInt());
    verify(f.restrictions, times(2)).save(ArgumentMatchers.any(Restriction.class));
    assertThat(f.actions()).containsExactly("GRADED", "RESTRICTED");
  }
}
