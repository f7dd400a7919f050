package vn.khcn.workflow.research;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import vn.khcn.workflow.shared.web.ApiError.FieldError;

/**
 * Dates of implementation (TT 09/2014, TT 04/2015, TT 11/2014) with the numbers of the task's
 * rules regime: progress reports, the mid-term point, the one extension and its limits, lateness
 * of the final dossier (ADR 0022).
 */
final class ImplementationRules {

  private static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  /**
   * The timer cycle of progress reports: every report period from the contract start while the
   * contract runs ({@code R<n>/<first>/P<period>M}, 08:00 in the Department's zone). Only dates
   * after today are scheduled (a contract entered late does not ask for past reports at once);
   * when none is left, one report at the next mark.
   */
  public static String progressCycle(RuleRegime rules, LocalDate start, LocalDate end,
      LocalDate today, ZoneId zone) {
    int period = rules.integer(RuleKey.REPORT_PERIOD_MONTHS);
    LocalDate first = start.plusMonths(period);
    int k = 1;
    while (!first.isAfter(today)) {
      k++;
      first = start.plusMonths((long) period * k);
    }
    int count = 0;
    for (LocalDate d = first; !d.isAfter(end); d = start.plusMonths((long) period * (k + count))) {
      count++;
    }
    return "R" + Math.max(1, count) + "/"
        + first.atTime(8, 0).atZone(zone).toOffsetDateTime() + "/P" + period + "M";
  }

  /** The midpoint of the contract period. */
  public static LocalDate midpoint(LocalDate start, LocalDate end) {
    return start.plusDays(ChronoUnit.DAYS.between(start, end) / 2);
  }

  /**
   * The contract's duration in whole months, start to end inclusive (1/1/2026–31/12/2027 is 24):
   * the extension limits read this, not the months the dossier asked for.
   */
  public static int contractMonths(LocalDate start, LocalDate end) {
    return (int) ChronoUnit.MONTHS.between(start, end.plusDays(1));
  }

  /**
   * Why extending the contract must be refused, one entry per field ("months" when the length is
   * wrong, "request" when the request itself comes too late or the one extension is used or
   * pending); empty when none. {@code contractEnd} is the current end, {@code contractMonths} the
   * contract's own duration.
   */
  public static List<FieldError> extensionProblems(RuleRegime rules, int contractMonths,
      LocalDate contractEnd, int months, LocalDate today, int extensionsUsedOrPending) {
    List<FieldError> problems = new ArrayList<>();
    int allowed = rules.integer(RuleKey.EXTENSION_COUNT);
    if (extensionsUsedOrPending >= allowed) {
      problems.add(new FieldError("request", allowed == 0
          ? "bộ quy định áp dụng cho nhiệm vụ không cho gia hạn"
          : "nhiệm vụ chỉ được gia hạn " + allowed + " lần; lần gia hạn đã được dùng (gia hạn"
              + " đã duyệt hoặc điều chỉnh thời hạn giữa kỳ) hoặc đang chờ quyết định"));
    }
    int notice = rules.integer(RuleKey.EXTENSION_NOTICE_MONTHS);
    LocalDate latest = contractEnd.minusMonths(notice);
    if (today.isAfter(latest)) {
      problems.add(new FieldError("request", "phải đề nghị gia hạn trước ngày kết thúc hợp đồng ("
          + VN.format(contractEnd) + ") ít nhất " + notice + " tháng, tức là chậm nhất ngày "
          + VN.format(latest)));
    }
    int max = rules.maxExtensionMonths(contractMonths);
    if (months < 1) {
      problems.add(new FieldError("months", "số tháng gia hạn phải từ 1 trở lên"));
    } else if (months > max) {
      problems.add(new FieldError("months", "hợp đồng thực hiện " + contractMonths
          + " tháng chỉ được gia hạn tối đa " + max + " tháng"));
    }
    return problems;
  }

  /**
   * The extensions that count against the limit (ADR 0022): granted or pending requests, or a
   * mid-term adjustment of the schedule ({@code extendedMonths} set without a granted request); a
   * refused request does not count.
   */
  public static int extensionsUsed(List<ExtensionRequest> requests, Integer extendedMonths) {
    long counted = requests.stream()
        .filter(r -> r.getStatus() != ExtensionRequest.Status.REFUSED).count();
    return (int) counted + (extendedMonths != null && counted == 0 ? 1 : 0);
  }

  /**
   * Whole months a new end adds to {@code end}, a part month counting as a month; counted from the
   * day after each end, so 30/11 to 31/05 is 6 months.
   */
  public static int monthsAdded(LocalDate end, LocalDate newEnd) {
    LocalDate from = end.plusDays(1);
    LocalDate to = newEnd.plusDays(1);
    int months = (int) ChronoUnit.MONTHS.between(from, to);
    return from.plusMonths(months).isBefore(to) ? months + 1 : months;
  }

  /** The end after adding {@code months}: 30/11/2028 plus 6 months is 31/05/2029. */
  public static LocalDate extendedEnd(LocalDate end, int months) {
    return end.plusDays(1).plusMonths(months).minusDays(1);
  }

  /**
   * A final dossier submitted more than the regime's months (6) after the contract end fails
   * acceptance; exactly that many months late still counts.
   */
  public static boolean dossierTooLate(RuleRegime rules, LocalDate contractEnd,
      LocalDate submitted) {
    return submitted.isAfter(failDay(rules, contractEnd).minusDays(1));
  }

  /** The first day on which a final dossier not yet submitted fails the task. */
  public static LocalDate failDay(RuleRegime rules, LocalDate contractEnd) {
    return contractEnd.plusMonths(rules.integer(RuleKey.LATE_DOSSIER_FAIL_MONTHS)).plusDays(1);
  }

  /** The last day of the grace period for the final dossier. */
  public static LocalDate graceEnd(RuleRegime rules, LocalDate contractEnd) {
    return contractEnd.plusDays(rules.integer(RuleKey.FINAL_DOSSIER_GRACE_DAYS));
  }

  /** Whole months between the contract end and the submission (0 when on time). */
  public static int monthsLate(LocalDate contractEnd, LocalDate submitted) {
    return submitted.isAfter(contractEnd)
        ? (int) ChronoUnit.MONTHS.between(contractEnd, submitted) : 0;
  }

  public static String formatDate(LocalDate date) {
    return date == null ? "" : VN.format(date);
  }

  private ImplementationRules() {}
}
