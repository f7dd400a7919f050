package vn.khcn.workflow.outgoing;

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
import java.util.Arrays;
import java.util.List;
import vn.khcn.workflow.dispatch.Urgency;
import vn.khcn.workflow.identity.Actor;

/**
 * An outgoing document (văn bản đi): the draft's metadata, who drafted it in which unit, who
 * signed it with which authority, and its number, symbol and issue date once the registry numbers
 * it. The status moves only forward: DRAFT, SIGNED, ISSUED.
 */
@Entity
@Table(name = "outgoing_document")
class OutgoingDocument {

  /** Recipient lines are stored one per line; a line itself never holds a line break. */
  private static final String LINE = "\n";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "document_type", nullable = false)
  private String documentType;
  @Column(nullable = false)
  private String summary;
  @Column(nullable = false)
  private String recipients;
  @Column(name = "copy_to")
  private String copyTo;
  @Column(name = "proposed_signer")
  private String proposedSigner;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Urgency urgency;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Classification classification;
  @Column(name = "reply_to_id")
  private Long replyToId;
  /** The direction item of that incoming document the reply answers (ADR 0033), or null. */
  @Column(name = "reply_to_item_id")
  private Long replyToItemId;

  @Column(nullable = false)
  private String drafter;
  @Column(name = "drafter_name", nullable = false)
  private String drafterName;
  @Column(name = "unit_id", nullable = false)
  private String unitId;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private OutgoingStatus status;
  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "signed_by")
  private String signedBy;
  @Column(name = "signed_by_name")
  private String signedByName;
  @Column(name = "signed_at")
  private Instant signedAt;
  @Enumerated(EnumType.STRING)
  private SignAuthority authority;
  /** The signer's position under the mark, e.g. "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC" (ADR 0032). */
  @Column(name = "signing_title")
  private String signingTitle;

  private String series;
  @Column(name = "doc_year")
  private Integer year;
  @Column(name = "doc_number")
  private Integer number;
  @Column(name = "number_symbol")
  private String numberSymbol;
  @Column(name = "issued_on")
  private LocalDate issuedOn;
  @Column(name = "issued_by")
  private String issuedBy;
  @Column(name = "issued_at")
  private Instant issuedAt;
  @Column(name = "digitally_signed", nullable = false)
  private boolean digitallySigned;

  @Column(name = "recipient_addresses")
  private String recipientAddresses;
  /** Whether this document replaces or corrects {@link #relatedId} (ADR 0027). */
  @Enumerated(EnumType.STRING)
  private Relation relation;
  @Column(name = "related_id")
  private Long relatedId;
  @Column(name = "replaced_by_id")
  private Long replacedById;
  @Column(name = "recalled_at")
  private Instant recalledAt;
  @Column(name = "recalled_by")
  private String recalledBy;
  @Column(name = "recall_reason")
  private String recallReason;

  @Version
  private long version;

  /** How a document issued after another relates to it (Decree 30/2020 Art. 18.3). */
  enum Relation {
    REPLACES("Thay thế"), CORRECTS("Đính chính");

    private final String label;

    Relation(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  protected OutgoingDocument() {}

  OutgoingDocument(Draft draft, Actor drafter, String unitId, Instant now) {
    this.documentType = draft.documentType();
    this.summary = draft.summary();
    this.recipients = String.join(LINE, draft.recipients());
    this.copyTo = draft.copyTo().isEmpty() ? null : String.join(LINE, draft.copyTo());
    this.proposedSigner = draft.signer();
    this.urgency = draft.urgency();
    this.classification = draft.classification();
    this.replyToId = draft.replyTo();
    this.replyToItemId = draft.replyToItem();
    this.drafter = drafter.userId();
    this.drafterName = drafter.fullName();
    this.unitId = unitId;
    this.status = OutgoingStatus.DRAFT;
    this.createdAt = now;
    this.recipientAddresses = RecipientAddress.toJson(draft.addresses());
  }

  /** A new draft replacing or correcting an issued document, by the person signed in. */
  OutgoingDocument(Draft draft, Relation relation, Long relatedId, Actor drafter, String unitId,
      Instant now) {
    this(draft, drafter, unitId, now);
    this.relation = relation;
    this.relatedId = relatedId;
  }

  void replacedBy(Long replacementId) {
    this.replacedById = replacementId;
  }

  void recall(String by, String reason, Instant at) {
    this.recalledBy = by;
    this.recallReason = reason;
    this.recalledAt = at;
  }

  List<RecipientAddress> getAddresses() {
    return RecipientAddress.fromJson(recipientAddresses);
  }

  Relation getRelation() {
    return relation;
  }

  Long getRelatedId() {
    return relatedId;
  }

  Long getReplacedById() {
    return replacedById;
  }

  Instant getRecalledAt() {
    return recalledAt;
  }

  String getRecalledBy() {
    return recalledBy;
  }

  String getRecallReason() {
    return recallReason;
  }

  void sign(Actor signer, SignAuthority authority, Instant now) {
    sign(signer, authority, null, now);
  }

  /** Signed, with the position the signing rules found (ADR 0032). */
  void sign(Actor signer, SignAuthority authority, String title, Instant now) {
    this.signingTitle = title;
    this.status = OutgoingStatus.SIGNED;
    this.signedBy = signer.userId();
    this.signedByName = signer.fullName();
    this.authority = authority;
    this.signedAt = now;
  }

  /** The signed PDF body was signed digitally (PAdES) with the Department's key. */
  void signedDigitally() {
    this.digitallySigned = true;
  }

  void issue(String series, int year, int number, String numberSymbol, LocalDate issuedOn,
      Actor clerk, Instant now) {
    this.status = OutgoingStatus.ISSUED;
    this.series = series;
    this.year = year;
    this.number = number;
    this.numberSymbol = numberSymbol;
    this.issuedOn = issuedOn;
    this.issuedBy = clerk.userId();
    this.issuedAt = now;
  }

  private static List<String> lines(String text) {
    return text == null ? List.of() : Arrays.asList(text.split(LINE));
  }

  Long getId() {
    return id;
  }

  String getDocumentType() {
    return documentType;
  }

  String getSummary() {
    return summary;
  }

  List<String> getRecipients() {
    return lines(recipients);
  }

  List<String> getCopyTo() {
    return lines(copyTo);
  }

  String getProposedSigner() {
    return proposedSigner;
  }

  Urgency getUrgency() {
    return urgency;
  }

  Classification getClassification() {
    return classification;
  }

  Long getReplyToId() {
    return replyToId;
  }

  Long getReplyToItemId() {
    return replyToItemId;
  }

  String getDrafter() {
    return drafter;
  }

  String getDrafterName() {
    return drafterName;
  }

  String getUnitId() {
    return unitId;
  }

  OutgoingStatus getStatus() {
    return status;
  }

  Instant getCreatedAt() {
    return createdAt;
  }

  String getSignedBy() {
    return signedBy;
  }

  String getSignedByName() {
    return signedByName;
  }

  Instant getSignedAt() {
    return signedAt;
  }

  String getSigningTitle() {
    return signingTitle;
  }

  SignAuthority getAuthority() {
    return authority;
  }

  String getSeries() {
    return series;
  }

  Integer getYear() {
    return year;
  }

  Integer getNumber() {
    return number;
  }

  String getNumberSymbol() {
    return numberSymbol;
  }

  LocalDate getIssuedOn() {
    return issuedOn;
  }

  String getIssuedBy() {
    return issuedBy;
  }

  Instant getIssuedAt() {
    return issuedAt;
  }

  boolean isDigitallySigned() {
    return digitallySigned;
  }
}
