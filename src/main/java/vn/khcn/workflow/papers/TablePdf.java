package vn.khcn.workflow.papers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A long table paper (a register) written straight with PDFBox, row after row: A4 landscape, the
 * heading on the first page, the column headers repeated on every page, a row never split unless
 * it is taller than a page, "Trang i / n" at the foot of every page, Liberation Serif embedded as
 * a subset (ADR 0016). Laying out a register of 20,000 rows as one HTML table took openhtmltopdf
 * minutes (ADR 0025); this costs the same per row at any length. Not thread-safe: one per paper.
 */
public final class TablePdf implements AutoCloseable {

  /** A column: its headers (one per header row), its share of the width, centred or not. */
  public record Column(List<String> headers, float share, boolean centred) {

    /** A column headed by its title over its number, as the Decree's registers are: "(1)". */
    public static Column numbered(String title, String number, float share, boolean centred) {
      return new Column(List.of(title, number), share, centred);
    }
  }

  private static final float MM = 72f / 25.4f;
  private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(),
      PDRectangle.A4.getWidth());
  private static final float LEFT = 12 * MM;
  private static final float TOP = 14 * MM;
  private static final float BOTTOM = 16 * MM;
  private static final float WIDTH = PAGE.getWidth() - 2 * LEFT;
  private static final float PAD = 2f;
  private static final float SIZE = 10f;
  private static final float LEADING = 11.5f;
  private static final float BORDER = 0.6f;

  private final PDDocument document = new PDDocument();
  /** The parsed font files, closed with the document. */
  private final List<TrueTypeFont> parsed = new ArrayList<>();
  private final PDType0Font regular;
  private final PDType0Font bold;
  private final PDType0Font italic;
  private final List<Column> columns;
  private final float[] widths;
  private final Map<PDType0Font, FontMetrics> metrics = new HashMap<>();
  private PDPageContentStream page;
  /** The page's font and size in effect (text state outlives a text object): set on change. */
  private PDType0Font pageFont;
  private float pageSize;
  private float y;
  /** Whether a body row stands on the current page (else a tall row is split, not moved). */
  private boolean rowsOnPage;

  TablePdf(byte[] regular, byte[] bold, byte[] italic, List<Column> columns) {
    try {
      this.regular = font(regular);
      this.bold = font(bold);
      this.italic = font(italic);
    } catch (IOException e) {
      throw new UncheckedIOException("The paper's fonts could not be loaded", e);
    }
    this.columns = List.copyOf(columns);
    float total = (float) columns.stream().mapToDouble(Column::share).sum();
    this.widths = new float[columns.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = WIDTH * columns.get(i).share() / total;
    }
  }

  /**
   * The font with glyph substitution (GSUB) off: PDFBox 3.0 otherwise builds and compiles a
   * regular expression over the font's ligatures for every piece of text shown, which cost about
   * 9 ms a row here; Vietnamese letters are single precomposed glyphs and need none.
   */
  private PDType0Font font(byte[] file) throws IOException {
    TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(file));
    ttf.setEnableGsub(false);
    parsed.add(ttf);
    return PDType0Font.load(document, ttf, true);
  }

  /** The first page's heading: the agency's lines (the last in bold), the title, the period. */
  public void heading(List<String> agency, String title, String period) {
    newPage(false);
    for (int i = 0; i < agency.size(); i++) {
      centred(agency.get(i), i == agency.size() - 1 ? bold : regular, 11f);
    }
    y -= 4 * MM;
    centred(title, bold, 15f);
    centred(period, italic, 11f);
    y -= 4 * MM;
    headers();
  }

  /** One row, a cell per column; null cells are empty. */
  public void row(String... cells) {
    emphasisedRow(-1, cells);
  }

  /** One row whose cell in column {@code bold} is in bold (an overdue duty's progress). */
  public void emphasisedRow(int bold, String... cells) {
    PDType0Font[] fonts = new PDType0Font[columns.size()];
    boolean[] centred = new boolean[columns.size()];
    for (int i = 0; i < fonts.length; i++) {
      fonts[i] = i == bold ? this.bold : regular;
      centred[i] = columns.get(i).centred();
    }
    draw(cells, widths, centred, fonts, false);
  }

  /**
   * A row whose text, in italic, spans the columns from {@code first} to the last, the cells
   * before it empty: a line under the row above (a direction item under its document).
   */
  public void spannedRow(int first, String text) {
    float[] spans = new float[first + 1];
    PDType0Font[] fonts = new PDType0Font[first + 1];
    String[] cells = new String[first + 1];
    for (int i = 0; i < first; i++) {
      spans[i] = widths[i];
      fonts[i] = regular;
    }
    for (int i = first; i < widths.length; i++) {
      spans[first] += widths[i];
    }
    fonts[first] = italic;
    cells[first] = text;
    draw(cells, spans, new boolean[first + 1], fonts, false);
  }

  /** A row over the whole width, in italic: a closing line, or "nothing in this range". */
  public void wideRow(String text, boolean centred) {
    List<String> wrapped = wrap(text, italic, SIZE, WIDTH - 4 * PAD);
    float height = wrapped.size() * LEADING + 4 * PAD + 2;
    if (y - height < BOTTOM) {
      newPage(true);
    }
    float top = y;
    float baseline = top - 2 * PAD - SIZE;
    for (String line : wrapped) {
      text(line, italic, SIZE, centred ? LEFT + (WIDTH - width(line, italic, SIZE)) / 2
          : LEFT + 2 * PAD, baseline);
      baseline -= LEADING;
    }
    box(LEFT, top, WIDTH, height);
    y = top - height;
    rowsOnPage = true;
  }

  /** The finished PDF, with every page numbered. */
  public byte[] finish() {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      closePage();
      int pages = document.getNumberOfPages();
      int i = 0;
      // the page tree walked once: getPage(i) would walk it from the root for every page
      for (PDPage each : document.getPages()) {
        try (PDPageContentStream foot = new PDPageContentStream(document, each,
            AppendMode.APPEND, true)) {
          String number = "Trang " + ++i + " / " + pages;
          foot.beginText();
          foot.setFont(regular, SIZE);
          foot.newLineAtOffset((PAGE.getWidth() - width(number, regular, SIZE)) / 2,
              BOTTOM / 2);
          foot.showText(number);
          foot.endText();
        }
      }
      document.getDocumentInformation().setProducer("khcn-workflow");
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("The paper could not be written", e);
    }
  }

  @Override
  public void close() {
    try {
      closePage();
      document.close();
      for (TrueTypeFont ttf : parsed) {
        ttf.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void headers() {
    int rows = columns.get(0).headers().size();
    PDType0Font[] fonts = new PDType0Font[columns.size()];
    boolean[] centred = new boolean[columns.size()];
    Arrays.fill(fonts, bold);
    Arrays.fill(centred, true);
    for (int r = 0; r < rows; r++) {
      String[] cells = new String[columns.size()];
      for (int i = 0; i < cells.length; i++) {
        cells[i] = columns.get(i).headers().get(r);
      }
      draw(cells, widths, centred, fonts, true);
    }
  }

  /**
   * Draws a row of cells (widths, alignment and font per cell), wrapped; breaks the page before
   * it, or inside it if taller than a page.
   */
  private void draw(String[] texts, float[] cellWidths, boolean[] centred, PDType0Font[] fonts,
      boolean header) {
    List<List<String>> cells = new ArrayList<>();
    int lineCount = 0;
    for (int i = 0; i < cellWidths.length; i++) {
      List<String> wrapped = wrap(i < texts.length ? texts[i] : null, fonts[i], SIZE,
          cellWidths[i] - 2 * PAD);
      cells.add(wrapped);
      lineCount = Math.max(lineCount, wrapped.size());
    }
    int from = 0;
    while (from < lineCount) {
      int fit = (int) Math.floor((y - BOTTOM - 2 * PAD - 2) / LEADING);
      if (!header && fit < lineCount - from && rowsOnPage) {
        newPage(true);
        continue;
      }
      int to = header ? lineCount : Math.min(lineCount, from + Math.max(fit, 1));
      float height = (to - from) * LEADING + 2 * PAD + 2;
      float x = LEFT;
      for (int i = 0; i < cells.size(); i++) {
        List<String> lines = cells.get(i);
        float baseline = y - PAD - SIZE;
        for (int l = from; l < Math.min(to, lines.size()); l++) {
          String line = lines.get(l);
          float inner = cellWidths[i] - 2 * PAD;
          float offset = centred[i] ? (inner - width(line, fonts[i], SIZE)) / 2 : 0;
          text(line, fonts[i], SIZE, x + PAD + Math.max(0, offset), baseline);
          baseline -= LEADING;
        }
        x += cellWidths[i];
      }
      // the row's cell borders as one path, stroked once
      x = LEFT;
      for (float cellWidth : cellWidths) {
        rect(x, y, cellWidth, height);
        x += cellWidth;
      }
      stroke();
      y -= height;
      from = to;
      rowsOnPage = !header;
    }
  }

  private void centred(String line, PDType0Font font, float size) {
    for (String part : wrap(line, font, size, WIDTH)) {
      y -= size * 1.2f;
      text(part, font, size, LEFT + (WIDTH - width(part, font, size)) / 2, y + size * 0.2f);
    }
  }

  private void newPage(boolean withHeaders) {
    try {
      closePage();
      PDPage next = new PDPage(PAGE);
      document.addPage(next);
      page = new PDPageContentStream(document, next, AppendMode.OVERWRITE, true);
      pageFont = null;
      page.setLineWidth(BORDER);
      y = PAGE.getHeight() - TOP;
      rowsOnPage = false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (withHeaders) {
      headers();
    }
  }

  private void closePage() throws IOException {
    if (page != null) {
      page.close();
      page = null;
    }
  }

  private void text(String line, PDType0Font font, float size, float x, float baseline) {
    if (line.isEmpty()) {
      return;
    }
    try {
      page.beginText();
      if (font != pageFont || size != pageSize) {
        page.setFont(font, size);
        pageFont = font;
        pageSize = size;
      }
      page.newLineAtOffset(x, baseline);
      page.showText(line);
      page.endText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void box(float x, float top, float width, float height) {
    rect(x, top, width, height);
    stroke();
  }

  private void rect(float x, float top, float width, float height) {
    try {
      page.addRect(x, top - height, width, height);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void stroke() {
    try {
      page.stroke();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> wrap(String text, PDType0Font font, float size, float width) {
    return metrics(font).lines(text, size, width);
  }

  private float width(String text, PDType0Font font, float size) {
    return metrics(font).width(text, size);
  }

  private FontMetrics metrics(PDType0Font font) {
    return metrics.computeIfAbsent(font, FontMetrics::new);
  }
}
