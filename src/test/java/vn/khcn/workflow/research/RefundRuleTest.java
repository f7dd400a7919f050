package vn.khcn.workflow.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinitionQuery;
import org.junit.jupiter.api.Test;
import org.mockito.Answers;
import vn.khcn.workflow.shared.process.InvalidTaskInputException;
import vn.khcn.workflow.shared.web.ConflictException;

/**
 * The refund on failure (ADR 0030): worked out from the contract, the amounts disbursed and spent
 * by the regime's rule, never typed; the rule's boundaries; and the one amendment a regime a task
 * is bound to accepts: adding the refund rule it lacked.
 */
class RefundRuleTest {

  final RefundRule rule = Regimes.tt20().refund();

  @Test
  void theShippedRegimesCarryTheRuleWithItsReferenceMarkedUnverified() {
    assertThat(rule.unspentShare()).hasToString("1/1");
    assertThat(rule.spentShare()).hasToString("3/10");
    assertThat(rule.reference()).contains("03/2023/TT-BTC");
    assertThat(rule.verified()).isFalse();
    assertThat(Regimes.l93().refund()).isNotNull();
    assertThat(rule.describe()).contains("100%").contains("30%")
        .contains("chưa đối chiếu văn bản");
    RuleRegimeView.RefundView listed = RuleRegimeView.of(Regimes.tt20()).refund();
    assertThat(listed.spentShare()).as("GET /api/research/rules names it").isEqualTo("3/10");
    assertThat(listed.formula()).isEqualTo(rule.describe());
  }

  @Test
  void allThatIsUnspentAndThirtyPercentOfWhatIsSpentRoundedUpToTheDong() {
    RefundRule.Refund refund = rule.compute(900_000_000L, 600_000_000L, 450_000_000L);
    assertThat(refund.unspentPart()).isEqualTo(150_000_000L);
    assertThat(refund.spentPart()).isEqualTo(135_000_000L);
    assertThat(refund.total()).isEqualTo(285_000_000L);
    assertThat(rule.compute(900_000_000L, 11L, 11L).total()).as("3.3 rounds up to 4")
        .isEqualTo(4L);
    assertThat(rule.compute(900_000_000L, 0L, 0L).total()).as("nothing disbursed").isZero();
    assertThat(rule.compute(900_000_000L, 900_000_000L, 900_000_000L).total())
        .as("all disbursed and spent").isEqualTo(270_000_000L);
    assertThat(rule.compute(900_000_000L, 900_000_000L, 0L).total())
        .as("nothing spent: all back").isEqualTo(900_000_000L);
  }

  @Test
  void amountsOutsideTheContractAreRefusedNamingTheField() {
    assertThatThrownBy(() -> rule.compute(900_000_000L, 900_000_001L, 0L))
        .isInstanceOf(InvalidTaskInputException.class)
        .hasMessageContaining("disbursedAmount: kinh phí đã cấp không vượt giá trị hợp đồng");
    assertThatThrownBy(() -> rule.compute(900_000_000L, 500L, 501L))
        .hasMessageContaining("spentAmount: kinh phí đã sử dụng không vượt kinh phí đã cấp");
    assertThatThrownBy(() -> rule.compute(900_000_000L, null, -1L))
        .hasMessageContaining("disbursedAmount").hasMessageContaining("spentAmount");
  }

  @Test
  void aRuleFileWithAnUnknownFieldOrABadShareIsRefused() {
    RuleRegimeParserTest.refused(root -> ((ObjectNode) root.get("refund"))
        .put("spentShare", "4/3"), "refund.spentShare");
    RuleRegimeParserTest.refused(root -> ((ObjectNode) root.get("refund"))
        .put("bonus", 1), "refund.bonus");
    RuleRegimeParserTest.refused(root -> ((ObjectNode) root.get("refund"))
        .remove("reference"), "refund.reference");
  }

  @Test
  void aBoundRegimeAcceptsTheRefundRuleItLackedAndNothingElse() throws Exception {
    ObjectNode without = (ObjectNode) RuleRegimeParserTest.JSON.readTree(
        Regimes.file("TT20-2023"));
    without.remove("refund");
    byte[] old = RuleRegimeParserTest.JSON.writeValueAsBytes(without);
    assertThat(RuleRegimeParser.parse(old).refund()).as("the rule is optional").isNull();

    RuleRegimeRepository records = mock(RuleRegimeRepository.class);
    ResearchTaskRepository tasks = mock(ResearchTaskRepository.class);
    RepositoryService repository = mock(RepositoryService.class);
    DecisionDefinitionQuery query = mock(DecisionDefinitionQuery.class, Answers.RETURNS_SELF);
    when(repository.createDecisionDefinitionQuery()).thenReturn(query);
    when(query.count()).thenReturn(1L);
    RuleRegimeRecord stored = new RuleRegimeRecord("TT20-2023", Regimes.tt20().effectiveFrom(),
        new String(old, StandardCharsets.UTF_8), "old", "system", Instant.now());
    when(records.findById("TT20-2023")).thenReturn(Optional.of(stored));
    when(tasks.countByRulesRegime("TT20-2023")).thenReturn(3L);
    RuleRegimes regimes = new RuleRegimes(records, tasks, repository);

    assertThat(regimes.deploy(Regimes.file("TT20-2023"), "admin", Instant.now()))
        .isEqualTo(RuleRegimes.Outcome.AMENDED);
    assertThat(stored.getContent()).contains("\"refund\"");

    ObjectNode changed = (ObjectNode) RuleRegimeParserTest.JSON.readTree(
        Regimes.file("TT20-2023"));
    ((ObjectNode) changed.get("values").get("passMark")).put("value", 60);
    assertThatThrownBy(() -> regimes.deploy(RuleRegimeParserTest.JSON.writeValueAsBytes(changed),
        "admin", Instant.now())).as("a bound regime's numbers never change")
        .isInstanceOf(ConflictException.class);
    verify(records, never()).save(any());
  }
}
