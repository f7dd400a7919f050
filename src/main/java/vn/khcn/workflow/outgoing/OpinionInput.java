package vn.khcn.workflow.outgoing;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import vn.khcn.workflow.outgoing.OutgoingOpinion.Position;
import vn.khcn.workflow.shared.text.TypedText;
import vn.khcn.workflow.shared.web.ApiError.FieldError;

/** Reading what people type about opinions, each problem naming its field in Vietnamese. */
final class OpinionInput {

  static final int MAX_TEXT = 4000;

  /** The bodies of the opinion endpoints. */
  record AskBody(List<String> from, String dueDate, String note) {}

  record AnswerBody(String position, String text) {}

  record ResolutionBody(Boolean accepted, String explanation) {}

  record OutsideBody(String body, Long incomingDocumentId, String position, String text) {}

  /** A typed text, normalised; null (with a problem when required) when empty or unreadable. */
  static String text(String field, String label, String value, int max, boolean required,
      List<FieldError> problems) {
    String text = TypedText.normalize(value);
    if (text == null || text.isEmpty()) {
      if (required) {
        problems.add(new FieldError(field, label + " là bắt buộc"));
      }
      return null;
    }
    var problem = TypedText.problem(text);
    if (problem.isPresent()) {
      problems.add(new FieldError(field, label + " " + problem.get()));
      return null;
    }
    if (text.length() > max) {
      problems.add(new FieldError(field, label + " dài quá " + max + " ký tự"));
      return null;
    }
    return text;
  }

  /** The answer's position; its text is required unless the party simply agrees. */
  static Position position(String value, List<FieldError> problems) {
    if (value == null || value.isBlank()) {
      problems.add(new FieldError("position", "ý kiến (đồng ý, đồng ý có góp ý, không đồng ý)"
          + " là bắt buộc"));
      return null;
    }
    try {
      Position position = Position.valueOf(value.strip().toUpperCase(Locale.ROOT));
      if (position == Position.NO_OPINION) { // only the closing of a round records it
        throw new IllegalArgumentException(value);
      }
      return position;
    } catch (IllegalArgumentException unknown) {
      problems.add(new FieldError("position", "ý kiến phải là AGREE (đồng ý), AGREE_WITH_COMMENTS"
          + " (đồng ý, có góp ý) hoặc DISAGREE (không đồng ý)"));
      return null;
    }
  }

  static String answerText(Position position, String value, List<FieldError> problems) {
    return text("text", "nội dung góp ý", value, MAX_TEXT,
        position != null && position != Position.AGREE, problems);
  }

  static LocalDate day(String field, String label, String value, List<FieldError> problems) {
    if (value == null || value.isBlank()) {
      problems.add(new FieldError(field, label + " là bắt buộc"));
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      problems.add(new FieldError(field, label + " phải có dạng năm-tháng-ngày (2026-12-31)"));
      return null;
    }
  }

  private OpinionInput() {}
}
