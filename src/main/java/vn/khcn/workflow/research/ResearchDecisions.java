package vn.khcn.workflow.research;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.identity.EngineAuthentication;

/**
 * Evaluates the research decision tables (latest deployed versions, so an administrator's change
 * applies to the next evaluation). Evaluated as the system: the rule is the Department's, not the
 * permission of whoever completed the task that led here.
 */
@Component
class ResearchDecisions {

  private final DecisionService decisionService;
  private final IdentityService identityService;

  ResearchDecisions(DecisionService decisionService, IdentityService identityService) {
    this.decisionService = decisionService;
    this.identityService = identityService;
  }

  /** council-verdict: the verdict and the reason the table gives. */
  record VerdictResult(Verdict verdict, String reason) {}

  VerdictResult councilVerdict(double meanScore, double maxZeroShare, boolean revisionsRequired) {
    DmnDecisionRuleResult result = evaluate(AssignmentCouncilProcess.VERDICT_DECISION_KEY,
        Map.of("meanScore", meanScore, "maxZeroShare", maxZeroShare,
            "revisionsRequired", revisionsRequired));
    Object reason = result.get("reason");
    return new VerdictResult(Verdict.valueOf((String) result.get("verdict")),
        reason == null ? null : reason.toString());
  }

  Grade acceptanceGrade(int membersPresent, int excellentVotes, int failVotes) {
    DmnDecisionRuleResult result = evaluate(AcceptanceProcess.GRADE_DECISION_KEY,
        Map.of("membersPresent", membersPresent, "excellentVotes", excellentVotes,
            "failVotes", failVotes));
    return Grade.valueOf((String) result.get("grade"));
  }

  private DmnDecisionRuleResult evaluate(String key, Map<String, Object> inputs) {
    return EngineAuthentication.withoutAuthentication(identityService, () -> {
      DmnDecisionRuleResult result = decisionService.evaluateDecisionTableByKey(key,
          Variables.fromMap(inputs)).getSingleResult();
      if (result == null) {
        throw new IllegalStateException("Decision " + key + " gave no result for " + inputs);
      }
      return result;
    });
  }
}
