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

/**
 * One delivery of an outgoing document (Decree 30/2020 Art. 18): to which recipient, for what
 * (the document, or the notice of its recall), by which channel, and how it went.
 */
@Entity
@Table(name = "outgoing_delivery")
class Delivery {

  static final int MAX_REASON = 1000;

  /** What is delivered. */
  enum Purpose {
    ISSUE("Văn bản"), RECALL("Thông báo thu hồi");

    private final String label;

    Purpose(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  /** How. */
  enum Channel {
    MAIL("Thư điện tử"), EDXML("Trục liên thông (edXML)"), PAPER("Gửi giấy");

    private final String label;

    Channel(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  /** The outcome so far: a paper delivery is the registry's to post, nothing to retry. */
  enum Status {
    PENDING("Đang gửi"), SENT("Đã gửi"), FAILED("Gửi lỗi"), PAPER("Gửi giấy");

    private final String label;

    Status(String label) {
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
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Purpose purpose;
  @Column(nullable = false)
  private String recipient;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Channel channel;
  private String address;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;
  @Column(nullable = false)
  private int attempts;
  @Column(name = "created_at", nullable = false)
  private Instant createdAt;
  @Column(name = "attempted_at")
  private Instant attemptedAt;
  @Column(name = "delivered_at")
  private Instant deliveredAt;
  @Column(name = "failure_reason")
  private String failureReason;
  @Column(name = "package_file")
  private String packageFile;
  @Version
  private long version;

  protected Delivery() {}

  Delivery(Long documentId, Purpose purpose, String recipient, Channel channel, String address,
      String paperReason, Instant now) {
    this.documentId = documentId;
    this.purpose = purpose;
    this.recipient = recipient;
    this.channel = channel;
    this.address = address;
    this.createdAt = now;
    if (channel == Channel.PAPER) {
      this.status = Status.PAPER;
      this.deliveredAt = now;
      this.failureReason = paperReason;
    } else {
      this.status = Status.PENDING;
    }
  }

  boolean isRetryable() {
    return status == Status.PENDING || status == Status.FAILED;
  }

  void retry() {
    if (status == Status.FAILED) {
      status = Status.PENDING;
    }
  }

  void sent(Instant at, String file) {
    attempts++;
    attemptedAt = at;
    deliveredAt = at;
    status = Status.SENT;
    failureReason = null;
    packageFile = file;
  }

  void failed(Instant at, String reason) {
    attempts++;
    attemptedAt = at;
    status = Status.FAILED;
    failureReason = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
  }

  Long getId() { return id; }
  Long getDocumentId() { return documentId; }
  Purpose getPurpose() { return purpose; }
  String getRecipient() { return recipient; }
  Channel getChannel() { return channel; }
  String getAddress() { return address; }
  Status getStatus() { return status; }
  int getAttempts() { return attempts; }
  Instant getCreatedAt() { return createdAt; }
  Instant getAttemptedAt() { return attemptedAt; }
  Instant getDeliveredAt() { return deliveredAt; }
  String getFailureReason() { return failureReason; }
  String getPackageFile() { return packageFile; }
}
