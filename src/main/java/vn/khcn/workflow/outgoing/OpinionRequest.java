package vn.khcn.workflow.outgoing;

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
import java.util.Set;
import vn.khcn.workflow.identity.Actor;

/** One party (a unit or a person) asked for its opinion on a draft in one round, with a due day. */
@Entity
@Table(name = "outgoing_opinion_request")
class OpinionRequest {

  /** Whom the request asks: a whole unit (any member answers for it) or one person. */
  enum Party { UNIT, USER }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(name = "document_id", nullable = false)
  private Long documentId;
  @Column(name = "round_no", nullable = false)
  private int roundNo;
  @Enumerated(EnumType.STRING)
  @Column(name = "party_type", nullable = false)
  private Party partyType;
  @Column(name = "party_id", nullable = false)
  private String partyId;
  @Column(name = "party_name", nullable = false)
  private String partyName;
  @Column(name = "due_date", nullable = false)
  private LocalDate dueDate;
  private String note;
  @Column(name = "asked_by", nullable = false)
  private String askedBy;
  @Column(name = "asked_by_name", nullable = false)
  private String askedByName;
  @Column(name = "asked_at", nullable = false)
  private Instant askedAt;
  @Column(name = "answered_at")
  private Instant answeredAt;

  protected OpinionRequest() {}

  OpinionRequest(long documentId, int roundNo, Party partyType, String partyId, String partyName,
      LocalDate dueDate, String note, Actor askedBy, Instant now) {
    this.documentId = documentId;
    this.roundNo = roundNo;
    this.partyType = partyType;
    this.partyId = partyId;
    this.partyName = partyName;
    this.dueDate = dueDate;
    this.note = note;
    this.askedBy = askedBy.userId();
    this.askedByName = askedBy.fullName();
    this.askedAt = now;
  }

  /** Whether this person may answer: the person asked, or a member of the unit asked. */
  boolean asks(String userId, Set<String> groups) {
    return partyType == Party.USER ? partyId.equals(userId) : groups.contains(partyId);
  }

  void answered(Instant now) {
    this.answeredAt = now;
  }

  Long getId() {
    return id;
  }

  Long getDocumentId() {
    return documentId;
  }

  int getRoundNo() {
    return roundNo;
  }

  Party getPartyType() {
    return partyType;
  }

  String getPartyId() {
    return partyId;
  }

  String getPartyName() {
    return partyName;
  }

  LocalDate getDueDate() {
    return dueDate;
  }

  String getNote() {
    return note;
  }

  String getAskedBy() {
    return askedBy;
  }

  Instant getAskedAt() {
    return askedAt;
  }

  Instant getAnsweredAt() {
    return answeredAt;
  }
}
