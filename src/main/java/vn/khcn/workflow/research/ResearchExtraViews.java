package vn.khcn.workflow.research;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What issue 18's budget appraisal team and computed refund add to a task's text and to
 * GET /api/research-tasks/{code} (ADR 0030): the team's opinions and figures, the refund rule of
 * the task's regime and the refund worked out from it.
 */
@Component
class ResearchExtraViews {

  /** A seat of the current appraisal team as the API shows it (staff only). */
  record AppraiserView(int round, String username, String fullName, AppraisalRole role,
      String roleLabel, Long proposedBudget, String opinion, Instant answeredAt) {}

  /** The refund: the rule of the task's regime and, once worked out, its amounts. */
  record RefundView(String rule, Long disbursedAmount, Long spentAmount, Long refundAmount) {}

  private final BudgetAppraisalTeam team;
  private final ResearchTaskRepository tasks;
  private final RuleRegimes regimes;
  private final java.time.Clock clock;

  ResearchExtraViews(BudgetAppraisalTeam team, ResearchTaskRepository tasks, RuleRegimes regimes,
      java.time.Clock clock) {
    this.team = team;
    this.tasks = tasks;
    this.regimes = regimes;
    this.clock = clock;
  }

  /** Text added to the task view of the user task {@code taskKey} (empty for most tasks). */
  String of(long researchTaskId, String taskKey) {
    ResearchTask task = tasks.findById(researchTaskId).orElseThrow();
    if (ResearchTaskProcess.Tasks.APPRAISE_BUDGET.equals(taskKey)
        || ResearchTaskProcess.Tasks.APPROVE_BUDGET.equals(taskKey)) {
      String summary = team.summary(task);
      return summary.isEmpty() ? "" : "\n" + summary + "\n";
    }
    if (AcceptanceProcess.Tasks.RECORD_REFUND.equals(taskKey)) {
      RefundView refund = refund(task);
      return "\nKinh phí hoàn trả được tính, không nhập: " + (refund.rule() == null
          ? "bộ quy định của nhiệm vụ chưa có quy tắc hoàn trả" : refund.rule()) + "\n";
    }
    return "";
  }

  List<AppraiserView> appraisalTeam(ResearchTask task, boolean staff) {
    if (!staff) {
      return List.of();
    }
    return team.current(task).stream().map(s -> new AppraiserView(s.getRound(), s.getUsername(),
        s.getFullName(), s.getRole(), s.getRole().label(), s.getProposedBudget(),
        s.getOpinion(), s.getAnsweredAt())).toList();
  }

  RefundView refund(ResearchTask task) {
    ZoneId zone = clock.getZone();
    RefundRule rule = regimes.of(task, zone).refund();
    return new RefundView(rule == null ? null : rule.describe(), task.getDisbursedAmount(),
        task.getSpentAmount(), task.getRefundAmount());
  }
}
