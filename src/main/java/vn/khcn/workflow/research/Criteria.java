package vn.khcn.workflow.research;

import java.util.List;

/**
 * The scoring criteria of the assignment council, in the order of a {@link Ballot}'s scores: the
 * form fields of scoreProposal. Labels and maxima (each criterion's weight on the 100-point scale)
 * come from the task's rules regime ({@link RuleRegime#criteria()}).
 */
final class Criteria {

  /** The scoreProposal form fields, in ballot order. */
  public static final List<String> FIELDS = List.of(
      AssignmentCouncilProcess.Vars.SCORE_URGENCY.name(),
      AssignmentCouncilProcess.Vars.SCORE_CONTENT.name(),
      AssignmentCouncilProcess.Vars.SCORE_METHOD.name(),
      AssignmentCouncilProcess.Vars.SCORE_PRODUCTS.name(),
      AssignmentCouncilProcess.Vars.SCORE_CAPACITY.name());

  private Criteria() {}
}
