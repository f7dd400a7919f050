package vn.khcn.workflow.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyDouble;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.khcn.workflow.shared.process.InvalidTaskInputException;

/**
 * {@link AssignmentCouncilSteps} on its own: a ballot is the given member's only, a replacement
 * needs a declared conflict, the routing follows the entities and the conclusion names nobody.
 */
class AssignmentCouncilStepsTest {

  final StepsFixture f = new StepsFixture();
  final AssignmentCouncilSteps steps = new AssignmentCouncilSteps(f.records, f.councils,
      f.members, f.experts, f.documents, f.decisions, f.calendar);

  Council sevenMembers() {
    return f.council(CouncilKind.ASSIGNMENT, "hd.chutich", CouncilRole.CHAIR, "hd.phochutich",
        CouncilRole.VICE_CHAIR, "hd.thuky", CouncilRole.SECRETARY, "hd.phanbien1",
        CouncilRole.REVIEWER, "hd.phanbien2", CouncilRole.REVIEWER, "hd.uyvien1",
        CouncilRole.MEMBER, "hd.uyvien2", CouncilRole.MEMBER);
  }

  @Test
  void aBallotIsRecordedForTheGivenMemberOnlyAndScoresOutOfRangeAreRefused() {
    sevenMembers();
    assertThatThrownBy(() -> steps.score(11L, "hd.chutich", List.of(16, 20, 16, 20, 12),
        "Nhận xét", StepsFixture.CLERK, "t1")).isInstanceOf(InvalidTaskInputException.class)
        .hasMessageContaining("scoreUrgency");

    steps.score(11L, "hd.chutich", List.of(12, 20, 16, 20, 12), "Đề nghị bổ sung phương pháp",
        StepsFixture.CLERK, "t1");

    assertThat(f.member("hd.chutich").getScoreTotal()).isEqualTo(80);
    assertThat(f.member("hd.uyvien1").getScoreTotal()).isNull();
    assertThat(f.actions()).containsExactly("BALLOT_CAST");
    assertThatThrownBy(() -> steps.score(11L, "chunhiem", List.of(15, 25, 20, 25, 15), "Tự chấm",
        StepsFixture.CLERK, "t2")).as("the investigator sits on no council")
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void onlyAMemberWhoDeclaredAConflictIsReplacedAndTheRoutingFollowsTheReplacement() {
    sevenMembers();
    when(f.experts.findById("hd.uyvien3")).thenReturn(Optional.of(
        StepsFixture.expert("hd.uyvien3", "Viện Kinh tế - Xã hội")));
    assertThatThrownBy(() -> steps.replace(11L, "hd.chutich", "hd.uyvien3", StepsFixture.CLERK,
        "t1")).isInstanceOf(IllegalStateException.class).hasMessageContaining("no conflict");

    assertThat(steps.declare(11L, "hd.chutich", false, "Là đồng tác giả của chủ nhiệm",
        StepsFixture.CLERK, "t2")).isTrue();
    AssignmentCouncilSteps.Replacement replacement = steps.replace(11L, "hd.chutich",
        "hd.uyvien3", StepsFixture.CLERK, "t3");

    assertThat(replacement).isEqualTo(new AssignmentCouncilSteps.Replacement("hd.uyvien3",
        CouncilRole.CHAIR));
    assertThat(steps.routing(11L)).isEqualTo(new AssignmentCouncilSteps.Routing("chunhiem",
        "hd.uyvien3", "hd.thuky"));
  }

  @Test
  void theConclusionCountsDiscardedBallotsWithoutNamingWhoseTheyAre() {
    Council council = sevenMembers();
    List<String> all = List.of("hd.chutich", "hd.phochutich", "hd.thuky", "hd.phanbien1",
        "hd.phanbien2", "hd.uyvien1", "hd.uyvien2");
    for (String member : all) {
      List<Integer> scores = member.equals("hd.uyvien1") ? List.of(5, 8, 6, 8, 5)
          : List.of(12, 20, 16, 20, 12);
      steps.score(11L, member, scores, "Nhận xét", StepsFixture.CLERK, "t");
    }
    steps.recordMeeting(11L, LocalDate.parse("2026-11-23"), all, false, null, null,
        StepsFixture.CLERK, "t");
    when(f.decisions.councilVerdict(org.mockito.ArgumentMatchers.any(), anyDouble(), anyDouble(), anyBoolean()))
        .thenReturn(new ResearchDecisions.VerdictResult(Verdict.ASSIGN, "Đạt yêu cầu"));

    AssignmentCouncilSteps.CouncilConclusion conclusion = steps.concludeAssignmentCouncil(11L);

    assertThat(conclusion.verdict()).isEqualTo(Verdict.ASSIGN);
    assertThat(council.getMeanScore()).isEqualTo(80.0);
    assertThat(f.member("hd.uyvien1").getBallotValid()).isFalse();
    assertThat(f.task.getVerdictReasons()).contains("số phiếu không hợp lệ (lệch quá 1/5 so với điểm trung bình): 1")
        .doesNotContain("hd.uyvien1");
    assertThat(f.task.getStage()).isEqualTo(ResearchStage.BUDGET_AND_CONTRACT);
  }
}
