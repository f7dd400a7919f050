package vn.khcn.workflow.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CouncilRulesTest {

  static final RuleRegime TT20 = Regimes.tt20();

  static Map<String, CouncilRole> council(int members) {
    Map<String, CouncilRole> roles = new LinkedHashMap<>();
    roles.put("chair", CouncilRole.CHAIR);
    roles.put("vice", CouncilRole.VICE_CHAIR);
    roles.put("secretary", CouncilRole.SECRETARY);
    roles.put("reviewer1", CouncilRole.REVIEWER);
    roles.put("reviewer2", CouncilRole.REVIEWER);
    for (int i = 1; i <= members - 5; i++) {
      roles.put("member" + i, CouncilRole.MEMBER);
    }
    return roles;
  }

  @Test
  void aCouncilHasSevenToNineMembersWithEveryRole() {
    assertThat(CouncilRules.compositionProblems(TT20, CouncilKind.ASSIGNMENT, council(7))).isEmpty();
    assertThat(CouncilRules.compositionProblems(TT20, CouncilKind.ASSIGNMENT, council(9))).isEmpty();
    assertThat(CouncilRules.compositionProblems(TT20, CouncilKind.ASSIGNMENT, council(6))).singleElement().asString()
        .contains("từ 7 đến 9");
    assertThat(CouncilRules.compositionProblems(TT20, CouncilKind.ASSIGNMENT, council(10))).isNotEmpty();
    Map<String, CouncilRole> oneReviewer = council(7);
    oneReviewer.put("reviewer2", CouncilRole.MEMBER);
    assertThat(CouncilRules.compositionProblems(TT20, CouncilKind.ASSIGNMENT, oneReviewer)).singleElement().asString()
        .contains("2 ủy viên phản biện");
  }

  @Test
  void quorumNeedsTwoThirdsTheChairOrViceAndBothReviewers() {
    Map<String, CouncilRole> nine = council(9);
    // 6 of 9 is exactly 2/3
    assertThat(CouncilRules.quorumProblem(TT20, nine, Set.of("chair", "reviewer1", "reviewer2",
        "member1", "member2", "member3"))).isNull();
    assertThat(CouncilRules.quorumProblem(TT20, nine, Set.of("chair", "reviewer1", "reviewer2",
        "member1", "member2"))).contains("5/9");
    // the vice-chair can stand in for the chair
    assertThat(CouncilRules.quorumProblem(TT20, nine, Set.of("vice", "reviewer1", "reviewer2",
        "member1", "member2", "member3"))).isNull();
    assertThat(CouncilRules.quorumProblem(TT20, nine, Set.of("secretary", "reviewer1", "reviewer2",
        "member1", "member2", "member3", "member4"))).contains("chủ tịch");
    assertThat(CouncilRules.quorumProblem(TT20, nine, Set.of("chair", "vice", "secretary",
        "reviewer1", "member1", "member2", "member3", "member4"))).contains("phản biện");
    // 5 of 7 is more than 2/3, 4 of 7 is not
    assertThat(CouncilRules.quorumProblem(TT20, council(7), Set.of("chair", "reviewer1", "reviewer2",
        "secretary", "member1"))).isNull();
    assertThat(CouncilRules.quorumProblem(TT20, council(7), Set.of("chair", "reviewer1", "reviewer2",
        "secretary"))).contains("4/7").endsWith("Cuộc họp phải tổ chức lại.");
  }

  static Ballot ballot(String member, int... scores) {
    return new Ballot(member, scores);
  }

  @Test
  void ballotsMoreThanTwentyPercentFromTheMeanAreDiscarded() {
    // mean of all: (80*6 + 32) / 7 = 73.14; 32 is 41 away (> 14.6), 80 is 6.9 away
    List<Ballot> ballots = List.of(ballot("a", 12, 20, 16, 20, 12), ballot("b", 12, 20, 16, 20, 12),
        ballot("c", 12, 20, 16, 20, 12), ballot("d", 12, 20, 16, 20, 12),
        ballot("e", 12, 20, 16, 20, 12), ballot("f", 12, 20, 16, 20, 12),
        ballot("g", 5, 8, 6, 8, 5));
    CouncilRules.Evaluation evaluation = CouncilRules.evaluate(TT20, ballots, 7);
    assertThat(evaluation.invalidBallots()).containsExactly("g");
    assertThat(evaluation.meanScore()).isEqualTo(80.0);
    assertThat(evaluation.maxZeroShare()).isZero();
  }

  @Test
  void aBallotExactlyTwentyPercentAwayStaysValid() {
    // mean 100: 80 and 120 are exactly 20% away
    CouncilRules.Evaluation evaluation = CouncilRules.evaluate(TT20, List.of(
        ballot("a", 80), ballot("b", 120), ballot("c", 100)), 3);
    assertThat(evaluation.invalidBallots()).isEmpty();
    assertThat(evaluation.meanScore()).isEqualTo(100.0);
  }

  @Test
  void zeroShareIsTheLargestShareOfMembersPresentGivingZeroToOneCriterion() {
    List<Ballot> ballots = List.of(ballot("a", 0, 25, 20, 25, 15), ballot("b", 0, 25, 20, 25, 15),
        ballot("c", 15, 0, 20, 25, 15), ballot("d", 15, 25, 20, 25, 15),
        ballot("e", 15, 25, 20, 25, 15), ballot("f", 15, 25, 20, 25, 15),
        ballot("g", 15, 25, 20, 25, 15), ballot("h", 15, 25, 20, 25, 15));
    assertThat(CouncilRules.evaluate(TT20, ballots, 8).maxZeroShare()).isEqualTo(0.25);
    assertThat(CouncilRules.evaluate(TT20, ballots.subList(0, 7), 7).maxZeroShare())
        .isEqualTo(2.0 / 7);
  }

  @Test
  void theInvalidBallotBoundaryIsExactAndTheMeanIsRecomputedOnce() {
    // sum 300 of 3 ballots, mean 100: 79 is 21 away (> 20), 121 too; one pass, no iteration
    CouncilRules.Evaluation evaluation = CouncilRules.evaluate(TT20, List.of(
        ballot("a", 79), ballot("b", 100), ballot("c", 121)), 3);
    assertThat(evaluation.invalidBallots()).containsExactly("a", "c");
    assertThat(evaluation.meanScore()).isEqualTo(100.0);
    // every ballot invalid leaves no valid mean: 0, which no pass mark reaches
    CouncilRules.Evaluation none = CouncilRules.evaluate(TT20, List.of(
        ballot("a", 10), ballot("b", 90)), 2);
    assertThat(none.invalidBallots()).containsExactly("a", "b");
    assertThat(none.meanScore()).isZero();
  }

  @Test
  void theRegimeSetsCouncilSizeQuorumAndDeviation() {
    RuleRegime strict = Regimes.variant(TT20, "TEST-2027", java.time.LocalDate.of(2027, 1, 1),
        Map.of(RuleKey.ASSIGNMENT_COUNCIL_MIN_MEMBERS, 9, RuleKey.QUORUM_SHARE, "3/4",
            RuleKey.BALLOT_DEVIATION, "1/10"));
    assertThat(CouncilRules.compositionProblems(strict, CouncilKind.ASSIGNMENT, council(8)))
        .singleElement().asString().contains("từ 9 đến 9");
    assertThat(CouncilRules.compositionProblems(strict, CouncilKind.ACCEPTANCE, council(8)))
        .isEmpty();
    // 6 of 8 is exactly 3/4; 5 of 8 is not
    assertThat(CouncilRules.quorumProblem(strict, council(8), Set.of("chair", "reviewer1",
        "reviewer2", "member1", "member2", "member3"))).isNull();
    assertThat(CouncilRules.quorumProblem(strict, council(8), Set.of("chair", "reviewer1",
        "reviewer2", "member1", "member2"))).contains("5/8").contains("3/4");
    // 89 is 11 from the mean 100: valid under 1/5, invalid under 1/10
    List<Ballot> ballots = List.of(ballot("a", 89), ballot("b", 100), ballot("c", 111));
    assertThat(CouncilRules.evaluate(TT20, ballots, 3).invalidBallots()).isEmpty();
    assertThat(CouncilRules.evaluate(strict, ballots, 3).invalidBallots())
        .containsExactly("a", "c");
  }
}
