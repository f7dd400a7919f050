package vn.khcn.workflow.research;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.khcn.workflow.shared.text.TypedText;
import vn.khcn.workflow.shared.web.ApiError.FieldError;

/**
 * A call for dossiers as phong-qlkh opens it (POST /api/research/calls): title, field, the last
 * day dossiers are taken, and the organisation that proposed the task (name and tax code; its
 * dossier gets the proposer's bonus, ADR 0029), both or neither.
 */
record CallRequest(String title, String field, LocalDate dossierDeadline,
    String proposingOrganisation, String proposingOrganisationCode) {

  /** NFC, trimmed copy; blank strings become null. */
  CallRequest normalised() {
    return new CallRequest(trim(title), trim(field), dossierDeadline, trim(proposingOrganisation),
        trim(proposingOrganisationCode));
  }

  /** Every problem, one per field, in Vietnamese; {@code today} bounds the deadline. */
  List<FieldError> problems(LocalDate today) {
    List<FieldError> problems = new ArrayList<>();
    text(problems, "title", title, DossierRequest.MAX_TITLE, "tên đợt tuyển chọn", true);
    text(problems, "field", field, 200, "lĩnh vực", true);
    if (dossierDeadline == null) {
      problems.add(new FieldError("dossierDeadline", "thiếu hạn nộp hồ sơ"));
    } else if (dossierDeadline.isBefore(today)) {
      problems.add(new FieldError("dossierDeadline", "hạn nộp hồ sơ không được trước hôm nay ("
          + ImplementationRules.formatDate(today) + ")"));
    } else if (dossierDeadline.isAfter(today.plusYears(1))) {
      problems.add(new FieldError("dossierDeadline", "hạn nộp hồ sơ không quá một năm kể từ"
          + " hôm nay"));
    }
    text(problems, "proposingOrganisation", proposingOrganisation, 300,
        "tổ chức đề xuất nhiệm vụ", false);
    text(problems, "proposingOrganisationCode", proposingOrganisationCode, 20,
        "mã số thuế của tổ chức đề xuất", false);
    if (proposingOrganisationCode != null && proposingOrganisationCode.length() <= 20
        && !DossierRequest.ORGANISATION_CODE.matcher(proposingOrganisationCode).matches()) {
      problems.add(new FieldError("proposingOrganisationCode", "mã số thuế gồm 10 chữ số (chi"
          + " nhánh dạng 10-3) hoặc mã quan hệ ngân sách 7 chữ số"));
    }
    if ((proposingOrganisation == null) != (proposingOrganisationCode == null)) {
      problems.add(new FieldError(proposingOrganisation == null ? "proposingOrganisation"
          : "proposingOrganisationCode", "nhập cả tên và mã số thuế của tổ chức đề xuất"
          + " nhiệm vụ, hoặc bỏ trống cả hai"));
    }
    return problems;
  }

  private static void text(List<FieldError> problems, String name, String value, int max,
      String label, boolean required) {
    java.util.Optional<String> problem = TypedText.problem(value);
    if (problem.isPresent()) {
      problems.add(new FieldError(name, label + " " + problem.get()));
    } else if (value == null) {
      if (required) {
        problems.add(new FieldError(name, "thiếu " + label));
      }
    } else if (value.length() > max) {
      problems.add(new FieldError(name, label + " dài quá " + max + " ký tự"));
    }
  }

  private static String trim(String value) {
    String text = TypedText.normalize(value);
    return text == null || text.isEmpty() ? null : text;
  }
}
