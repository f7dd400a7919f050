package vn.khcn.workflow.research;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An expert of the council pool: a user of group hoi-dong with the organisation they work for. */
@Entity
@Table(name = "expert")
class Expert {

  @Id
  private String username;
  @Column(name = "full_name", nullable = false)
  private String fullName;
  @Column(name = "academic_title")
  private String academicTitle;
  @Column(nullable = false)
  private String organisation;
  private String field;

  protected Expert() {}

  public Expert(String username, String fullName, String academicTitle, String organisation,
      String field) {
    this.username = username;
    this.fullName = fullName;
    this.academicTitle = academicTitle;
    this.organisation = organisation;
    this.field = field;
  }

  /** "TS. Bùi Văn Thành (Trường Đại học Cần Thơ)". */
  public String displayName() {
    return (academicTitle == null ? "" : academicTitle + " ") + fullName + " (" + organisation + ")";
  }

  public String getUsername() { return username; }
  public String getFullName() { return fullName; }
  public String getAcademicTitle() { return academicTitle; }
  public String getOrganisation() { return organisation; }
  public String getField() { return field; }
}
