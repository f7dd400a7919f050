package vn.khcn.workflow.papers;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Prints a paper: a Thymeleaf template of {@code templates/pdf/} (well-formed XHTML, CSS paged
 * media for the page size, page numbers and repeated table headers) laid out as PDF by
 * openhtmltopdf on PDFBox, in Liberation Serif (metric-compatible with Times New Roman, every
 * Vietnamese glyph) shipped in the jar and embedded as a subset in every file (ADR 0016).
 */
@Component
public class PdfRenderer {

  /** The family name the templates' CSS uses. */
  public static final String FONT_FAMILY = "Liberation Serif";

  private record Face(String resource, int weight, FontStyle style) {}

  private static final List<Face> FACES = List.of(
      new Face("fonts/LiberationSerif-Regular.ttf", 400, FontStyle.NORMAL),
      new Face("fonts/LiberationSerif-Bold.ttf", 700, FontStyle.NORMAL),
      new Face("fonts/LiberationSerif-Italic.ttf", 400, FontStyle.ITALIC));

  private final ITemplateEngine templates;
  /** The font files, read once: each paper reads them from memory. */
  private final Map<Face, byte[]> fonts;

  public PdfRenderer(ITemplateEngine templates) {
    this.templates = templates;
    this.fonts = FACES.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
        face -> face, face -> read(face.resource())));
  }

  /**
   * The PDF of {@code templates/pdf/<template>.html} with these variables.
   *
   * @param template the template's name without folder and extension, e.g. "slip"
   */
  public byte[] render(String template, Map<String, Object> variables) {
    Context context = new Context(Locale.forLanguageTag("vi-VN"), variables);
    String html = templates.process("pdf/" + template, context);
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      for (Face face : FACES) {
        byte[] bytes = fonts.get(face);
        builder.useFont(() -> new ByteArrayInputStream(bytes), FONT_FAMILY, face.weight(),
            face.style(), true);
      }
      builder.withHtmlContent(html, null);
      builder.withProducer("khcn-workflow");
      builder.toStream(out);
      builder.run();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("PDF " + template + " could not be written", e);
    }
  }

  /**
   * A long table paper written row by row (the registers), in the same embedded fonts: the
   * caller adds the heading and rows, then {@link TablePdf#finish()}; close it afterwards.
   */
  public TablePdf table(List<TablePdf.Column> columns) {
    return new TablePdf(fonts.get(FACES.get(0)), fonts.get(FACES.get(1)), fonts.get(FACES.get(2)),
        columns);
  }

  private static byte[] read(String resource) {
    try (InputStream in = PdfRenderer.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Font " + resource + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
