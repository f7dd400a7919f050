package vn.khcn.workflow.research;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.InvalidInputException;

/**
 * What the portal's and the council desk's pages share: a form carries only its own fields (a
 * refused action answers the refusal page of {@link vn.khcn.workflow.shared.web.PageRefusals}).
 */
final class DeskPages {

  /** The token every form of ours carries besides its fields. */
  static final String CSRF = "_csrf";

  /** 400 naming every submitted field the form does not have (nothing is done). */
  static void onlyFields(Collection<String> submitted, Set<String> allowed) {
    List<FieldError> extra = new ArrayList<>();
    for (String name : submitted) {
      if (!allowed.contains(name) && !CSRF.equals(name)) {
        extra.add(new FieldError(name, "biểu mẫu này không có trường '" + name + "'"));
      }
    }
    if (!extra.isEmpty()) {
      throw new InvalidInputException(extra);
    }
  }

  static Integer whole(String value, String field, List<FieldError> problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      problems.add(new FieldError(field, "nhập một số nguyên"));
      return null;
    }
  }

  private DeskPages() {}
}
