package vn.khcn.workflow.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The handling report of incoming documents (Decree 30 App. VI §V) over one range. A duty is a
 * lead or co-ordinating unit's assignment on a document that arrived in the range; the
 * per-unit and per-urgency rows count duties, {@code total} adds them up, {@code documents}
 * counts the documents themselves. Days are calendar days (24 hours), averaged to one decimal.
 */
record HandlingReport(LocalDate from, LocalDate to, String unit, Instant measuredAt,
    Documents documents, List<Row> units, List<Row> urgencies, Row total, long overdueTotal,
    List<Overdue> overdue) {

  /** Documents received in the range; days from registration to the leader's direction. */
  record Documents(long received, long awaitingDirection, long directed,
      Double averageDaysToDirection) {}

  /**
   * One line of the report. {@code onTimeRate}: the share (percent) of duties done on time among
   * those whose outcome is known (done on time, done late, open past the deadline); null when
   * there is none. Days to direction: registration to the assignment; to completion:
   * registration to the unit's completion (completed duties only).
   */
  record Row(String key, String label, long duties, long doneOnTime, long doneLate,
      long openOnTime, long openOverdue, Double onTimeRate, Double averageDaysToDirection,
      Double averageDaysToCompletion) {}

  /** An open duty past its deadline; daysOverdue counts calendar days since the due date. */
  record Overdue(long documentId, String incomingNumber, String documentNumber, String summary,
      String urgency, String unitId, String unitName, Instant dueAt, long daysOverdue) {}
}
