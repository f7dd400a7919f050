package vn.khcn.workflow.outgoing;

import java.util.List;
import vn.khcn.workflow.shared.text.TypedText;
import vn.khcn.workflow.shared.web.ApiError.FieldError;

/** The short texts people type beside an action: a version's "what changed". */
final class DraftTexts {

  static final int MAX_NOTE = 2000;

  /** The note, normalised; null with a problem when missing, too long or not typed text. */
  static String note(String value, List<FieldError> problems) {
    String note = TypedText.normalize(value);
    if (note == null || note.isEmpty()) {
      problems.add(new FieldError("note", "nội dung thay đổi là bắt buộc"));
      return null;
    }
    var problem = TypedText.problem(note);
    if (problem.isPresent()) {
      problems.add(new FieldError("note", "nội dung thay đổi " + problem.get()));
      return null;
    }
    if (note.length() > MAX_NOTE) {
      problems.add(new FieldError("note", "nội dung thay đổi dài quá " + MAX_NOTE + " ký tự"));
      return null;
    }
    return note;
  }

  private DraftTexts() {}
}
