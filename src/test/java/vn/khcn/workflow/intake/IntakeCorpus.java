package vn.khcn.workflow.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * The intake corpus of src/test/resources/intake/corpus (README there): each document's text
 * ({@code NN-name.txt}, the two columns of a row separated by a TAB) and its true fields
 * ({@code NN-name.json}; {@code textFile} names a text kept elsewhere), rendered at test time the way documents arrive: plain text (columns one
 * after the other, as copied from a table), a text PDF (columns side by side, which PDFBox glues
 * into one line; long lines wrapped mid-phrase), a DOCX (columns as a table) and a scan (Java2D at
 * 200 dpi with Liberation Serif, slightly rotated, with speckles; PNG, TIFF or an image-only PDF).
 * Public for the intake benchmark.
 */
public final class IntakeCorpus {

  /** A corpus document: its name, text, true fields and the formats it is rendered in. */
  public record Doc(String name, String text, String origin, Map<String, Object> truth,
      List<String> formats) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FONT = "/fonts/LiberationSerif-Regular.ttf";
  private static final IntakeService SERVICE =
      new IntakeService(new Ocr("tesseract", 300), 20L << 20, 40_000_000, 10);

  private IntakeCorpus() {}

  /** Every document of the corpus, by name. */
  public static List<Doc> load() {
    try {
      Path dir = Path.of(IntakeCorpus.class.getResource("/intake/corpus").toURI());
      List<Doc> docs = new ArrayList<>();
      try (Stream<Path> files = Files.list(dir)) {
        for (Path json : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
          String name = json.getFileName().toString().replaceFirst("\\.json$", "");
          JsonNode node = JSON.readTree(json.toFile());
          String textFile = node.has("textFile") ? node.get("textFile").asText() : name + ".txt";
          String text = Files.readString(dir.resolve(textFile), StandardCharsets.UTF_8);
          Map<String, Object> truth = new LinkedHashMap<>();
          node.get("fields").fields().forEachRemaining(e -> truth.put(e.getKey(),
              e.getValue().isNull() ? null : e.getValue().isArray()
                  ? JSON.convertValue(e.getValue(), List.class) : e.getValue().asText()));
          List<String> formats = new ArrayList<>();
          node.get("formats").forEach(f -> formats.add(f.asText()));
          docs.add(new Doc(name, text, node.get("origin").asText(), truth, formats));
        }
      }
      return docs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What intake reads from a file (the service the endpoint uses, OCR by tesseract). */
  public static Extraction extract(byte[] content) {
    return SERVICE.extract(content);
  }

  /** Whether tesseract with the Vietnamese model is installed. */
  public static boolean ocrAvailable() {
    return new Ocr("tesseract", 30).available();
  }

  /** The file of a document in one format: TEXT, PDF, DOCX, or SCAN (a rendered image). */
  public static byte[] render(Doc doc, String format) {
    try {
      return switch (format) {
        case "TEXT" -> plain(doc.text()).getBytes(StandardCharsets.UTF_8);
        case "PDF" -> pdf(doc.text());
        case "DOCX" -> docx(doc.text());
        case "SCAN" -> scan(doc);
        default -> throw new IllegalArgumentException(format);
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rows of the text: a row with a TAB has a left and a right cell. */
  private static List<String[]> rows(String text) {
    List<String[]> rows = new ArrayList<>();
    for (String line : text.replace("\r", "").split("\n", -1)) {
      int tab = line.indexOf('\t');
      rows.add(tab < 0 ? new String[] {line} : new String[] {line.substring(0, tab).strip(),
          line.substring(tab + 1).strip()});
    }
    return rows;
  }

  /** Plain text: in a block of two-column rows, the left cells, then the right cells. */
  static String plain(String text) {
    StringBuilder out = new StringBuilder();
    List<String> right = new ArrayList<>();
    for (String[] row : rows(text)) {
      if (row.length == 2) {
        if (!row[0].isEmpty()) {
          out.append(row[0]).append('\n');
        }
        if (!row[1].isEmpty()) {
          right.add(row[1]);
        }
      } else {
        right.forEach(r -> out.append(r).append('\n'));
        right.clear();
        out.append(row[0]).append('\n');
      }
    }
    right.forEach(r -> out.append(r).append('\n'));
    return out.toString();
  }

  private static byte[] fontBytes() throws IOException {
    try (InputStream in = IntakeCorpus.class.getResourceAsStream(FONT)) {
      return in.readAllBytes();
    }
  }

  /** A text PDF: columns side by side at 56 pt and 300 pt, other lines wrapped at 480 pt. */
  static byte[] pdf(String text) throws IOException {
    try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDType0Font font = PDType0Font.load(pdf, new ByteArrayInputStream(fontBytes()));
      float size = 11;
      float y = 0;
      PDPageContentStream stream = null;
      for (String[] row : rows(text)) {
        List<String> lines = row.length == 2 ? List.of("") : wrap(row[0],
            s -> font.getStringWidth(s) / 1000 * size, 480);
        for (String line : lines) {
          if (stream == null || y < 60) {
            if (stream != null) {
              stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            stream = new PDPageContentStream(pdf, page);
            y = 790;
          }
          if (row.length == 2) {
            show(stream, font, size, 56, y, row[0]);
            show(stream, font, size, 300, y, row[1]);
          } else {
            show(stream, font, size, 56, y, line);
          }
          y -= size * 1.45f;
        }
      }
      if (stream != null) {
        stream.close();
      }
      pdf.save(out);
      return out.toByteArray();
    }
  }

  private static void show(PDPageContentStream stream, PDType0Font font, float size, float x,
      float y, String text) throws IOException {
    if (!text.isEmpty()) {
      stream.beginText();
      stream.setFont(font, size);
      stream.newLineAtOffset(x, y);
      stream.showText(text);
      stream.endText();
    }
  }

  interface Width {
    float of(String text) throws IOException;
  }

  /** The words of a line wrapped at {@code max}: the breaks fall wherever the width says. */
  private static List<String> wrap(String line, Width width, float max) throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String word : line.split(" ")) {
      String next = current.isEmpty() ? word : current + " " + word;
      if (!current.isEmpty() && width.of(next) > max) {
        lines.add(current.toString());
        current = new StringBuilder(word);
      } else {
        current = new StringBuilder(next);
      }
    }
    lines.add(current.toString());
    return lines;
  }

  /** A DOCX: a block of two-column rows becomes a table, each cell one paragraph per line. */
  static byte[] docx(String text) throws IOException {
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      List<String[]> block = new ArrayList<>();
      for (String[] row : rows(text)) {
        if (row.length == 2) {
          block.add(row);
          continue;
        }
        table(doc, block);
        doc.createParagraph().createRun().setText(row[0]);
      }
      table(doc, block);
      doc.write(out);
      return out.toByteArray();
    }
  }

  private static void table(XWPFDocument doc, List<String[]> block) {
    if (block.isEmpty()) {
      return;
    }
    XWPFTable table = doc.createTable(1, 2);
    XWPFTableRow row = table.getRow(0);
    for (int column = 0; column < 2; column++) {
      XWPFTableCell cell = row.getCell(column);
      boolean first = true;
      for (String[] cells : block) {
        if (cells[column].isEmpty()) {
          continue;
        }
        (first ? cell.getParagraphs().get(0) : cell.addParagraph()).createRun()
            .setText(cells[column]);
        first = false;
      }
    }
    block.clear();
  }

  /** The scan's pages: 200 dpi, Liberation Serif 11 pt, rotated a little, speckled. */
  public static List<BufferedImage> scanPages(Doc doc) throws IOException {
    double scale = 200 / 72.0;
    Font font;
    try {
      font = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(fontBytes()))
          .deriveFont((float) (11 * scale));
    } catch (FontFormatException e) {
      throw new IOException(e);
    }
    Random random = new Random(doc.name().hashCode());
    double angle = Math.toRadians((random.nextDouble() - 0.5) * 0.8);
    List<BufferedImage> pages = new ArrayList<>();
    Graphics2D g = null;
    BufferedImage page = null;
    double y = 0;
    int lineHeight = (int) (11 * 1.45 * scale);
    Graphics2D scratch = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY).createGraphics();
    FontMetrics metrics = scratch.getFontMetrics(font);
    scratch.dispose();
    for (String[] row : rows(doc.text())) {
      List<String> lines = row.length == 2 ? List.of(row[0])
          : wrap(row[0], s -> metrics.stringWidth(s), (float) (480 * scale));
      for (String line : lines) {
        if (g == null || y > page.getHeight() - 60 * scale) {
          if (g != null) {
            speckle(page, random);
            g.dispose();
          }
          page = new BufferedImage(1654, 2339, BufferedImage.TYPE_BYTE_GRAY);
          pages.add(page);
          g = page.createGraphics();
          g.setColor(Color.WHITE);
          g.fillRect(0, 0, page.getWidth(), page.getHeight());
          g.setColor(Color.BLACK);
          g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
              RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
          g.setFont(font);
          g.rotate(angle, page.getWidth() / 2.0, page.getHeight() / 2.0);
          y = 60 * scale;
        }
        if (row.length == 2) {
          g.drawString(row[0], (int) (56 * scale), (int) y);
          g.drawString(row[1], (int) (300 * scale), (int) y);
        } else {
          g.drawString(line, (int) (56 * scale), (int) y);
        }
        y += lineHeight;
      }
    }
    speckle(page, random);
    g.dispose();
    return pages;
  }

