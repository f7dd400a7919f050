package vn.khcn.workflow.research;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * GET /api/research/rules: one regime as people read it: code, name, effective date, legal
 * reference, decision tables by version tag, and every value with its reference and whether it
 * was checked against the text, and the refund rule on failure.
 */
record RuleRegimeView(String code, String name, LocalDate effectiveFrom,
    boolean effectiveFromVerified, String effectiveFromNote, String reference,
    Map<String, String> decisions, List<ValueView> values, List<CriterionView> criteria,
    RefundView refund) {

  /** The refund rule on failure (ADR 0030), when the regime has one. */
  record RefundView(String unspentShare, String spentShare, String formula, String reference,
      boolean verified, String note) {}

  /** A value: key of the file, Vietnamese label, value ("2/3" for a share), reference, check. */
  record ValueView(String key, String label, Object value, String reference, boolean verified,
      String note) {}

  /** A criterion: form field, label, maximum points and its weight (share of the 100 points). */
  record CriterionView(String key, String label, int max, double weight, String reference,
      boolean verified) {}

  static RuleRegimeView of(RuleRegime regime) {
    List<ValueView> values = Arrays.stream(RuleKey.values()).map(key -> {
      RuleRegime.Value value = regime.values().get(key);
      Object shown = value.value() instanceof RuleRegime.Fraction f ? f.toString() : value.value();
      return new ValueView(key.json(), key.label(), shown, value.reference(), value.verified(),
          value.note());
    }).toList();
    int total = regime.criteria().stream().mapToInt(RuleRegime.Criterion::max).sum();
    List<CriterionView> criteria = regime.criteria().stream().map(c -> new CriterionView(c.key(),
        c.label(), c.max(), (double) c.max() / total, c.reference(), c.verified())).toList();
    return new RuleRegimeView(regime.code(), regime.name(), regime.effectiveFrom(),
        regime.effectiveFromVerified(), regime.effectiveFromNote(), regime.reference(),
        regime.decisions(), values, criteria, regime.refund() == null ? null
            : new RefundView(regime.refund().unspentShare().toString(),
                regime.refund().spentShare().toString(), regime.refund().describe(),
                regime.refund().reference(), regime.refund().verified(), regime.refund().note()));
  }
}
