package vn.khcn.workflow.outgoing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.khcn.workflow.dispatch.Urgency;
import vn.khcn.workflow.shared.text.TypedText;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.InvalidInputException;

/**
 * The body of POST /api/outgoing-documents (and of the /drafts form). Everything wrong is
 * reported at once, each problem naming its field in Vietnamese; the drafter and his unit are
 * never part of it (they are the person signed in).
 */
record DraftRequest(String documentType, String summary, List<String> recipients,
    List<String> copyTo, String signer, String urgency, String classification, Long replyTo,
    List<RecipientAddress> addresses, Long replyToItem) {

  /** A request answering a whole incoming document (or none). */
  DraftRequest(String documentType, String summary, List<String> recipients, List<String> copyTo,
      String signer, String urgency, String classification, Long replyTo,
      List<RecipientAddress> addresses) {
    this(documentType, summary, recipients, copyTo, signer, urgency, classification, replyTo,
        addresses, null);
  }

  /** A request without addresses (the /drafts form). */
  DraftRequest(String documentType, String summary, List<String> recipients, List<String> copyTo,
      String signer, String urgency, String classification, Long replyTo) {
    this(documentType, summary, recipients, copyTo, signer, urgency, classification, replyTo,
        null);
  }

  static final int MAX_SUMMARY = 500;
  static final int MAX_LINE = 300;
  static final int MAX_LINES = 50;

  /** The validated draft, or every problem found. */
  Draft validate(List<String> types) {
    List<FieldError> errors = new ArrayList<>();
    String type = text("documentType", documentType, 100, true, "loại văn bản", errors);
    if (type != null && !types.contains(type)) {
      errors.add(new FieldError("documentType", "loại văn bản phải là một trong: "
          + String.join(", ", types)));
    }
    String summary = text("summary", this.summary, MAX_SUMMARY, true, "trích yếu", errors);
    List<String> to = lines("recipients", recipients, true, "nơi nhận (Kính gửi)", errors);
    List<String> copies = lines("copyTo", copyTo, false, "nơi nhận", errors);
    String signer = text("signer", this.signer, 200, false, "người ký", errors);
    Urgency urgency = choice("urgency", this.urgency, Urgency.class, Urgency.NORMAL, "độ khẩn",
        errors);
    Classification classification = choice("classification", this.classification,
        Classification.class, Classification.NONE, "độ mật", errors);
    if (replyTo != null && replyTo <= 0) {
      errors.add(new FieldError("replyTo", "văn bản đến được trả lời không tồn tại"));
    }
    if (replyToItem != null && replyTo == null) {
      errors.add(new FieldError("replyToItem", "chỉ chọn mục chỉ đạo khi trả lời một văn bản"
          + " đến (replyTo)"));
    } else if (replyToItem != null && replyToItem <= 0) {
      errors.add(new FieldError("replyToItem", "mục chỉ đạo được trả lời không tồn tại"));
    }
    List<String> lines = new ArrayList<>(to);
    lines.addAll(copies);
    List<RecipientAddress> addressed = RecipientAddress.validate(addresses, lines, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new Draft(type, summary, to, copies, signer, urgency, classification, replyTo,
        addressed, replyToItem);
  }

  private static String text(String field, String value, int max, boolean required,
      String label, List<FieldError> errors) {
    String text = TypedText.normalize(value);
    if (text == null || text.isEmpty()) {
      if (required) {
        errors.add(new FieldError(field, label + " là bắt buộc"));
      }
      return null;
    }
    var problem = TypedText.problem(text);
    if (problem.isPresent()) {
      errors.add(new FieldError(field, label + " " + problem.get()));
      return null;
    }
    if (text.length() > max) {
      errors.add(new FieldError(field, label + " dài quá " + max + " ký tự"));
      return null;
    }
    return text;
  }

  private static List<String> lines(String field, List<String> values, boolean required,
      String label, List<FieldError> errors) {
    List<String> lines = new ArrayList<>();
    if (values != null) {
      if (values.size() > MAX_LINES) {
        errors.add(new FieldError(field, label + ": nhiều nhất " + MAX_LINES + " dòng"));
        return List.of();
      }
      for (int i = 0; i < values.size(); i++) {
        String line = text(field + "[" + i + "]", values.get(i), MAX_LINE, false, label, errors);
        if (line != null && (line.contains("\n") || line.contains("\r"))) {
          errors.add(new FieldError(field + "[" + i + "]", label + ": mỗi nơi nhận một dòng"));
        } else if (line != null) {
          lines.add(line);
        }
      }
    }
    if (required && lines.isEmpty() && errors.stream().noneMatch(e -> e.field().startsWith(field))) {
      errors.add(new FieldError(field, label + " là bắt buộc (ít nhất một nơi nhận)"));
    }
    return List.copyOf(lines);
  }

  private static <E extends Enum<E>> E choice(String field, String value, Class<E> type,
      E fallback, String label, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      List<String> names = new ArrayList<>();
      for (E e : type.getEnumConstants()) {
        names.add(e.name());
      }
      errors.add(new FieldError(field, label + " phải là một trong: " + String.join(", ", names)));
      return null;
    }
  }
}
