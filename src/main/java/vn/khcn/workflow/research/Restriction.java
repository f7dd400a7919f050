package vn.khcn.workflow.research;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import vn.khcn.workflow.shared.text.SearchText;

/** A host organisation or investigator restricted from later rounds after a failed acceptance. */
@Entity
@Table(name = "restriction")
class Restriction {

  /** Who is restricted. */
  public enum SubjectKind { ORGANISATION, INVESTIGATOR }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Enumerated(EnumType.STRING)
  @Column(name = "subject_kind", nullable = false)
  private SubjectKind subjectKind;
  @Column(nullable = false)
  private String subject;
  @Column(name = "subject_key", nullable = false)
  private String subjectKey;
  @Column(name = "research_task_code", nullable = false)
  private String researchTaskCode;
  @Column(nullable = false)
  private String reason;
  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Restriction() {}

  Restriction(SubjectKind kind, String subject, String researchTaskCode, String reason,
      Instant createdAt) {
    this.subjectKind = kind;
    this.subject = subject;
    this.subjectKey = key(subject);
    this.researchTaskCode = researchTaskCode;
    this.reason = reason;
    this.createdAt = createdAt;
  }

  /** Case, accents and spacing do not make a different organisation. */
  static String key(String subject) {
    return SearchText.fold(subject).replaceAll("\\s+", " ").strip();
  }

  public Long getId() { return id; }
  public SubjectKind getSubjectKind() { return subjectKind; }
  public String getSubject() { return subject; }
  public String getResearchTaskCode() { return researchTaskCode; }
  public String getReason() { return reason; }
  public Instant getCreatedAt() { return createdAt; }
}
