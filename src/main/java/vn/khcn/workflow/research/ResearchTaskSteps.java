package vn.khcn.workflow.research;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.calendar.WorkingCalendar;
import vn.khcn.workflow.identity.Actor;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.shared.process.InvalidTaskInputException;

/**
 * The steps of research-task: dossier check, budget, contract, progress reports, extension, final
 * dossier, registration, liquidation and closing. Invalid input is an
 * {@link InvalidTaskInputException} (the task stays open, nothing is stored). No engine calls:
 * the adapters write what these methods return.
 */
@Service
@Transactional
class ResearchTaskSteps {

  private final ResearchRecords records;
  private final ResearchReportRepository reports;
  private final ExtensionRequestRepository extensions;
  private final ResearchDocumentRepository documents;
  private final RestrictionRepository restrictions;
  private final WorkingCalendar calendar;
  private final BudgetAppraisalTeam team;

  ResearchTaskSteps(ResearchRecords records, ResearchReportRepository reports,
      ExtensionRequestRepository extensions, ResearchDocumentRepository documents,
      RestrictionRepository restrictions, WorkingCalendar calendar, BudgetAppraisalTeam team) {
    this.team = team;
    this.restrictions = restrictions;
    this.records = records;
    this.reports = reports;
    this.extensions = extensions;
    this.documents = documents;
    this.calendar = calendar;
  }

  /** Characters of a contract's, registration's or liquidation's number (their columns). */
  static final int MAX_NUMBER = 50;
  static final String NUMBER_TOO_LONG = "số dài quá " + MAX_NUMBER + " ký tự";

  private static boolean fitsNumber(String number) {
    return number == null || number.length() <= MAX_NUMBER;
  }

  // ------------------------------------------------------------------ dossier

  /** Validity check. Returns the resubmission deadline, or null when the dossier is valid. */
  public Instant checkDossier(long id, Boolean valid, String missingItems, Integer resubmitDays,
      Actor actor, String taskId) {
    Problems problems = new Problems();
    problems.require(valid != null, "valid", "chọn kết quả kiểm tra hồ sơ");
    if (Boolean.FALSE.equals(valid)) {
      problems.require(missingItems != null, "missingItems", "nêu các nội dung cần bổ sung");
      problems.require(resubmitDays == null || (resubmitDays >= 1 && resubmitDays <= 30),
          "resubmitDays", "thời hạn bổ sung từ 1 đến 30 ngày làm việc");
    }
    problems.throwIfAny();
    ResearchTask task = records.task(id);
    if (valid) {
      task.dossierAccepted();
      records.log(task, actor, "DOSSIER_VALID", "Hồ sơ hợp lệ", taskId);
      records.notify(List.of(Groups.LANH_DAO), task, "Chờ thành lập hội đồng",
          "Hồ sơ nhiệm vụ đã hợp lệ; đề nghị lãnh đạo Sở thành lập hội đồng giao trực tiếp.");
      return null;
    }
    Instant due = calendar.endOfWorkingDay(records.now(),
        resubmitDays == null ? 10 : resubmitDays);
    task.requestMissingItems(missingItems, due);
    records.log(task, actor, "DOSSIER_INCOMPLETE", "Yêu cầu bổ sung: " + missingItems + " (hạn "
        + records.date(due) + ")", taskId);
    return due;
  }

  public void resubmitDossier(long id, String note, Actor actor, String taskId) {
    new Problems().require(note != null, "note", "nêu nội dung đã bổ sung").throwIfAny();
    records.log(records.task(id), actor, "DOSSIER_RESUBMITTED", note, taskId);
  }

  public void closeNotAssigned(long id) {
    ResearchTask task = records.task(id);
    task.close(ResearchStatus.NOT_ASSIGNED, task.getVerdictReasons(), records.now());
    records.log(task, Actor.SYSTEM, "CLOSED_NOT_ASSIGNED", "Không giao nhiệm vụ. "
        + task.getVerdictReasons(), null);
    records.flushInStep();
  }

