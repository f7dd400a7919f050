package vn.khcn.workflow.research;

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
import java.time.LocalDate;
import vn.khcn.workflow.shared.text.SearchText;

/**
 * A city-level research task (nhiệm vụ KH&CN): the dossier and every decision taken on it. The
 * engine holds only its id and code; everything a person reads lives here.
 */
@Entity
@Table(name = "research_task")
class ResearchTask {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(nullable = false)
  private String code;
  @Column(nullable = false)
  private String title;
  @Column(nullable = false)
  private String field;
  @Column(name = "host_organisation", nullable = false)
  private String hostOrganisation;
  @Column(name = "host_organisation_code")
  private String hostOrganisationCode;
  @Column(nullable = false)
  private String investigator;
  @Column(name = "investigator_name", nullable = false)
  private String investigatorName;
  @Column(name = "duration_months", nullable = false)
  private int durationMonths;
  @Column(name = "requested_budget", nullable = false)
  private long requestedBudget;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ResearchStage stage;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ResearchStatus status;
  @Column(name = "missing_items")
  private String missingItems;
  @Column(name = "resubmit_due_at")
  private Instant resubmitDueAt;
  @Enumerated(EnumType.STRING)
  private Verdict verdict;
  @Column(name = "verdict_reasons")
  private String verdictReasons;
  @Column(name = "required_revisions")
  private String requiredRevisions;
  @Column(name = "revision_due_at")
  private Instant revisionDueAt;
  @Column(name = "approved_budget")
  private Long approvedBudget;
  @Column(name = "appraisal_note")
  private String appraisalNote;
  @Column(name = "contract_number")
  private String contractNumber;
  @Column(name = "contract_date")
  private LocalDate contractDate;
  @Column(name = "contract_amount")
  private Long contractAmount;
  @Column(name = "contract_start")
  private LocalDate contractStart;
  @Column(name = "contract_end")
  private LocalDate contractEnd;
  @Enumerated(EnumType.STRING)
  @Column(name = "midterm_outcome")
  private MidtermOutcome midtermOutcome;
  @Column(name = "midterm_findings")
  private String midtermFindings;
  @Column(name = "recovery_amount")
  private Long recoveryAmount;
  @Column(name = "final_dossier_at")
  private Instant finalDossierAt;
  @Column(name = "months_late")
  private Integer monthsLate;
  @Enumerated(EnumType.STRING)
  private Grade grade;
  @Column(name = "refund_amount")
  private Long refundAmount;
  @Column(name = "disbursed_amount")
  private Long disbursedAmount;
  @Column(name = "spent_amount")
  private Long spentAmount;
  @Column(name = "registration_number")
  private String registrationNumber;
  @Column(name = "registration_date")
  private LocalDate registrationDate;
  @Column(name = "liquidation_number")
  private String liquidationNumber;
  @Column(name = "liquidation_date")
  private LocalDate liquidationDate;
  @Column(name = "settled_amount")
  private Long settledAmount;
  @Column(name = "closing_reason")
  private String closingReason;
  @Column(name = "closed_at")
  private Instant closedAt;
  @Column(name = "process_instance_id")
  private String processInstanceId;
  @Column(name = "submitted_by", nullable = false)
  private String submittedBy;
  @Column(name = "submitted_at", nullable = false)
  private Instant submittedAt;
  @Column(name = "rules_regime")
  private String rulesRegime;
  @Column(name = "rules_bound_at")
  private Instant rulesBoundAt;
  @Column(name = "extended_months")
  private Integer extendedMonths;
  @Column(name = "selection_call_id")
  private Long selectionCallId;
  @Column(name = "search_text", nullable = false)
  private String searchText;
  @Version
  private long version;

  protected ResearchTask() {}

  ResearchTask(String code, DossierRequest dossier, String investigatorName, String submittedBy,
      Instant submittedAt) {
    this.code = code;
    this.title = dossier.title();
    this.field = dossier.field();
    this.hostOrganisation = dossier.hostOrganisation();
    this.hostOrganisationCode = dossier.hostOrganisationCode();
    this.investigator = dossier.investigator();
    this.investigatorName = investigatorName;
    this.durationMonths = dossier.durationMonths();
    this.requestedBudget = dossier.requestedBudget();
    this.stage = ResearchStage.DOSSIER;
    this.status = ResearchStatus.ACTIVE;
    this.submittedBy = submittedBy;
    this.submittedAt = submittedAt;
    this.searchText = SearchText.of(code, title, field, hostOrganisation, investigatorName);
  }

  /**
   * Binds the task to a rules regime: at submission (the regime in force that day) and again at
   * the director's approval, after which it keeps it (ADR 0022).
   */
  void bindRules(String regime, Instant at) {
    this.rulesRegime = regime;
    this.rulesBoundAt = at;
  }

  /** The one extension (or a mid-term schedule adjustment counted as it) added these months. */
  void extensionUsed(int months) { this.extendedMonths = months; }

  /** The dossier answers a call for competitive selection (ADR 0029). */
  void answerCall(long selectionCallId) { this.selectionCallId = selectionCallId; }

  void attachProcess(String processInstanceId) { this.processInstanceId = processInstanceId; }
  void moveTo(ResearchStage stage) { this.stage = stage; }

  void requestMissingItems(String missingItems, Instant dueAt) {
    this.missingItems = missingItems;
    this.resubmitDueAt = dueAt;
  }

  void dossierAccepted() {
    this.missingItems = null;
    this.resubmitDueAt = null;
    this.stage = ResearchStage.ASSIGNMENT_COUNCIL;
  }

