package vn.khcn.workflow.research;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.identity.Actor;
import vn.khcn.workflow.shared.process.Variable;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.InvalidInputException;
import vn.khcn.workflow.shared.web.NotFoundException;

/**
 * The investigators' portal (/portal): my research tasks with what is asked of me, and the
 * investigator's own work items done with a file and a text, through the engine's contracts.
 */
@Service
class PortalService {

  /** The investigator's work items: the task, its text field, the file kind it brings. */
  enum Work {
    SUPPLEMENT(ResearchTaskProcess.Tasks.RESUBMIT_DOSSIER, ResearchTaskProcess.Vars.NOTE,
        DocumentKind.SUPPLEMENT, false, "bổ sung hồ sơ", "Nội dung đã bổ sung"),
    REVISION(AssignmentCouncilProcess.Tasks.SUBMIT_REVISION,
        AssignmentCouncilProcess.Vars.RESPONSE_NOTE, DocumentKind.REVISED_OUTLINE, true,
        "nộp thuyết minh đã chỉnh sửa", "Báo cáo giải trình, tiếp thu ý kiến hội đồng"),
    PROGRESS(ResearchTaskProcess.Tasks.SUBMIT_PROGRESS_REPORT,
        ResearchTaskProcess.Vars.REPORT, DocumentKind.PROGRESS_REPORT, true,
        "nộp báo cáo tiến độ", "Tóm tắt tiến độ"),
    MIDTERM(MidtermEvaluationProcess.Tasks.SUBMIT_MIDTERM_REPORT,
        ResearchTaskProcess.Vars.REPORT, DocumentKind.MIDTERM_REPORT, true,
        "nộp báo cáo giữa kỳ", "Tóm tắt báo cáo giữa kỳ"),
    FINAL(ResearchTaskProcess.Tasks.SUBMIT_FINAL_DOSSIER, ResearchTaskProcess.Vars.NOTE,
        DocumentKind.FINAL_DOSSIER, true, "nộp hồ sơ nghiệm thu", "Ghi chú kèm hồ sơ"),
    FIXES(AcceptanceProcess.Tasks.FIX_FINAL_DOSSIER, ResearchTaskProcess.Vars.NOTE,
        DocumentKind.FINAL_DOSSIER, true, "hoàn thiện hồ sơ sau nghiệm thu",
        "Những điểm đã hoàn thiện");

    final String taskKey;
    final Variable<String> variable;
    final DocumentKind kind;
    final boolean fileRequired;
    final String what;
    final String textLabel;

    Work(String taskKey, Variable<String> variable, DocumentKind kind, boolean fileRequired,
        String what, String textLabel) {
      this.taskKey = taskKey;
      this.variable = variable;
      this.kind = kind;
      this.fileRequired = fileRequired;
      this.what = what;
      this.textLabel = textLabel;
    }

    public String path() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String getTextLabel() {
      return textLabel;
    }

    public String getKindLabel() {
      return kind.label();
    }

    public boolean isFileRequired() {
      return fileRequired;
    }

    /** Characters the text may have: a long text (a report) more than a note. */
    public int getMaxLength() {
      return variable.maxLength();
    }

    static Work ofPath(String path) {
      for (Work work : values()) {
        if (work.path().equals(path)) {
          return work;
        }
      }
      throw new NotFoundException("Không có việc '" + path + "' ở cổng chủ nhiệm");
    }

    static Work ofTask(String taskKey) {
      for (Work work : values()) {
        if (work.taskKey.equals(taskKey)) {
          return work;
        }
      }
      return null;
    }
  }

  /** What is asked of me now: the work item, its name and due date. */
  record Asked(Work work, String name, Instant due, boolean overdue) {}

  /** The extension rule as the rules state it, and why a request would be refused today. */
  record ExtensionRule(int maxMonths, int durationMonths, List<String> rule,
      List<String> refusedNow) {}

  /** One of my research tasks as the portal shows it. */
  record PortalTask(ResearchTask task, List<Asked> asked, List<Asked> waiting,
      List<DocumentInfo> documents, ExtensionRule extension) {
    public String documentUrl(DocumentInfo document) {
      return ResearchQueries.documentUrl(task.getCode(), document.id());
    }
  }

  private final ResearchTaskRepository tasks;
  private final ResearchDocumentRepository documents;
  private final ExtensionRequestRepository extensions;
  private final ResearchService service;
  private final ResearchQueries queries;
  private final DeskTasks desk;
  private final RuleRegimes regimes;
  private final Clock clock;

