package vn.khcn.workflow.dispatch;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.dispatch.AttachmentRepository.AttachmentInfo;
import vn.khcn.workflow.identity.ActorResolver;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.signature.AttachmentSignatures;
import vn.khcn.workflow.signature.SignatureCheck;
import vn.khcn.workflow.shared.web.NotFoundException;

/** The read side of incoming documents: details, search, the incoming register, form text. */
@Service
@Transactional(readOnly = true)
public class DocumentQueries {

  private final IncomingDocumentRepository documents;
  private final AssignmentRepository assignments;
  private final TrailRepository trail;
  private final AttachmentRepository attachments;
  private final RegisterClosures closures;
  private final ActorResolver actors;
  private final AttachmentSignatures signatures;
  private final TaskViewParts viewParts;
  private final DocumentSearch search;
  private final Clock clock;

  DocumentQueries(IncomingDocumentRepository documents, AssignmentRepository assignments,
      TrailRepository trail, AttachmentRepository attachments, RegisterClosures closures,
      ActorResolver actors, AttachmentSignatures signatures, TaskViewParts viewParts,
      DocumentSearch search, Clock clock) {
    this.viewParts = viewParts;
    this.search = search;
    this.signatures = signatures;
    this.closures = closures;
    this.documents = documents;
    this.assignments = assignments;
    this.trail = trail;
    this.attachments = attachments;
    this.actors = actors;
    this.clock = clock;
  }

  /** The document, if the viewer may see it; otherwise "not found" (its existence stays hidden). */
  IncomingDocument visibleDocument(long id, Viewer viewer) {
    IncomingDocument document = documents.findById(id).orElseThrow(() -> notFound(id));
    if (!canSee(document, viewer)) {
      throw notFound(id);
    }
    return document;
  }

  boolean canSee(IncomingDocument document, Viewer viewer) {
    if (!viewer.isStaff()) {
      return false;
    }
    return !document.getClassification().isClassified() || viewer.seesAllClassified()
        || assignments.existsByDocumentIdAndUnitIdIn(document.getId(), viewer.groups());
  }

  public DocumentDetails details(long id, Viewer viewer) {
    IncomingDocument d = visibleDocument(id, viewer);
    Instant now = clock.instant();
    List<DocumentDetails.AssignmentView> assignmentViews =
        assignments.findByDocumentIdOrderByIdAsc(id).stream()
            .map(a -> new DocumentDetails.AssignmentView(a.getUnitId(), Groups.nameOf(a.getUnitId()),
                a.getRole(), a.getDueAt(), a.isOverdue(now), a.getCompletedAt(), a.getCompletedBy(),
                a.getResult(), a.getReplyNumber(), a.getReplyDate(), a.getRemindedAt(),
                a.getEscalatedAt(), a.getHandling().getHandler(),
                a.getHandling().isNamed() ? actors.of(a.getHandling().getHandler()).fullName()
                    : null, a.getHandling().getDueAt(), a.getHandling().getNote(),
                a.getHandling().getProposal(), a.getHandling().getApproved(),
                a.getHandling().getComment()))
            .toList();
    List<AttachmentInfo> files = attachments.findByDocumentIdOrderByIdAsc(id);
    Map<Long, List<SignatureCheck>> checks =
        signatures.of(files.stream().map(AttachmentInfo::getId).toList());
    List<DocumentDetails.AttachmentView> attachmentViews = files.stream()
            .map(a -> new DocumentDetails.AttachmentView(a.getId(), a.getFileName(),
                a.getContentType(), a.getSizeBytes(), a.getSha256(), a.getUnitId(),
                a.getUploadedBy(), a.getUploadedAt(),
                "/api/incoming-documents/" + id + "/attachments/" + a.getId(),
                checks.getOrDefault(a.getId(), List.of())))
            .toList();
    List<DocumentDetails.TrailView> trailViews =
        trail.findByDocumentIdOrderByOccurredAtAscIdAsc(id).stream()
            .map(t -> new DocumentDetails.TrailView(t.getOccurredAt(), t.getActor(),
                t.getActorName(), t.getAction(), t.getAction().label(), t.getUnitId(),
                t.getComment(), t.getRelatedDocumentId(), t.getChanges().stream()
                    .map(c -> new DocumentDetails.ChangeView(c.getField(),
                        CorrectableField.labelOf(c.getField()), c.getOldValue(), c.getNewValue()))
                    .toList()))
            .toList();
    return new DocumentDetails(d.getId(), d.getBusinessKey(), d.getIncomingNumber(), d.getYear(),
        d.getIssuer(), d.getDocumentNumber(), d.getIssuedOn(), d.getDocumentType(), d.getSummary(),
        d.getSignerPosition(), d.getSignerName(), d.getPageCount(), d.getLanguage(),
        d.getDocumentDueDate(), d.getUrgency(), d.getClassification(), d.getReceivedOn(),
        d.getRecipients(), d.getNotes(), d.getStatus(), d.getStatus().label(),
        d.getDirectionDueAt(), d.getDirection(), d.getDirectionBy(), d.getDirectionAt(),
        d.getInfoOnly(), d.getDueAt(), isOverdue(d, now), d.getReport(), d.getProcessInstanceId(),
        d.getRegisteredBy(), d.getRegisteredAt(), d.getArchivedAt(), d.getReplacesId(),
        d.getReplacedById(), assignmentViews,
        attachmentViews, trailViews);
  }

