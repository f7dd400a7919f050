package vn.khcn.workflow.interop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A status message sent back to a package's sender (one per status code and package). */
@Entity
@Table(name = "interop_status_message")
class StatusMessage {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(name = "package_id", nullable = false) private Long packageId;
  @Column(name = "status_code", nullable = false) private String statusCode;
  @Column(name = "description") private String description;
  @Column(nullable = false) private String staff;
  @Column(name = "created_at", nullable = false) private Instant createdAt;
  @Column(name = "file_name", nullable = false) private String fileName;

  protected StatusMessage() {}

  StatusMessage(Long packageId, StatusCode code, String description, String staff,
      Instant createdAt, String fileName) {
    this.packageId = packageId;
    this.statusCode = code.code();
    this.description = description;
    this.staff = staff;
    this.createdAt = createdAt;
    this.fileName = fileName;
  }

  /** The outbox file's name, known once the message has its id. */
  void named(String name) {
    this.fileName = name;
  }

  Long getId() { return id; }
  Long getPackageId() { return packageId; }
  String getStatusCode() { return statusCode; }
  StatusCode code() { return StatusCode.of(statusCode); }
  String getDescription() { return description; }
  String getStaff() { return staff; }
  Instant getCreatedAt() { return createdAt; }
  String getFileName() { return fileName; }
}
