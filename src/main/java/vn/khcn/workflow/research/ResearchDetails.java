package vn.khcn.workflow.research;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * GET /api/research-tasks/{code}: stage, status, every decision, councils with members, roles,
 * declarations and votes, reports, extension requests, documents, open deadlines and the trail;
 * the host organisation's tax code, the rules regime the task is bound to (ADR 0022) and the
 * months its one extension added.
 */
record ResearchDetails(
    String code, String title, String field, String hostOrganisation, String investigator,
    String investigatorName, int durationMonths, long requestedBudget, ResearchStage stage,
    String stageLabel, ResearchStatus status, String statusLabel, String missingItems,
    Verdict verdict, String verdictReasons, String requiredRevisions, Instant revisionDueAt,
    Long approvedBudget, String appraisalNote, Contract contract, MidtermOutcome midtermOutcome,
    String midtermFindings, Long recoveryAmount, Instant finalDossierAt, Integer monthsLate,
    Grade grade, Long refundAmount, String registrationNumber, LocalDate registrationDate,
    String liquidationNumber, LocalDate liquidationDate, Long settledAmount, String closingReason,
    Instant closedAt, String processInstanceId, List<CouncilView> councils,
    List<ResearchReport> reports, List<ExtensionRequest> extensionRequests,
    List<DocumentInfo> documents, List<Deadline> deadlines, List<ResearchTrailEntry> trail,
    String hostOrganisationCode, String rulesRegime, Instant rulesBoundAt,
    Integer extendedMonths, List<ResearchExtraViews.AppraiserView> appraisalTeam,
    ResearchExtraViews.RefundView refund) {

  /** The contract, when signed. */
  public record Contract(String number, LocalDate date, Long amount, LocalDate start,
      LocalDate end) {}

  /** A council and its members. */
  public record CouncilView(Long id, CouncilKind kind, String status, String appointedBy,
      Instant appointedAt, Instant ballotDueAt, LocalDate meetingDate, int meetingsHeld,
      Integer membersPresent, String quorumProblem, Double meanScore, Double maxZeroShare,
      String outcome, List<MemberView> members) {}

  /** A member: role, declaration, presence, ballot total and validity, or grade. */
  public record MemberView(String username, String fullName, String organisation,
      CouncilRole role, String status, Boolean conflict, Instant declaredAt, String replacedBy,
      Boolean present, Integer scoreTotal, Boolean ballotValid, Grade grade, String comment,
      Instant votedAt) {}

  /** An open work item of the task (in any of its processes) and its due date. */
  public record Deadline(String taskId, String taskKey, String name, String assignee,
      Instant due, boolean overdue) {}

  ResearchDetails(ResearchTask t, List<CouncilView> councils, List<ResearchReport> reports,
      List<ExtensionRequest> extensions, List<DocumentInfo> documents, List<Deadline> deadlines,
      List<ResearchTrailEntry> trail, List<ResearchExtraViews.AppraiserView> appraisalTeam,
      ResearchExtraViews.RefundView refund) {
    this(t.getCode(), t.getTitle(), t.getField(), t.getHostOrganisation(), t.getInvestigator(),
        t.getInvestigatorName(), t.getDurationMonths(), t.getRequestedBudget(), t.getStage(),
        t.getStage().label(), t.getStatus(), t.getStatus().label(), t.getMissingItems(),
        t.getVerdict(), t.getVerdictReasons(), t.getRequiredRevisions(), t.getRevisionDueAt(),
        t.getApprovedBudget(), t.getAppraisalNote(),
        t.getContractNumber() == null ? null : new Contract(t.getContractNumber(),
            t.getContractDate(), t.getContractAmount(), t.getContractStart(), t.getContractEnd()),
        t.getMidtermOutcome(), t.getMidtermFindings(), t.getRecoveryAmount(),
        t.getFinalDossierAt(), t.getMonthsLate(), t.getGrade(), t.getRefundAmount(),
        t.getRegistrationNumber(), t.getRegistrationDate(), t.getLiquidationNumber(),
        t.getLiquidationDate(), t.getSettledAmount(), t.getClosingReason(), t.getClosedAt(),
        t.getProcessInstanceId(), councils, reports, extensions, documents, deadlines, trail,
        t.getHostOrganisationCode(), t.getRulesRegime(), t.getRulesBoundAt(),
        t.getExtendedMonths(), appraisalTeam, refund);
  }
}
