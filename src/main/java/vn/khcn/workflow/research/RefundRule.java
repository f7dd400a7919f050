package vn.khcn.workflow.research;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import vn.khcn.workflow.shared.web.ApiError.FieldError;

/**
 * What a host organisation refunds to the budget when a task fails (ADR 0030): the regime's share
 * of the funds disbursed but not spent plus its share of the funds spent, each rounded up to the
 * đồng, never more than what was disbursed. Computed from the contract, the amounts disbursed and
 * spent; never typed.
 */
record RefundRule(RuleRegime.Fraction unspentShare, RuleRegime.Fraction spentShare,
    String reference, boolean verified, String note) {

  /** The amounts a refund was worked out from, and the result. */
  record Refund(long contractAmount, long disbursed, long spent, long unspentPart,
      long spentPart, long total) {}

  /**
   * The refund from the contract amount and the amounts disbursed and spent; refused (field,
   * Vietnamese message) when an amount is missing, negative, disbursed above the contract or
   * spent above disbursed.
   */
  Refund compute(Long contractAmount, Long disbursed, Long spent) {
    Problems problems = new Problems()
        .require(disbursed != null && disbursed >= 0, "disbursedAmount",
            "nhập kinh phí ngân sách đã cấp (0 nếu chưa cấp)")
        .require(spent != null && spent >= 0, "spentAmount",
            "nhập kinh phí đã sử dụng (0 nếu chưa sử dụng)");
    if (disbursed != null && contractAmount != null) {
      problems.require(disbursed <= contractAmount, "disbursedAmount",
          "kinh phí đã cấp không vượt giá trị hợp đồng (" + ResearchRecords.money(contractAmount)
              + ")");
    }
    if (disbursed != null && spent != null) {
      problems.require(spent <= disbursed, "spentAmount",
          "kinh phí đã sử dụng không vượt kinh phí đã cấp (" + ResearchRecords.money(disbursed)
              + ")");
    }
    problems.throwIfAny();
    long unspentPart = share(disbursed - spent, unspentShare);
    long spentPart = share(spent, spentShare);
    long total = Math.min(disbursed, unspentPart + spentPart);
    return new Refund(contractAmount == null ? 0 : contractAmount, disbursed, spent, unspentPart,
        spentPart, total);
  }

  /** The rule in words, as the task and the API show it. */
  String describe() {
    return "Hoàn trả = " + percent(unspentShare) + " × (kinh phí đã cấp − kinh phí đã sử dụng) + "
        + percent(spentShare) + " × kinh phí đã sử dụng, làm tròn lên đến đồng, không vượt kinh"
        + " phí đã cấp (" + reference + (verified ? "" : "; chưa đối chiếu văn bản") + ")";
  }

  /** {@code amount × share} rounded up to the đồng, exactly. */
  static long share(long amount, RuleRegime.Fraction share) {
    return -Math.floorDiv(-Math.multiplyExact(amount, (long) share.numerator()),
        (long) share.denominator());
  }

  private static String percent(RuleRegime.Fraction share) {
    java.math.BigDecimal value = java.math.BigDecimal.valueOf(share.numerator() * 100L)
        .divide(java.math.BigDecimal.valueOf(share.denominator()), 2,
            java.math.RoundingMode.HALF_UP).stripTrailingZeros();
    return value.toPlainString() + "%";
  }

  /** Reads the optional {@code refund} object of a regime file (absent: the regime has none). */
  static RefundRule parse(JsonNode node, List<FieldError> problems) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      problems.add(new FieldError("refund", "quy tắc hoàn trả phải là một đối tượng JSON"));
      return null;
    }
    Set<String> known = Set.of("unspentShare", "spentShare", "reference", "verified", "note");
    node.fieldNames().forEachRemaining(f -> {
      if (!known.contains(f)) {
        problems.add(new FieldError("refund." + f, "trường không được hỗ trợ"));
      }
    });
    RuleRegime.Fraction unspent = RuleRegimeParser.fraction(node.get("unspentShare"),
        "refund.unspentShare", problems);
    RuleRegime.Fraction spent = RuleRegimeParser.fraction(node.get("spentShare"),
        "refund.spentShare", problems);
    JsonNode reference = node.get("reference");
    if (reference == null || !reference.isTextual() || reference.asText().isBlank()) {
      problems.add(new FieldError("refund.reference", "nêu căn cứ pháp lý của quy tắc hoàn trả"));
    }
    JsonNode verified = node.get("verified");
    if (verified == null || !verified.isBoolean()) {
      problems.add(new FieldError("refund.verified", "ghi true hoặc false"));
    }
    JsonNode note = node.get("note");
    if (unspent == null || spent == null || reference == null || !reference.isTextual()
        || verified == null || !verified.isBoolean()) {
      return null;
    }
    return new RefundRule(unspent, spent, reference.asText().strip(), verified.asBoolean(),
        note == null || note.isNull() ? null : note.asText());
  }
}
