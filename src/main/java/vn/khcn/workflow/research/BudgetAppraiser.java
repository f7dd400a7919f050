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
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** One seat of a budget appraisal team in one round: who, which role, their opinion and figure. */
@Entity
@Table(name = "budget_appraiser")
class BudgetAppraiser {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(name = "research_task_id", nullable = false)
  private Long researchTaskId;
  @Column(nullable = false)
  private int round;
  @Column(nullable = false)
  private String username;
  @Column(name = "full_name", nullable = false)
  private String fullName;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private AppraisalRole role;
  @Column(name = "appointed_by", nullable = false)
  private String appointedBy;
  @Column(name = "appointed_at", nullable = false)
  private Instant appointedAt;
  @Column(name = "proposed_budget")
  private Long proposedBudget;
  private String opinion;
  @Column(name = "answered_at")
  private Instant answeredAt;

  protected BudgetAppraiser() {}

  BudgetAppraiser(long researchTaskId, int round, String username, String fullName,
      AppraisalRole role, String appointedBy, Instant appointedAt) {
    this.researchTaskId = researchTaskId;
    this.round = round;
    this.username = username;
    this.fullName = fullName;
    this.role = role;
    this.appointedBy = appointedBy;
    this.appointedAt = appointedAt;
  }

  void answer(long proposedBudget, String opinion, Instant at) {
    this.proposedBudget = proposedBudget;
    this.opinion = opinion;
    this.answeredAt = at;
  }

  boolean answered() { return answeredAt != null; }
  public Long getId() { return id; }
  public int getRound() { return round; }
  public String getUsername() { return username; }
  public String getFullName() { return fullName; }
  public AppraisalRole getRole() { return role; }
  public Long getProposedBudget() { return proposedBudget; }
  public String getOpinion() { return opinion; }
  public Instant getAnsweredAt() { return answeredAt; }
}

interface BudgetAppraiserRepository extends JpaRepository<BudgetAppraiser, Long> {
  @Query("select coalesce(max(a.round), 0) from BudgetAppraiser a"
      + " where a.researchTaskId = :taskId")
  int lastRound(@Param("taskId") Long taskId);

  List<BudgetAppraiser> findByResearchTaskIdAndRound(Long researchTaskId, int round);

  Optional<BudgetAppraiser> findByResearchTaskIdAndRoundAndUsername(Long researchTaskId,
      int round, String username);
}
