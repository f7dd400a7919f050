package vn.khcn.workflow.dispatch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One period's report of a direction item ("Báo cáo định kỳ mục 7 – kỳ 1/4"). */
@Entity
@Table(name = "direction_item_report")
class DirectionItemReport {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "direction_item_id", nullable = false)
  private Long itemId;

  @Column(name = "period_no", nullable = false)
  private int periodNo;

  @Column(name = "period_count", nullable = false)
  private int periodCount;

  @Column(name = "due_at", nullable = false)
  private Instant dueAt;

  @Column(name = "report_text")
  private String text;

  @Column(name = "submitted_by")
  private String submittedBy;

  @Column(name = "submitted_at")
  private Instant submittedAt;

  protected DirectionItemReport() {}

  DirectionItemReport(Long itemId, int periodNo, int periodCount, Instant dueAt) {
    this.itemId = itemId;
    this.periodNo = periodNo;
    this.periodCount = periodCount;
    this.dueAt = dueAt;
  }

  void submit(String text, String by, Instant at) {
    this.text = text;
    this.submittedBy = by;
    this.submittedAt = at;
  }

  public Long getId() { return id; }
  public Long getItemId() { return itemId; }
  public int getPeriodNo() { return periodNo; }
  public int getPeriodCount() { return periodCount; }
  public Instant getDueAt() { return dueAt; }
  public String getText() { return text; }
  public String getSubmittedBy() { return submittedBy; }
  public Instant getSubmittedAt() { return submittedAt; }
}
