package vn.khcn.workflow.outgoing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import vn.khcn.workflow.shared.text.TypedText;
import vn.khcn.workflow.shared.web.ApiError.FieldError;

/**
 * Where one recipient line (Kính gửi or Nơi nhận) is delivered (ADR 0027): an e-mail address
 * (mail with the issued file), an agency's id on the interconnection axis (edXML package), or
 * both. A recipient without an address gets the paper copy.
 */
record RecipientAddress(String recipient, String email, String organId) {

  static final int MAX_EMAIL = 254;
  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
  /** An axis id as the national catalogue writes them, e.g. 000.00.31.H13. */
  private static final Pattern ORGAN_ID = Pattern.compile("[A-Za-z0-9.]{3,50}");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The addresses normalised, or every problem (field addresses[i].…) added to errors. */
  static List<RecipientAddress> validate(List<RecipientAddress> given, List<String> lines,
      List<FieldError> errors) {
    List<RecipientAddress> valid = new ArrayList<>();
    if (given == null) {
      return valid;
    }
    if (given.size() > DraftRequest.MAX_LINES * 2) {
      errors.add(new FieldError("addresses", "địa chỉ nơi nhận: nhiều nhất "
          + DraftRequest.MAX_LINES * 2 + " dòng"));
      return valid;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < given.size(); i++) {
      String field = "addresses[" + i + "]";
      RecipientAddress a = given.get(i);
      if (a == null) {
        errors.add(new FieldError(field, "địa chỉ nơi nhận trống"));
        continue;
      }
      String recipient = TypedText.normalize(a.recipient());
      String email = blankToNull(a.email());
      String organId = blankToNull(a.organId());
      int before = errors.size();
      if (recipient == null || !lines.contains(recipient)) {
        errors.add(new FieldError(field + ".recipient", "địa chỉ nơi nhận: \"" + recipient
            + "\" không phải là một dòng Kính gửi hay Nơi nhận của văn bản"));
      } else if (!seen.add(recipient)) {
        errors.add(new FieldError(field + ".recipient", "địa chỉ nơi nhận: \"" + recipient
            + "\" được ghi hai lần"));
      }
      if (email == null && organId == null) {
        errors.add(new FieldError(field, "địa chỉ nơi nhận: cần thư điện tử hoặc mã định danh"
            + " cơ quan trên trục liên thông"));
      }
      if (email != null && (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches())) {
        errors.add(new FieldError(field + ".email", "thư điện tử không hợp lệ: " + email));
      }
      if (organId != null && !ORGAN_ID.matcher(organId).matches()) {
        errors.add(new FieldError(field + ".organId", "mã định danh cơ quan không hợp lệ"
            + " (chỉ chữ, số và dấu chấm, ví dụ 000.00.31.H13)"));
      }
      if (errors.size() == before) {
        valid.add(new RecipientAddress(recipient, email, organId));
      }
    }
    return valid;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  static String toJson(List<RecipientAddress> addresses) {
    if (addresses == null || addresses.isEmpty()) {
      return null;
    }
    try {
      return JSON.writeValueAsString(addresses);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<RecipientAddress> fromJson(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    try {
      return JSON.readValue(json, new TypeReference<List<RecipientAddress>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable recipient addresses", e);
    }
  }
}
