package vn.khcn.workflow.research;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.identity.EngineAuthentication;

/**
 * Evaluates the research decision tables in the version the task's rules regime names (by
 * {@code versionTag}, the newest deployment carrying that tag), with the regime's thresholds as
 * inputs: a new table with a new tag does not change running tasks (ADR 0022). Evaluated as the
 * system: the rule is the Department's, not the permission of whoever completed the task.
 */
@Component
class ResearchDecisions {

  private final DecisionService decisionService;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;

  ResearchDecisions(DecisionService decisionService, RepositoryService repositoryService,
      IdentityService identityService) {
    this.decisionService = decisionService;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
  }

  /** council-verdict: the verdict and the reason the table gives. */
  record VerdictResult(Verdict verdict, String reason) {}

  VerdictResult councilVerdict(RuleRegime rules, double meanScore, double maxZeroShare,
      boolean revisionsRequired) {
    DmnDecisionRuleResult result = evaluate(rules, AssignmentCouncilProcess.VERDICT_DECISION_KEY,
        Map.of("meanScore", meanScore, "maxZeroShare", maxZeroShare,
            "revisionsRequired", revisionsRequired,
            "passMark", rules.integer(RuleKey.PASS_MARK),
            "zeroShareLimit", rules.fraction(RuleKey.ZERO_SHARE_LIMIT).value()));
    Object reason = result.get("reason");
    return new VerdictResult(Verdict.valueOf((String) result.get("verdict")),
        reason == null ? null : reason.toString());
  }

  Grade acceptanceGrade(RuleRegime rules, int membersPresent, int excellentVotes,
      int failVotes) {
    RuleRegime.Fraction excellent = rules.fraction(RuleKey.EXCELLENT_SHARE);
    RuleRegime.Fraction fail = rules.fraction(RuleKey.FAIL_SHARE);
    DmnDecisionRuleResult result = evaluate(rules, AcceptanceProcess.GRADE_DECISION_KEY,
        Map.of("membersPresent", membersPresent, "excellentVotes", excellentVotes,
            "failVotes", failVotes,
            "excellentNumerator", excellent.numerator(),
            "excellentDenominator", excellent.denominator(),
            "failNumerator", fail.numerator(), "failDenominator", fail.denominator()));
    return Grade.valueOf((String) result.get("grade"));
  }

  private DmnDecisionRuleResult evaluate(RuleRegime rules, String key,
      Map<String, Object> inputs) {
    String tag = rules.decisionTag(key);
    return EngineAuthentication.withoutAuthentication(identityService, () -> {
      DecisionDefinition definition = repositoryService.createDecisionDefinitionQuery()
          .decisionDefinitionKey(key).versionTag(tag).orderByDecisionDefinitionVersion().desc()
          .listPage(0, 1).stream().findFirst().orElseThrow(() -> new IllegalStateException(
              "Decision " + key + " with versionTag " + tag + " of rules regime " + rules.code()
                  + " is not deployed"));
      DmnDecisionRuleResult result = decisionService.evaluateDecisionTableById(
          definition.getId(), Variables.fromMap(inputs)).getSingleResult();
      if (result == null) {
        throw new IllegalStateException("Decision " + key + " gave no result for " + inputs);
      }
      return result;
    });
  }
}
