package vn.khcn.workflow.shared.process;

import java.util.ArrayList;
import java.util.List;

/**
 * A text the server composes for the top of a task's form (a document with its trail, a research
 * task with its councils and reports) fitted into a Camunda string variable: the engine keeps
 * strings in a {@code varchar(4000)} column, and a longer one fails the insert, so the command
 * that creates the task (a director's direction, a unit's result) would fail with it. When the
 * text is longer, its longest lines are shortened, each to the same length and ending in "…",
 * until it fits with a note saying so; every line stays, headings and short lines whole. Only
 * when there are too many lines for that are the last ones left out. The full record stays on
 * the document's or task's own page.
 */
public final class ViewText {

  /** A shortened line keeps at least this many characters before lines are left out. */
  static final int MIN_LINE = 80;

  static final String NOTE = "\n\n(Một số đoạn dài đã được rút gọn để vừa khung hiển thị của"
      + " công việc; nội dung đầy đủ xem trên trang của hồ sơ.)";

  private ViewText() {}

  /** The text itself when it fits in {@link Variable#MAX_TEXT} characters, else its fitted form. */
  public static String fit(String text) {
    return fit(text, Variable.MAX_TEXT);
  }

  static String fit(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int budget = max - NOTE.length();
    String[] lines = text.split("\n", -1);
    int cap = largestCap(lines, budget);
    List<String> kept = new ArrayList<>();
    int used = 0;
    for (String line : lines) {
      String shown = shorten(line, cap);
      int cost = shown.length() + (kept.isEmpty() ? 0 : 1);
      if (used + cost > budget) {
        break;
      }
      kept.add(shown);
      used += cost;
    }
    return String.join("\n", kept).strip() + NOTE;
  }

  /**
   * The largest line length {@code c} such that every line shortened to {@code c} fits the
   * budget with the line breaks; {@link #MIN_LINE} when even that does not fit.
   */
  private static int largestCap(String[] lines, int budget) {
    int longest = 0;
    for (String line : lines) {
      longest = Math.max(longest, line.length());
    }
    int low = MIN_LINE;
    int high = longest;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (length(lines, mid) <= budget) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low;
  }

  private static long length(String[] lines, int cap) {
    long total = lines.length - 1L;
    for (String line : lines) {
      total += Math.min(line.length(), cap);
    }
    return total;
  }

  /** The line itself, or its first {@code cap - 1} characters and "…" (never half a pair). */
  static String shorten(String line, int cap) {
    if (line.length() <= cap) {
      return line;
    }
    int end = cap - 1;
    if (Character.isHighSurrogate(line.charAt(end - 1))) {
      end--;
    }
    return line.substring(0, end).stripTrailing() + "…";
  }
}
