package vn.khcn.workflow.dispatch;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import vn.khcn.workflow.shared.text.TypedText;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.InvalidInputException;

/**
 * The body of POST /api/incoming-documents. Fields arrive as text so that every bad field is
 * reported at once, in Vietnamese, instead of the first one Jackson trips over. {@code signer} is
 * the one-field signer of earlier clients, taken as the signer's name when neither
 * {@code signerPosition} nor {@code signerName} is given.
 */
public record RegistrationRequest(
    String issuer,
    String documentNumber,
    String issuedOn,
    String documentType,
    String summary,
    String signerPosition,
    String signerName,
    String pageCount,
    String urgency,
    String classification,
    String receivedOn,
    String language,
    String documentDueDate,
    String recipients,
    String notes,
    Boolean registerDuplicate,
    String signer,
    String replaces,
    List<DocumentItems.ItemInput> items) {

  /** A registration without the document's numbered items. */
  public RegistrationRequest(String issuer, String documentNumber, String issuedOn, String documentType,
      String summary, String signerPosition, String signerName, String pageCount, String urgency,
      String classification, String receivedOn, String language, String documentDueDate,
      String recipients, String notes, Boolean registerDuplicate, String signer,
      String replaces) {
    this(issuer, documentNumber, issuedOn, documentType, summary, signerPosition, signerName,
        pageCount, urgency, classification, receivedOn, language, documentDueDate, recipients,
        notes, registerDuplicate, signer, replaces, null);
  }

  /** A registration that replaces no earlier document. */
  RegistrationRequest(String issuer, String documentNumber, String issuedOn, String documentType,
      String summary, String signerPosition, String signerName, String pageCount, String urgency,
      String classification, String receivedOn, String language, String documentDueDate,
      String recipients, String notes, Boolean registerDuplicate, String signer) {
    this(issuer, documentNumber, issuedOn, documentType, summary, signerPosition, signerName,
        pageCount, urgency, classification, receivedOn, language, documentDueDate, recipients,
        notes, registerDuplicate, signer, null, null);
  }

  /** No document of the state's registers predates the Democratic Republic (2/9/1945). */
  static final LocalDate EARLIEST = LocalDate.of(1945, 9, 2);


  static final int MAX_SUMMARY = 500;

  /** The validated registration, or every problem found. */
  Registration validate(LocalDate today) {
    List<FieldError> errors = new ArrayList<>();
    String issuer = text("issuer", this.issuer, 300, true, "cơ quan ban hành", errors);
    String number = text("documentNumber", documentNumber, 100, true, "số, ký hiệu", errors);
    LocalDate issued = date("issuedOn", issuedOn, true, errors);
    String type = text("documentType", documentType, 100, true, "loại văn bản", errors);
    String summary = text("summary", this.summary, MAX_SUMMARY, true, "trích yếu", errors);
    String position = text("signerPosition", signerPosition, 200, false, "chức vụ người ký",
        errors);
    String name = text("signerName", signerName, 200, false, "họ tên người ký", errors);
    String legacySigner = text("signer", signer, 200, false, "người ký", errors);
    if (legacySigner != null) {
      if (signerPosition != null && !signerPosition.isBlank()
          || signerName != null && !signerName.isBlank()) {
        errors.add(new FieldError("signer", "người ký: dùng signerPosition và signerName,"
            + " không gửi kèm signer"));
      } else {
        name = legacySigner;
      }
    }
    String language = text("language", this.language, 100, false, "ngôn ngữ", errors);
    LocalDate due = date("documentDueDate", documentDueDate, false, errors);
    Integer pages = pages(errors);
    Urgency urgency = choice("urgency", this.urgency, Urgency.class, null, errors);
    Classification classification = choice("classification", this.classification,
        Classification.class, Classification.NONE, errors);
    LocalDate received = date("receivedOn", receivedOn, false, errors);
    if (received == null && (receivedOn == null || receivedOn.isBlank())) {
      received = today;
    }
    String recipients = text("recipients", this.recipients, 1000, false, "nơi nhận", errors);
    String notes = text("notes", this.notes, 2000, false, "ghi chú", errors);
    if (issued != null && issued.isAfter(today)) {
      errors.add(new FieldError("issuedOn", "ngày ban hành không thể sau hôm nay"));
    }
    if (issued != null && issued.isBefore(EARLIEST)) {
      errors.add(new FieldError("issuedOn", "ngày ban hành không thể trước 02/09/1945"));
    }
    if (received != null && received.isBefore(EARLIEST)) {
      errors.add(new FieldError("receivedOn", "ngày đến không thể trước 02/09/1945"));
    }
    if (received != null && received.isAfter(today)) {
      errors.add(new FieldError("receivedOn", "ngày đến không thể sau hôm nay"));
    }
    if (due != null && issued != null && due.isBefore(issued)) {
      errors.add(new FieldError("documentDueDate", "hạn giải quyết không thể trước ngày ban hành"));
    }
    if (issued != null && received != null && issued.isAfter(received)) {
      errors.add(new FieldError("issuedOn", "ngày ban hành không thể sau ngày đến"));
    }
    replacesId(errors);
    DocumentItems.validate(items, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new Registration(issuer, number, issued, type, summary, position, name, pages, urgency,
        classification, received, recipients, notes, language, due);
  }

  /** The document's numbered items, checked (issue 17); none when not given. */
  List<DocumentItems.ItemText> validItems() {
    List<FieldError> errors = new ArrayList<>();
    List<DocumentItems.ItemText> valid = DocumentItems.validate(items, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return valid;
  }

  /** The id of the earlier document this registration replaces (issue 14), null if none. */
  Long replacesId() {
    List<FieldError> errors = new ArrayList<>();
    Long id = replacesId(errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return id;
  }

  private Long replacesId(List<FieldError> errors) {
    if (replaces == null || replaces.isBlank()) {
      return null;
    }
    try {
      long id = Long.parseLong(replaces.strip());
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    errors.add(new FieldError("replaces", "mã văn bản được thay thế không hợp lệ: '" + replaces
        + "'"));
    return null;
  }

  private Integer pages(List<FieldError> errors) {
    if (pageCount == null || pageCount.isBlank()) {
      return null;
    }
    try {
      int pages = Integer.parseInt(pageCount.strip());
      if (pages < 1 || pages > 100_000) {
        errors.add(new FieldError("pageCount", "số trang phải từ 1 đến 100000"));
        return null;
      }
      return pages;
    } catch (NumberFormatException e) {
      errors.add(new FieldError("pageCount", "số trang phải là số nguyên"));
      return null;
    }
  }

  static String text(String field, String value, int max, boolean required, String label,
      List<FieldError> errors) {
    String text = TypedText.normalize(value);
    java.util.Optional<String> problem = TypedText.problem(text);
    if (problem.isPresent()) {
      errors.add(new FieldError(field, label + " " + problem.get()));
      return null;
    }
    if (text == null || text.isEmpty()) {
      if (required) {
        errors.add(new FieldError(field, "chưa nhập " + label));
      }
      return null;
    }
    if (text.length() > max) {
      errors.add(new FieldError(field, label + " dài quá " + max + " ký tự (" + text.length()
          + ")"));
      return null;
    }
    return text;
  }

  private static LocalDate date(String field, String value, boolean required,
      List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      if (required) {
        errors.add(new FieldError(field, "chưa nhập ngày (dạng yyyy-MM-dd)"));
      }
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "ngày không hợp lệ: '" + value + "' (dạng yyyy-MM-dd)"));
      return null;
    }
  }

  private static <E extends Enum<E>> E choice(String field, String value, Class<E> type,
      E fallback, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      if (fallback == null) {
        errors.add(new FieldError(field, "chưa chọn; một trong " + List.of(type.getEnumConstants())));
      }
      return fallback;
    }
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(field, "giá trị '" + value + "' không hợp lệ; một trong "
          + List.of(type.getEnumConstants())));
      return null;
    }
  }
}
