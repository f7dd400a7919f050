package vn.khcn.workflow.research;

/**
 * Every number a circular sets for research tasks, as named in a rules regime file
 * ({@code processes/research-rules/*.json}, key {@code values}). A regime must give each one.
 */
enum RuleKey {
  ASSIGNMENT_COUNCIL_MIN_MEMBERS("assignmentCouncilMinMembers", "Số thành viên tối thiểu của hội đồng giao trực tiếp", 3, 21),
  ASSIGNMENT_COUNCIL_MAX_MEMBERS("assignmentCouncilMaxMembers", "Số thành viên tối đa của hội đồng giao trực tiếp", 3, 21),
  ACCEPTANCE_COUNCIL_MIN_MEMBERS("acceptanceCouncilMinMembers", "Số thành viên tối thiểu của hội đồng nghiệm thu", 3, 21),
  ACCEPTANCE_COUNCIL_MAX_MEMBERS("acceptanceCouncilMaxMembers", "Số thành viên tối đa của hội đồng nghiệm thu", 3, 21),
  QUORUM_SHARE("quorumShare", "Tỷ lệ thành viên có mặt tối thiểu để họp"),
  BALLOT_DEVIATION("ballotDeviation", "Độ lệch tối đa của phiếu so với điểm trung bình"),
  PASS_MARK("passMark", "Điểm trung bình tối thiểu để giao (thang 100)", 1, 100),
  ZERO_SHARE_LIMIT("zeroShareLimit", "Tỷ lệ tối đa thành viên có mặt cho điểm 0 một tiêu chí"),
  EXCELLENT_SHARE("excellentShare", "Tỷ lệ phiếu Xuất sắc tối thiểu để xếp loại Xuất sắc"),
  FAIL_SHARE("failShare", "Tỷ lệ phiếu Không đạt vượt quá thì xếp loại Không đạt"),
  REVISION_DAYS("revisionDays", "Số ngày hoàn thiện thuyết minh sau họp hội đồng", 1, 120),
  REVISION_REMINDER_DAYS("revisionReminderDays", "Nhắc trước hạn hoàn thiện thuyết minh (ngày)", 0, 30),
  BALLOT_WORKING_DAYS("ballotWorkingDays", "Hạn cam kết và chấm điểm (ngày làm việc)", 1, 60),
  EXTENSION_COUNT("extensionCount", "Số lần được gia hạn", 0, 5),
  EXTENSION_LONG_TASK_MONTHS("extensionLongTaskMonths", "Nhiệm vụ dài hơn số tháng này được gia hạn dài hơn", 1, 120),
  EXTENSION_MAX_MONTHS_LONG("extensionMaxMonthsLong", "Gia hạn tối đa với nhiệm vụ dài (tháng)", 0, 60),
  EXTENSION_MAX_MONTHS_SHORT("extensionMaxMonthsShort", "Gia hạn tối đa với nhiệm vụ khác (tháng)", 0, 60),
  EXTENSION_NOTICE_MONTHS("extensionNoticeMonths", "Đề nghị gia hạn trước khi kết thúc ít nhất (tháng)", 0, 12),
  REPORT_PERIOD_MONTHS("reportPeriodMonths", "Chu kỳ báo cáo định kỳ (tháng)", 1, 24),
  REPORT_DUE_WORKING_DAYS("reportDueWorkingDays", "Hạn nộp báo cáo định kỳ sau mốc báo cáo (ngày làm việc)", 1, 60),
  REPORT_REMINDER_WORKING_DAYS("reportReminderWorkingDays", "Nhắc trước hạn báo cáo định kỳ (ngày làm việc)", 0, 30),
  MIDTERM_REPORT_WORKING_DAYS("midtermReportWorkingDays", "Hạn nộp báo cáo giữa kỳ (ngày làm việc)", 1, 60),
  ACCEPTANCE_COUNCIL_WORKING_DAYS("acceptanceCouncilWorkingDays", "Hạn thành lập hội đồng nghiệm thu (ngày làm việc)", 1, 120),
  FINAL_DOSSIER_GRACE_DAYS("finalDossierGraceDays", "Hạn nộp hồ sơ nghiệm thu sau khi kết thúc hợp đồng (ngày)", 0, 365),
  LATE_DOSSIER_FAIL_MONTHS("lateDossierFailMonths", "Nộp hồ sơ nghiệm thu chậm quá số tháng này thì không đạt", 1, 60),
  FIX_WORKING_DAYS("fixWorkingDays", "Hạn hoàn thiện hồ sơ sau nghiệm thu (ngày làm việc)", 1, 120),
  RESTRICTION_MONTHS("restrictionMonths", "Thời hạn hạn chế tham gia sau khi không đạt (tháng)", 1, 120);

  private final String json;
  private final String label;
  private final boolean fraction;
  private final int min;
  private final int max;

  RuleKey(String json, String label, int min, int max) {
    this.json = json;
    this.label = label;
    this.fraction = false;
    this.min = min;
    this.max = max;
  }

  /** A share between 0 and 1, written "a/b" in the file. */
  RuleKey(String json, String label) {
    this.json = json;
    this.label = label;
    this.fraction = true;
    this.min = 0;
    this.max = 1;
  }

  String json() { return json; }
  String label() { return label; }
  boolean fraction() { return fraction; }
  int min() { return min; }
  int max() { return max; }
}
