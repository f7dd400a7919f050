package vn.khcn.workflow.research;

import vn.khcn.workflow.research.ResearchTaskProcess.Vars;
import vn.khcn.workflow.shared.process.Variable;

/**
 * The five seats of the budget appraisal team (tổ thẩm định kinh phí, ADR 0030), in the order the
 * team is listed, each with the field of the appointment form that names its holder.
 */
enum AppraisalRole {
  LEADER("Tổ trưởng", Vars.APPRAISAL_LEADER_FIELD),
  DEPUTY("Tổ phó", Vars.APPRAISAL_DEPUTY_FIELD),
  FINANCE("Thành viên đại diện Sở Tài chính", Vars.APPRAISAL_FINANCE_FIELD),
  MEMBER("Thành viên", Vars.APPRAISAL_MEMBER_FIELD),
  SECRETARY("Thư ký", Vars.APPRAISAL_SECRETARY_FIELD);

  private final String label;
  private final Variable<String> field;

  AppraisalRole(String label, Variable<String> field) {
    this.label = label;
    this.field = field;
  }

  String label() { return label; }
  Variable<String> field() { return field; }
}
