package vn.khcn.workflow.reports;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Bar charts drawn on the server: the geometry of each bar in SVG user units, which the page
 * writes as {@code <rect>} and {@code <text>} elements (no script, no inline style; colours come
 * from khcn.css classes).
 */
final class Charts {

  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("dd/MM");

  /** Side-by-side bars span the page: wide and low, so the page keeps its height. */
  static final int WIDTH = 960;
  private static final int COLUMN_HEIGHT = 200;
  private static final int LEFT = 22;
  private static final int TOP = 18;
  private static final int BOTTOM = 24;
  private static final int ROW_HEIGHT = 30;
  /** Bars one under the other are drawn narrower: they sit two to a row on the page. */
  static final int ROWS_WIDTH = 480;
  private static final int LABEL_WIDTH = 190;
  private static final int VALUE_WIDTH = 56;

  /**
   * A value to draw: a short label under or beside the bar, a longer tooltip title, and the text
   * shown for the value (null: the value itself; "–" where there is no number).
   */
  record Bar(String label, String title, double value, String shown) {
    Bar(String label, String title, double value) {
      this(label, title, value, null);
    }
  }

  /** A bar as drawn: the rectangle, its value text and label positions. */
  record Shape(String label, String title, String valueText, double x, double y, double width,
      double height, double valueX, double valueY, double labelX, double labelY,
      boolean labelShown) {}

  /** A chart: its size (viewBox), shapes and the baseline. */
  record Chart(String id, String title, int width, int height, List<Shape> bars,
      double axisY, boolean horizontal, boolean empty) {}

  private Charts() {}

  /** Vertical bars side by side (e.g. documents received per week). */
  static Chart columns(String id, String title, List<Bar> values, String suffix) {
    double max = Math.max(1, values.stream().mapToDouble(Bar::value).max().orElse(0));
    int n = Math.max(1, values.size());
    double plotWidth = WIDTH - 2d * LEFT;
    double plotHeight = COLUMN_HEIGHT - TOP - BOTTOM;
    double slot = plotWidth / n;
    int labelEvery = (int) Math.ceil(n / 12d);
    List<Shape> shapes = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      Bar bar = values.get(i);
      double height = round(bar.value() / max * plotHeight);
      double x = round(LEFT + i * slot + slot * 0.1);
      double width = round(Math.max(1, slot * 0.8));
      double y = round(TOP + plotHeight - height);
      shapes.add(new Shape(bar.label(), bar.title() + ": " + text(bar.value()) + suffix,
          n <= 26 || bar.value() == max ? text(bar.value()) : "", x, y, width, height,
          round(x + width / 2), round(y - 4), round(x + width / 2),
          COLUMN_HEIGHT - 6d, i % labelEvery == 0));
    }
    return new Chart(id, title, WIDTH, COLUMN_HEIGHT, shapes, TOP + plotHeight, false,
        values.stream().allMatch(b -> b.value() == 0));
  }

  /** Horizontal bars one under the other (e.g. per unit); max is the full length (100 for %). */
  static Chart rows(String id, String title, List<Bar> values, Double fixedMax, String suffix) {
    double max = fixedMax != null ? fixedMax
        : Math.max(1, values.stream().mapToDouble(Bar::value).max().orElse(0));
    double plotWidth = ROWS_WIDTH - LABEL_WIDTH - VALUE_WIDTH;
    List<Shape> shapes = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      Bar bar = values.get(i);
      double y = TOP / 2d + i * ROW_HEIGHT;
      double width = round(Math.max(0, bar.value()) / max * plotWidth);
      String shown = bar.shown() != null ? bar.shown() : text(bar.value()) + suffix;
      shapes.add(new Shape(bar.label(), bar.title() + ": " + shown, shown, LABEL_WIDTH, y,
          width, ROW_HEIGHT - 10d,
          round(LABEL_WIDTH + width + 6), y + 15, LABEL_WIDTH - 8d, y + 15, true));
    }
    int height = TOP + values.size() * ROW_HEIGHT;
    return new Chart(id, title, ROWS_WIDTH, height, shapes, 0, true,
        values.stream().allMatch(b -> b.value() == 0));
  }

  static String text(double value) {
    return value == Math.rint(value) ? Long.toString((long) value)
        : String.format(java.util.Locale.ROOT, "%.1f", value).replace('.', ',');
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10d;
  }
}