  // ------------------------------------------------------------------ budget and contract

  /** The budget appraisal team of five, appointed by phong-khtc or phong-qlkh (ADR 0030). */
  public BudgetAppraisalTeam.Appointed appointAppraisalTeam(long id,
      java.util.Map<AppraisalRole, String> chosen, Actor actor, String taskId) {
    return team.appoint(records.task(id), chosen, actor, taskId);
  }

  /** One member's opinion and figure; the member is the task's assignee. */
  public void giveAppraisalOpinion(long id, String member, Long proposed, String opinion,
      Actor actor, String taskId) {
    team.answer(records.task(id), member, proposed, opinion, actor, taskId);
  }

  /**
   * The team's conclusion by its leader (the task's assignee); returns the due date of the
   * director's decision (3 working days).
   */
  public Instant appraiseBudget(long id, String leader, Long approvedBudget, String note,
      Actor actor, String taskId) {
    ResearchTask task = records.task(id);
    team.requireLeader(task, leader, actor);
    Problems problems = new Problems();
    problems.require(approvedBudget != null && approvedBudget > 0, "approvedBudget",
        "nhập kinh phí thẩm định lớn hơn 0");
    problems.require(approvedBudget == null || approvedBudget <= task.getRequestedBudget(),
        "approvedBudget", "kinh phí thẩm định không được vượt kinh phí đề nghị ("
            + ResearchRecords.money(task.getRequestedBudget()) + ")");
    problems.require(note != null, "appraisalNote", "nêu ý kiến thẩm định, lý do điều chỉnh");
    problems.throwIfAny();
    task.budgetAppraised(approvedBudget, note);
    records.log(task, actor, "BUDGET_APPRAISED", "Kinh phí thẩm định "
        + ResearchRecords.money(approvedBudget) + " (đề nghị "
        + ResearchRecords.money(task.getRequestedBudget()) + "): " + note, taskId);
    records.notify(List.of(Groups.LANH_DAO), task, "Chờ phê duyệt kinh phí",
        "Kinh phí thẩm định " + ResearchRecords.money(approvedBudget) + ".");
    return calendar.endOfWorkingDay(records.now(), 3);
  }

  public boolean decideBudget(long id, Boolean approved, String comment, Actor actor,
      String taskId) {
    Problems.requireDecision(approved, comment, "approved");
    ResearchTask task = records.task(id);
    if (approved) {
      bindRulesAtApproval(task, actor, taskId);
    }
    records.log(task, actor, approved ? "BUDGET_APPROVED" : "BUDGET_RETURNED",
        (approved ? "Phê duyệt kinh phí " + ResearchRecords.money(task.getApprovedBudget())
            : "Trả lại thẩm định") + (comment == null ? "" : ": " + comment), taskId);
    return approved;
  }

  /**
   * The director's approval binds the task to the rules regime in force that day; it keeps it to
   * the end (Law 93/2025/QH15: tasks approved before the new rules keep the old ones; ADR 0022).
   */
  private void bindRulesAtApproval(ResearchTask task, Actor actor, String taskId) {
    RuleRegime inForce = records.rulesInForce();
    String before = task.getRulesRegime();
    task.bindRules(inForce.code(), records.now());
    records.log(task, actor, "RULES_BOUND", "Áp dụng bộ quy định " + inForce.code()
        + (before != null && !before.equals(inForce.code())
            ? " (thay " + before + " áp dụng khi nộp hồ sơ)" : "")
        + ": " + inForce.reference(), taskId);
  }

  /** Contract dates as the model needs them. */
  public record ContractSchedule(Instant end, Instant midterm, String progressCycle) {}

