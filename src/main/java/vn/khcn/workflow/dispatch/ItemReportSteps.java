package vn.khcn.workflow.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.calendar.WorkingCalendar;
import vn.khcn.workflow.identity.Actor;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.notify.Notification;
import vn.khcn.workflow.shared.process.InvalidTaskInputException;

/**
 * The steps of direction-item-report.bpmn and the document's closing with periodic reports
 * (ADR 0020): an item is done when its units' work is done and its last report is submitted; a
 * document whose handling is approved while reports remain is FOLLOWING_REPORTS and is filed at
 * its last report.
 */
@Service
@Transactional
class ItemReportSteps {

  /** The next period: its number, the count, when its task opens and when it is due. */
  record Period(int number, int count, String leadUnit, Instant opens, Instant due) {}

  private final IncomingDocumentRepository documents;
  private final DirectionItemRepository items;
  private final DirectionItemReportRepository reports;
  private final TrailRepository trail;
  private final DocumentSteps steps;
  private final WorkingCalendar calendar;
  private final Clock clock;
  private final org.springframework.context.ApplicationEventPublisher events;

  ItemReportSteps(IncomingDocumentRepository documents, DirectionItemRepository items,
      DirectionItemReportRepository reports, TrailRepository trail, DocumentSteps steps,
      WorkingCalendar calendar, Clock clock,
      org.springframework.context.ApplicationEventPublisher events) {
    this.documents = documents;
    this.items = items;
    this.reports = reports;
    this.trail = trail;
    this.steps = steps;
    this.calendar = calendar;
    this.clock = clock;
    this.events = events;
  }

  /**
   * Plans period {@code previous + 1}: its due is the end of the period (counted from the day of
   * the direction) or the next working day, its task opens working days before; a row for it is
   * kept.
   */
  Period planNext(long itemId, Integer previous) {
    DirectionItem item = item(itemId);
    IncomingDocument document = documents.findById(item.getDocumentId()).orElseThrow();
    int number = previous == null ? 1 : previous + 1;
    DirectionItemRules.Period every = DirectionItemRules.Period.of(item.getReportEvery());
    LocalDate start = LocalDate.ofInstant(document.getDirectionAt(), zone());
    DirectionItemRules.ReportSchedule schedule = DirectionItemRules.schedule(start, every,
        number, calendar);
    if (reports.period(itemId, number).isEmpty()) {
      reports.save(new DirectionItemReport(itemId, number, item.getReportCount(),
          schedule.due()));
    }
    return new Period(number, item.getReportCount(), item.getLeadUnit(), schedule.opens(),
        schedule.due());
  }

  /** The report task's view: the document, the item and the period. */
  @Transactional(readOnly = true)
  String describe(long itemId, int number) {
    DirectionItem item = item(itemId);
    DirectionItemReport report = reports.period(itemId, number).orElseThrow();
    return taskName(item.getLabel(), number, report.getPeriodCount()) + ", hạn "
        + DocumentFormats.dateTime(report.getDueAt(), zone()) + "\nMục " + item.getLabel() + ": "
        + item.getText();
  }

  static String taskName(String label, int number, int count) {
    return "Báo cáo định kỳ mục " + label + " – kỳ " + number + "/" + count;
  }

  /** Records the lead unit's report of the period. */
  void submit(long itemId, int number, String text, Actor actor, String taskId) {
    if (text == null || text.isBlank()) {
      throw new InvalidTaskInputException(List.of("itemReport: chưa nhập nội dung báo cáo"));
    }
    if (text.length() > DocumentSteps.MAX_RESULT_LENGTH) {
      throw new InvalidTaskInputException(List.of("itemReport: báo cáo dài quá "
          + DocumentSteps.MAX_RESULT_LENGTH + " ký tự"));
    }
    DirectionItem item = item(itemId);
    DirectionItemReport report = reports.period(itemId, number).orElseThrow();
    Instant now = clock.instant();
    report.submit(text, actor.userId(), now);
    trail.save(new TrailEntry(item.getDocumentId(), now, actor, TrailAction.ITEM_REPORT,
        item.getLeadUnit(), taskId, taskName(item.getLabel(), number, report.getPeriodCount())
            + ":\n" + text));
    IncomingDocument document = documents.findById(item.getDocumentId()).orElseThrow();
    events.publishEvent(new Notification(List.of(Groups.LANH_DAO), "[Báo cáo định kỳ] Văn bản"
        + " đến số " + document.getBusinessKey(), Groups.nameOf(item.getLeadUnit()) + " đã nộp "
        + taskName(item.getLabel(), number, report.getPeriodCount()).toLowerCase(
            java.util.Locale.ROOT) + "."));
  }

  /** After an item's last report: a document waiting only for its reports is filed now. */
  void afterLastReport(long documentId) {
    IncomingDocument document = documents.findById(documentId).orElseThrow();
    if (document.getStatus() == DocumentStatus.FOLLOWING_REPORTS && !reportsPending(documentId)) {
      steps.archive(documentId);
    }
  }

  /**
   * The handling is approved: filed when no periodic report remains, otherwise the document
   * follows its reports ("đang theo dõi báo cáo định kỳ").
   */
  void afterHandling(long documentId) {
    if (!reportsPending(documentId)) {
      steps.archive(documentId);
      return;
    }
    documents.findById(documentId).orElseThrow().followReports();
    trail.save(new TrailEntry(documentId, clock.instant(), Actor.SYSTEM,
        TrailAction.FOLLOWING_REPORTS, null, null, "Đã xử lý xong; đang theo dõi báo cáo định"
            + " kỳ, lưu hồ sơ khi có báo cáo cuối cùng"));
  }

  /** Whether some item still owes a periodic report. */
  @Transactional(readOnly = true)
  boolean reportsPending(long documentId) {
    List<DirectionItem> ofDocument = items.ofDocument(documentId);
    if (ofDocument.stream().allMatch(i -> i.getReportCount() == 0)) {
      return false;
    }
    List<DirectionItemReport> made = reports.ofItems(ofDocument.stream()
        .map(DirectionItem::getId).toList());
    return ofDocument.stream().anyMatch(i -> made.stream().filter(r -> r.getItemId()
        .equals(i.getId()) && r.getSubmittedAt() != null).count() < i.getReportCount());
  }

  private DirectionItem item(long itemId) {
    return items.findById(itemId).orElseThrow(
        () -> new IllegalStateException("Direction item " + itemId + " does not exist"));
  }

  private ZoneId zone() {
    return clock.getZone();
  }
}
