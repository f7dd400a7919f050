package vn.khcn.workflow.dispatch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** "Đã xem": an informed unit (để biết) has seen the document; who and when, recorded once. */
@Entity
@Table(name = "informed_acknowledgement")
@IdClass(InformedAcknowledgement.Key.class)
class InformedAcknowledgement {

  record Key(Long documentId, String unitId) implements Serializable {
    Key() {
      this(null, null);
    }
  }

  @Id
  @Column(name = "document_id", nullable = false)
  private Long documentId;

  @Id
  @Column(name = "unit_id", nullable = false)
  private String unitId;

  @Column(name = "seen_by", nullable = false)
  private String seenBy;

  @Column(name = "seen_by_name")
  private String seenByName;

  @Column(name = "seen_at", nullable = false)
  private Instant seenAt;

  protected InformedAcknowledgement() {}

  InformedAcknowledgement(Long documentId, String unitId, String seenBy, String seenByName,
      Instant seenAt) {
    this.documentId = documentId;
    this.unitId = unitId;
    this.seenBy = seenBy;
    this.seenByName = seenByName;
    this.seenAt = seenAt;
  }

  Long getDocumentId() { return documentId; }
  String getUnitId() { return unitId; }
  String getSeenBy() { return seenBy; }
  String getSeenByName() { return seenByName; }
  Instant getSeenAt() { return seenAt; }
}
