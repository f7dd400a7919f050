package vn.khcn.workflow.research;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The ranking of a call's dossiers (ADR 0029), pure and unit-tested. A dossier's score is the
 * mean of its valid ballots (invalid-ballot rule of the regime, {@link CouncilRules#evaluate});
 * the dossier of the organisation that proposed the task gets {@link #PROPOSER_BONUS_PERCENT}% of
 * it added. Equal scores are ordered by the means of the criteria, the criterion with the larger
 * maximum first (the regime's order among equal maxima), then by the chair's ballot for the
 * dossier, then by the earlier submission. The selected dossier is the best ranked one that
 * passed council-verdict (pass mark and zero share, without the bonus).
 */
final class SelectionRanking {

  /** TT 20/2023 as cited in issue 18: +10% for the proposing organisation (unverified, ADR 0029). */
  static final int PROPOSER_BONUS_PERCENT = 10;
  private static final double EQUAL = 1e-9;

  /**
   * One dossier as the council left it: the mean of valid ballots, whether council-verdict passes
   * it, whether its host organisation proposed the task, the valid ballots' mean per criterion in
   * tie-break order, the chair's total for it (null without one) and when it was submitted.
   */
  record Dossier(long researchTaskId, String code, double meanScore, boolean passed,
      boolean proposer, double[] criterionMeans, Integer chairTotal, Instant submittedAt) {}

  /** A dossier's place (1 = best), its final score, whether it is selected, how a tie was broken. */
  record Ranked(Dossier dossier, int rank, double finalScore, boolean selected, String tieBreak) {}

  /** The dossiers ranked; {@code criterionLabels} name the criteria in tie-break order. */
  static List<Ranked> rank(List<Dossier> dossiers, List<String> criterionLabels) {
    Comparator<Dossier> byScore = (a, b) -> compareDesc(finalScore(a), finalScore(b));
    Comparator<Dossier> order = byScore
        .thenComparing((a, b) -> compareCriteria(a, b))
        .thenComparing((a, b) -> compareDesc(chair(a), chair(b)))
        .thenComparing(Dossier::submittedAt)
        .thenComparingLong(Dossier::researchTaskId);
    List<Dossier> sorted = new ArrayList<>(dossiers);
    sorted.sort(order);
    List<Ranked> ranked = new ArrayList<>();
    boolean selectedOne = false;
    for (int i = 0; i < sorted.size(); i++) {
      Dossier d = sorted.get(i);
      boolean selected = !selectedOne && d.passed();
      selectedOne |= selected;
      String tie = null;
      for (Dossier other : sorted) {
        if (other != d && compareDesc(finalScore(d), finalScore(other)) == 0) {
          tie = tieBreak(d, other, criterionLabels);
          break;
        }
      }
      ranked.add(new Ranked(d, i + 1, finalScore(d), selected, tie));
    }
    return ranked;
  }

  /** The mean of valid ballots, plus the bonus for the proposing organisation. */
  static double finalScore(Dossier d) {
    return d.proposer() ? d.meanScore() * (100 + PROPOSER_BONUS_PERCENT) / 100 : d.meanScore();
  }

  private static String tieBreak(Dossier d, Dossier other, List<String> labels) {
    for (int c = 0; c < d.criterionMeans().length; c++) {
      int cmp = compareDesc(d.criterionMeans()[c], other.criterionMeans()[c]);
      if (cmp != 0) {
        return String.format(java.util.Locale.ROOT, "bằng điểm với %s; xếp theo điểm trung bình"
            + " tiêu chí \"%s\" (%.2f so với %.2f)", other.code(), labels.get(c),
            d.criterionMeans()[c], other.criterionMeans()[c]);
      }
    }
    if (compareDesc(chair(d), chair(other)) != 0) {
      return "bằng điểm và bằng điểm từng tiêu chí với " + other.code()
          + "; xếp theo phiếu của chủ tịch hội đồng (" + d.chairTotal() + " so với "
          + other.chairTotal() + ")";
    }
    return "bằng điểm, từng tiêu chí và phiếu chủ tịch với " + other.code()
        + "; xếp theo thời điểm nộp hồ sơ";
  }

  private static int compareCriteria(Dossier a, Dossier b) {
    for (int c = 0; c < a.criterionMeans().length; c++) {
      int cmp = compareDesc(a.criterionMeans()[c], b.criterionMeans()[c]);
      if (cmp != 0) {
        return cmp;
      }
    }
    return 0;
  }

  private static double chair(Dossier d) {
    return d.chairTotal() == null ? -1 : d.chairTotal();
  }

  /** Higher first; values within {@link #EQUAL} are equal. */
  private static int compareDesc(double a, double b) {
    return Math.abs(a - b) < EQUAL ? 0 : Double.compare(b, a);
  }

  private SelectionRanking() {}
}