  public ContractSchedule recordContract(long id, String number, LocalDate date, Long amount,
      LocalDate start, LocalDate end, Actor actor, String taskId) {
    ResearchTask task = records.task(id);
    Problems problems = new Problems();
    problems.require(number != null, "contractNumber", "nhập số hợp đồng");
    problems.require(fitsNumber(number), "contractNumber", NUMBER_TOO_LONG);
    problems.require(date != null, "contractDate", "nhập ngày ký");
    problems.require(amount != null && amount > 0, "contractAmount", "nhập giá trị hợp đồng");
    problems.require(amount == null || task.getApprovedBudget() == null
        || amount <= task.getApprovedBudget(), "contractAmount",
        "giá trị hợp đồng không được vượt kinh phí đã phê duyệt ("
            + ResearchRecords.money(task.getApprovedBudget()) + ")");
    problems.require(start != null, "contractStart", "nhập ngày bắt đầu");
    problems.require(end != null, "contractEnd", "nhập ngày kết thúc");
    problems.require(start == null || end == null || end.isAfter(start), "contractEnd",
        "ngày kết thúc phải sau ngày bắt đầu");
    problems.require(date == null || start == null || !date.isAfter(start), "contractDate",
        "ngày ký không được sau ngày bắt đầu");
    problems.throwIfAny();
    task.contractSigned(number, date, amount, start, end);
    records.log(task, actor, "CONTRACT_SIGNED", "Hợp đồng số " + number + " ngày "
        + ImplementationRules.formatDate(date) + ", " + ResearchRecords.money(amount) + ", từ "
        + ImplementationRules.formatDate(start) + " đến " + ImplementationRules.formatDate(end),
        taskId);
    return new ContractSchedule(records.endOf(end),
        ImplementationRules.midpoint(start, end).atTime(8, 0).atZone(records.zone()).toInstant(),
        ImplementationRules.progressCycle(records.rules(task), start, end, records.today(),
            records.zone()));
  }

  // ------------------------------------------------------------------ implementation

  public void submitProgressReport(long id, String content, Actor actor, String taskId) {
    new Problems().require(content != null, "report", "nhập nội dung báo cáo").throwIfAny();
    ResearchTask task = records.task(id);
    reports.save(new ResearchReport(id, ReportKind.PROGRESS, content, actor.userId(),
        records.now()));
    records.log(task, actor, "PROGRESS_REPORTED", ReportKind.PROGRESS.label(), taskId);
  }

  public boolean reviewProgressReport(long id, Boolean accepted, String comment, Actor actor,
      String taskId) {
    Problems.requireDecision(accepted, comment, "accepted");
    ResearchReport report = reports.findByResearchTaskIdOrderByIdAsc(id).stream()
        .filter(r -> r.getKind() == ReportKind.PROGRESS && r.getReviewResult() == null)
        .reduce((a, b) -> b).orElseThrow(() -> new IllegalStateException(
            "No progress report waits for review on research task " + id));
    report.reviewed(accepted, comment, actor.userId(), records.now());
    records.log(records.task(id), actor, accepted ? "PROGRESS_ACCEPTED" : "PROGRESS_RETURNED",
        (accepted ? "Chấp nhận báo cáo tiến độ" : "Yêu cầu bổ sung báo cáo tiến độ")
            + (comment == null ? "" : ": " + comment), taskId);
    return accepted;
  }

  /**
   * A director's decision on the extension request; returns the new contract end (17:00 that
   * day) when granted, else null. The adapter moves the due dates of the open tasks.
   */
  public Instant decideExtension(long id, long requestId, Boolean approved, String comment,
      Actor actor, String taskId) {
    Problems.requireDecision(approved, comment, "approved");
    ResearchTask task = records.task(id);
    ExtensionRequest request = extensions.findByResearchTaskIdOrderByIdAsc(id).stream()
        .filter(r -> r.getId() == requestId).findFirst().orElseThrow(() ->
            new IllegalStateException("Extension request " + requestId + " is not one of "
                + "research task " + id));
    request.decide(approved, comment, actor.userId(), records.now());
    if (!approved) {
      records.log(task, actor, "EXTENSION_REFUSED", "Không đồng ý gia hạn"
          + (comment == null ? "" : ": " + comment), taskId);
      return null;
    }
    LocalDate newEnd = ImplementationRules.extendedEnd(task.getContractEnd(), request.getMonths());
    task.extensionUsed(request.getMonths());
    task.extendTo(newEnd);
    records.log(task, actor, "EXTENSION_GRANTED", "Gia hạn " + request.getMonths()
        + " tháng, đến " + ImplementationRules.formatDate(newEnd)
        + (comment == null ? "" : ": " + comment), taskId);
    return records.endOf(newEnd);
  }