  private static void speckle(BufferedImage page, Random random) {
    for (int i = 0; i < 1500; i++) {
      int x = random.nextInt(page.getWidth() - 2);
      int y = random.nextInt(page.getHeight() - 2);
      int gray = random.nextInt(160);
      page.getRaster().setSample(x, y, 0, gray);
      page.getRaster().setSample(x + 1, y, 0, gray);
    }
  }

  /** A scan as a file: PNG (one page), multi-page TIFF, or an image-only PDF, by document. */
  private static byte[] scan(Doc doc) throws IOException {
    List<BufferedImage> pages = scanPages(doc);
    int kind = Math.floorMod(doc.name().hashCode(), 3);
    if (kind == 0 && pages.size() == 1) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(pages.get(0), "png", out);
      return out.toByteArray();
    }
    if (kind == 1) {
      return tiff(pages);
    }
    try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (BufferedImage image : pages) {
        PDPage page = new PDPage(PDRectangle.A4);
        pdf.addPage(page);
        PDImageXObject x = LosslessFactory.createFromImage(pdf, image);
        try (PDPageContentStream stream = new PDPageContentStream(pdf, page)) {
          stream.drawImage(x, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
        }
      }
      pdf.save(out);
      return out.toByteArray();
    }
  }

  private static byte[] tiff(List<BufferedImage> pages) throws IOException {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("tiff");
    ImageWriter writer = writers.next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      writer.prepareWriteSequence(null);
      for (BufferedImage page : pages) {
        writer.writeToSequence(new IIOImage(page, null, null), null);
      }
      writer.endWriteSequence();
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }
}