  void councilConcluded(Verdict verdict, String reasons, String requiredRevisions, Instant revisionDue) {
    this.verdict = verdict;
    this.verdictReasons = reasons;
    this.requiredRevisions = requiredRevisions;
    this.revisionDueAt = revisionDue;
    this.stage = verdict == Verdict.ASSIGN_AFTER_REVISION ? ResearchStage.REVISION : stage;
  }

  /** The changes the council asks of the outline; null when it asks none. */
  void requireRevisions(String requiredRevisions) {
    this.requiredRevisions = requiredRevisions;
  }

  void budgetAppraised(long approvedBudget, String note) {
    this.approvedBudget = approvedBudget;
    this.appraisalNote = note;
    this.stage = ResearchStage.BUDGET_AND_CONTRACT;
  }

  void contractSigned(String number, LocalDate date, long amount, LocalDate start, LocalDate end) {
    this.contractNumber = number;
    this.contractDate = date;
    this.contractAmount = amount;
    this.contractStart = start;
    this.contractEnd = end;
    this.stage = ResearchStage.IMPLEMENTATION;
  }

  void midtermConcluded(MidtermOutcome outcome, String findings) {
    this.midtermOutcome = outcome;
    this.midtermFindings = findings;
  }

  void adjust(LocalDate newEnd, Long newBudget) {
    if (newEnd != null) {
      this.contractEnd = newEnd;
    }
    if (newBudget != null) {
      this.approvedBudget = newBudget;
      this.contractAmount = newBudget;
    }
    this.stage = ResearchStage.IMPLEMENTATION;
  }

  void extendTo(LocalDate newEnd) { this.contractEnd = newEnd; }

  void terminate(Long recoveryAmount, String reason, Instant at) {
    this.recoveryAmount = recoveryAmount;
    close(ResearchStatus.TERMINATED, reason, at);
  }

  void finalDossierSubmitted(Instant at, int monthsLate) {
    this.finalDossierAt = at;
    this.monthsLate = monthsLate;
    this.stage = ResearchStage.ACCEPTANCE;
  }

  void graded(Grade grade) { this.grade = grade; }
  void refund(long disbursed, long spent, long amount) {
    this.disbursedAmount = disbursed;
    this.spentAmount = spent;
    this.refundAmount = amount;
  }

  void resultRegistered(String number, LocalDate date) {
    this.registrationNumber = number;
    this.registrationDate = date;
    this.stage = ResearchStage.CLOSURE;
  }

  void contractLiquidated(String number, LocalDate date, long settled) {
    this.liquidationNumber = number;
    this.liquidationDate = date;
    this.settledAmount = settled;
  }

  void close(ResearchStatus status, String reason, Instant at) {
    this.status = status;
    this.stage = ResearchStage.CLOSED;
    this.closingReason = reason;
    this.closedAt = at;
  }

  public Long getId() { return id; }
  public Long getSelectionCallId() { return selectionCallId; }
  public String getCode() { return code; }
  public String getTitle() { return title; }
  public String getField() { return field; }
  public String getHostOrganisation() { return hostOrganisation; }
  public String getHostOrganisationCode() { return hostOrganisationCode; }
  public String getRulesRegime() { return rulesRegime; }
  public Instant getRulesBoundAt() { return rulesBoundAt; }
  public Integer getExtendedMonths() { return extendedMonths; }
  public String getInvestigator() { return investigator; }
  public String getInvestigatorName() { return investigatorName; }
  public int getDurationMonths() { return durationMonths; }
  public long getRequestedBudget() { return requestedBudget; }
  public ResearchStage getStage() { return stage; }
  public ResearchStatus getStatus() { return status; }
  public String getMissingItems() { return missingItems; }
  public Instant getResubmitDueAt() { return resubmitDueAt; }
  public Verdict getVerdict() { return verdict; }
  public String getVerdictReasons() { return verdictReasons; }
  public String getRequiredRevisions() { return requiredRevisions; }
  public Instant getRevisionDueAt() { return revisionDueAt; }
  public Long getApprovedBudget() { return approvedBudget; }
  public String getAppraisalNote() { return appraisalNote; }
  public String getContractNumber() { return contractNumber; }
  public LocalDate getContractDate() { return contractDate; }
  public Long getContractAmount() { return contractAmount; }
  public LocalDate getContractStart() { return contractStart; }
  public LocalDate getContractEnd() { return contractEnd; }
  public MidtermOutcome getMidtermOutcome() { return midtermOutcome; }
  public String getMidtermFindings() { return midtermFindings; }
  public Long getRecoveryAmount() { return recoveryAmount; }
  public Instant getFinalDossierAt() { return finalDossierAt; }
  public Integer getMonthsLate() { return monthsLate; }
  public Grade getGrade() { return grade; }
  public Long getRefundAmount() { return refundAmount; }
  public Long getDisbursedAmount() { return disbursedAmount; }
  public Long getSpentAmount() { return spentAmount; }
  public String getRegistrationNumber() { return registrationNumber; }
  public LocalDate getRegistrationDate() { return registrationDate; }
  public String getLiquidationNumber() { return liquidationNumber; }
  public LocalDate getLiquidationDate() { return liquidationDate; }
  public Long getSettledAmount() { return settledAmount; }
  public String getClosingReason() { return closingReason; }
  public Instant getClosedAt() { return closedAt; }
  public String getProcessInstanceId() { return processInstanceId; }
  public String getSubmittedBy() { return submittedBy; }
  public Instant getSubmittedAt() { return submittedAt; }
}
