package vn.khcn.workflow.research;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One dossier's place in a call's ranking (ADR 0029). */
@Entity
@Table(name = "selection_result")
class SelectionResult {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(name = "selection_call_id", nullable = false)
  private Long selectionCallId;
  @Column(name = "research_task_id", nullable = false)
  private Long researchTaskId;
  @Column(nullable = false)
  private int ranking;
  @Column(name = "mean_score", nullable = false)
  private double meanScore;
  @Column(name = "proposer_bonus", nullable = false)
  private boolean proposerBonus;
  @Column(name = "final_score", nullable = false)
  private double finalScore;
  @Column(nullable = false)
  private boolean passed;
  @Column(nullable = false)
  private boolean selected;
  @Column(nullable = false)
  private String reason;

  protected SelectionResult() {}

  SelectionResult(long selectionCallId, SelectionRanking.Ranked ranked, String reason) {
    this.selectionCallId = selectionCallId;
    this.researchTaskId = ranked.dossier().researchTaskId();
    this.ranking = ranked.rank();
    this.meanScore = ranked.dossier().meanScore();
    this.proposerBonus = ranked.dossier().proposer();
    this.finalScore = ranked.finalScore();
    this.passed = ranked.dossier().passed();
    this.selected = ranked.selected();
    this.reason = reason;
  }

  public Long getSelectionCallId() { return selectionCallId; }
  public Long getResearchTaskId() { return researchTaskId; }
  public int getRanking() { return ranking; }
  public double getMeanScore() { return meanScore; }
  public boolean isProposerBonus() { return proposerBonus; }
  public double getFinalScore() { return finalScore; }
  public boolean isPassed() { return passed; }
  public boolean isSelected() { return selected; }
  public String getReason() { return reason; }
}
