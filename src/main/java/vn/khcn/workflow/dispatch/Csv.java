package vn.khcn.workflow.dispatch;

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

  private Csv() {}
}
