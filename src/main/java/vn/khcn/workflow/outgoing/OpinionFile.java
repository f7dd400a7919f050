package vn.khcn.workflow.outgoing;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A file sent with an opinion (the asked party's written comments). */
@Entity
@Table(name = "outgoing_opinion_file")
class OpinionFile {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(name = "opinion_id", nullable = false)
  private Long opinionId;
  @Column(name = "file_name", nullable = false)
  private String fileName;
  @Column(name = "content_type", nullable = false)
  private String contentType;
  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;
  @Column(nullable = false)
  private String sha256;
  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false)
  private byte[] content;

  protected OpinionFile() {}

  OpinionFile(long opinionId, String fileName, String contentType, byte[] content,
      String sha256) {
    this.opinionId = opinionId;
    this.fileName = fileName;
    this.contentType = contentType;
    this.sizeBytes = content.length;
    this.sha256 = sha256;
    this.content = content;
  }

  Long getId() {
    return id;
  }

  Long getOpinionId() {
    return opinionId;
  }

  String getFileName() {
    return fileName;
  }

  String getContentType() {
    return contentType;
  }

  byte[] getContent() {
    return content;
  }
}
