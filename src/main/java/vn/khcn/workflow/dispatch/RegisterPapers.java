package vn.khcn.workflow.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.identity.ActorResolver;
import vn.khcn.workflow.identity.Groups;

/**
 * What the printed papers say (Decree 30/2020, App. IV): the incoming register, the tracking
 * register, the processing slip and the «ĐẾN» stamp, every person by name. Texts are formatted
 * here; the templates of {@code templates/pdf/} only lay them out.
 */
@Service
@Transactional(readOnly = true)
class RegisterPapers {

  /** Enough ids per "in (...)" for any database's parameter limit. */
  private static final int CHUNK = AssignmentRepository.CHUNK;

  /** One row of the incoming register (sổ đăng ký văn bản đến). */
  record RegisterRow(String receivedOn, String number, String issuer, String documentNumber,
      String issuedOn, String typeAndSummary, String receivers, String handedOver, String notes) {}

  /** One calendar year's rows, and the register's closing line when that year is closed. */
  record RegisterYear(int year, List<RegisterRow> rows, String closingLine) {}

  /** One row of the tracking register (sổ theo dõi giải quyết văn bản đến): a document and unit. */
  record TrackingRow(String number, String document, String unit, String deadline,
      String progress, String reply, String notes, boolean overdue, List<ItemLine> items) {

    TrackingRow(String number, String document, String unit, String deadline, String progress,
        String reply, String notes, boolean overdue) {
      this(number, document, unit, deadline, progress, reply, notes, overdue, List.of());
    }

    TrackingRow withItems(List<ItemLine> lines) {
      return new TrackingRow(number, document, unit, deadline, progress, reply, notes, overdue,
          lines);
    }
  }

  /** A direction item under its document's rows (issue 17): label, lead, deadline, status. */
  record ItemLine(String label, String lead, String deadline, String status) {}

  /**
   * One unit on the processing slip: its part, deadline; the handler the unit head named with the
   * internal deadline and note (part 2); the handler's proposal and the head's review (part 3).
   */
  record SlipUnit(String name, String role, String deadline, String handler, String proposal,
      String proposalBy, String reply, String handlerDeadline, String handlerNote,
      String assignedBy, String review, String reviewBy) {}

  /** The processing slip (phiếu giải quyết văn bản đến). */
  record Slip(String number, String receivedOn, String document, String summary,
      String direction, String directionBy, String directionAt, boolean infoOnly,
      List<SlipUnit> units, String informed) {}

  /** The «ĐẾN» stamp's fields. */
  record Stamp(String number, String receivedOn, String handedTo, String series) {}

  private final IncomingDocumentRepository documents;
  private final AssignmentRepository assignments;
  private final DocumentQueries queries;
  private final ActorResolver actors;
  private final ObjectProvider<RegisterClosing> closing;
  private final DirectionItemQueries items;
  private final Clock clock;

  RegisterPapers(IncomingDocumentRepository documents, AssignmentRepository assignments,
      DocumentQueries queries, ActorResolver actors, ObjectProvider<RegisterClosing> closing,
      Clock clock, DirectionItemQueries items) {
    this.items = items;
    this.documents = documents;
    this.assignments = assignments;
    this.queries = queries;
    this.actors = actors;
    this.closing = closing;
    this.clock = clock;
  }

  /** The register of one series for the range, year by year, with each closed year's line. */
  List<RegisterYear> register(LocalDate from, LocalDate to, boolean classified) {
    List<IncomingDocument> rows = documents.findRegister(
        classified ? NumberSeries.CLASSIFIED : NumberSeries.REGULAR, from, to);
    Map<Long, List<Assignment>> byDocument = assignmentsOf(rows);
    Map<Integer, List<RegisterRow>> years = new LinkedHashMap<>();
    for (IncomingDocument d : rows) {
      List<Assignment> handling = byDocument.getOrDefault(d.getId(), List.of());
      years.computeIfAbsent(d.getYear(), y -> new ArrayList<>()).add(new RegisterRow(
          DocumentFormats.date(d.getReceivedOn()), String.valueOf(d.getIncomingNumber()),
          d.getIssuer(), d.getDocumentNumber(), DocumentFormats.date(d.getIssuedOn()),
          d.getDocumentType() + " – " + d.getSummary(), receivers(handling),
          DocumentFormats.date(d.getDirectionAt(), zone()), nullToEmpty(d.getNotes())));
    }
    RegisterClosing closings = closing.getIfAvailable();
    List<RegisterYear> result = new ArrayList<>();
    years.forEach((year, yearRows) -> result.add(new RegisterYear(year, yearRows,
        closings == null ? null : closings.closingLine(year, classified).orElse(null))));
    return result;
  }

