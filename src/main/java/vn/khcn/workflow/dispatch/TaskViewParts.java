package vn.khcn.workflow.dispatch;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.shared.tx.TransactionMemo;

/**
 * What a task's view shows of a document besides its register fields: the attachments, the
 * trail's answers (directions, results, returns) and the direction's items, read in one
 * statement for every new task (ADR 0047), where three queries read them before.
 */
@Component
class TaskViewParts {

  /** The trail entries a task's view quotes: what someone answered, in order. */
  static final Set<TrailAction> ANSWERS = Set.of(TrailAction.DIRECTION_GIVEN,
      TrailAction.UNIT_RESULT, TrailAction.REPORT_SUBMITTED, TrailAction.RETURNED,
      TrailAction.ESCALATED);

  /**
   * One HQL union with the same column types in each part ('A' attachment, 'T' trail entry,
   * 'I' item); Hibernate flushes the three entities' pending changes before it runs. The answers
   * are enum literals, not a list parameter: Hibernate 6 keeps no translated plan for a query
   * with a multi-valued parameter, and this one runs for every new task.
   */
  private static final String QUERY = """
      select 'A', a.id, a.fileName, a.unitId, a.contentType, a.uploadedAt, a.fileName
        from Attachment a where a.documentId = :document
      union all
      select 'T', t.id, cast(t.action as String), t.unitId, t.actorName, t.occurredAt, t.comment
        from TrailEntry t where t.documentId = :document and t.action in (%s)
      union all
      select 'I', cast(i.position as Long), i.label, i.leadUnit, i.coordinatingUnits, i.dueAt,
          i.text
        from DirectionItem i where i.documentId = :document""".formatted(ANSWERS.stream()
      .sorted().map(a -> TrailAction.class.getName() + "." + a.name())
      .collect(Collectors.joining(", ")));

  record File(long id, String name) {}

  record Answer(long id, TrailAction action, String unitId, String actorName, Instant at,
      String comment) {}

  record Item(int position, String label, String leadUnit, List<String> coordinatingUnits,
      Instant dueAt, String text) {

    List<String> units() {
      return DirectionItem.units(leadUnit, coordinatingUnits);
    }
  }

  /** Attachments by id, answers by time, items by position. */
  record Parts(List<File> files, List<Answer> answers, List<Item> items) {

    /** "Các mục giao cho <unit>:" and each of its items; empty when it has none. */
    String unitItemsText(String unit, ZoneId zone) {
      List<Item> ofUnit = items.stream().filter(i -> i.units().contains(unit)).toList();
      if (ofUnit.isEmpty()) {
        return "";
      }
      StringBuilder text = new StringBuilder("Các mục giao cho ").append(Groups.nameOf(unit))
          .append(':');
      for (Item item : ofUnit) {
        text.append("\n– Mục ").append(item.label()).append(" (")
            .append(item.leadUnit().equals(unit) ? "chủ trì" : "phối hợp").append(", hạn ")
            .append(DocumentFormats.dateTime(item.dueAt(), zone)).append("): ")
            .append(DirectionItemSteps.abbreviate(item.text(), 600));
      }
      return text.toString();
    }
  }

  private final EntityManager entities;
  /**
   * The parts read in this transaction, by document: the unit tasks a direction creates read them
   * once (ADR 0049). A row added to any of the three drops the document's
   * ({@link TaskViewPartsListener}); their shown columns never change once written and no code
   * deletes their rows. Code that did either would have to call {@link #changed} too.
   */
  private final TransactionMemo<Long, Parts> memo;

  TaskViewParts(EntityManager entities, EntityManagerFactory factory) {
    this.entities = entities;
    this.memo = new TransactionMemo<>(factory);
  }

  /** The document's parts, read once per transaction until one of them gets a row. */
  Parts of(long documentId) {
    Map<Long, Parts> read = memo.values();
    if (read == null) {
      return read(documentId);
    }
    Parts parts = read.get(documentId);
    if (parts == null) {
      parts = read(documentId);
      read.put(documentId, parts);
    }
    return parts;
  }

  /** A row was added to the document's attachments, trail or direction items. */
  void changed(long documentId) {
    memo.forget(documentId);
  }

  private Parts read(long documentId) {
    List<File> files = new ArrayList<>();
    List<Answer> answers = new ArrayList<>();
    List<Item> items = new ArrayList<>();
    for (Object[] row : entities.createQuery(QUERY, Object[].class)
        .setParameter("document", documentId).getResultList()) {
      long key = (Long) row[1];
      String first = (String) row[2];
      String second = (String) row[3];
      String third = (String) row[4];
      Instant at = (Instant) row[5];
      String body = (String) row[6];
      switch ((String) row[0]) {
        case "A" -> files.add(new File(key, first));
        case "T" -> answers.add(new Answer(key, TrailAction.valueOf(first), second, third, at,
            body));
        default -> items.add(new Item((int) key, first, second,
            DirectionItem.unitList(third), at, body));
      }
    }
    files.sort(Comparator.comparingLong(File::id));
    answers.sort(Comparator.comparing(Answer::at).thenComparingLong(Answer::id));
    items.sort(Comparator.comparingInt(Item::position));
    return new Parts(List.copyOf(files), List.copyOf(answers), List.copyOf(items));
  }
}
