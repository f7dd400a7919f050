package vn.khcn.workflow.dispatch;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.InvalidInputException;

/**
 * Direction items as clients send them (the inbox API's {@code items}, the inbox page's rows)
 * and as the director's form proposes them: written as the lines of
 * {@link IncomingDirectiveProcess.Vars#DIRECTION_ITEMS}, which the process checks.
 */
@Service
@Transactional(readOnly = true)
public class DirectionItemRequests {

  /** One item of a direction. */
  public record Item(String label, String text, String lead, List<String> coordinating,
      String dueDate, String reportEvery, String reportUntil) {}

  /** A document's numbered item proposed as a direction item, units guessed from its bodies. */
  public record Proposal(String label, String text, List<String> bodies, String lead,
      List<String> coordinating) {}

  private final DocumentItems documentItems;

  DirectionItemRequests(DocumentItems documentItems) {
    this.documentItems = documentItems;
  }

  /** The document's numbered items as proposed direction items. */
  public List<Proposal> proposals(long documentId) {
    return documentItems.ofDocument(documentId).stream().map(item -> {
      List<String> units = DirectionItemSteps.guessUnits(item.getBodies());
      return new Proposal(item.getLabel(), item.getText(), item.getBodies(),
          units.isEmpty() ? null : units.get(0), units.isEmpty() ? List.of()
              : List.copyOf(units.subList(1, units.size())));
    }).toList();
  }

  /**
   * The items as lines (null when none): "label | lead | coordinating | dueDate | reportEvery |
   * reportUntil | text". A part other than the text holding "|", a line break or a control
   * character is refused naming the item; the text's line breaks become spaces.
   */
  public static String lines(List<Item> items) {
    if (items == null || items.isEmpty()) {
      return null;
    }
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      if (item == null) {
        throw refused(i, "mục trống");
      }
      List<String> coordinating = item.coordinating() == null ? List.of() : item.coordinating();
      for (String part : concat(List.of(nz(item.label()), nz(item.lead()), nz(item.dueDate()),
          nz(item.reportEvery()), nz(item.reportUntil())), coordinating)) {
        if (part == null || part.contains("|") || part.contains(",")
            || part.chars().anyMatch(Character::isISOControl)) {
          throw refused(i, "giá trị không hợp lệ: '" + part + "'");
        }
      }
      String text = item.text() == null ? "" : item.text().replaceAll("\\R", " ");
      lines.append(nz(item.label())).append(" | ").append(nz(item.lead())).append(" | ")
          .append(String.join(", ", coordinating)).append(" | ").append(nz(item.dueDate()))
          .append(" | ").append(nz(item.reportEvery())).append(" | ")
          .append(nz(item.reportUntil())).append(" | ").append(text).append('\n');
    }
    return lines.toString();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static String nz(String value) {
    return value == null ? "" : value.strip();
  }

  private static InvalidInputException refused(int index, String message) {
    return new InvalidInputException(List.of(new FieldError("items[" + index + "]", message)));
  }
}
