package vn.khcn.workflow.dispatch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One item of a director's direction (issue 17): its text, lead and co-ordinating units, deadline
 * and, optionally, a periodic report the lead unit owes every {@code reportEvery} until
 * {@code reportUntil}.
 */
@Entity
@jakarta.persistence.EntityListeners(TaskViewPartsListener.class)
@Table(name = "direction_item")
class DirectionItem {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "document_id", nullable = false)
  private Long documentId;

  @Column(nullable = false)
  private int position;

  @Column(nullable = false)
  private String label;

  @Column(name = "item_text", nullable = false)
  private String text;

  @Column(name = "lead_unit", nullable = false)
  private String leadUnit;

  /** Group ids, comma-separated. */
  @Column(name = "coordinating_units")
  private String coordinatingUnits;

  @Column(name = "due_at", nullable = false)
  private Instant dueAt;

  /** P1M, P3M or P6M; null without periodic report. */
  @Column(name = "report_every")
  private String reportEvery;

  @Column(name = "report_until")
  private LocalDate reportUntil;

  /** How many periodic reports the item asks for (0 without). */
  @Column(name = "report_count", nullable = false)
  private int reportCount;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  /** The issued reply answering this item (ADR 0033), for its tracking register line. */
  @Column(name = "reply_number")
  private String replyNumber;

  @Column(name = "reply_date")
  private LocalDate replyDate;

  protected DirectionItem() {}

  DirectionItem(Long documentId, int position, DirectionItemRules.Item item, Instant dueAt,
      int reportCount) {
    this.documentId = documentId;
    this.position = position;
    this.label = item.label();
    this.text = item.text();
    this.leadUnit = item.lead();
    this.coordinatingUnits = item.coordinating().isEmpty() ? null
        : String.join(",", item.coordinating());
    this.dueAt = dueAt;
    this.reportEvery = item.reportEvery() == null ? null : item.reportEvery().code();
    this.reportUntil = item.reportUntil();
    this.reportCount = reportCount;
  }

  void attachReportProcess(String instanceId) {
    this.processInstanceId = instanceId;
  }

  /** Lead first, then the co-ordinating units. */
  List<String> units() {
    return units(leadUnit, getCoordinatingUnits());
  }

  /** Lead first, then the co-ordinating units: an item's units, also read without the entity. */
  static List<String> units(String lead, List<String> coordinating) {
    List<String> units = new java.util.ArrayList<>(coordinating.size() + 1);
    units.add(lead);
    units.addAll(coordinating);
    return units;
  }

  void recordReply(Reply reply) {
    this.replyNumber = reply.number();
    this.replyDate = reply.date();
  }

  /** The reply numbered {@code number} was recalled or replaced: the item is no longer answered. */
  boolean withdrawReply(String number) {
    if (number == null || !number.equals(replyNumber)) {
      return false;
    }
    this.replyNumber = null;
    this.replyDate = null;
    return true;
  }

  /** The reply's number and date as the register reads it, or null. */
  String replyLabel() {
    return replyNumber == null ? null : new Reply(replyNumber, replyDate).label();
  }

  public Long getId() { return id; }
  public Long getDocumentId() { return documentId; }
  public int getPosition() { return position; }
  public String getLabel() { return label; }
  public String getText() { return text; }
  public String getLeadUnit() { return leadUnit; }

  public List<String> getCoordinatingUnits() {
    return unitList(coordinatingUnits);
  }

  public Instant getDueAt() { return dueAt; }
  public String getReportEvery() { return reportEvery; }
  public LocalDate getReportUntil() { return reportUntil; }
  public int getReportCount() { return reportCount; }
  public String getProcessInstanceId() { return processInstanceId; }

  /** The co-ordinating units as the column keeps them: comma-separated, or null for none. */
  static List<String> unitList(String column) {
    return column == null ? List.of() : List.of(column.split(","));
  }
}
