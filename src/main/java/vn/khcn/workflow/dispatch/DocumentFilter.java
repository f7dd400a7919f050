package vn.khcn.workflow.dispatch;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.InvalidInputException;

/**
 * The filters of the document search page (/documents), parsed from request parameters with a
 * Vietnamese message per bad field, and written back as the one canonical query string that page
 * links, exports and saved searches share. Empty parameters mean "no filter".
 */
record DocumentFilter(String q, Integer year, DocumentStatus status, Urgency urgency,
    Classification classification, String issuer, String unit, boolean overdueOnly,
    LocalDate from, LocalDate to, Sort sort) {

  static final int MAX_TEXT = 200;

  /** The orders a person may choose; arrival number, newest first, unless told otherwise. */
  enum Sort {
    NUMBER("Số đến (mới nhất trước)"),
    ISSUED("Ngày văn bản (mới nhất trước)"),
    DUE("Hạn xử lý (sớm nhất trước)");

    private final String label;

    Sort(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  static final DocumentFilter NONE = new DocumentFilter(null, null, null, null, null, null, null,
      false, null, null, Sort.NUMBER);

  /** The API list's filter (year, status, text; checked by its controller), newest first. */
  static DocumentFilter of(String q, Integer year, DocumentStatus status) {
    return new DocumentFilter(q, year, status, null, null, null, null, false, null, null,
        Sort.NUMBER);
  }

  /** The filter of these parameters; unknown parameters are ignored, bad values refused. */
  static DocumentFilter parse(Map<String, String> params) {
    List<FieldError> errors = new ArrayList<>();
    String q = text(params, "q", "chuỗi tìm kiếm", errors);
    String issuer = text(params, "issuer", "cơ quan ban hành", errors);
    Integer year = null;
    String yearText = value(params, "year");
    if (yearText != null) {
      try {
        year = Integer.valueOf(yearText);
        if (year < 1945 || year > 9999) {
          errors.add(new FieldError("year", "năm phải từ 1945 đến 9999"));
        }
      } catch (NumberFormatException notANumber) {
        errors.add(new FieldError("year", "năm phải là một số, ví dụ 2026"));
      }
    }
    DocumentStatus status = choice(params, "status", DocumentStatus.class, "trạng thái", errors);
    Urgency urgency = choice(params, "urgency", Urgency.class, "độ khẩn", errors);
    Classification classification =
        choice(params, "classification", Classification.class, "độ mật", errors);
    Sort sort = choice(params, "sort", Sort.class, "cách sắp xếp", errors);
    String unit = value(params, "unit");
    if (unit != null && !Groups.isUnit(unit)) {
      errors.add(new FieldError("unit", "đơn vị xử lý không có trong danh sách"));
    }
    String overdue = value(params, "overdue");
    if (overdue != null && !overdue.equals("true") && !overdue.equals("false")) {
      errors.add(new FieldError("overdue", "chỉ chọn có hoặc không"));
    }
    LocalDate from = date(params, "from", "từ ngày đến", errors);
    LocalDate to = date(params, "to", "đến ngày đến", errors);
    if (from != null && to != null && from.isAfter(to)) {
      errors.add(new FieldError("from", "từ ngày đến phải trước hoặc bằng đến ngày"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new DocumentFilter(q, year, status, urgency, classification, issuer, unit,
        "true".equals(overdue), from, to, sort == null ? Sort.NUMBER : sort);
  }

  /** "q=...&year=2026&...": only the filters set, in a fixed order, URL-encoded; no page. */
  String query() {
    return parameters().entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /** The filters set, by parameter name, in the order of the form. */
  Map<String, String> parameters() {
    Map<String, String> p = new LinkedHashMap<>();
    put(p, "q", q);
    put(p, "year", year == null ? null : year.toString());
    put(p, "status", status == null ? null : status.name());
    put(p, "urgency", urgency == null ? null : urgency.name());
    put(p, "classification", classification == null ? null : classification.name());
    put(p, "issuer", issuer);
    put(p, "unit", unit);
    put(p, "overdue", overdueOnly ? "true" : null);
    put(p, "from", from == null ? null : from.toString());
    put(p, "to", to == null ? null : to.toString());
    put(p, "sort", sort == Sort.NUMBER ? null : sort.name());
    return p;
  }

  /** "/documents?q=..." (or "/documents" without filters). */
  String url(String path) {
    String query = query();
    return query.isEmpty() ? path : path + "?" + query;
  }

  /** The page {@code page} of this search. */
  String pageUrl(int page) {
    String query = query();
    String pageParam = page == 0 ? "" : "page=" + page;
    if (query.isEmpty()) {
      return pageParam.isEmpty() ? "/documents" : "/documents?" + pageParam;
    }
    return "/documents?" + query + (pageParam.isEmpty() ? "" : "&" + pageParam);
  }

  private static void put(Map<String, String> p, String name, String value) {
    if (value != null) {
      p.put(name, value);
    }
  }

  private static String value(Map<String, String> params, String name) {
    String value = params.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String text(Map<String, String> params, String name, String label,
      List<FieldError> errors) {
    String value = value(params, name);
    if (value != null && value.length() > MAX_TEXT) {
      errors.add(new FieldError(name, label + " dài quá " + MAX_TEXT + " ký tự"));
      return null;
    }
    if (value != null && value.chars().anyMatch(c -> Character.isISOControl(c))) {
      errors.add(new FieldError(name, label + " có ký tự điều khiển"));
      return null;
    }
    return value;
  }

  private static <E extends Enum<E>> E choice(Map<String, String> params, String name,
      Class<E> type, String label, List<FieldError> errors) {
    String value = value(params, name);
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      errors.add(new FieldError(name, label + " không có trong danh sách"));
      return null;
    }
  }

  private static LocalDate date(Map<String, String> params, String name, String label,
      List<FieldError> errors) {
    String value = value(params, name);
    if (value == null) {
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(value);
      if (date.getYear() < 1945 || date.getYear() > 9999) {
        errors.add(new FieldError(name, label + " phải trong khoảng năm 1945 đến 9999"));
        return null;
      }
      return date;
    } catch (DateTimeParseException notADate) {
      errors.add(new FieldError(name, label + " phải là ngày dạng năm-tháng-ngày, ví dụ 2026-03-15"));
      return null;
    }
  }
}
