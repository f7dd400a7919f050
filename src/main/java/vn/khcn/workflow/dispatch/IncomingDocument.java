package vn.khcn.workflow.dispatch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import vn.khcn.workflow.shared.text.ComparisonKey;
import vn.khcn.workflow.shared.text.SearchText;

/** An incoming document (văn bản đến) with the Decree 30 metadata and its handling state. */
@Entity
@Table(name = "incoming_document")
class IncomingDocument {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private NumberSeries series;

  @Column(name = "doc_year", nullable = false)
  private int year;

  @Column(name = "incoming_number", nullable = false)
  private int incomingNumber;

  @Column(name = "business_key", nullable = false)
  private String businessKey;

  @Column(nullable = false)
  private String issuer;

  @Column(name = "document_number", nullable = false)
  private String documentNumber;

  @Column(name = "issued_on", nullable = false)
  private LocalDate issuedOn;

  @Column(name = "document_type", nullable = false)
  private String documentType;

  @Column(nullable = false)
  private String summary;

  @Column(name = "signer_position")
  private String signerPosition;

  @Column(name = "signer_name")
  private String signerName;

  @Column(nullable = false)
  private String language;

  /** The deadline the document itself sets (hạn giải quyết); not the handling deadline dueAt. */
  @Column(name = "document_due_date")
  private LocalDate documentDueDate;

  @Column(name = "page_count")
  private Integer pageCount;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Urgency urgency;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Classification classification;

  @Column(name = "received_on", nullable = false)
  private LocalDate receivedOn;

  private String recipients;

  private String notes;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private DocumentStatus status;

  private String direction;

  @Column(name = "direction_by")
  private String directionBy;

  @Column(name = "direction_at")
  private Instant directionAt;

  @Column(name = "info_only")
  private Boolean infoOnly;

  @Column(name = "direction_due_at")
  private Instant directionDueAt;

  @Column(name = "due_at")
  private Instant dueAt;

  private String report;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Column(name = "registered_by", nullable = false)
  private String registeredBy;

  @Column(name = "registered_at", nullable = false)
  private Instant registeredAt;

  @Column(name = "archived_at")
  private Instant archivedAt;

  @Column(name = "search_text", nullable = false)
  private String searchText;

  /** Issuer and document number as compared for duplicates (ADR 0005): see {@link #duplicateKey}. */
  @Column(name = "duplicate_key", nullable = false)
  private String duplicateKey;

  /** The earlier document this registration replaces (issue 14), if any. */
  @Column(name = "replaces_id")
  private Long replacesId;

  /** The later document that replaced this one, once {@link DocumentStatus#REPLACED}. */
  @Column(name = "replaced_by_id")
  private Long replacedById;

  @Version
  private long version;

  protected IncomingDocument() {}

  IncomingDocument(Registration registration, int incomingNumber, String registeredBy,
      Instant registeredAt) {
    this.series = registration.classification().series();
    this.year = registration.receivedOn().getYear();
    this.incomingNumber = incomingNumber;
    this.businessKey = IncomingDirectiveProcess.businessKey(incomingNumber, year,
        registration.classification().isClassified());
    apply(registration);
    this.status = DocumentStatus.REGISTERED;
    this.registeredBy = registeredBy;
    this.registeredAt = registeredAt;
    recomputeKeys();
  }

  /** Copies the registration's metadata (the one place that maps a registration to columns). */
  private void apply(Registration registration) {
    this.issuer = registration.issuer();
    this.documentNumber = registration.documentNumber();
    this.issuedOn = registration.issuedOn();
    this.documentType = registration.documentType();
    this.summary = registration.summary();
    this.signerPosition = registration.signerPosition();
    this.signerName = registration.signerName();
    this.language = registration.language();
    this.documentDueDate = registration.documentDueDate();
    this.pageCount = registration.pageCount();
    this.urgency = registration.urgency();
    this.classification = registration.classification();
    this.receivedOn = registration.receivedOn();
    this.recipients = registration.recipients();
    this.notes = registration.notes();
  }

  /** The metadata as registered (or last corrected), the inverse of {@link #apply}. */
  Registration registration() {
    return new Registration(issuer, documentNumber, issuedOn, documentType, summary,
        signerPosition, signerName, pageCount, urgency, classification, receivedOn, recipients,
        notes, language, documentDueDate);
  }

  private void recomputeKeys() {
    this.searchText = SearchText.of(summary, documentNumber, issuer, businessKey, documentType,
        signerName, signerPosition);
    this.duplicateKey = duplicateKey(issuer, documentNumber);
  }

  /**
   * Replaces the metadata with a corrected registration; the caller has checked that it stays in
   * the same register (series and year: the incoming number is not reallocated).
   */
  void correct(Registration corrected) {
    if (corrected.classification().series() != series
        || corrected.receivedOn().getYear() != year) {
      throw new IllegalArgumentException("a correction cannot move a document to another register");
    }
    apply(corrected);
    recomputeKeys();
  }

