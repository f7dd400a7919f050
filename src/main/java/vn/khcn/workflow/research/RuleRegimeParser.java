package vn.khcn.workflow.research;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.InvalidInputException;

/**
 * Reads and validates a rules regime file: every {@link RuleKey} present once with a value in its
 * range, a reference and a {@code verified} flag; no unknown key; shares as "a/b" between 0 and 1;
 * minimum council sizes not above the maxima; the criteria exactly the scoring form's fields with
 * maxima adding up to 100; both decision tables named by version tag. Problems name the JSON path,
 * in Vietnamese.
 */
final class RuleRegimeParser {

  static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");
  private static final Pattern FRACTION = Pattern.compile("(\\d{1,3})/(\\d{1,3})");
  private static final ObjectMapper JSON = new ObjectMapper();

  static RuleRegime parse(byte[] content) {
    JsonNode root;
    try {
      root = JSON.readTree(content);
    } catch (IOException e) {
      throw new InvalidInputException(List.of(new FieldError("file",
          "tệp quy định không phải JSON hợp lệ: " + e.getMessage())));
    }
    List<FieldError> problems = new ArrayList<>();
    if (root == null || !root.isObject()) {
      throw new InvalidInputException(List.of(new FieldError("file",
          "tệp quy định phải là một đối tượng JSON")));
    }
    String code = text(root, "code", problems, 32);
    if (code != null && !CODE.matcher(code).matches()) {
      problems.add(new FieldError("code", "mã bộ quy định chỉ gồm chữ hoa, số và dấu '-'"
          + " (2–32 ký tự), ví dụ TT20-2023"));
    }
    String name = text(root, "name", problems, 500);
    String reference = text(root, "reference", problems, 2000);
    LocalDate effectiveFrom = null;
    String from = text(root, "effectiveFrom", problems, 10);
    if (from != null) {
      try {
        effectiveFrom = LocalDate.parse(from);
      } catch (DateTimeParseException e) {
        problems.add(new FieldError("effectiveFrom", "ngày hiệu lực phải có dạng yyyy-MM-dd"));
      }
    }
    boolean fromVerified = bool(root, "effectiveFromVerified", problems);
    JsonNode fromNote = root.get("effectiveFromNote");
    Map<String, String> decisions = decisions(root.get("decisions"), problems);
    Map<RuleKey, RuleRegime.Value> values = values(root.get("values"), problems);
    List<RuleRegime.Criterion> criteria = criteria(root.get("criteria"), problems);
    Set<String> known = Set.of("code", "name", "reference", "effectiveFrom",
        "effectiveFromVerified", "effectiveFromNote", "decisions", "values", "criteria",
        "refund");
    RefundRule refund = RefundRule.parse(root.get("refund"), problems);
    root.fieldNames().forEachRemaining(f -> {
      if (!known.contains(f)) {
        problems.add(new FieldError(f, "trường không được hỗ trợ"));
      }
    });
    if (problems.isEmpty()) {
      for (CouncilKind kind : CouncilKind.values()) {
        RuleKey min = kind == CouncilKind.ACCEPTANCE ? RuleKey.ACCEPTANCE_COUNCIL_MIN_MEMBERS
            : RuleKey.ASSIGNMENT_COUNCIL_MIN_MEMBERS;
        RuleKey max = kind == CouncilKind.ACCEPTANCE ? RuleKey.ACCEPTANCE_COUNCIL_MAX_MEMBERS
            : RuleKey.ASSIGNMENT_COUNCIL_MAX_MEMBERS;
        if ((Integer) values.get(min).value() > (Integer) values.get(max).value()) {
          problems.add(new FieldError("values." + min.json(), "số thành viên tối thiểu lớn hơn"
              + " tối đa (" + kind.label().toLowerCase() + ")"));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return new RuleRegime(code, name, effectiveFrom, fromVerified,
        fromNote == null || fromNote.isNull() ? null : fromNote.asText(), reference, decisions,
        values, criteria, refund);
  }

  private static Map<String, String> decisions(JsonNode node, List<FieldError> problems) {
    Map<String, String> decisions = new LinkedHashMap<>();
    if (node == null || !node.isObject()) {
      problems.add(new FieldError("decisions", "nêu phiên bản (versionTag) của các bảng quyết"
          + " định " + AssignmentCouncilProcess.VERDICT_DECISION_KEY + " và "
          + AcceptanceProcess.GRADE_DECISION_KEY));
      return decisions;
    }
    for (String key : List.of(AssignmentCouncilProcess.VERDICT_DECISION_KEY,
        AcceptanceProcess.GRADE_DECISION_KEY)) {
      JsonNode tag = node.get(key);
      if (tag == null || !tag.isTextual() || tag.asText().isBlank()) {
        problems.add(new FieldError("decisions." + key, "thiếu versionTag của bảng " + key));
      } else {
        decisions.put(key, tag.asText().strip());
      }
    }
    node.fieldNames().forEachRemaining(f -> {
      if (!decisions.containsKey(f) && !f.equals(AssignmentCouncilProcess.VERDICT_DECISION_KEY)
          && !f.equals(AcceptanceProcess.GRADE_DECISION_KEY)) {
        problems.add(new FieldError("decisions." + f, "bảng quyết định không thuộc nhiệm vụ KH&CN"));
      }
    });
    return decisions;
  }

  private static Map<RuleKey, RuleRegime.Value> values(JsonNode node, List<FieldError> problems) {
    Map<RuleKey, RuleRegime.Value> values = new EnumMap<>(RuleKey.class);
    if (node == null || !node.isObject()) {
      problems.add(new FieldError("values", "thiếu các giá trị của bộ quy định"));
      return values;
    }
    Map<String, RuleKey> byName = new LinkedHashMap<>();
    for (RuleKey key : RuleKey.values()) {
      byName.put(key.json(), key);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String path = "values." + field.getKey();
      RuleKey key = byName.get(field.getKey());
      if (key == null) {
        problems.add(new FieldError(path, "giá trị không được hỗ trợ"));
        continue;
      }
      JsonNode entry = field.getValue();
      if (!entry.isObject()) {
        problems.add(new FieldError(path, "mỗi giá trị là {value, reference, verified}"));
        continue;
      }
      Object value = key.fraction() ? fraction(entry.get("value"), path, problems)
          : integer(entry.get("value"), key, path, problems);
      String reference = text(entry, "reference", problems, 1000, path + ".reference");
      JsonNode verified = entry.get("verified");
      if (verified == null || !verified.isBoolean()) {
        problems.add(new FieldError(path + ".verified", "nêu đã đối chiếu văn bản hay chưa"
            + " (true/false)"));
      }
      JsonNode note = entry.get("note");
      if (value != null && reference != null && verified != null && verified.isBoolean()) {
        values.put(key, new RuleRegime.Value(value, reference, verified.asBoolean(),
            note == null || note.isNull() ? null : note.asText()));
      }
    }
    for (RuleKey key : RuleKey.values()) {
      if (!node.has(key.json())) {
        problems.add(new FieldError("values." + key.json(), "thiếu giá trị: " + key.label()));
      }
    }
    return values;
  }

  private static Integer integer(JsonNode value, RuleKey key, String path,
      List<FieldError> problems) {
    if (value == null || !value.isInt()) {
      problems.add(new FieldError(path + ".value", "phải là số nguyên"));
      return null;
    }
    int number = value.asInt();
    if (number < key.min() || number > key.max()) {
      problems.add(new FieldError(path + ".value", key.label() + " phải từ " + key.min()
          + " đến " + key.max()));
      return null;
    }
    return number;
  }

  static RuleRegime.Fraction fraction(JsonNode value, String path,
      List<FieldError> problems) {
    Matcher m = value == null || !value.isTextual() ? null : FRACTION.matcher(value.asText());
    if (m == null || !m.matches()) {
      problems.add(new FieldError(path + ".value", "tỷ lệ viết dạng \"a/b\", ví dụ \"2/3\""));
      return null;
    }
    int numerator = Integer.parseInt(m.group(1));
    int denominator = Integer.parseInt(m.group(2));
    if (denominator == 0 || numerator > denominator) {
      problems.add(new FieldError(path + ".value", "tỷ lệ phải từ 0 đến 1, mẫu số khác 0"));
      return null;
    }
    return new RuleRegime.Fraction(numerator, denominator);
  }

  private static List<RuleRegime.Criterion> criteria(JsonNode node, List<FieldError> problems) {
    List<RuleRegime.Criterion> criteria = new ArrayList<>();
    List<String> fields = Criteria.FIELDS;
    if (node == null || !node.isArray() || node.size() != fields.size()) {
      problems.add(new FieldError("criteria", "cần đúng " + fields.size() + " tiêu chí theo biểu"
          + " mẫu chấm điểm: " + String.join(", ", fields)));
      return criteria;
    }
    int total = 0;
    for (int i = 0; i < node.size(); i++) {
      JsonNode c = node.get(i);
      String path = "criteria[" + i + "]";
      String key = text(c, "key", problems, 64, path + ".key");
      if (key != null && !key.equals(fields.get(i))) {
        problems.add(new FieldError(path + ".key", "tiêu chí thứ " + (i + 1) + " phải là "
            + fields.get(i) + " (trường của biểu mẫu chấm điểm)"));
      }
      String label = text(c, "label", problems, 200, path + ".label");
      JsonNode max = c.get("max");
      if (max == null || !max.isInt() || max.asInt() < 1 || max.asInt() > 100) {
        problems.add(new FieldError(path + ".max", "điểm tối đa là số nguyên từ 1 đến 100"));
        continue;
      }
      total += max.asInt();
      String reference = text(c, "reference", problems, 1000, path + ".reference");
      JsonNode verified = c.get("verified");
      if (verified == null || !verified.isBoolean()) {
        problems.add(new FieldError(path + ".verified", "nêu đã đối chiếu văn bản hay chưa"));
        continue;
      }
      criteria.add(new RuleRegime.Criterion(key, label, max.asInt(), reference,
          verified.asBoolean()));
    }
    if (criteria.size() == fields.size() && total != 100) {
      problems.add(new FieldError("criteria", "tổng điểm tối đa các tiêu chí phải là 100 (đang là "
          + total + ")"));
    }
    return criteria;
  }

  private static boolean bool(JsonNode root, String field, List<FieldError> problems) {
    JsonNode node = root.get(field);
    if (node == null || !node.isBoolean()) {
      problems.add(new FieldError(field, "nêu true hoặc false"));
      return false;
    }
    return node.asBoolean();
  }

  private static String text(JsonNode root, String field, List<FieldError> problems, int max) {
    return text(root, field, problems, max, field);
  }

  private static String text(JsonNode root, String field, List<FieldError> problems, int max,
      String path) {
    JsonNode node = root == null ? null : root.get(field);
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      problems.add(new FieldError(path, "thiếu " + field));
      return null;
    }
    if (node.asText().length() > max) {
      problems.add(new FieldError(path, field + " dài quá " + max + " ký tự"));
      return null;
    }
    return node.asText().strip();
  }

  private RuleRegimeParser() {}
}
