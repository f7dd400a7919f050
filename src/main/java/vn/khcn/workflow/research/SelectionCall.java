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

/**
 * A call for dossiers (đợt tuyển chọn, ADR 0029): dossiers answer it until the deadline, then one
 * council scores them all and the best one that passes is selected.
 */
@Entity
@Table(name = "selection_call")
class SelectionCall {

  /** OPEN takes dossiers; SCORING after the deadline; CONCLUDED ranked; CLOSED_EMPTY none came. */
  public enum Status { OPEN, SCORING, CONCLUDED, CLOSED_EMPTY }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String code;
  @Column(nullable = false)
  private String title;
  @Column(nullable = false)
  private String field;
  @Column(name = "dossier_deadline", nullable = false)
  private LocalDate dossierDeadline;
  @Column(name = "proposing_organisation")
  private String proposingOrganisation;
  @Column(name = "proposing_organisation_code")
  private String proposingOrganisationCode;
  @Column(name = "rules_regime", nullable = false)
  private String rulesRegime;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;
  @Column(name = "opened_by", nullable = false)
  private String openedBy;
  @Column(name = "opened_at", nullable = false)
  private Instant openedAt;
  @Column(name = "process_instance_id")
  private String processInstanceId;
  @Column(name = "counting_team")
  private String countingTeam;
  @Column(name = "required_revisions")
  private String requiredRevisions;
  private String conclusion;
  @Column(name = "concluded_at")
  private Instant concludedAt;
  @Version
  private long version;

  protected SelectionCall() {}

  SelectionCall(CallRequest request, String rulesRegime, String openedBy, Instant openedAt) {
    this.title = request.title();
    this.field = request.field();
    this.dossierDeadline = request.dossierDeadline();
    this.proposingOrganisation = request.proposingOrganisation();
    this.proposingOrganisationCode = request.proposingOrganisationCode();
    this.rulesRegime = rulesRegime;
    this.status = Status.OPEN;
    this.openedBy = openedBy;
    this.openedAt = openedAt;
  }

  void assignCode(String code) { this.code = code; }
  void attachProcess(String processInstanceId) { this.processInstanceId = processInstanceId; }
  void intakeClosed(boolean anyDossier) {
    this.status = anyDossier ? Status.SCORING : Status.CLOSED_EMPTY;
  }
  void countingTeam(String team, String requiredRevisions) {
    this.countingTeam = team;
    this.requiredRevisions = requiredRevisions;
  }
  void concluded(String conclusion, Instant at) {
    this.status = Status.CONCLUDED;
    this.conclusion = conclusion;
    this.concludedAt = at;
  }

  /** True when the proposing organisation's tax code is {@code hostOrganisationCode}. */
  boolean proposedBy(String hostOrganisationCode) {
    return proposingOrganisationCode != null
        && proposingOrganisationCode.equals(hostOrganisationCode);
  }

  public Long getId() { return id; }
  public String getCode() { return code; }
  public String getTitle() { return title; }
  public String getField() { return field; }
  public LocalDate getDossierDeadline() { return dossierDeadline; }
  public String getProposingOrganisation() { return proposingOrganisation; }
  public String getProposingOrganisationCode() { return proposingOrganisationCode; }
  public String getRulesRegime() { return rulesRegime; }
  public Status getStatus() { return status; }
  public String getOpenedBy() { return openedBy; }
  public Instant getOpenedAt() { return openedAt; }
  public String getProcessInstanceId() { return processInstanceId; }
  public String getCountingTeam() { return countingTeam; }
  public String getRequiredRevisions() { return requiredRevisions; }
  public String getConclusion() { return conclusion; }
  public Instant getConcludedAt() { return concludedAt; }
}