  /** Whether the document can still be corrected, recalled or replaced. */
  boolean isWithdrawn() {
    return status == DocumentStatus.RECALLED || status == DocumentStatus.REPLACED;
  }

  void recall() {
    this.status = DocumentStatus.RECALLED;
  }

  void replacedBy(long laterDocumentId) {
    this.status = DocumentStatus.REPLACED;
    this.replacedById = laterDocumentId;
  }

  void replaces(long earlierDocumentId) {
    this.replacesId = earlierDocumentId;
  }

  /**
   * What makes two registrations the same document besides the issue date: issuer and document
   * number compared by {@link ComparisonKey} (case, Unicode form, tone placement, white space and
   * invisible characters do not count). Indexed with the issue date, so the check before every
   * registration reads one index entry, not every document of every year. V7 recomputes the keys
   * stored before the key folded tone placement and white space.
   */
  static String duplicateKey(String issuer, String documentNumber) {
    return ComparisonKey.of(issuer) + "\u001f" + ComparisonKey.of(documentNumber);
  }

  /** "114/2026": the number a person reads; classified documents carry the "-M" series mark. */
  public String incomingNumberLabel() {
    return businessKey;
  }

  void presentForDirection(Instant directionDue) {
    this.status = DocumentStatus.AWAITING_DIRECTION;
    this.directionDueAt = directionDue;
  }

  void recordDirection(String direction, boolean infoOnly, Instant dueAt, String by, Instant at) {
    this.direction = direction;
    this.infoOnly = infoOnly;
    this.dueAt = dueAt;
    this.directionBy = by;
    this.directionAt = at;
    if (!infoOnly) {
      this.status = DocumentStatus.IN_PROGRESS;
    }
  }

  void submitReport(String report) {
    this.report = report;
    this.status = DocumentStatus.AWAITING_APPROVAL;
  }

  void returnForRework() {
    this.status = DocumentStatus.IN_PROGRESS;
  }

  /** Approved, but the periodic reports of its items remain (issue 17). */
  void followReports() {
    this.status = DocumentStatus.FOLLOWING_REPORTS;
  }

  void archive(Instant at) {
    this.status = DocumentStatus.ARCHIVED;
    this.archivedAt = at;
  }

  /** An entry of an earlier register (ImportedRegister): kept as filed, no process of its own. */
  static IncomingDocument imported(Registration registration, int incomingNumber,
      String importedBy, Instant importedAt) {
    IncomingDocument document = new IncomingDocument(registration, incomingNumber, importedBy,
        importedAt);
    document.archive(importedAt);
    return document;
  }

  void attachProcess(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  public Long getId() { return id; }
  public int getYear() { return year; }
  public int getIncomingNumber() { return incomingNumber; }
  public String getBusinessKey() { return businessKey; }
  public String getIssuer() { return issuer; }
  public String getDocumentNumber() { return documentNumber; }
  public LocalDate getIssuedOn() { return issuedOn; }
  public String getDocumentType() { return documentType; }
  public String getSummary() { return summary; }
  public String getSignerPosition() { return signerPosition; }
  public String getSignerName() { return signerName; }
  public String getLanguage() { return language; }
  public LocalDate getDocumentDueDate() { return documentDueDate; }
  /** "Phó Chủ tịch Trần Thị Minh": position and name as read on the document, or null. */
  public String signerText() {
    String text = ((signerPosition == null ? "" : signerPosition) + " "
        + (signerName == null ? "" : signerName)).strip();
    return text.isEmpty() ? null : text;
  }
  public Integer getPageCount() { return pageCount; }
  public Urgency getUrgency() { return urgency; }
  public Classification getClassification() { return classification; }
  public LocalDate getReceivedOn() { return receivedOn; }
  public String getRecipients() { return recipients; }
  public String getNotes() { return notes; }
  public DocumentStatus getStatus() { return status; }
  public String getDirection() { return direction; }
  public String getDirectionBy() { return directionBy; }
  public Instant getDirectionAt() { return directionAt; }
  public Boolean getInfoOnly() { return infoOnly; }
  public Instant getDirectionDueAt() { return directionDueAt; }
  public Instant getDueAt() { return dueAt; }
  public String getReport() { return report; }
  public String getProcessInstanceId() { return processInstanceId; }
  public String getRegisteredBy() { return registeredBy; }
  public Instant getRegisteredAt() { return registeredAt; }
  public Instant getArchivedAt() { return archivedAt; }
  public NumberSeries getSeries() { return series; }
  public Long getReplacesId() { return replacesId; }
  public Long getReplacedById() { return replacedById; }
}