  /** The final dossier; returns whole months late. */
  public int submitFinalDossier(long id, String note, Actor actor, String taskId) {
    ResearchTask task = records.task(id);
    Problems problems = new Problems();
    problems.require(note != null, "note", "nhập tóm tắt hồ sơ nghiệm thu");
    problems.require(documents.countSince(id, DocumentKind.FINAL_DOSSIER, Instant.EPOCH) > 0,
        "documents", "chưa tải lên hồ sơ nghiệm thu (loại FINAL_DOSSIER)");
    problems.throwIfAny();
    int late = ImplementationRules.monthsLate(task.getContractEnd(), records.today());
    task.finalDossierSubmitted(records.now(), late);
    records.log(task, actor, "FINAL_DOSSIER_SUBMITTED",
        note + (late > 0 ? " (trễ " + late + " tháng)" : ""), taskId);
    records.notify(List.of(Groups.LANH_DAO), task, "Chờ thành lập hội đồng nghiệm thu",
        "Hồ sơ nghiệm thu đã đủ; hội đồng phải được thành lập trong "
            + records.rules(task).integer(RuleKey.ACCEPTANCE_COUNCIL_WORKING_DAYS)
            + " ngày làm việc.");
    return late;
  }

  public void closeTerminated(long id) {
    ResearchTask task = records.task(id);
    if (task.getStatus() != ResearchStatus.TERMINATED) {
      task.terminate(task.getRecoveryAmount(), "Chấm dứt", records.now());
    }
    records.log(task, Actor.SYSTEM, "CLOSED_TERMINATED", task.getClosingReason(), null);
    records.flushInStep();
  }

  /**
   * No final dossier by the regime's fail threshold after the contract end (TT 11/2014; ADR 0022):
   * the task fails as an acceptance would (Không đạt), the host organisation and the investigator
   * are restricted for the regime's period, and phong-khtc works out the refund.
   */
  public void failMissingDossier(long id) {
    ResearchTask task = records.task(id);
    RuleRegime rules = records.rules(task);
    int months = rules.integer(RuleKey.LATE_DOSSIER_FAIL_MONTHS);
    task.graded(Grade.KHONG_DAT);
    String reason = "Nhiệm vụ " + task.getCode() + " không nộp hồ sơ nghiệm thu quá " + months
        + " tháng sau ngày kết thúc hợp đồng";
    LocalDate until = records.today().plusMonths(rules.integer(RuleKey.RESTRICTION_MONTHS));
    for (Restriction r : Restriction.forFailure(task, reason, until, records.now())) {
      restrictions.save(r);
    }
    records.log(task, Actor.SYSTEM, "FINAL_DOSSIER_MISSING", reason + ". Không đạt; hạn chế "
        + task.getHostOrganisation() + " và chủ nhiệm " + task.getInvestigatorName()
        + " tham gia các đợt sau đến hết ngày " + ImplementationRules.formatDate(until), null);
    records.notify(List.of(Groups.PHONG_KHTC, Groups.LANH_DAO), task,
        "Không nộp hồ sơ nghiệm thu", reason + ". Đề nghị xác định kinh phí phải hoàn trả.");
    records.flushInStep();
  }

  public void archiveFailed(long id) {
    ResearchTask task = records.task(id);
    task.close(ResearchStatus.ARCHIVED_FAILED, task.getFinalDossierAt() == null
        ? "Không đạt: không nộp hồ sơ nghiệm thu"
        : "Nghiệm thu không đạt; hoàn trả " + ResearchRecords.money(task.getRefundAmount()),
        records.now());
    records.log(task, Actor.SYSTEM, "ARCHIVED_FAILED", task.getClosingReason(), null);
    records.flushInStep();
  }

