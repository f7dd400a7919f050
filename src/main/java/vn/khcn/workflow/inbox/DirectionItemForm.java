package vn.khcn.workflow.inbox;

import java.util.ArrayList;
import java.util.List;
import org.springframework.util.MultiValueMap;
import vn.khcn.workflow.dispatch.DirectionItemRequests;

/**
 * The direction items of the inbox page's form: one row per proposed item, fields
 * {@code item_<n>_include}, {@code _label}, {@code _lead}, {@code _coordinating} (several),
 * {@code _dueDate}, {@code _reportEvery}, {@code _reportUntil}; only ticked rows count. The
 * item's text is the document's (left empty here).
 */
final class DirectionItemForm {

  static final int MAX_ROWS = 50;

  static List<DirectionItemRequests.Item> items(MultiValueMap<String, String> params) {
    List<DirectionItemRequests.Item> items = new ArrayList<>();
    for (int n = 0; n < MAX_ROWS; n++) {
      String prefix = "item_" + n + "_";
      if (!params.containsKey(prefix + "label")) {
        break;
      }
      if (!"true".equals(params.getFirst(prefix + "include"))) {
        continue;
      }
      List<String> coordinating = params.getOrDefault(prefix + "coordinating", List.of());
      items.add(new DirectionItemRequests.Item(params.getFirst(prefix + "label"), null,
          blank(params.getFirst(prefix + "lead")), List.copyOf(coordinating),
          blank(params.getFirst(prefix + "dueDate")), blank(params.getFirst(prefix
              + "reportEvery")), blank(params.getFirst(prefix + "reportUntil"))));
    }
    return items;
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private DirectionItemForm() {}
}
