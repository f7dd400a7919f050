package vn.khcn.workflow.research;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The council rules of TT 20/2023 and TT 11/2014 that do not change with a province's choices
 * (those are in the decision tables): quorum, size and roles of a council, invalid ballots and the
 * inputs of {@code council-verdict}. Pure functions, unit-tested.
 */
final class CouncilRules {

  public static final int MIN_MEMBERS = 7;
  public static final int MAX_MEMBERS = 9;
  /** A ballot further than this share from the mean of all ballots is invalid. */
  public static final double BALLOT_DEVIATION = 0.20;

  /**
   * Problems of a council's composition: 7–9 distinct members, one chair, one vice-chair, one
   * secretary, two reviewers, the rest members.
   */
  public static List<String> compositionProblems(Map<String, CouncilRole> members) {
    List<String> problems = new ArrayList<>();
    if (members.size() < MIN_MEMBERS || members.size() > MAX_MEMBERS) {
      problems.add("hội đồng phải có từ " + MIN_MEMBERS + " đến " + MAX_MEMBERS
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
   * Why a meeting has no quorum, or null when it has: at least 2/3 of the members present,
   * including the chair or the vice-chair and both reviewers.
   */
  public static String quorumProblem(Map<String, CouncilRole> members, Set<String> present) {
    List<String> problems = new ArrayList<>();
    long here = members.keySet().stream().filter(present::contains).count();
    if (here * 3 < members.size() * 2L) {
      problems.add("chỉ có " + here + "/" + members.size()
          + " thành viên có mặt, cần ít nhất 2/3");
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
   * Discards ballots more than 20% away from the mean of all ballots, averages the valid ones
   * (0 when none is valid) and finds the largest share of members present who gave 0 to one
   * criterion.
   */
  public static Evaluation evaluate(List<Ballot> presentBallots, int membersPresent) {
    if (presentBallots.isEmpty() || membersPresent == 0) {
      return new Evaluation(0, 0, Set.of(), 0);
    }
    double mean = presentBallots.stream().mapToInt(Ballot::total).average().orElse(0);
    Set<String> invalid = new java.util.TreeSet<>();
    List<Ballot> valid = new ArrayList<>();
    for (Ballot ballot : presentBallots) {
      if (Math.abs(ballot.total() - mean) > BALLOT_DEVIATION * mean + 1e-9) {
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
