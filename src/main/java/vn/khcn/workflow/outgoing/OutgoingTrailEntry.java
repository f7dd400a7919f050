package vn.khcn.workflow.outgoing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import vn.khcn.workflow.identity.Actor;

/** One step of an outgoing document's trail: who did what, when, with which note. Never changed. */
@Entity
@Table(name = "outgoing_trail")
class OutgoingTrailEntry {

  /** What happened; the label is what the trail shows. */
  enum Action {
    DRAFTED("Tạo dự thảo"),
    VERSION_ADDED("Tải lên bản dự thảo"),
    SIGNED("Ký ban hành"),
    NUMBERED("Cấp số, đăng ký và phát hành"),
    SENT("Gửi văn bản"),
    RESENT("Gửi lại"),
    REPLY_RECORDED("Ghi vào văn bản đến được trả lời"),
    REPLY_WITHDRAWN("Gỡ khỏi văn bản đến được trả lời"),
    REPLACEMENT_DRAFTED("Soạn văn bản thay thế"),
    CORRECTION_DRAFTED("Soạn văn bản đính chính"),
    REPLACED("Được thay thế"),
    RECALLED("Thu hồi văn bản"),
    OPINIONS_REQUESTED("Xin ý kiến góp ý"),
    OPINION_GIVEN("Góp ý dự thảo"),
    OPINION_RECORDED("Ghi ý kiến của cơ quan ngoài"),
    OPINION_RESOLVED("Tiếp thu, giải trình ý kiến"),
    OPINION_ROUND_CLOSED("Đóng vòng lấy ý kiến"),
    SUBMITTED("Trình kiểm tra nội dung"),
    CONTENT_CHECKED("Kiểm tra nội dung: đạt"),
    FORM_CHECKED("Kiểm tra thể thức: đạt"),
    SIGNATURE_APPROVED("Duyệt ký"),
    RETURNED("Trả lại người soạn thảo"),
    DIGITALLY_SIGNED("Ký số"),
    AWAITING_SENDING("Chờ gửi");

    private final String label;

    Action(String label) {
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
  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;
  @Column(nullable = false)
  private String actor;
  @Column(name = "actor_name")
  private String actorName;
  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  @Column(nullable = false)
  private Action action;
  @Column(name = "comment_text")
  private String comment;

  protected OutgoingTrailEntry() {}

  OutgoingTrailEntry(Long documentId, Instant occurredAt, Actor actor, Action action,
      String comment) {
    this.documentId = documentId;
    this.occurredAt = occurredAt;
    this.actor = actor.userId();
    this.actorName = actor.fullName();
    this.action = action;
    this.comment = comment;
  }

  Instant getOccurredAt() {
    return occurredAt;
  }

  String getActor() {
    return actor;
  }

  String getActorName() {
    return actorName;
  }

  Action getAction() {
    return action;
  }

  String getComment() {
    return comment;
  }
}
