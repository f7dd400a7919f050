package vn.khcn.workflow.dispatch;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 rows; cells starting with = + - @ are prefixed so spreadsheets do not run them. */
final class Csv {

  static void row(StringBuilder out, String... cells) {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(cells[i]));
    }
    out.append("\r\n");
  }

  static String cell(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String text = value;
    if ("=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }

  /**
   * The rows of an RFC 4180 text (quoted cells with "" for a quote, CRLF or LF line ends, a
   * leading byte-order mark ignored), each with the line it starts on; blank lines are skipped.
   * A quote left open is reported as a problem of its line.
   */
  static List<Line> parse(String text) {
    List<Line> lines = new ArrayList<>();
    String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    int line = 1;
    int start = 1;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          if (c == '\n') {
            line++;
          }
          cell.append(c);
        }
      } else if (c == '"' && cell.isEmpty()) {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
          i++;
        }
        cells.add(cell.toString());
        cell.setLength(0);
        addLine(lines, start, cells);
        cells = new ArrayList<>();
        line++;
        start = line;
      } else {
        cell.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("dòng " + start + ": thiếu dấu ngoặc kép đóng");
    }
    cells.add(cell.toString());
    addLine(lines, start, cells);
    return lines;
  }

  /** One parsed row and the line of the file it starts on. */
  record Line(int number, List<String> cells) {}

  private static void addLine(List<Line> lines, int number, List<String> cells) {
    if (!cells.stream().allMatch(String::isBlank)) {
      lines.add(new Line(number, List.copyOf(cells)));
    }
  }

  private Csv() {}
}
