package vn.khcn.workflow.filing;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.InvalidInputException;

/**
 * One entry of the list of files as the Office or the registry writes it (Decree 30/2020 App. V):
 * số và ký hiệu hồ sơ, tiêu đề hồ sơ, đơn vị lập hồ sơ, thời hạn bảo quản, người lập hồ sơ.
 */
record EntryInput(String code, String title, String unitId, String retention,
    String openerName) {

  /** "Vĩnh viễn" or a number of years ("10 năm", "70 năm"). */
  static final Pattern RETENTION = Pattern.compile("Vĩnh viễn|[1-9][0-9]? năm");

  /** The input trimmed and in NFC, or 400 naming every bad field in Vietnamese. */
  EntryInput checked() {
    String c = clean(code);
    String t = clean(title);
    String u = clean(unitId);
    String r = clean(retention);
    String o = clean(openerName);
    List<FieldError> errors = new ArrayList<>();
    if (c == null) {
      errors.add(new FieldError("code", "số và ký hiệu hồ sơ là bắt buộc"));
    } else if (c.length() > 50) {
      errors.add(new FieldError("code", "số và ký hiệu hồ sơ dài tối đa 50 ký tự"));
    }
    if (t == null) {
      errors.add(new FieldError("title", "tiêu đề hồ sơ là bắt buộc"));
    } else if (t.length() > 500) {
      errors.add(new FieldError("title", "tiêu đề hồ sơ dài tối đa 500 ký tự"));
    }
    if (u == null || !Groups.UNITS.contains(u)) {
      errors.add(new FieldError("unitId", "đơn vị lập hồ sơ phải là một trong "
          + String.join(", ", Groups.UNITS)));
    }
    if (r == null || !RETENTION.matcher(r).matches()) {
      errors.add(new FieldError("retention",
          "thời hạn bảo quản phải là \"Vĩnh viễn\" hoặc số năm, ví dụ \"10 năm\""));
    }
    if (o != null && o.length() > 200) {
      errors.add(new FieldError("openerName", "người lập hồ sơ dài tối đa 200 ký tự"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new EntryInput(c, t, u, r, o);
  }

  private static String clean(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
  }
}
