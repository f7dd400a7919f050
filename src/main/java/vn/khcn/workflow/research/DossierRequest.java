package vn.khcn.workflow.research;

import java.util.ArrayList;
import java.util.List;
import vn.khcn.workflow.shared.text.TypedText;
import vn.khcn.workflow.shared.web.ApiError.FieldError;

/**
 * A new research task's dossier as submitted (JSON part "dossier" of POST /api/research-tasks):
 * title, field, host organisation and its identity (tax code, or budget-relationship code of a
 * public body: restrictions match on it, never on the name), principal investigator (a chu-nhiem
 * user id), duration in months and requested budget in dong; {@code callId} when the dossier
 * answers a call for competitive selection (ADR 0029), null for direct assignment.
 */
record DossierRequest(String title, String field, String hostOrganisation,
    String hostOrganisationCode, String investigator, Integer durationMonths,
    Long requestedBudget, Long callId) {

  /** A dossier for direct assignment. */
  DossierRequest(String title, String field, String hostOrganisation,
      String hostOrganisationCode, String investigator, Integer durationMonths,
      Long requestedBudget) {
    this(title, field, hostOrganisation, hostOrganisationCode, investigator, durationMonths,
        requestedBudget, null);
  }

  /** Tax code (10 digits, a branch 10-3) or budget-relationship code (7 digits). */
  static final java.util.regex.Pattern ORGANISATION_CODE =
      java.util.regex.Pattern.compile("\\d{7}|\\d{10}(-\\d{3})?");

  static final int MAX_TITLE = 500;
  static final int MAX_DURATION_MONTHS = 60;

  /** NFC, trimmed copy; blank strings become null. */
  DossierRequest normalised() {
    return new DossierRequest(trim(title), trim(field), trim(hostOrganisation),
        trim(hostOrganisationCode), trim(investigator), durationMonths, requestedBudget, callId);
  }

  /** Every problem of the request, one per field, in Vietnamese. */
  List<FieldError> problems() {
    List<FieldError> problems = new ArrayList<>();
    required(problems, "title", title, MAX_TITLE, "tên nhiệm vụ");
    required(problems, "field", field, 200, "lĩnh vực");
    required(problems, "hostOrganisation", hostOrganisation, 300, "cơ quan chủ trì");
    required(problems, "hostOrganisationCode", hostOrganisationCode, 20,
        "mã số thuế của cơ quan chủ trì");
    if (hostOrganisationCode != null && hostOrganisationCode.length() <= 20
        && !ORGANISATION_CODE.matcher(hostOrganisationCode).matches()) {
      problems.add(new FieldError("hostOrganisationCode", "mã số thuế gồm 10 chữ số (chi nhánh"
          + " dạng 10-3) hoặc mã quan hệ ngân sách 7 chữ số"));
    }
    required(problems, "investigator", investigator, 64, "chủ nhiệm (tài khoản)");
    if (durationMonths == null) {
      problems.add(new FieldError("durationMonths", "thiếu thời gian thực hiện (tháng)"));
    } else if (durationMonths < 1 || durationMonths > MAX_DURATION_MONTHS) {
      problems.add(new FieldError("durationMonths",
          "thời gian thực hiện phải từ 1 đến " + MAX_DURATION_MONTHS + " tháng"));
    }
    if (requestedBudget == null) {
      problems.add(new FieldError("requestedBudget", "thiếu kinh phí đề nghị (đồng)"));
    } else if (requestedBudget < 1 || requestedBudget > 1_000_000_000_000L) {
      problems.add(new FieldError("requestedBudget",
          "kinh phí đề nghị phải lớn hơn 0 và không quá 1.000 tỷ đồng"));
    }
    return problems;
  }

  private static void required(List<FieldError> problems, String name, String value, int max,
      String label) {
    java.util.Optional<String> problem = TypedText.problem(value);
    if (problem.isPresent()) {
      problems.add(new FieldError(name, label + " " + problem.get()));
    } else if (value == null) {
      problems.add(new FieldError(name, "thiếu " + label));
    } else if (value.length() > max) {
      problems.add(new FieldError(name, label + " dài quá " + max + " ký tự"));
    }
  }

  private static String trim(String value) {
    String text = TypedText.normalize(value);
    return text == null || text.isEmpty() ? null : text;
  }
}
