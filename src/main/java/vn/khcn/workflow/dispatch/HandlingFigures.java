package vn.khcn.workflow.dispatch;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The numbers of the handling report (issue 15, Decree 30 App. VI §V), counted by the database:
 * every method is one aggregate or one bounded query, so the report costs the same whether the
 * range holds ten documents or a million. A duty is an assignment of a lead or co-ordinating
 * unit; informed units have no deadline and are not counted. Documents are chosen by their
 * arrival date (received_on, from and to included); on time compares the completion with the
 * assignment's deadline; overdue is measured at {@code now}.
 */
@Service
@Transactional(readOnly = true)
public class HandlingFigures {

  private static final String DUTIES = " from Assignment a join IncomingDocument d"
      + " on d.id = a.documentId where d.receivedOn between :from and :to"
      + " and a.role <> :informed";

  private final EntityManager em;

  HandlingFigures(EntityManager em) {
    this.em = em;
  }

  /**
   * Duties of one unit and one urgency. Seconds are summed (not averaged) so that rows can be
   * added up: to direction runs from registration to the assignment, to completion from
   * registration to the unit's completion (completed duties only).
   */
  public record DutyCounts(String unitId, Urgency urgency, long duties, long doneOnTime,
      long doneLate, long openOnTime, long openOverdue, long secondsToDirection,
      long secondsToCompletion) {}

  /** Documents received in the range: how many, how many still without direction, seconds. */
  public record DocumentCounts(long received, long awaitingDirection, long directed,
      long secondsToDirection) {}

  /** An open duty past (or, for the due list, near) its deadline. */
  public record OpenDuty(long documentId, String incomingNumber, String documentNumber,
      String summary, Urgency urgency, String unitId, Instant dueAt) {}

  /** How many documents arrived on one day. */
  public record DayCount(LocalDate day, long documents) {}

  public List<DutyCounts> dutyCounts(LocalDate from, LocalDate to, String unit, Instant now) {
    TypedQuery<Object[]> query = em.createQuery("select a.unitId, d.urgency, count(a),"
        + " sum(case when a.completedAt is not null and (a.dueAt is null"
        + " or a.completedAt <= a.dueAt) then 1 else 0 end),"
        + " sum(case when a.completedAt is not null and a.dueAt is not null"
        + " and a.completedAt > a.dueAt then 1 else 0 end),"
        + " sum(case when a.completedAt is null and (a.dueAt is null or a.dueAt >= :now)"
        + " then 1 else 0 end),"
        + " sum(case when a.completedAt is null and a.dueAt < :now then 1 else 0 end),"
        + " sum((a.assignedAt - d.registeredAt) by second),"
        + " sum((a.completedAt - d.registeredAt) by second)"
        + DUTIES + unitClause(unit) + " group by a.unitId, d.urgency", Object[].class);
    range(query, from, to, unit).setParameter("now", now);
    return query.getResultList().stream().map(r -> new DutyCounts((String) r[0], (Urgency) r[1],
        number(r[2]), number(r[3]), number(r[4]), number(r[5]), number(r[6]), number(r[7]),
        number(r[8]))).toList();
  }

  public DocumentCounts documentCounts(LocalDate from, LocalDate to) {
    Object[] r = em.createQuery("select count(d),"
        + " sum(case when d.directionAt is null then 1 else 0 end),"
        + " count(d.directionAt), sum((d.directionAt - d.registeredAt) by second)"
        + " from IncomingDocument d where d.receivedOn between :from and :to", Object[].class)
        .setParameter("from", from).setParameter("to", to).getSingleResult();
    return new DocumentCounts(number(r[0]), number(r[1]), number(r[2]), number(r[3]));
  }

  /** Open duties past their deadline at {@code now}, the longest overdue first, at most limit. */
  public List<OpenDuty> overdue(LocalDate from, LocalDate to, String unit, Instant now,
      int limit) {
    TypedQuery<Object[]> query = em.createQuery(openDuty() + DUTIES + unitClause(unit)
        + " and a.completedAt is null and a.dueAt < :now order by a.dueAt, d.id, a.unitId",
        Object[].class);
    range(query, from, to, unit).setParameter("now", now).setMaxResults(limit);
    return query.getResultList().stream().map(HandlingFigures::openDuty).toList();
  }

  /** Open duties of any arrival date due in [from, until], the soonest first, at most limit. */
  public List<OpenDuty> dueBetween(Instant from, Instant until, String unit, int limit) {
    TypedQuery<Object[]> query = em.createQuery(openDuty() + " from Assignment a join"
        + " IncomingDocument d on d.id = a.documentId where a.role <> :informed"
        + " and a.completedAt is null and a.dueAt >= :start and a.dueAt <= :until"
        + unitClause(unit) + " order by a.dueAt, d.id, a.unitId", Object[].class);
    query.setParameter("informed", AssignmentRole.INFORMED).setParameter("start", from)
        .setParameter("until", until).setMaxResults(limit);
    if (unit != null) {
      query.setParameter("unit", unit);
    }
    return query.getResultList().stream().map(HandlingFigures::openDuty).toList();
  }

  public List<DayCount> receivedPerDay(LocalDate from, LocalDate to) {
    return em.createQuery("select d.receivedOn, count(d) from IncomingDocument d"
            + " where d.receivedOn between :from and :to group by d.receivedOn"
            + " order by d.receivedOn", Object[].class)
        .setParameter("from", from).setParameter("to", to).getResultList().stream()
        .map(r -> new DayCount((LocalDate) r[0], number(r[1]))).toList();
  }

  private static String openDuty() {
    return "select d.id, d.businessKey, d.documentNumber, d.summary, d.urgency, a.unitId,"
        + " a.dueAt";
  }

  private static OpenDuty openDuty(Object[] r) {
    return new OpenDuty((Long) r[0], (String) r[1], (String) r[2], (String) r[3],
        (Urgency) r[4], (String) r[5], (Instant) r[6]);
  }

  private static String unitClause(String unit) {
    return unit == null ? "" : " and a.unitId = :unit";
  }

  private static <T> TypedQuery<T> range(TypedQuery<T> query, LocalDate from, LocalDate to,
      String unit) {
    query.setParameter("from", from).setParameter("to", to)
        .setParameter("informed", AssignmentRole.INFORMED);
    if (unit != null) {
      query.setParameter("unit", unit);
    }
    return query;
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
