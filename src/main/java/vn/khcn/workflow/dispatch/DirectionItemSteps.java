package vn.khcn.workflow.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.calendar.WorkingCalendar;
import vn.khcn.workflow.identity.Actor;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.shared.process.InvalidTaskInputException;
import vn.khcn.workflow.shared.process.VariableValues;

/**
 * A direction given as items (issue 17, ADR 0020). Before the direction is recorded the items are
 * checked and the direction's units and deadlines derived from them: the handling units are the
 * union of the items' units, a unit's own deadline is its earliest item's unless the director
 * wrote one in unitDueDates, the common deadline is at least the latest item's. After it, the
 * items are stored and each item with a periodic report starts its report process.
 */
@Service
@Transactional
class DirectionItemSteps {

  /** The direction to record and the items to store after it. */
  record Prepared(DirectionInput input, List<DirectionItemRules.Item> items) {}

  private final IncomingDocumentRepository documents;
  private final DocumentItems documentItems;
  private final DirectionItemRepository items;
  private final ItemReportStarter reports;
  private final TrailRepository trail;
  private final WorkingCalendar calendar;
  private final Clock clock;

  DirectionItemSteps(IncomingDocumentRepository documents, DocumentItems documentItems,
      DirectionItemRepository items, ItemReportStarter reports, TrailRepository trail,
      WorkingCalendar calendar, Clock clock) {
    this.documents = documents;
    this.documentItems = documentItems;
    this.items = items;
    this.reports = reports;
    this.trail = trail;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** Checks the items; the input unchanged when there are none, else derived from them. */
  @Transactional(readOnly = true)
  Prepared prepare(long documentId, String itemLines, DirectionInput input) {
    List<String> problems = new ArrayList<>();
    List<DirectionItemRules.Line> lines = DirectionItemRules.parse(itemLines, problems);
    if (problems.isEmpty() && lines.isEmpty()) {
      return new Prepared(input, List.of());
    }
    if (Boolean.TRUE.equals(input.infoOnly())) {
      throw new InvalidTaskInputException(List.of(DirectionItemRules.FIELD
          + ": văn bản chỉ để biết, lưu hồ sơ thì không giao việc theo mục"));
    }
    IncomingDocument document = documents.findById(documentId).orElseThrow();
    Map<String, String> texts = new LinkedHashMap<>();
    documentItems.ofDocument(documentId).forEach(i -> texts.putIfAbsent(i.getLabel(), i.getText()));
    LocalDate commonDue = null;
    try {
      commonDue = VariableValues.localDate(input.dueDate(), zone());
    } catch (IllegalArgumentException e) {
      // the direction's own check names dueDate
    }
    List<DirectionItemRules.Item> checked = DirectionItemRules.check(lines,
        new DirectionItemRules.Context(texts, commonDue, document.getDocumentDueDate(),
            clock.instant(), DocumentSteps.MAX_DUE_YEARS, calendar, zone()), problems);
    if (!problems.isEmpty()) {
      throw new InvalidTaskInputException(problems);
    }
    return new Prepared(derive(input, checked, zone()), checked);
  }

  /** The direction's units and deadlines from its items (the director's own choices kept). */
  static DirectionInput derive(DirectionInput input, List<DirectionItemRules.Item> items,
      ZoneId zone) {
    String lead = input.leadUnit() != null ? input.leadUnit() : items.get(0).lead();
    Set<String> coordinating = new LinkedHashSet<>(input.coordinatingUnits());
    Map<String, LocalDate> earliest = new LinkedHashMap<>();
    for (DirectionItemRules.Item item : items) {
      for (String unit : item.units()) {
        earliest.merge(unit, item.dueDay(), (a, b) -> a.isBefore(b) ? a : b);
        if (!unit.equals(lead)) {
          coordinating.add(unit);
        }
      }
    }
    LocalDate latest = items.stream().map(DirectionItemRules.Item::dueDay)
        .max(Comparator.naturalOrder()).orElseThrow();
    Object due = input.dueDate();
    try {
      LocalDate given = VariableValues.localDate(due, zone);
      if (given == null || given.isBefore(latest)) {
        due = latest.toString();
      }
    } catch (IllegalArgumentException invalid) {
      // left as typed: the direction's check reports it
    }
    Set<String> own = ownDeadlineUnits(input.unitDueDates());
    StringBuilder unitDueDates = new StringBuilder(
        input.unitDueDates() == null ? "" : input.unitDueDates().strip());
    earliest.forEach((unit, day) -> {
      if (!own.contains(unit)) {
        unitDueDates.append(unitDueDates.isEmpty() ? "" : "\n").append(unit).append(": ")
            .append(day);
      }
    });
    return new DirectionInput(input.direction(), input.infoOnly(), lead,
        List.copyOf(coordinating), input.informedUnits(), due, unitDueDates.toString());
  }

  /** Stores the items and starts the periodic report of each item that has one. */
  void record(long documentId, List<DirectionItemRules.Item> checked, Actor actor,
      String taskId) {
    if (checked.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, zone());
    StringBuilder comment = new StringBuilder("Giao việc theo ").append(checked.size())
        .append(" mục:");
    for (int i = 0; i < checked.size(); i++) {
      DirectionItemRules.Item item = checked.get(i);
      int count = item.reportEvery() == null ? 0
          : DirectionItemRules.periodCount(today, item.reportEvery(), item.reportUntil());
      DirectionItem saved = items.save(new DirectionItem(documentId, i + 1, item, item.due(),
          count));
      comment.append("\nMục ").append(item.label()).append(": chủ trì ")
          .append(Groups.nameOf(item.lead()));
      if (!item.coordinating().isEmpty()) {
        comment.append("; phối hợp ").append(item.coordinating().stream().map(Groups::nameOf)
            .collect(Collectors.joining(", ")));
      }
      comment.append("; hạn ").append(DocumentFormats.date(item.dueDay()));
      if (count > 0) {
        comment.append("; báo cáo ").append(item.reportEvery().label()).append(" đến ")
            .append(DocumentFormats.date(item.reportUntil())).append(" (").append(count)
            .append(" kỳ)");
        saved.attachReportProcess(reports.start(documentId, saved.getId()));
      }
    }
    trail.save(new TrailEntry(documentId, now, actor, TrailAction.DIRECTION_GIVEN, null, taskId,
        comment.toString()));
  }

  /**
   * The document's items as proposed direction items, for the direction form: one line per item
   * with the lead and co-ordinating units guessed from the bodies it names, and its text as a
   * comment line. It fits what the form's field takes ({@link DirectionItemRules#MAX_LENGTH}, the
   * engine's string column): every item line stays; the texts are shortened alike (at most
   * {@link #PROPOSED_TEXT} characters each), and only when the lines alone nearly fill it are
   * the last items' texts left out.
   */
  @Transactional(readOnly = true)
  String proposal(long documentId) {
    List<String> lines = new ArrayList<>();
    List<String> comments = new ArrayList<>();
    for (DocumentItem item : documentItems.ofDocument(documentId)) {
      List<String> units = guessUnits(item.getBodies());
      lines.add(item.getLabel() + " | " + (units.isEmpty() ? "" : units.get(0)) + " | "
          + String.join(", ", units.subList(Math.min(1, units.size()), units.size()))
          + " |  |  |  |");
      comments.add(item.getText().replace('\n', ' '));
    }
    return lines.isEmpty() ? null : proposalText(lines, comments);
  }

  /** The item lines, each followed by its text as a comment, fitted as {@link #proposal} says. */
  static String proposalText(List<String> lines, List<String> comments) {
    int max = DirectionItemRules.MAX_LENGTH;
    int kept = 0;
    int linesLength = 0;
    // the item lines alone may not fit (fifty items each naming many units): those that do, and
    // a comment saying how many are left for the director to add (room kept for the longest)
    int noteRoom = LEFT_OUT_NOTE.formatted(lines.size()).length();
    while (kept < lines.size() && linesLength + lines.get(kept).length() + 1
        <= max - (kept + 1 < lines.size() ? noteRoom : 0)) {
      linesLength += lines.get(kept).length() + 1;
      kept++;
    }
    String leftOut = kept < lines.size() ? LEFT_OUT_NOTE.formatted(lines.size() - kept) : "";
    int free = max - linesLength - leftOut.length();
    for (int i = 0; i < kept; i++) {
      free -= commentPrefix(lines, i).length() + 1;
    }
    int cap = PROPOSED_TEXT;
    while (cap > MIN_PROPOSED_TEXT && shownLength(comments.subList(0, kept), cap) > free) {
      cap--;
    }
    StringBuilder text = new StringBuilder();
    int left = max - linesLength - leftOut.length();
    for (int i = 0; i < kept; i++) {
      text.append(lines.get(i)).append('\n');
      String comment = commentPrefix(lines, i) + abbreviate(comments.get(i), cap) + "\n";
      if (comment.length() <= left) {
        text.append(comment);
        left -= comment.length();
      }
    }
    return text.append(leftOut).toString();
  }

  /** The comment ending a proposal that could not hold every item (%d: how many are left). */
  static final String LEFT_OUT_NOTE = "# Còn %d mục không vừa khung nhập (tối đa 4000 ký tự):"
      + " nhập thêm sau khi rút gọn các dòng trên.\n";

  /** Characters of an item's text in the proposal at most. */
  static final int PROPOSED_TEXT = 200;
  /** Texts are not shortened below this; past it the last items' texts are left out. */
  static final int MIN_PROPOSED_TEXT = 40;

  private static String commentPrefix(List<String> lines, int i) {
    return "# " + lines.get(i).substring(0, lines.get(i).indexOf(" | ")) + "- ";
  }

  private static int shownLength(List<String> comments, int cap) {
    return comments.stream().mapToInt(c -> Math.min(c.length(), cap)).sum();
  }

  /** The Department's units whose names a body contains ("Phòng Kế hoạch – Tài chính"). */
  static List<String> guessUnits(List<String> bodies) {
    List<String> units = new ArrayList<>();
    for (String body : bodies) {
      String lower = body.toLowerCase(java.util.Locale.ROOT);
      for (String unit : Groups.UNITS) {
        if (lower.contains(Groups.nameOf(unit).toLowerCase(java.util.Locale.ROOT))
            && !units.contains(unit)) {
          units.add(unit);
        }
      }
    }
    return units;
  }

  private static Set<String> ownDeadlineUnits(String unitDueDates) {
    Set<String> units = new LinkedHashSet<>();
    if (unitDueDates != null) {
      for (String line : unitDueDates.split("\\R")) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          units.add(line.substring(0, colon).strip());
        }
      }
    }
    return units;
  }

  static String abbreviate(String text, int max) {
    return text.length() > max ? text.substring(0, max - 1) + "…" : text;
  }

  private ZoneId zone() {
    return clock.getZone();
  }
}
