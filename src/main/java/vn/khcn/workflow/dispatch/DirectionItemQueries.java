package vn.khcn.workflow.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.identity.Groups;

/**
 * The read side of items (issue 17): the document's numbered items, the direction's items with
 * their status (ADR 0020: done when the units' work is done and the last report submitted), and
 * the items of one unit for its task (read with the task's view, {@link TaskViewParts}).
 */
@Service
@Transactional(readOnly = true)
class DirectionItemQueries {

  /** Where an item stands. */
  enum ItemStatus {
    IN_PROGRESS("Đang xử lý"),
    OVERDUE("Quá hạn"),
    FOLLOWING_REPORTS("Đang theo dõi báo cáo định kỳ"),
    DONE("Đã xong");

    private final String label;

    ItemStatus(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  record DocumentItemView(String label, String text, List<String> bodies) {}

  record ReportView(int period, int periods, Instant dueDate, Instant submittedAt,
      String submittedBy, String text) {}

  record ItemView(String label, String text, String lead, String leadName,
      List<String> coordinating, List<String> coordinatingNames, Instant dueDate,
      String reportEvery, LocalDate reportUntil, int reportCount, int reportsSubmitted,
      ItemStatus status, String statusLabel, List<ReportView> reports, String reply, long id) {}

  /** GET /api/incoming-documents/{id}/items. */
  record ItemsView(List<DocumentItemView> documentItems, List<ItemView> directionItems) {}

  private final DocumentItemRepository documentItems;
  private final DirectionItemRepository items;
  private final DirectionItemReportRepository reports;
  private final AssignmentRepository assignments;
  private final Clock clock;

  DirectionItemQueries(DocumentItemRepository documentItems, DirectionItemRepository items,
      DirectionItemReportRepository reports, AssignmentRepository assignments, Clock clock) {
    this.documentItems = documentItems;
    this.items = items;
    this.reports = reports;
    this.assignments = assignments;
    this.clock = clock;
  }

  ItemsView items(long documentId) {
    return new ItemsView(documentItems.ofDocument(documentId).stream()
        .map(i -> new DocumentItemView(i.getLabel(), i.getText(), i.getBodies())).toList(),
        itemViews(List.of(documentId)).getOrDefault(documentId, List.of()));
  }

  /** The direction items of the documents, by document (the tracking register). */
  Map<Long, List<ItemView>> itemViews(Collection<Long> documentIds) {
    if (documentIds.isEmpty()) {
      return Map.of();
    }
    List<DirectionItem> found = items.ofDocuments(documentIds);
    if (found.isEmpty()) {
      return Map.of();
    }
    Map<Long, List<DirectionItemReport>> byItem = reports.ofItems(found.stream()
        .map(DirectionItem::getId).toList()).stream()
        .collect(Collectors.groupingBy(DirectionItemReport::getItemId));
    Map<Long, List<Assignment>> byDocument = assignments.findByDocumentIdInOrderByIdAsc(
        found.stream().map(DirectionItem::getDocumentId).distinct().toList()).stream()
        .collect(Collectors.groupingBy(Assignment::getDocumentId));
    Instant now = clock.instant();
    return found.stream().collect(Collectors.groupingBy(DirectionItem::getDocumentId,
        java.util.LinkedHashMap::new, Collectors.mapping(item -> view(item,
            byItem.getOrDefault(item.getId(), List.of()),
            byDocument.getOrDefault(item.getDocumentId(), List.of()), now),
            Collectors.toList())));
  }

  private static ItemView view(DirectionItem item, List<DirectionItemReport> itemReports,
      List<Assignment> documentAssignments, Instant now) {
    boolean unitsDone = documentAssignments.stream()
        .filter(a -> a.getRole() != AssignmentRole.INFORMED && item.units().contains(a.getUnitId()))
        .allMatch(a -> a.getCompletedAt() != null);
    int submitted = (int) itemReports.stream().filter(r -> r.getSubmittedAt() != null).count();
    ItemStatus status = !unitsDone
        ? (now.isAfter(item.getDueAt()) ? ItemStatus.OVERDUE : ItemStatus.IN_PROGRESS)
        : submitted < item.getReportCount() ? ItemStatus.FOLLOWING_REPORTS : ItemStatus.DONE;
    return new ItemView(item.getLabel(), item.getText(), item.getLeadUnit(),
        Groups.nameOf(item.getLeadUnit()), item.getCoordinatingUnits(),
        item.getCoordinatingUnits().stream().map(Groups::nameOf).toList(), item.getDueAt(),
        item.getReportEvery(), item.getReportUntil(), item.getReportCount(), submitted, status,
        status == ItemStatus.FOLLOWING_REPORTS ? status.label() + " (" + submitted + "/"
            + item.getReportCount() + ")" : status.label(),
        itemReports.stream().map(r -> new ReportView(r.getPeriodNo(), r.getPeriodCount(),
            r.getDueAt(), r.getSubmittedAt(), r.getSubmittedBy(), r.getText())).toList(),
        item.replyLabel(), item.getId());
  }
}
