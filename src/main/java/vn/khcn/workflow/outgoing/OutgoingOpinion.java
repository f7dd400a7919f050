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
import vn.khcn.workflow.identity.Actor;

/**
 * One opinion on a draft: an asked party's answer (request set), or an outside body's opinion
 * that arrived as an incoming document and that the drafter recorded; then the drafter's
 * consolidation: accepted, or explained why not.
 */
@Entity
@Table(name = "outgoing_opinion")
class OutgoingOpinion {

  /** The answer (Decree-style wording in the label). */
  enum Position {
    AGREE("Đồng ý"),
    AGREE_WITH_COMMENTS("Đồng ý, có góp ý"),
    DISAGREE("Không đồng ý"),
    /** Recorded by the system when the drafter closes a round before this party answered. */
    NO_OPINION("Không có ý kiến");

    private final String label;

    Position(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  /** What the drafter did with it. */
  enum Resolution {
    ACCEPTED("Tiếp thu"),
    EXPLAINED("Giải trình");

    private final String label;

    Resolution(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(name = "document_id", nullable = false)
  private Long documentId;
  @Column(name = "request_id")
  private Long requestId;
  @Column(name = "outside_body")
  private String outsideBody;
  @Column(name = "incoming_document_id")
  private Long incomingDocumentId;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Position position;
  @Column(name = "opinion_text")
  private String text;
  @Column(name = "answered_by", nullable = false)
  private String answeredBy;
  @Column(name = "answered_by_name", nullable = false)
  private String answeredByName;
  @Column(name = "answered_at", nullable = false)
  private Instant answeredAt;
  @Enumerated(EnumType.STRING)
  private Resolution resolution;
  private String explanation;
  @Column(name = "resolved_by")
  private String resolvedBy;
  @Column(name = "resolved_at")
  private Instant resolvedAt;

  protected OutgoingOpinion() {}

  OutgoingOpinion(long documentId, Long requestId, String outsideBody, Long incomingDocumentId,
      Position position, String text, Actor by, Instant now) {
    this.documentId = documentId;
    this.requestId = requestId;
    this.outsideBody = outsideBody;
    this.incomingDocumentId = incomingDocumentId;
    this.position = position;
    this.text = text;
    this.answeredBy = by.userId();
    this.answeredByName = by.fullName();
    this.answeredAt = now;
  }

  void resolve(Resolution resolution, String explanation, String by, Instant now) {
    this.resolution = resolution;
    this.explanation = explanation;
    this.resolvedBy = by;
    this.resolvedAt = now;
  }

  Long getId() {
    return id;
  }

  Long getDocumentId() {
    return documentId;
  }

  Long getRequestId() {
    return requestId;
  }

  String getOutsideBody() {
    return outsideBody;
  }

  Long getIncomingDocumentId() {
    return incomingDocumentId;
  }

  Position getPosition() {
    return position;
  }

  String getText() {
    return text;
  }

  String getAnsweredBy() {
    return answeredBy;
  }

  String getAnsweredByName() {
    return answeredByName;
  }

  Instant getAnsweredAt() {
    return answeredAt;
  }

  Resolution getResolution() {
    return resolution;
  }

  String getExplanation() {
    return explanation;
  }

  Instant getResolvedAt() {
    return resolvedAt;
  }
}
