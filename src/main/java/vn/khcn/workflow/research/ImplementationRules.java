package vn.khcn.workflow.research;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import vn.khcn.workflow.shared.web.ApiError.FieldError;

/**
 * Dates of implementation (TT 09/2014, TT 04/2015): progress reports every 6 months from the
 * contract start, the mid-term point, the extension limits, lateness of the final dossier.
 */
final class ImplementationRules {

  public static final int REPORT_INTERVAL_MONTHS = 6;
  public static final int LATE_DOSSIER_MONTHS = 6;
  private static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  /**
   * The timer cycle of progress reports: every 6 months from the contract start while the contract
   * runs ({@code R<n>/<first>/P6M}, 08:00 in the Department's zone). Only dates after today are
   * scheduled (a contract entered late does not ask for past reports at once); when none is left,
   * one report at the next 6-month mark.
   */
  public static String progressCycle(LocalDate start, LocalDate end, LocalDate today, ZoneId zone) {
    LocalDate first = start.plusMonths(REPORT_INTERVAL_MONTHS);
    int k = 1;
    while (!first.isAfter(today)) {
      k++;
      first = start.plusMonths((long) REPORT_INTERVAL_MONTHS * k);
    }
    int count = 0;
    for (LocalDate d = first; !d.isAfter(end); d = start.plusMonths(
        (long) REPORT_INTERVAL_MONTHS * (k + count))) {
      count++;
    }
    return "R" + Math.max(1, count) + "/"
        + first.atTime(8, 0).atZone(zone).toOffsetDateTime() + "/P" + REPORT_INTERVAL_MONTHS + "M";
  }

  /** The midpoint of the contract period. */
  public static LocalDate midpoint(LocalDate start, LocalDate end) {
    return start.plusDays(ChronoUnit.DAYS.between(start, end) / 2);
  }

  /** Most months an extension may add: 12 for tasks longer than 24 months, otherwise 6. */
  public static int maxExtensionMonths(int durationMonths) {
    return durationMonths > 24 ? 12 : 6;
  }

  /**
   * Why an extension request must be refused, one entry per field ("months" when the length is
   * wrong, "request" when the request itself comes too late or a second time); empty when none.
   */
  public static List<FieldError> extensionProblems(int durationMonths, LocalDate contractEnd,
      int months, LocalDate today, boolean askedBefore) {
    List<FieldError> problems = new ArrayList<>();
    if (askedBefore) {
      problems.add(new FieldError("request",
          "nhiệm vụ chỉ được gia hạn một lần và đã có đề nghị gia hạn trước đó"));
    }
    LocalDate latest = contractEnd.minusMonths(1);
    if (today.isAfter(latest)) {
      problems.add(new FieldError("request", "phải đề nghị gia hạn trước ngày kết thúc hợp đồng ("
          + VN.format(contractEnd) + ") ít nhất 1 tháng, tức là chậm nhất ngày "
          + VN.format(latest)));
    }
    int max = maxExtensionMonths(durationMonths);
    if (months < 1) {
      problems.add(new FieldError("months", "số tháng gia hạn phải từ 1 trở lên"));
    } else if (months > max) {
      problems.add(new FieldError("months", "nhiệm vụ thực hiện " + durationMonths
          + " tháng chỉ được gia hạn tối đa " + max + " tháng"));
    }
    return problems;
  }

  /** A final dossier submitted more than 6 months after the contract end fails acceptance. */
  public static boolean dossierTooLate(LocalDate contractEnd, LocalDate submitted) {
    return submitted.isAfter(contractEnd.plusMonths(LATE_DOSSIER_MONTHS));
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
