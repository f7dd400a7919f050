package vn.khcn.workflow.research;

import java.util.List;

/**
 * The scoring criteria of the assignment council (100 points in all, TT 20/2023 appendix), in the
 * order of a {@link Ballot}'s scores. The variable names are the form fields of scoreProposal.
 */
final class Criteria {

  /** One criterion: form variable, Vietnamese label, maximum points. */
  public record Criterion(String variable, String label, int max) {}

  public static final List<Criterion> ALL = List.of(
      new Criterion(AssignmentCouncilProcess.Vars.SCORE_URGENCY.name(), "Tính cấp thiết, mục tiêu",
          15),
      new Criterion(AssignmentCouncilProcess.Vars.SCORE_CONTENT.name(), "Nội dung nghiên cứu", 25),
      new Criterion(AssignmentCouncilProcess.Vars.SCORE_METHOD.name(),
          "Phương pháp, cách tiếp cận", 20),
      new Criterion(AssignmentCouncilProcess.Vars.SCORE_PRODUCTS.name(),
          "Sản phẩm, khả năng ứng dụng", 25),
      new Criterion(AssignmentCouncilProcess.Vars.SCORE_CAPACITY.name(),
          "Năng lực tổ chức, cá nhân chủ trì; kinh phí", 15));

  public static final int TOTAL = ALL.stream().mapToInt(Criterion::max).sum();

  private Criteria() {}
}