  public void registerResult(long id, String number, LocalDate date, Actor actor, String taskId) {
    Problems problems = new Problems();
    problems.require(number != null, "registrationNumber", "nhập số giấy chứng nhận đăng ký");
    problems.require(fitsNumber(number), "registrationNumber", NUMBER_TOO_LONG);
    problems.require(date != null, "registrationDate", "nhập ngày đăng ký");
    problems.require(date == null || !date.isAfter(records.today()), "registrationDate",
        "ngày đăng ký không được sau hôm nay");
    problems.throwIfAny();
    ResearchTask task = records.task(id);
    task.resultRegistered(number, date);
    records.log(task, actor, "RESULT_REGISTERED", "Đăng ký kết quả số " + number + " ngày "
        + ImplementationRules.formatDate(date), taskId);
  }

  public void liquidate(long id, String number, LocalDate date, Long settled, Actor actor,
      String taskId) {
    ResearchTask task = records.task(id);
    Problems problems = new Problems();
    problems.require(number != null, "liquidationNumber", "nhập số biên bản thanh lý");
    problems.require(fitsNumber(number), "liquidationNumber", NUMBER_TOO_LONG);
    problems.require(date != null, "liquidationDate", "nhập ngày thanh lý");
    problems.require(settled != null && settled >= 0, "settledAmount", "nhập kinh phí quyết toán");
    problems.require(settled == null || task.getContractAmount() == null
        || settled <= task.getContractAmount(), "settledAmount",
        "kinh phí quyết toán không vượt giá trị hợp đồng ("
            + ResearchRecords.money(task.getContractAmount()) + ")");
    problems.throwIfAny();
    task.contractLiquidated(number, date, settled);
    records.log(task, actor, "CONTRACT_LIQUIDATED", "Thanh lý hợp đồng, biên bản số " + number
        + ", quyết toán " + ResearchRecords.money(settled), taskId);
  }

  public void archive(long id) {
    ResearchTask task = records.task(id);
    task.close(ResearchStatus.ARCHIVED, "Nghiệm thu " + (task.getGrade() == null ? ""
        : task.getGrade().label()) + ", đã đăng ký kết quả và thanh lý hợp đồng", records.now());
    records.log(task, Actor.SYSTEM, "ARCHIVED", task.getClosingReason(), null);
    records.flushInStep();
  }

  /** Who the model routes the investigator's tasks to: the dossier's investigator. */
  public String investigator(long id) {
    return records.task(id).getInvestigator();
  }

  // ------------------------------------------------------------------ reminders

  public void remind(long id, String stage) {
    ResearchTask task = records.task(id);
    records.log(task, Actor.SYSTEM, "REMINDED", stageText(stage) + ": sắp đến hạn", null);
    records.notify(List.of(Groups.PHONG_QLKH), task, "Nhắc hạn: " + stageText(stage),
        "Sắp đến hạn " + stageText(stage).toLowerCase() + "; đề nghị đôn đốc chủ nhiệm.");
    records.flushInStep();
  }

  public void escalate(long id, String stage) {
    ResearchTask task = records.task(id);
    List<String> to = "ACCEPTANCE_COUNCIL".equals(stage) ? List.of(Groups.LANH_DAO)
        : List.of(Groups.PHONG_QLKH);
    records.log(task, Actor.SYSTEM, "ESCALATED", stageText(stage) + ": quá hạn", null);
    records.notify(to, task, "Quá hạn: " + stageText(stage), stageText(stage) + " đã quá hạn.");
    records.flushInStep();
  }

  static String stageText(String stage) {
    return switch (stage == null ? "" : stage) {
      case "REVISION" -> "Nộp thuyết minh đã chỉnh sửa";
      case "ACCEPTANCE_COUNCIL" -> "Thành lập hội đồng nghiệm thu";
      default -> "Xử lý nhiệm vụ";
    };
  }
}
