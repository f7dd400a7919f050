package vn.khcn.workflow.papers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Random;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The table papers' measuring against PDFBox's own: a width is what {@code getStringWidth} says,
 * a wrapped line fits its cell and could not have taken the next word, nothing is lost but white
 * space and characters the font cannot show.
 */
class FontMetricsTest {

  private static final String WORDS = "Ủy ban nhân dân thành phố đề nghị Sở Khoa học và Công nghệ"
      + " báo cáo tình hình thực hiện nhiệm vụ khoa học cấp thành phố năm 2026 số 117/2026/QĐ-UBND"
      + " trước ngày 15/12 kèm theo danh sách đề tài quá hạn nghiệm thu Quyết-định-rất-dài-không-"
      + "có-khoảng-trắng-nào-để-ngắt";

  private PDDocument document;
  private TrueTypeFont ttf;
  private PDType0Font font;
  private FontMetrics metrics;

  @BeforeEach
  void loadFont() throws IOException {
    document = new PDDocument();
    try (InputStream in = getClass().getClassLoader()
        .getResourceAsStream("fonts/LiberationSerif-Regular.ttf")) {
      ttf = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
    }
    ttf.setEnableGsub(false);
    font = PDType0Font.load(document, ttf, true);
    metrics = new FontMetrics(font);
  }

  @AfterEach
  void close() throws IOException {
    document.close();
    ttf.close();
  }

  @Test
  void widthsAreWhatPdfboxMeasures() throws IOException {
    Random random = new Random(20);
    String[] words = WORDS.split(" ");
    for (int i = 0; i < 200; i++) {
      StringBuilder text = new StringBuilder();
      for (int w = random.nextInt(12); w >= 0; w--) {
        text.append(words[random.nextInt(words.length)]).append(' ');
      }
      String line = text.toString().strip();
      assertThat(metrics.width(line, 10f)).as(line)
          .isEqualTo(font.getStringWidth(line) / 1000f * 10f);
    }
  }

  @Test
  void linesFitTheirCellAndAreFilledGreedily() throws IOException {
    for (float cell : new float[] {40f, 90f, 150f, 400f}) {
      List<String> lines = metrics.lines(WORDS, 10f, cell);
      assertThat(String.join(" ", lines).replace(" ", ""))
          .as("every letter kept in order").isEqualTo(WORDS.replace(" ", ""));
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        assertThat(font.getStringWidth(line) / 1000f * 10f).as("%s in %s", line, cell)
            .isLessThanOrEqualTo(cell);
        if (i + 1 < lines.size() && WORDS.contains(line + " " + lines.get(i + 1))) {
          String next = lines.get(i + 1).split(" ")[0];
          assertThat(font.getStringWidth(line + " " + next) / 1000f * 10f)
              .as("the next word %s would have fitted after %s", next, line)
              .isGreaterThan(cell);
        }
      }
    }
  }

  @Test
  void printableTextKeepsWhatTheFontShows() {
    assertThat(metrics.printable("  Quyết\tđịnh\n\nsố 12 \uD83D\uDE00 ")).isEqualTo(
        "Quyết định số 12");
    assertThat(metrics.printable("số \uD83D\uDE00 12")).isEqualTo("số 12");
    // decomposed letters are composed first, so the precomposed glyphs are used
    assertThat(metrics.printable("Nghe\u0323\u0302 đi\u0323nh"))
        .isEqualTo("Ngh\u1EC7 đ\u1ECBnh");
    assertThat(metrics.printable(null)).isEmpty();
    assertThat(Float.isNaN(metrics.advance(0x1F600))).as("no glyph for an emoji").isTrue();
  }
}
