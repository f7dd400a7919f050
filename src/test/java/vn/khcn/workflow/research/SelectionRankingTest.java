package vn.khcn.workflow.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ranking rules of ADR 0029: the proposer's 10%, the tie rules, the selected dossier. */
class SelectionRankingTest {

  static final List<String> LABELS = List.of("Nội dung nghiên cứu", "Sản phẩm", "Phương pháp",
      "Tính cấp thiết", "Năng lực");
  static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");

  static SelectionRanking.Dossier dossier(long id, double mean, boolean passed, boolean proposer,
      double[] criteria, Integer chair, int minutesAfter) {
    return new SelectionRanking.Dossier(id, "DT-2026-0" + id, mean, passed, proposer, criteria,
        chair, T0.plusSeconds(60L * minutesAfter));
  }

  @Test
  void theProposersTenPercentMakesATieThatTheCriteriaBreak() {
    // A: 70 + 10% = 77 ties B's 77; A's content mean 22 beats B's 20; C 76 is third
    List<SelectionRanking.Ranked> ranked = SelectionRanking.rank(List.of(
        dossier(3, 76, true, false, new double[] {20, 18, 16, 12, 10}, 76, 0),
        dossier(2, 77, true, false, new double[] {20, 20, 16, 11, 10}, 77, 1),
        dossier(1, 70, true, true, new double[] {22, 14, 14, 10, 10}, 70, 2)), LABELS);

    assertThat(ranked).extracting(r -> r.dossier().researchTaskId()).containsExactly(1L, 2L, 3L);
    assertThat(ranked).extracting(SelectionRanking.Ranked::rank).containsExactly(1, 2, 3);
    assertThat(ranked).extracting(SelectionRanking.Ranked::finalScore)
        .containsExactly(77.0, 77.0, 76.0);
    assertThat(ranked).extracting(SelectionRanking.Ranked::selected)
        .containsExactly(true, false, false);
    assertThat(ranked.get(0).tieBreak()).contains("DT-2026-02").contains("Nội dung nghiên cứu")
        .contains("22.00 so với 20.00");
    assertThat(ranked.get(2).tieBreak()).isNull();
  }

  @Test
  void equalInEveryCriterionTheChairsBallotThenTheEarlierDossierDecides() {
    double[] same = {20, 20, 15, 12, 8};
    List<SelectionRanking.Ranked> byChair = SelectionRanking.rank(List.of(
        dossier(1, 75, true, false, same, 74, 0), dossier(2, 75, true, false, same, 78, 5)),
        LABELS);
    assertThat(byChair).extracting(r -> r.dossier().researchTaskId()).containsExactly(2L, 1L);
    assertThat(byChair.get(0).tieBreak()).contains("phiếu của chủ tịch");

    List<SelectionRanking.Ranked> bySubmission = SelectionRanking.rank(List.of(
        dossier(1, 75, true, false, same, 75, 9), dossier(2, 75, true, false, same, 75, 3)),
        LABELS);
    assertThat(bySubmission).extracting(r -> r.dossier().researchTaskId())
        .containsExactly(2L, 1L);
    assertThat(bySubmission.get(1).tieBreak()).contains("thời điểm nộp");
  }

  @Test
  void aDossierThatFailsIsNeverSelectedEvenRankedFirst() {
    // 84 ranks first but council-verdict failed it (too many zeros): the next one is selected
    List<SelectionRanking.Ranked> ranked = SelectionRanking.rank(List.of(
        dossier(1, 84, false, false, new double[] {25, 25, 20, 14, 0}, 84, 0),
        dossier(2, 71, true, false, new double[] {18, 18, 15, 12, 8}, 71, 1),
        dossier(3, 60, false, true, new double[] {15, 15, 12, 10, 8}, 60, 2)), LABELS);

    assertThat(ranked).extracting(r -> r.dossier().researchTaskId()).containsExactly(1L, 2L, 3L);
    assertThat(ranked).extracting(SelectionRanking.Ranked::selected)
        .containsExactly(false, true, false);
    assertThat(ranked.get(2).finalScore()).isEqualTo(66.0);
  }

  @Test
  void withoutAnyDossierThatPassesNothingIsSelected() {
    List<SelectionRanking.Ranked> ranked = SelectionRanking.rank(List.of(
        dossier(1, 65, false, false, new double[] {18, 18, 12, 10, 7}, 65, 0)), LABELS);
    assertThat(ranked).singleElement().extracting(SelectionRanking.Ranked::selected)
        .isEqualTo(false);
  }
}
