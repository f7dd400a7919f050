package vn.khcn.workflow.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.IntakeProposal;
import vn.khcn.workflow.shared.web.IntakeProposal.Proposed;
import vn.khcn.workflow.shared.web.InvalidInputException;

/**
 * The correction log of issue 16: per registered document, one row per field intake proposed,
 * with the value registered and whether the clerk corrected it; and the counts per field that
 * {@code GET /api/intake/accuracy} shows. The proposal comes from the page and is checked
 * strictly (size, shape, known field names); the final values, who and when come from the server.
 */
@Service
class IntakeProposals implements IntakeProposal.Log {

  /** The registration form's fields the page pre-fills from an extraction. */
  static final List<String> FIELDS = List.of("issuer", "documentNumber", "issuedOn",
      "documentType", "summary", "signerPosition", "signerName", "pageCount", "urgency",
      "classification", "recipients");
  static final int MAX_CHARS = 8000;
  static final int MAX_VALUE = 1000;
  private static final Set<String> SOURCES = Set.of("TEXT", "PDF", "DOCX", "OCR", "EDXML");
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  private final JdbcTemplate jdbc;
  private final Clock clock;

  IntakeProposals(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public IntakeProposal parse(String json) {
    if (json == null || json.isBlank()) {
      return null;
    }
    if (json.length() > MAX_CHARS) {
      throw refused("đề xuất từ tệp quá lớn (tối đa " + MAX_CHARS + " ký tự)");
    }
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw refused("đề xuất từ tệp không phải JSON hợp lệ");
    }
    if (root == null || !root.isObject()) {
      throw refused("đề xuất từ tệp phải là một đối tượng JSON");
    }
    unknownKeys(root, Set.of("source", "fields"), "");
    JsonNode source = root.get("source");
    if (source == null || !source.isTextual() || !SOURCES.contains(source.asText())) {
      throw refused("nguồn đề xuất (source) phải là một trong " + String.join(", ",
          SOURCES.stream().sorted().toList()));
    }
    JsonNode fields = root.get("fields");
    if (fields == null || !fields.isObject() || fields.isEmpty()) {
      throw refused("thiếu các trường đề xuất (fields)");
    }
    Map<String, Proposed> proposed = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> entry = it.next();
      String name = entry.getKey();
      if (!FIELDS.contains(name)) {
        throw refused("trường «" + name + "» không phải trường được đề xuất từ tệp");
      }
      JsonNode field = entry.getValue();
      if (!field.isObject()) {
        throw refused("trường «" + name + "»: cần value và confidence");
      }
      unknownKeys(field, Set.of("value", "confidence"), name + ".");
      JsonNode value = field.get("value");
      JsonNode confidence = field.get("confidence");
      if (value == null || !(value.isTextual() || value.isNumber()) || value.asText().isBlank()
          || value.asText().length() > MAX_VALUE) {
        throw refused("trường «" + name + "»: giá trị đề xuất phải là chữ hoặc số, không rỗng,"
            + " tối đa " + MAX_VALUE + " ký tự");
      }
      if (confidence == null || !confidence.isNumber() || confidence.asDouble() < 0
          || confidence.asDouble() > 1) {
        throw refused("trường «" + name + "»: độ tin cậy phải là số từ 0 đến 1");
      }
      proposed.put(name, new Proposed(value.asText(), confidence.asDouble()));
    }
    return new IntakeProposal(source.asText(), proposed);
  }

  private static void unknownKeys(JsonNode node, Set<String> allowed, String prefix) {
    List<String> extra = new ArrayList<>();
    node.fieldNames().forEachRemaining(name -> {
      if (!allowed.contains(name)) {
        extra.add(prefix + name);
      }
    });
    if (!extra.isEmpty()) {
      throw refused("trường không được hỗ trợ: " + String.join(", ", extra));
    }
  }

  private static InvalidInputException refused(String message) {
    return new InvalidInputException(List.of(new FieldError(IntakeProposal.PARAMETER,
        "Đề xuất từ tệp: " + message + ".")));
  }

  @Override
  @Transactional
  public void record(long documentId, IntakeProposal proposal, Map<String, String> finalValues,
      String userId) {
    Timestamp now = Timestamp.from(clock.instant());
    List<Object[]> rows = new ArrayList<>();
    proposal.fields().forEach((field, proposed) -> {
      String registered = finalValues.get(field);
      boolean corrected = !fold(proposed.value()).equals(fold(registered));
      rows.add(new Object[] {documentId, field, proposed.value(),
          Math.round(proposed.confidence() * 100) / 100.0, clip(registered), corrected,
          proposal.source(), userId, now});
    });
    jdbc.batchUpdate("insert into intake_proposal (document_id, field, proposed, confidence,"
        + " final_value, corrected, source, created_by, created_at)"
        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
  }

  /** NFC, white space folded; the recipients' separators as the form joins them. */
  static String fold(String value) {
    if (value == null) {
      return "";
    }
    return Normalizer.normalize(value, Normalizer.Form.NFC).replaceAll("\\s*;\\s*", "; ")
        .replaceAll("\\s+", " ").strip();
  }

  private static String clip(String value) {
    return value == null || value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE);
  }

  /** Per field: how many proposals, how many the clerk corrected; and per source. */
  Map<String, Object> accuracy() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("registrations", jdbc.queryForObject(
        "select count(distinct document_id) from intake_proposal", Long.class));
    out.put("fields", counts("field"));
    out.put("sources", counts("source"));
    return out;
  }

  private List<Map<String, Object>> counts(String column) {
    return jdbc.query("select " + column + " as name, count(*) as proposed,"
        + " sum(case when corrected then 1 else 0 end) as corrected from intake_proposal"
        + " group by " + column + " order by " + column, (rs, i) -> {
          Map<String, Object> row = new LinkedHashMap<>();
          long proposed = rs.getLong("proposed");
          long corrected = rs.getLong("corrected");
          row.put(column, rs.getString("name"));
          row.put("proposed", proposed);
          row.put("corrected", corrected);
          row.put("kept", proposed - corrected);
          row.put("keptShare", Math.round(1000.0 * (proposed - corrected) / proposed) / 1000.0);
          return row;
        });
  }
}
