package vn.khcn.workflow.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A day that is not as the week says: a public holiday, a day off by swap, or a make-up working
 * day (see {@link DayKind}); kept by administrators.
 */
@Entity
@Table(name = "public_holiday")
class PublicHoliday {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "holiday", nullable = false)
  private LocalDate day;

  @Column(nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private DayKind kind = DayKind.HOLIDAY;

  @Column(name = "updated_by")
  private String updatedBy;

  @Column(name = "updated_at")
  private Instant updatedAt;

  protected PublicHoliday() {}

  PublicHoliday(LocalDate day, String name, DayKind kind, String updatedBy, Instant updatedAt) {
    change(day, name, kind, updatedBy, updatedAt);
  }

  void change(LocalDate day, String name, DayKind kind, String updatedBy, Instant updatedAt) {
    this.day = day;
    this.name = name;
    this.kind = kind;
    this.updatedBy = updatedBy;
    this.updatedAt = updatedAt;
  }

  public Long getId() { return id; }
  public LocalDate getDay() { return day; }
  public String getName() { return name; }
  public DayKind getKind() { return kind; }
  public String getUpdatedBy() { return updatedBy; }
  public Instant getUpdatedAt() { return updatedAt; }
}
