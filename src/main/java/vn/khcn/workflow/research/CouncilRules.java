package vn.khcn.workflow.research;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The council rules of TT 20/2023 and TT 11/2014, with the numbers of the task's rules regime:
 * size and roles of a council, quorum, invalid ballots and the inputs of {@code council-verdict}.
 * Pure functions, unit-tested.
 */
final class CouncilRules {

  /**
   * Problems of a council's composition: the regime's number of distinct members for the kind,
   * one chair, one vice-chair, one secretary, two reviewers, the rest members.
   */
  public static List<String> compositionProblems(RuleRegime rules, CouncilKind kind,
      Map<String, CouncilRole> members) {
    List<String> problems = new ArrayList<>();
    int min = rules.councilMin(kind);
    int max = rules.councilMax(kind);
    if (members.size() < min || members.size() > max) {
      problems.add("hội đồng phải có từ " + min + " đến " + max
          + " thành viên khác nhau (đang có " + members.size() + ")");
    }
    count(problems, members.values(), CouncilRole.CHAIR, 1);
    count(problems, members.values(), CouncilRole.VICE_CHAIR, 1);
    count(problems, members.values(), CouncilRole.SECRETARY, 1);
    count(problems, members.values(), CouncilRole.REVIEWER, 2);
    return problems;
  }

  private static void count(List<String> problems, Collection<CouncilRole> roles,
      CouncilRole role, int expected) {
    long actual = roles.stream().filter(role::equals).count();
    if (actual != expected) {
      problems.add("hội đồng cần đúng " + expected + " " + role.label().toLowerCase()
          + " (đang có " + actual + ")");
    }
  }

  /**
   * Why a meeting has no quorum, or null when it has: at least the regime's share of the members
   * present (2/3), including the chair or the vice-chair and both reviewers.
   */
  public static String quorumProblem(RuleRegime rules, Map<String, CouncilRole> members,
      Set<String> present) {
    List<String> problems = new ArrayList<>();
    long here = members.keySet().stream().filter(present::contains).count();
    RuleRegime.Fraction quorum = rules.fraction(RuleKey.QUORUM_SHARE);
    if (!quorum.reachedBy(here, members.size())) {
      problems.add("chỉ có " + here + "/" + members.size()
          + " thành viên có mặt, cần ít nhất " + quorum);
    }
    boolean chairOrVice = members.entrySet().stream().anyMatch(m -> present.contains(m.getKey())
        && (m.getValue() == CouncilRole.CHAIR || m.getValue() == CouncilRole.VICE_CHAIR));
    if (!chairOrVice) {
      problems.add("vắng cả chủ tịch và phó chủ tịch hội đồng");
    }
    long reviewers = members.entrySet().stream().filter(m -> m.getValue() == CouncilRole.REVIEWER
        && present.contains(m.getKey())).count();
    if (reviewers < 2) {
      problems.add("vắng ủy viên phản biện (cần cả hai)");
    }
    return problems.isEmpty() ? null
        : "Không đủ điều kiện họp hội đồng: " + String.join("; ", problems)
            + ". Cuộc họp phải tổ chức lại.";
  }

  /** The result of evaluating the ballots of the members present. */
  public record Evaluation(double meanScore, double maxZeroShare, Set<String> invalidBallots,
      int ballots) {}

  /**
   * The invalid-ballot rule (TT 20/2023; ADR 0022): the mean of all ballots of the members present
   * is computed once; a ballot whose total is further from it than the regime's share (1/5) of it
   * is invalid (exactly: |total·n − sum|·b > a·sum for a share a/b); the score is the mean of the
   * valid ballots, recomputed once without iterating (0 when none is valid). The zero-score share
   * counts every ballot of the members present, invalid ones included, over the members present.
   */
  public static Evaluation evaluate(RuleRegime rules, List<Ballot> presentBallots,
      int membersPresent) {
    if (presentBallots.isEmpty() || membersPresent == 0) {
      return new Evaluation(0, 0, Set.of(), 0);
    }
    RuleRegime.Fraction deviation = rules.fraction(RuleKey.BALLOT_DEVIATION);
    long n = presentBallots.size();
    long sum = presentBallots.stream().mapToLong(Ballot::total).sum();
    Set<String> invalid = new java.util.TreeSet<>();
    List<Ballot> valid = new ArrayList<>();
    for (Ballot ballot : presentBallots) {
      long distance = Math.abs(ballot.total() * n - sum);
      if (deviation.exceededBy(distance, sum)) {
        invalid.add(ballot.member());
      } else {
        valid.add(ballot);
      }
    }
    double validMean = valid.stream().mapToInt(Ballot::total).average().orElse(0);
    int criteria = presentBallots.get(0).scores().length;
    double maxZeroShare = 0;
    for (int c = 0; c < criteria; c++) {
      int index = c;
      long zeros = presentBallots.stream().filter(b -> b.scores()[index] == 0).count();
      maxZeroShare = Math.max(maxZeroShare, (double) zeros / membersPresent);
    }
    return new Evaluation(validMean, maxZeroShare, invalid, presentBallots.size());
  }

  private CouncilRules() {}
}