  /**
   * The tracking register for the range: one row per document and handling unit, the documents
   * not yet handed to a unit on a row of their own; classified documents only for those who may
   * see them, as in the search.
   */
  List<TrackingRow> tracking(LocalDate from, LocalDate to, Optional<String> unit, Viewer viewer) {
    List<IncomingDocument> received = documents.findReceived(from, to);
    Map<Long, List<Assignment>> byDocument = assignmentsOf(received);
    Map<Long, List<DirectionItemQueries.ItemView>> itemsOf = itemsOf(received);
    Instant now = clock.instant();
    List<TrackingRow> rows = new ArrayList<>();
    for (IncomingDocument d : received) {
      int first = rows.size();
      List<Assignment> all = byDocument.getOrDefault(d.getId(), List.of());
      if (!visible(d, all, viewer)) {
        continue;
      }
      String document = d.getDocumentType() + " số " + d.getDocumentNumber() + " ngày "
          + DocumentFormats.date(d.getIssuedOn()) + " của " + d.getIssuer() + ": "
          + d.getSummary();
      List<Assignment> handling = all.stream()
          .filter(a -> a.getRole() != AssignmentRole.INFORMED)
          .filter(a -> unit.map(u -> u.equals(a.getUnitId())).orElse(true))
          .toList();
      if (handling.isEmpty() && unit.isEmpty()) {
        rows.add(new TrackingRow(d.getBusinessKey(), document, "", "",
            d.getStatus().label(), "", nullToEmpty(d.getNotes()), false));
      }
      for (Assignment a : handling) {
        boolean overdue = a.isOverdue(now);
        rows.add(new TrackingRow(d.getBusinessKey(), document,
            Groups.nameOf(a.getUnitId()) + " (" + a.getRole().label().toLowerCase() + ")",
            DocumentFormats.date(a.getDueAt(), zone()), progress(a, overdue),
            reply(a), trackingNotes(a), overdue));
      }
      List<ItemLine> lines = itemsOf.getOrDefault(d.getId(), List.of()).stream()
          .filter(i -> unit.map(u -> u.equals(i.lead()) || i.coordinating().contains(u))
              .orElse(true))
          .map(i -> new ItemLine(i.label(), i.leadName(), DocumentFormats.date(i.dueDate(),
              zone()), i.reply() == null ? i.statusLabel()
              : i.statusLabel() + "; " + i.reply())).toList();
      if (rows.size() > first && !lines.isEmpty()) {
        rows.set(rows.size() - 1, rows.get(rows.size() - 1).withItems(lines));
      }
    }
    return rows;
  }

