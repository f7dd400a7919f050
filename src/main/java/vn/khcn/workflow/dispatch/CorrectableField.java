package vn.khcn.workflow.dispatch;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The registration metadata a correction may change (PATCH /api/incoming-documents/{id}, the
 * "Sửa thông tin" page): the JSON/form name, the Vietnamese label a person reads in the trail,
 * and where the value sits in a {@link Registration}. The correction is validated by the
 * registration's own rules ({@link RegistrationRequest#validate}), so a field added to the
 * registration becomes correctable by adding its one line here.
 */
record CorrectableField(String name, String label, Function<Registration, Object> value) {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  static final List<CorrectableField> ALL = List.of(
      new CorrectableField("issuer", "Cơ quan ban hành", Registration::issuer),
      new CorrectableField("documentNumber", "Số, ký hiệu", Registration::documentNumber),
      new CorrectableField("issuedOn", "Ngày ban hành", Registration::issuedOn),
      new CorrectableField("documentType", "Loại văn bản", Registration::documentType),
      new CorrectableField("summary", "Trích yếu", Registration::summary),
      new CorrectableField("signerPosition", "Chức vụ người ký", Registration::signerPosition),
      new CorrectableField("signerName", "Họ tên người ký", Registration::signerName),
      new CorrectableField("pageCount", "Số trang", Registration::pageCount),
      new CorrectableField("urgency", "Độ khẩn", Registration::urgency),
      new CorrectableField("classification", "Độ mật", Registration::classification),
      new CorrectableField("receivedOn", "Ngày đến", Registration::receivedOn),
      new CorrectableField("recipients", "Nơi nhận", Registration::recipients),
      new CorrectableField("notes", "Ghi chú", Registration::notes),
      new CorrectableField("language", "Ngôn ngữ", Registration::language),
      new CorrectableField("documentDueDate", "Hạn giải quyết", Registration::documentDueDate));

  static Optional<CorrectableField> named(String name) {
    return ALL.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** The value as the registration request spells it (ISO date, enum name), null if empty. */
  String input(Registration registration) {
    Object v = value.apply(registration);
    if (v instanceof Enum<?> e) {
      return e.name();
    }
    return v == null ? null : v.toString();
  }

  /** The value as a person reads it in the trail: dd/MM/yyyy, the Vietnamese label of a choice. */
  String display(Registration registration) {
    Object v = value.apply(registration);
    if (v instanceof LocalDate day) {
      return DAY.format(day);
    }
    if (v instanceof Urgency urgency) {
      return urgency.label();
    }
    if (v instanceof Classification classification) {
      return classification.label();
    }
    return v == null ? null : v.toString();
  }

  boolean changed(Registration before, Registration after) {
    return !java.util.Objects.equals(value.apply(before), value.apply(after));
  }

  /** The Vietnamese label of a field name, or the name itself. */
  static String labelOf(String name) {
    return named(name).map(CorrectableField::label).orElse(name);
  }
}
