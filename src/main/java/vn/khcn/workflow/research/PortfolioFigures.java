package vn.khcn.workflow.research;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The numbers of the research portfolio report (issue 15), counted by the database: tasks by
 * stage and status, the amounts the tasks hold (requested, approved after appraisal, contracted,
 * settled; nothing else is stored), councils meeting soon, and what is late.
 */
@Service
@Transactional(readOnly = true)
public class PortfolioFigures {

  private static final List<ResearchStage> RUNNING =
      List.of(ResearchStage.IMPLEMENTATION, ResearchStage.MIDTERM_EVALUATION);

  private final EntityManager em;

  private final RuleRegimes regimes;

  PortfolioFigures(EntityManager em, RuleRegimes regimes) {
    this.em = em;
    this.regimes = regimes;
  }

  /** Tasks of one stage and status, with the sums of the amounts they hold (whole dong). */
  public record StageStatus(String stage, String stageLabel, String status, String statusLabel,
      long tasks, long requested, long approved, long approvedTasks, long contracted,
      long contractedTasks) {}

  /** A council meeting on a date. */
  public record Meeting(String taskCode, String taskTitle, String kind, LocalDate meetingDate) {}

  /** Something a task owes since a date: a dossier, a revised outline or a progress report. */
  public record Late(String taskCode, String taskTitle, String what, LocalDate dueOn) {}

  public List<StageStatus> byStageAndStatus() {
    return em.createQuery("select t.stage, t.status, count(t), sum(t.requestedBudget),"
            + " sum(t.approvedBudget), count(t.approvedBudget), sum(t.contractAmount),"
            + " count(t.contractAmount) from ResearchTask t group by t.stage, t.status",
            Object[].class).getResultList().stream()
        .map(r -> {
          ResearchStage stage = (ResearchStage) r[0];
          ResearchStatus status = (ResearchStatus) r[1];
          return new StageStatus(stage.name(), stage.label(), status.name(), status.label(),
              number(r[2]), number(r[3]), number(r[4]), number(r[5]), number(r[6]),
              number(r[7]));
        })
        .sorted(java.util.Comparator.comparing((StageStatus s) -> ResearchStage.valueOf(s.stage()))
            .thenComparing(s -> ResearchStatus.valueOf(s.status())))
        .toList();
  }

  /** Councils still to conclude whose meeting date falls in [from, to]. */
  public List<Meeting> meetingsBetween(LocalDate from, LocalDate to) {
    return em.createQuery("select t.code, t.title, c.kind, c.meetingDate from Council c"
            + " join ResearchTask t on t.id = c.researchTaskId where c.status = :appointed"
            + " and c.meetingDate between :from and :to order by c.meetingDate, t.code",
            Object[].class)
        .setParameter("appointed", Council.Status.APPOINTED).setParameter("from", from)
        .setParameter("to", to).getResultList().stream()
        .map(r -> new Meeting((String) r[0], (String) r[1], ((CouncilKind) r[2]).label(),
            (LocalDate) r[3]))
        .toList();
  }

  /**
   * What running tasks owe past its date at {@code now} ({@code today} in the Department's
   * zone): missing dossier items, the revised outline, the final dossier after the contract end,
   * and progress reports (one every 6 months from the contract start, counted against the
   * progress reports submitted). The earliest first.
   */
  public List<Late> late(Instant now, LocalDate today, java.time.ZoneId zone) {
    List<Late> late = new ArrayList<>();
    em.createQuery("select t.code, t.title, t.resubmitDueAt from ResearchTask t"
            + " where t.status = :active and t.stage = :dossier and t.resubmitDueAt < :now",
            Object[].class)
        .setParameter("active", ResearchStatus.ACTIVE)
        .setParameter("dossier", ResearchStage.DOSSIER).setParameter("now", now)
        .getResultList().forEach(r -> late.add(new Late((String) r[0], (String) r[1],
            "Hồ sơ bổ sung", LocalDate.ofInstant((Instant) r[2], zone))));
    em.createQuery("select t.code, t.title, t.revisionDueAt from ResearchTask t"
            + " where t.status = :active and t.stage = :revision and t.revisionDueAt < :now",
            Object[].class)
        .setParameter("active", ResearchStatus.ACTIVE)
        .setParameter("revision", ResearchStage.REVISION).setParameter("now", now)
        .getResultList().forEach(r -> late.add(new Late((String) r[0], (String) r[1],
            "Thuyết minh hoàn thiện", LocalDate.ofInstant((Instant) r[2], zone))));
    List<Object[]> running = em.createQuery("select t.id, t.code, t.title, t.contractStart,"
            + " t.contractEnd, t.finalDossierAt, t.rulesRegime, t.submittedAt from ResearchTask t"
            + " where t.status = :active"
            + " and t.stage in :running and t.contractStart is not null", Object[].class)
        .setParameter("active", ResearchStatus.ACTIVE).setParameter("running", RUNNING)
        .getResultList();
    Map<Long, Long> reports = running.isEmpty() ? Map.of() : em.createQuery(
            "select r.researchTaskId, count(r) from ResearchReport r where r.kind = :progress"
            + " and r.researchTaskId in :ids group by r.researchTaskId", Object[].class)
        .setParameter("progress", ReportKind.PROGRESS)
        .setParameter("ids", running.stream().map(r -> (Long) r[0]).toList())
        .getResultList().stream()
        .collect(Collectors.toMap(r -> (Long) r[0], r -> number(r[1])));
    for (Object[] r : running) {
      LocalDate start = (LocalDate) r[3];
      LocalDate end = (LocalDate) r[4];
      if (end != null && r[5] == null && end.isBefore(today)) {
        late.add(new Late((String) r[1], (String) r[2], "Hồ sơ nghiệm thu", end));
      }
      long submitted = reports.getOrDefault((Long) r[0], 0L);
      RuleRegime rules = r[6] != null ? regimes.byCode((String) r[6])
          : regimes.inForce(LocalDate.ofInstant((Instant) r[7], zone));
      LocalDate owed = start.plusMonths(
          (submitted + 1) * (long) rules.integer(RuleKey.REPORT_PERIOD_MONTHS));
      if (owed.isBefore(today) && (end == null || !owed.isAfter(end))) {
        late.add(new Late((String) r[1], (String) r[2], "Báo cáo định kỳ lần " + (submitted + 1),
            owed));
      }
    }
    late.sort(java.util.Comparator.comparing(Late::dueOn).thenComparing(Late::taskCode));
    return late;
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