  /**
   * The API's list: the documents the viewer may see with this year, status and text, newest
   * number first, found as /documents finds them (ADR 0036, 0050, 0051). {@code totalElements}
   * is exact up to {@link DocumentSearch#COUNT_CAP} or the end of the page asked for, whichever
   * is further; beyond, it is one more than that, so that a next page is always announced while
   * there is one (ADR 0051: the list used to count every match of a common text).
   */
  public Page<DocumentSummary> search(Integer year, DocumentStatus status, String q, int page,
      int size, Viewer viewer) {
    if (!viewer.isStaff()) {
      return Page.empty(PageRequest.of(page, size));
    }
    return search.find(DocumentFilter.of(q, year, status), page, size, viewer, (d, now) -> new DocumentSummary(d.getId(),
        d.getBusinessKey(), d.getIncomingNumber(), d.getYear(), d.getIssuer(),
        d.getDocumentNumber(), d.getIssuedOn(), d.getDocumentType(), d.getSummary(),
        d.getUrgency(), d.getClassification(), d.getReceivedOn(), d.getStatus(), d.getDueAt(),
        isOverdue(d, now), d.getSignerPosition(), d.getSignerName(), d.getPageCount(),
        d.getLanguage(), d.getDocumentDueDate())).page();
  }

  /**
   * The incoming register (sổ đăng ký văn bản đến, Decree 30/2020 Appendix IV) for a date range
   * as CSV, UTF-8 with a byte-order mark so spreadsheet programs read the diacritics. A closed
   * year ends with its closing line ("… kết thúc tại số N, khóa ngày … bởi …").
   */
  public byte[] registerCsv(LocalDate from, LocalDate to, boolean classified) {
    List<IncomingDocument> rows = documents.findRegister(
        classified ? NumberSeries.CLASSIFIED : NumberSeries.REGULAR, from, to);
    Map<Long, List<Assignment>> byDocument = assignments.byDocument(rows.stream()
        .map(IncomingDocument::getId).toList());
    StringBuilder csv = new StringBuilder("\uFEFF");
    Csv.row(csv, "Ngày đến", "Số đến", "Tác giả", "Số, ký hiệu", "Ngày tháng",
        "Tên loại và trích yếu nội dung", "Đơn vị hoặc người nhận", "Ngày chuyển", "Ký nhận",
        "Ghi chú");
    for (IncomingDocument d : rows) {
      List<Assignment> handling = byDocument.getOrDefault(d.getId(), List.of());
      String receivers = handling.stream()
          .map(a -> Groups.nameOf(a.getUnitId()) + " (" + a.getRole().label().toLowerCase() + ")")
          .collect(Collectors.joining("; "));
      String receivedBy = handling.stream().map(this::receipt).collect(Collectors.joining("; "));
      Csv.row(csv, DocumentFormats.date(d.getReceivedOn()), d.getBusinessKey(), d.getIssuer(),
          d.getDocumentNumber(), DocumentFormats.date(d.getIssuedOn()),
          d.getDocumentType() + " – " + d.getSummary(), receivers,
          DocumentFormats.date(d.getDirectionAt(), zone()), receivedBy, d.getNotes());
    }
    // the closing line under a year's last entry, as on the paper register
    for (int year = from.getYear(); year <= to.getYear(); year++) {
      closures.closure(year, classified).ifPresent(closure -> {
        Csv.row(csv);
        Csv.row(csv, closure.closingLine(zone()));
      });
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The register's "Ký nhận" for one unit: the day it received the document and, once it has
   * answered, who did, by name: "Phòng Quản lý khoa học: nhận 03/12/2026, Lê Văn Hùng".
   */
  private String receipt(Assignment a) {
    return Groups.nameOf(a.getUnitId()) + ": nhận "
        + DocumentFormats.date(a.getAssignedAt(), zone())
        + (a.getCompletedBy() == null ? "" : ", " + actors.of(a.getCompletedBy()).fullName());
  }

  /**
   * The document as a person reads it at the top of every Tasklist form; for a unit's task
   * (unit not null) the direction's items of that unit first.
   */
  public String documentView(long id, String unit) {
    IncomingDocument d = documents.findById(id).orElseThrow(() -> notFound(id));
    TaskViewParts.Parts parts = viewParts.of(id);
    ZoneId zone = zone();
    StringBuilder text = new StringBuilder();
    String unitItems = unit == null ? "" : parts.unitItemsText(unit, zone);
    if (!unitItems.isEmpty()) {
      text.append(unitItems).append("\n\n");
    }
    text.append("Số đến: ").append(d.getBusinessKey()).append(" – ngày đến ")
        .append(DocumentFormats.date(d.getReceivedOn())).append('\n');
    text.append(d.getDocumentType()).append(" số ").append(d.getDocumentNumber()).append(" ngày ")
        .append(DocumentFormats.date(d.getIssuedOn())).append(" của ").append(d.getIssuer())
        .append('\n');
    text.append("Trích yếu: ").append(d.getSummary()).append('\n');
    if (d.signerText() != null) {
      text.append("Người ký: ").append(d.signerText()).append('\n');
    }
    if (d.getDocumentDueDate() != null) {
      text.append("Hạn giải quyết theo văn bản: ")
          .append(DocumentFormats.date(d.getDocumentDueDate())).append('\n');
    }
    text.append("Độ khẩn: ").append(d.getUrgency().label()).append(" – Độ mật: ")
        .append(d.getClassification().label());
    if (d.getPageCount() != null) {
      text.append(" – Số trang: ").append(d.getPageCount());
    }
    text.append('\n');
    if (!parts.files().isEmpty()) {
      text.append("Tệp đính kèm: ").append(parts.files().stream()
          .map(f -> f.name() + " (/api/incoming-documents/" + id + "/attachments/" + f.id() + ")")
          .collect(Collectors.joining("; "))).append('\n');
    }
    if (d.getDirection() == null) {
      text.append("Hạn cho ý kiến chỉ đạo: ")
          .append(DocumentFormats.dateTime(d.getDirectionDueAt(), zone)).append('\n');
    }
    for (TaskViewParts.Answer answer : parts.answers()) {
      text.append('\n').append(answer.action().label());
      if (answer.unitId() != null) {
        text.append(" – ").append(Groups.nameOf(answer.unitId()));
      }
      text.append(" (").append(answer.actorName()).append(", ")
          .append(DocumentFormats.dateTime(answer.at(), zone)).append("):\n")
          .append(answer.comment() == null ? "" : answer.comment()).append('\n');
    }
    return text.toString().strip();
  }

  static boolean isOverdue(IncomingDocument d, Instant now) {
    return switch (d.getStatus()) {
      case ARCHIVED, REGISTERED, RECALLED, REPLACED, FOLLOWING_REPORTS -> false;
      case AWAITING_DIRECTION -> d.getDirectionDueAt() != null && now.isAfter(d.getDirectionDueAt());
      default -> d.getDueAt() != null && now.isAfter(d.getDueAt());
    };
  }

  private ZoneId zone() {
    return clock.getZone();
  }

  private static NotFoundException notFound(long id) {
    return new NotFoundException("Không tìm thấy văn bản đến có mã " + id);
  }
}