  PortalService(ResearchTaskRepository tasks, ResearchDocumentRepository documents,
      ExtensionRequestRepository extensions, ResearchService service, ResearchQueries queries,
      DeskTasks desk, RuleRegimes regimes, Clock clock) {
    this.regimes = regimes;
    this.tasks = tasks;
    this.documents = documents;
    this.extensions = extensions;
    this.service = service;
    this.queries = queries;
    this.desk = desk;
    this.clock = clock;
  }

  /** The investigator's research tasks, newest first, each with what is asked now. */
  @Transactional(readOnly = true)
  List<PortalTask> mine(ResearchQueries.Viewer viewer) {
    List<PortalTask> mine = new ArrayList<>();
    for (ResearchQueries.ResearchSummary summary : queries.page(null, null, null, 0, 50, viewer)
        .getContent()) {
      ResearchTask task = tasks.findByCode(summary.code()).orElseThrow();
      List<Asked> asked = new ArrayList<>();
      Map<String, Asked> waiting = new LinkedHashMap<>();
      Instant now = clock.instant();
      for (Task open : queries.openTasks(task.getCode())) {
        Instant due = open.getDueDate() == null ? null : open.getDueDate().toInstant();
        Asked item = new Asked(Work.ofTask(open.getTaskDefinitionKey()), open.getName(), due,
            due != null && due.isBefore(now));
        if (viewer.userId().equals(open.getAssignee()) && item.work() != null) {
          asked.add(item);
        } else {
          waiting.putIfAbsent(open.getName(), item); // names only: never who holds a ballot
        }
      }
      mine.add(new PortalTask(task, asked, List.copyOf(waiting.values()),
          documents.listByTask(task.getId()), extensionRule(task)));
    }
    return mine;
  }

  /**
   * Does one of the investigator's work items: the file added to the dossier and the task
   * completed with its text, in one transaction (a refusal of either stores nothing).
   */
  @Transactional
  void work(String code, Work work, String text, String fileName, byte[] content, Actor actor,
      ResearchQueries.Viewer viewer) {
    ResearchTask task = tasks.findByCode(code).orElseThrow(() ->
        new NotFoundException("Không tìm thấy nhiệm vụ " + code));
    if (!task.getInvestigator().equals(viewer.userId())) {
      throw new AccessDeniedException("Chỉ chủ nhiệm của nhiệm vụ " + code + " mới " + work.what);
    }
    Task open = desk.mine(code, Set.of(work.taskKey), viewer.userId(), work.what,
        task.getStage());
    if (content == null && work.fileRequired) {
      throw new InvalidInputException(List.of(new FieldError("file", "chọn tệp "
          + work.kind.label().toLowerCase() + " (PDF hoặc DOCX)")));
    }
    if (content != null) {
      service.addDocument(code, work.kind, fileName, content, actor, viewer);
    }
    Map<String, Object> values = new HashMap<>();
    values.put(work.variable.name(), text == null || text.isBlank() ? null : text);
    desk.complete(open, values);
  }

  /**
   * The extension rule of an implementing task, in the rules' own words (ImplementationRules):
   * the longest extension for its duration, the notice it needs and why a request would be
   * refused today; null when the task is not being implemented under a contract.
   */
  ExtensionRule extensionRule(ResearchTask task) {
    LocalDate end = task.getContractEnd();
    boolean implementing = task.getStatus() == ResearchStatus.ACTIVE && end != null
        && (task.getStage() == ResearchStage.IMPLEMENTATION
            || task.getStage() == ResearchStage.MIDTERM_EVALUATION);
    if (!implementing) {
      return null;
    }
    RuleRegime rules = regimes.of(task, clock.getZone());
    int duration = ImplementationRules.contractMonths(task.getContractStart(), end);
    int used = ImplementationRules.extensionsUsed(
        extensions.findByResearchTaskIdOrderByIdAsc(task.getId()), task.getExtendedMonths());
    // the notice rule as the rules word it: a request on the last day is always too late
    List<String> rule = ImplementationRules.extensionProblems(rules, duration, end, 1, end, 0)
        .stream().map(FieldError::message).toList();
    List<String> now = ImplementationRules.extensionProblems(rules, duration, end, 1,
        LocalDate.now(clock), used).stream().map(FieldError::message).toList();
    return new ExtensionRule(rules.maxExtensionMonths(duration), duration, rule, now);
  }
}
