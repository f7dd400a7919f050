package vn.khcn.workflow.research;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * A principal investigator's account (ADR 0023): a user of the host organisation, created by the
 * Science Management Division; the Camunda user (group chu-nhiem only) holds name, e-mail and
 * password, this row the organisation and who created it.
 */
@Entity
@Table(name = "investigator_account")
class InvestigatorAccount {

  @Id
  @Column(name = "user_id")
  private String userId;
  @Column(name = "full_name", nullable = false)
  private String fullName;
  @Column(nullable = false)
  private String email;
  @Column(nullable = false)
  private String organisation;
  @Column(name = "created_by", nullable = false)
  private String createdBy;
  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected InvestigatorAccount() {}

  InvestigatorAccount(String userId, String fullName, String email, String organisation,
      String createdBy, Instant createdAt) {
    this.userId = userId;
    this.fullName = fullName;
    this.email = email;
    this.organisation = organisation;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  public String getUserId() { return userId; }
  public String getFullName() { return fullName; }
  public String getEmail() { return email; }
  public String getOrganisation() { return organisation; }
  public String getCreatedBy() { return createdBy; }
  public Instant getCreatedAt() { return createdAt; }
}

interface InvestigatorAccountRepository extends JpaRepository<InvestigatorAccount, String> {
  List<InvestigatorAccount> findAllByOrderByCreatedAtDesc();
}
