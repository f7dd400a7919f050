package vn.khcn.workflow.substitution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One substitution: from {@code fromDay} to {@code toDay} (the Department's days, both included)
 * the substitute sees and acts on the absent person's tasks, "thay" them. Ended early by its
 * creator or an administrator; never deleted.
 */
@Entity
@Table(name = "substitution")
class Substitution {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "absent_user", nullable = false)
  private String absentUser;

  @Column(name = "substitute_user", nullable = false)
  private String substituteUser;

  @Column(name = "from_day", nullable = false)
  private LocalDate fromDay;

  @Column(name = "to_day", nullable = false)
  private LocalDate toDay;

  @Column(nullable = false)
  private String reason;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "ended_by")
  private String endedBy;

  @Column(name = "ended_at")
  private Instant endedAt;

  protected Substitution() {}

  Substitution(String absentUser, String substituteUser, LocalDate fromDay, LocalDate toDay,
      String reason, String createdBy, Instant createdAt) {
    this.absentUser = absentUser;
    this.substituteUser = substituteUser;
    this.fromDay = fromDay;
    this.toDay = toDay;
    this.reason = reason;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  /** In force on that day: not ended early and the day within its dates. */
  boolean activeOn(LocalDate day) {
    return endedAt == null && !day.isBefore(fromDay) && !day.isAfter(toDay);
  }

  /** Over for good: ended early or its last day gone. */
  boolean overOn(LocalDate day) {
    return endedAt != null || day.isAfter(toDay);
  }

  void end(String by, Instant at) {
    this.endedBy = by;
    this.endedAt = at;
  }

  Long getId() { return id; }
  String getAbsentUser() { return absentUser; }
  String getSubstituteUser() { return substituteUser; }
  LocalDate getFromDay() { return fromDay; }
  LocalDate getToDay() { return toDay; }
  String getReason() { return reason; }
  String getCreatedBy() { return createdBy; }
  Instant getCreatedAt() { return createdAt; }
  String getEndedBy() { return endedBy; }
  Instant getEndedAt() { return endedAt; }
}
