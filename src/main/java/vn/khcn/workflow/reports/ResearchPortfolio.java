package vn.khcn.workflow.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import vn.khcn.workflow.research.PortfolioFigures;
import vn.khcn.workflow.research.PortfolioFigures.Late;
import vn.khcn.workflow.research.PortfolioFigures.Meeting;
import vn.khcn.workflow.research.PortfolioFigures.StageStatus;

/** The research portfolio (issue 15): what the research tasks hold, in one answer. */
@Service
class ResearchPortfolio {

  /** Councils meeting within this many days from today are listed. */
  static final int COUNCIL_DAYS = 30;
  /** What the tasks do not hold, said on the page and in the answer. */
  static final String NOT_STORED = "Chỉ có các khoản được lưu trên nhiệm vụ: kinh phí đề nghị,"
      + " kinh phí được phê duyệt sau thẩm định và giá trị hợp đồng. Số đã cấp theo đợt và số"
      + " đã giải ngân không được lưu nên không có trong báo cáo.";

  /** The whole portfolio at today's date. */
  record Portfolio(LocalDate today, long tasks, List<StageStatus> byStageAndStatus,
      List<StageCount> byStage, Budget budget, LocalDate councilsUntil, List<Meeting> councils,
      List<Late> late, String note) {}

  /** Tasks of one stage, whatever their status. */
  record StageCount(String stage, String label, long tasks) {}

  /**
   * Sums in whole dong: requested by all tasks; approved after appraisal and contracted, with
   * how many tasks hold each amount (a task without the amount yet is not counted in it).
   */
  record Budget(long requested, long approved, long approvedTasks, long contracted,
      long contractedTasks) {}

  private final PortfolioFigures figures;
  private final Clock clock;

  ResearchPortfolio(PortfolioFigures figures, Clock clock) {
    this.figures = figures;
    this.clock = clock;
  }

  Portfolio now() {
    LocalDate today = LocalDate.now(clock);
    List<StageStatus> rows = figures.byStageAndStatus();
    java.util.Map<String, StageCount> byStage = new java.util.LinkedHashMap<>();
    for (StageStatus row : rows) {
      byStage.merge(row.stage(), new StageCount(row.stage(), row.stageLabel(), row.tasks()),
          (a, b) -> new StageCount(a.stage(), a.label(), a.tasks() + b.tasks()));
    }
    Budget budget = new Budget(rows.stream().mapToLong(StageStatus::requested).sum(),
        rows.stream().mapToLong(StageStatus::approved).sum(),
        rows.stream().mapToLong(StageStatus::approvedTasks).sum(),
        rows.stream().mapToLong(StageStatus::contracted).sum(),
        rows.stream().mapToLong(StageStatus::contractedTasks).sum());
    LocalDate until = today.plusDays(COUNCIL_DAYS);
    return new Portfolio(today, rows.stream().mapToLong(StageStatus::tasks).sum(), rows,
        List.copyOf(byStage.values()), budget, until, figures.meetingsBetween(today, until),
        figures.late(clock.instant(), today, clock.getZone()), NOT_STORED);
  }
}
