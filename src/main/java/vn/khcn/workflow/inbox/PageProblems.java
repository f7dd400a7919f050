package vn.khcn.workflow.inbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess;
import vn.khcn.workflow.research.AssignmentCouncilProcess;
import vn.khcn.workflow.shared.process.InvalidTaskInputException;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.InvalidInputException;

/**
 * A refused inbox action as the director reads it: one line per problem, each naming its field as
 * the page labels it ("Đơn vị phối hợp: …"), never a variable name or the engine's English.
 */
final class PageProblems {

  /** The page's label of each field the inbox forms send. */
  static final Map<String, String> LABELS = labels();
  static final String REFUSED = "Không thực hiện được việc này: có thể việc vừa được người khác"
      + " xử lý hoặc tạm dừng. Hãy tải lại trang hộp việc.";
  private static final Pattern KEYED = Pattern.compile("^([A-Za-z][A-Za-z0-9_]*): (.*)$",
      Pattern.DOTALL);

  private PageProblems() {}

  private static Map<String, String> labels() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(IncomingDirectiveProcess.Vars.DIRECTION.name(), "Ý kiến chỉ đạo");
    labels.put(IncomingDirectiveProcess.Vars.INFO_ONLY.name(), "Chỉ để biết / lưu hồ sơ");
    labels.put(IncomingDirectiveProcess.Vars.LEAD_UNIT.name(), "Đơn vị chủ trì");
    labels.put(IncomingDirectiveProcess.Vars.COORDINATING_UNITS.name(), "Đơn vị phối hợp");
    labels.put(IncomingDirectiveProcess.Vars.INFORMED_UNITS.name(), "Đơn vị để biết");
    labels.put(IncomingDirectiveProcess.Vars.DUE_DATE.name(), "Hạn xử lý");
    labels.put(IncomingDirectiveProcess.Vars.UNIT_DUE_DATES.name(), "Hạn riêng của đơn vị");
    labels.put(IncomingDirectiveProcess.Vars.APPROVED.name(), "Quyết định");
    labels.put(IncomingDirectiveProcess.Vars.COMMENT.name(), "Ý kiến");
    labels.put(AssignmentCouncilProcess.Vars.CHAIR_FIELD.name(), "Chủ tịch hội đồng");
    labels.put(AssignmentCouncilProcess.Vars.VICE_CHAIR_FIELD.name(), "Phó Chủ tịch");
    labels.put(AssignmentCouncilProcess.Vars.SECRETARY_FIELD.name(), "Thư ký khoa học");
    labels.put(AssignmentCouncilProcess.Vars.REVIEWER_1.name(), "Ủy viên phản biện 1");
    labels.put(AssignmentCouncilProcess.Vars.REVIEWER_2.name(), "Ủy viên phản biện 2");
    for (int i = 0; i < AssignmentCouncilProcess.Vars.MEMBER_FIELDS.size(); i++) {
      labels.put(AssignmentCouncilProcess.Vars.MEMBER_FIELDS.get(i).name(), "Ủy viên " + (i + 1));
    }
    labels.put("members", "Ủy viên");
    labels.put(AssignmentCouncilProcess.Vars.REPLACEMENT.name(), "Thành viên thay thế");
    labels.put("taskId", "Việc");
    return Map.copyOf(labels);
  }

  /** The lines the page shows for a refusal. */
  static List<String> of(RuntimeException refused) {
    List<String> lines = new ArrayList<>();
    if (refused instanceof InvalidTaskInputException invalid) {
      invalid.problems().forEach(problem -> lines.add(line(problem)));
    } else if (refused instanceof InvalidInputException invalid) {
      for (FieldError error : invalid.fieldErrors()) {
        lines.add(labelled(error.field(), error.message()));
      }
    } else if (refused instanceof BadUserRequestException) {
      lines.add(REFUSED);
    } else if (refused instanceof org.camunda.bpm.engine.AuthorizationException denied
        && denied.getUserId() == null && denied.getMessage() != null) {
      lines.add(denied.getMessage()); // a rule's own refusal (e.g. the signing rules, ADR 0032)
    }
    return lines.isEmpty() ? List.of(REFUSED) : lines;
  }

  /** "coordinatingUnits: …" becomes "Đơn vị phối hợp: …"; a key the page does not know is left out. */
  static String line(String problem) {
    Matcher keyed = KEYED.matcher(problem);
    return keyed.matches() ? labelled(keyed.group(1), keyed.group(2)) : capitalized(problem);
  }

  private static String labelled(String field, String message) {
    String label = LABELS.get(field);
    return label == null ? capitalized(message) : label + ": " + message;
  }

  private static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