  private Map<Long, List<DirectionItemQueries.ItemView>> itemsOf(List<IncomingDocument> rows) {
    List<Long> ids = rows.stream().map(IncomingDocument::getId).toList();
    Map<Long, List<DirectionItemQueries.ItemView>> byDocument = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i += CHUNK) {
      byDocument.putAll(items.itemViews(ids.subList(i, Math.min(ids.size(), i + CHUNK))));
    }
    return byDocument;
  }

  /** The processing slip of a document the viewer may see. */
  Slip slip(long id, Viewer viewer) {
    IncomingDocument d = queries.visibleDocument(id, viewer);
    List<Assignment> all = assignments.findByDocumentIdOrderByIdAsc(id);
    List<SlipUnit> units = all.stream().filter(a -> a.getRole() != AssignmentRole.INFORMED)
        .map(a -> a.getHandling().isNamed() ? headedUnit(a) : new SlipUnit(
            Groups.nameOf(a.getUnitId()), a.getRole().label(),
            DocumentFormats.dateTime(a.getDueAt(), zone()),
            a.getCompletedBy() == null ? null : name(a.getCompletedBy()),
            a.getResult(),
            a.getCompletedBy() == null ? null : name(a.getCompletedBy()) + ", "
                + DocumentFormats.dateTime(a.getCompletedAt(), zone()),
            a.getReplyNumber() == null ? null
                : new Reply(a.getReplyNumber(), a.getReplyDate()).label(),
            null, null, null, null, null))
        .toList();
    String informed = all.stream().filter(a -> a.getRole() == AssignmentRole.INFORMED)
        .map(a -> Groups.nameOf(a.getUnitId())).collect(Collectors.joining(", "));
    return new Slip(d.getBusinessKey(), DocumentFormats.date(d.getReceivedOn()),
        d.getDocumentType() + " số " + d.getDocumentNumber() + " ngày "
            + DocumentFormats.date(d.getIssuedOn()) + " của " + d.getIssuer(),
        d.getSummary(), d.getDirection(),
        d.getDirectionBy() == null ? null : name(d.getDirectionBy()),
        DocumentFormats.dateTime(d.getDirectionAt(), zone()),
        Boolean.TRUE.equals(d.getInfoOnly()), units, informed);
  }

  /** A unit whose head named a handler: the slip's parts 2 and 3 as recorded. */
  private SlipUnit headedUnit(Assignment a) {
    HandlerAssignment h = a.getHandling();
    String review = h.getApproved() == null ? null : h.getApproved()
        ? "Duyệt" + (h.getComment() == null ? "" : ": " + h.getComment())
        : "Trả lại: " + h.getComment();
    return new SlipUnit(Groups.nameOf(a.getUnitId()), a.getRole().label(),
        DocumentFormats.dateTime(a.getDueAt(), zone()), name(h.getHandler()), h.getProposal(),
        h.getProposedAt() == null ? null : name(h.getHandler()) + ", "
            + DocumentFormats.dateTime(h.getProposedAt(), zone()),
        h.getReplyNumber() == null ? null : h.reply().label(),
        DocumentFormats.dateTime(h.getDueAt(), zone()), h.getNote(),
        name(h.getAssignedBy()) + ", " + DocumentFormats.dateTime(h.getAssignedAt(), zone()),
        review, h.getReviewedBy() == null ? null : name(h.getReviewedBy()) + ", "
            + DocumentFormats.dateTime(h.getReviewedAt(), zone()));
  }

  /** The stamp of a document the viewer may see: number, date, the units it went to. */
  Stamp stamp(long id, Viewer viewer) {
    IncomingDocument d = queries.visibleDocument(id, viewer);
    String handedTo = assignments.findByDocumentIdOrderByIdAsc(id).stream()
        .map(a -> Groups.nameOf(a.getUnitId())).distinct().collect(Collectors.joining(", "));
    return new Stamp(String.valueOf(d.getIncomingNumber()),
        d.getReceivedOn().getDayOfMonth() + "/" + d.getReceivedOn().getMonthValue() + "/"
            + d.getReceivedOn().getYear(),
        handedTo, d.getClassification().isClassified() ? d.getClassification().label() : null);
  }

  /** "Phòng Quản lý khoa học (chủ trì, nhận 03/12/2026)"; who signed for it when known. */
  private String receivers(List<Assignment> handling) {
    return handling.stream().map(a -> Groups.nameOf(a.getUnitId()) + " ("
            + a.getRole().label().toLowerCase()
            + (a.getCompletedBy() == null ? "" : ", " + name(a.getCompletedBy())) + ")")
        .collect(Collectors.joining("; "));
  }

  private String progress(Assignment a, boolean overdue) {
    if (a.getCompletedAt() != null) {
      return "Đã xong ngày " + DocumentFormats.date(a.getCompletedAt(), zone())
          + (overdue ? " (trễ hạn)" : "");
    }
    return overdue ? "Quá hạn, đang xử lý" : "Đang xử lý";
  }

  private static String reply(Assignment a) {
    return a.getReplyNumber() == null ? ""
        : "Số " + a.getReplyNumber() + " ngày " + DocumentFormats.date(a.getReplyDate());
  }

  private String trackingNotes(Assignment a) {
    List<String> notes = new ArrayList<>();
    if (a.getCompletedBy() != null) {
      notes.add("Người xử lý: " + name(a.getCompletedBy()));
    }
    if (a.getRemindedAt() != null) {
      notes.add("Đã nhắc hạn " + DocumentFormats.date(a.getRemindedAt(), zone()));
    }
    if (a.getEscalatedAt() != null) {
      notes.add("Đã báo lãnh đạo quá hạn " + DocumentFormats.date(a.getEscalatedAt(), zone()));
    }
    return String.join("; ", notes);
  }

  /** The rule of {@link DocumentQueries#canSee}, on assignments already loaded. */
  private static boolean visible(IncomingDocument d, List<Assignment> all, Viewer viewer) {
    if (!viewer.isStaff()) {
      return false;
    }
    Set<String> groups = viewer.groups();
    return !d.getClassification().isClassified() || viewer.seesAllClassified()
        || all.stream().anyMatch(a -> groups.contains(a.getUnitId()));
  }

  private Map<Long, List<Assignment>> assignmentsOf(List<IncomingDocument> rows) {
    return assignments.byDocument(rows.stream().map(IncomingDocument::getId).toList());
  }

  private String name(String userId) {
    return actors.of(userId).fullName();
  }

  private ZoneId zone() {
    return clock.getZone();
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
