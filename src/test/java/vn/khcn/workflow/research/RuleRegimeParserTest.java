package vn.khcn.workflow.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import vn.khcn.workflow.shared.web.InvalidInputException;

/** The shipped regime files and what the validator refuses in a regime file, by JSON path. */
class RuleRegimeParserTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theShippedRegimesAreValidCompleteAndSayWhatIsUnverified() {
    RuleRegime tt20 = Regimes.tt20();
    RuleRegime l93 = Regimes.l93();
    assertThat(tt20.values()).containsOnlyKeys(RuleKey.values());
    assertThat(l93.values()).containsOnlyKeys(RuleKey.values());
    assertThat(tt20.integer(RuleKey.PASS_MARK)).isEqualTo(70);
    assertThat(tt20.fraction(RuleKey.QUORUM_SHARE)).hasToString("2/3");
    assertThat(tt20.values().get(RuleKey.PASS_MARK).verified()).isTrue();
    assertThat(tt20.values().get(RuleKey.FINAL_DOSSIER_GRACE_DAYS).verified()).isFalse();
    assertThat(l93.effectiveFrom()).isEqualTo(LocalDate.of(2025, 10, 1));
    assertThat(l93.effectiveFromVerified()).isTrue();
    assertThat(l93.values().values()).as("no 2025 number could be checked against the text")
        .allSatisfy(v -> assertThat(v.verified()).isFalse());
    assertThat(l93.reference()).contains("93/2025/QH15", "267/2025/NĐ-CP", "36/2025/TT-BKHCN");
    assertThat(tt20.criteria()).extracting(RuleRegime.Criterion::max)
        .containsExactly(15, 25, 20, 25, 15);
  }

  @Test
  void everyValueIsRequiredWithItsReferenceAndFlag() {
    refused(root -> ((ObjectNode) root.get("values")).remove("passMark"), "values.passMark");
    refused(root -> ((ObjectNode) root.get("values").get("revisionDays")).remove("reference"),
        "values.revisionDays.reference");
    refused(root -> ((ObjectNode) root.get("values").get("revisionDays")).remove("verified"),
        "values.revisionDays.verified");
    refused(root -> ((ObjectNode) root.get("values")).putObject("bonusPoints")
        .put("value", 10).put("reference", "x").put("verified", true), "values.bonusPoints");
    refused(root -> root.put("extra", 1), "extra");
  }

  @Test
  void valuesStayInTheirRanges() {
    refused(root -> ((ObjectNode) root.get("values").get("passMark")).put("value", 101),
        "values.passMark.value");
    refused(root -> ((ObjectNode) root.get("values").get("quorumShare")).put("value", "3/2"),
        "values.quorumShare.value");
    refused(root -> ((ObjectNode) root.get("values").get("quorumShare")).put("value", 0.66),
        "values.quorumShare.value");
    refused(root -> ((ObjectNode) root.get("values").get("assignmentCouncilMinMembers"))
        .put("value", 11), "values.assignmentCouncilMinMembers");
    refused(root -> root.put("effectiveFrom", "1/10/2025"), "effectiveFrom");
    refused(root -> root.put("code", "tt20 2023"), "code");
    refused(root -> ((ObjectNode) root.get("decisions")).remove("acceptance-grade"),
        "decisions.acceptance-grade");
  }

  @Test
  void theCriteriaAreTheFormsFieldsWithMaximaAddingUpTo100() {
    refused(root -> ((ObjectNode) root.get("criteria").get(0)).put("max", 16), "criteria");
    refused(root -> ((ObjectNode) root.get("criteria").get(0)).put("key", "scoreBeauty"),
        "criteria[0].key");
    refused(root -> ((ArrayNode) root.get("criteria")).remove(4), "criteria");
  }

  @Test
  void notJsonIsRefusedAsAFileProblem() {
    assertThatThrownBy(() -> RuleRegimeParser.parse("{".getBytes()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("file");
  }

  static void refused(Consumer<ObjectNode> change, String field) {
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(Regimes.file("TT20-2023"));
      change.accept(root);
      byte[] content = JSON.writeValueAsBytes(root);
      assertThatThrownBy(() -> RuleRegimeParser.parse(content))
          .isInstanceOfSatisfying(InvalidInputException.class, e ->
              assertThat(e.fieldErrors()).anySatisfy(error ->
                  assertThat(error.field()).startsWith(field)));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
