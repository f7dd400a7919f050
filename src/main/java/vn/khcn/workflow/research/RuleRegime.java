package vn.khcn.workflow.research;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One versioned set of research rules (a regime): every number the circulars set, each with its
 * legal reference and whether it was checked against the text, the decision tables by version tag,
 * and the scoring criteria. Immutable; read from a validated file ({@link RuleRegimeParser}).
 * A research task is bound to one regime and keeps it (ADR 0022).
 */
record RuleRegime(String code, String name, LocalDate effectiveFrom, boolean effectiveFromVerified,
    String effectiveFromNote, String reference, Map<String, String> decisions,
    Map<RuleKey, Value> values, List<Criterion> criteria, RefundRule refund) {

  /** A share a/b, compared exactly with whole numbers. */
  record Fraction(int numerator, int denominator) {
    /** True when {@code part / whole > this}, exactly. */
    boolean exceededBy(long part, long whole) {
      return part * denominator > numerator * whole;
    }

    /** True when {@code part / whole >= this}, exactly. */
    boolean reachedBy(long part, long whole) {
      return part * denominator >= numerator * whole;
    }

    double value() { return (double) numerator / denominator; }

    @Override
    public String toString() { return numerator + "/" + denominator; }
  }

  /** One value with its reference; {@code value} is an Integer or a {@link Fraction}. */
  record Value(Object value, String reference, boolean verified, String note) {}

  /** One scoring criterion: form field, label, maximum points (its weight on the 100 scale). */
  record Criterion(String key, String label, int max, String reference, boolean verified) {}

  int integer(RuleKey key) {
    return (Integer) values.get(key).value();
  }

  Fraction fraction(RuleKey key) {
    return (Fraction) values.get(key).value();
  }

  int councilMin(CouncilKind kind) {
    return integer(kind == CouncilKind.ACCEPTANCE ? RuleKey.ACCEPTANCE_COUNCIL_MIN_MEMBERS
        : RuleKey.ASSIGNMENT_COUNCIL_MIN_MEMBERS);
  }

  int councilMax(CouncilKind kind) {
    return integer(kind == CouncilKind.ACCEPTANCE ? RuleKey.ACCEPTANCE_COUNCIL_MAX_MEMBERS
        : RuleKey.ASSIGNMENT_COUNCIL_MAX_MEMBERS);
  }

  /** Most months an extension may add to a contract of {@code contractMonths}. */
  int maxExtensionMonths(int contractMonths) {
    return contractMonths > integer(RuleKey.EXTENSION_LONG_TASK_MONTHS)
        ? integer(RuleKey.EXTENSION_MAX_MONTHS_LONG) : integer(RuleKey.EXTENSION_MAX_MONTHS_SHORT);
  }

  /** The same regime without its refund rule (what a regime without one may be amended to). */
  RuleRegime withoutRefund() {
    return new RuleRegime(code, name, effectiveFrom, effectiveFromVerified, effectiveFromNote,
        reference, decisions, values, criteria, null);
  }

  /** The version tag of decision {@code key} this regime evaluates. */
  String decisionTag(String key) {
    return decisions.get(key);
  }
}
