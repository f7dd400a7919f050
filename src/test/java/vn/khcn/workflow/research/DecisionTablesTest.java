package vn.khcn.workflow.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Both research decision tables, as deployed from processes/, against tables of cases including
 * every boundary the rules name: mean 70, zero share 1/4, excellent 3/4, fail 1/3.
 */
class DecisionTablesTest {

  static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
      .buildEngine();

  static DmnDecision decision(String file, String key) throws Exception {
    try (InputStream in = Files.newInputStream(Path.of("processes", file))) {
      return DMN.parseDecision(key, in);
    }
  }

  @ParameterizedTest(name = "mean {0}, zero share {1}, revisions {2} -> {3}")
  @CsvSource({
      "70.0,   0.25,  false, ASSIGN",
      "70.0,   0.25,  true,  ASSIGN_AFTER_REVISION",
      "69.99,  0.0,   false, REJECT",
      "69.99,  0.0,   true,  REJECT",
      "95.0,   0.2501, false, REJECT",
      "95.0,   0.2857, true, REJECT",
      "80.0,   0.125, false, ASSIGN",
      "100.0,  0.0,   true,  ASSIGN_AFTER_REVISION",
      "0.0,    1.0,   false, REJECT"
  })
  void councilVerdict(double mean, double zeroShare, boolean revisions, String expected)
      throws Exception {
    var result = DMN.evaluateDecisionTable(decision("council-verdict.dmn", "council-verdict"),
        Variables.createVariables().putValue("meanScore", mean).putValue("maxZeroShare", zeroShare)
            .putValue("revisionsRequired", revisions).putValue("passMark", 70)
            .putValue("zeroShareLimit", 0.25)).getSingleResult();
    assertThat(result.<String>getEntry("verdict")).isEqualTo(expected);
    assertThat(result.<String>getEntry("reason")).isNotBlank();
  }

  @ParameterizedTest(name = "present {0}, excellent {1}, fail {2} -> {3}")
  @CsvSource({
      // 3/4 of 8 is 6: six excellent is enough, five is not
      "8, 6, 0, XUAT_SAC",
      "8, 5, 0, DAT",
      // 3/4 of 9 is 6.75: seven needed
      "9, 7, 0, XUAT_SAC",
      "9, 6, 0, DAT",
      // one fail vote takes away excellence
      "9, 8, 1, DAT",
      // 1/3 of 9 is 3: three fails is still a pass, four fail
      "9, 0, 3, DAT",
      "9, 0, 4, KHONG_DAT",
      // 1/3 of 7 is 2.33: three fails fail
      "7, 0, 2, DAT",
      "7, 0, 3, KHONG_DAT",
      "7, 7, 0, XUAT_SAC",
      "6, 4, 2, DAT",
      "6, 0, 3, KHONG_DAT"
  })
  void acceptanceGrade(int present, int excellent, int fail, String expected) throws Exception {
    var result = DMN.evaluateDecisionTable(decision("acceptance-grade.dmn", "acceptance-grade"),
        Variables.createVariables().putValue("membersPresent", present)
            .putValue("excellentVotes", excellent).putValue("failVotes", fail)
            .putValue("excellentNumerator", 3).putValue("excellentDenominator", 4)
            .putValue("failNumerator", 1).putValue("failDenominator", 3)).getSingleResult();
    assertThat(result.<String>getEntry("grade")).isEqualTo(expected);
  }

  /** Another regime's thresholds change the outcome at their own boundaries, same table. */
  @ParameterizedTest(name = "pass mark {0}, limit {1}, mean {2}, zero share {3} -> {4}")
  @CsvSource({
      "75, 0.2, 74.99, 0.0, REJECT",
      "75, 0.2, 75.0,  0.2, ASSIGN",
      "75, 0.2, 90.0,  0.25, REJECT",
      "60, 0.5, 60.0,  0.5, ASSIGN"
  })
  void councilVerdictReadsTheRegimesThresholds(int passMark, double limit, double mean,
      double zeroShare, String expected) throws Exception {
    var result = DMN.evaluateDecisionTable(decision("council-verdict.dmn", "council-verdict"),
        Variables.createVariables().putValue("meanScore", mean).putValue("maxZeroShare", zeroShare)
            .putValue("revisionsRequired", false).putValue("passMark", passMark)
            .putValue("zeroShareLimit", limit)).getSingleResult();
    assertThat(result.<String>getEntry("verdict")).isEqualTo(expected);
  }

  @ParameterizedTest(name = "excellent {0}/{1}, fail {2}/{3}; present {4}, {5}, {6} -> {7}")
  @CsvSource({
      // excellent 2/3 of 9 is 6: six suffice; fail 1/2 of 8 is 4: four still pass, five fail
      "2, 3, 1, 2, 9, 6, 0, XUAT_SAC",
      "2, 3, 1, 2, 9, 5, 0, DAT",
      "2, 3, 1, 2, 8, 0, 4, DAT",
      "2, 3, 1, 2, 8, 0, 5, KHONG_DAT"
  })
  void acceptanceGradeReadsTheRegimesShares(int en, int ed, int fn, int fd, int present,
      int excellent, int fail, String expected) throws Exception {
    var result = DMN.evaluateDecisionTable(decision("acceptance-grade.dmn", "acceptance-grade"),
        Variables.createVariables().putValue("membersPresent", present)
            .putValue("excellentVotes", excellent).putValue("failVotes", fail)
            .putValue("excellentNumerator", en).putValue("excellentDenominator", ed)
            .putValue("failNumerator", fn).putValue("failDenominator", fd)).getSingleResult();
    assertThat(result.<String>getEntry("grade")).isEqualTo(expected);
  }
}
