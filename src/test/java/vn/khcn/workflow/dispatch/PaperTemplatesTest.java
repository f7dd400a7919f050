package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import vn.khcn.workflow.papers.PdfRenderer;

/**
 * The paper templates rendered without a server: every Vietnamese letter is printed in the
 * embedded Liberation Serif and reads back the same, and a closed year's register ends with the
 * closing line that a {@link RegisterClosing} supplies.
 */
class PaperTemplatesTest {

  /** Every vowel with each of the five tones, đ, in both cases. */
  static final String VIETNAMESE = "aàáảãạ ăằắẳẵặ âầấẩẫậ eèéẻẽẹ êềếểễệ iìíỉĩị oòóỏõọ ôồốổỗộ "
      + "ơờớởỡợ uùúủũụ ưừứửữự yỳýỷỹỵ đ";

  final PdfRenderer pdf = new PdfRenderer(engine());

  static SpringTemplateEngine engine() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    resolver.setCharacterEncoding("UTF-8");
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }

  @Test
  void everyVietnameseLetterIsPrintedInTheEmbeddedSerifAndReadsBack() {
    String letters = VIETNAMESE + " " + VIETNAMESE.toUpperCase(java.util.Locale.forLanguageTag("vi"));
    RegisterPapers.RegisterRow row = new RegisterPapers.RegisterRow("02/12/2026", "7",
        "Ủy ban nhân dân thành phố Cần Thơ", "12/KH-UBND", "01/12/2026",
        "Kế hoạch – " + letters, "Phòng Quản lý khoa học (chủ trì, Nguyễn Thị Thu Hà)",
        "02/12/2026", "");

    PdfText text = PdfText.of(RegisterPdf.render(pdf,
        List.of("ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"),
        "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN", "Từ ngày 01/12/2026 đến ngày 02/12/2026",
        List.of(new RegisterPapers.RegisterYear(2026, List.of(row), null))));

    for (String word : letters.split(" ")) {
      assertThat(text.text()).as("letters %s", word).contains(word);
    }
    assertThat(text.text()).contains("Ủy ban nhân dân thành phố Cần Thơ", "Nguyễn Thị Thu Hà",
        "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ");
    assertThat(text.fonts()).isNotEmpty().allSatisfy(font -> {
      assertThat(font.isEmbedded()).as("%s embedded", font.getName()).isTrue();
      assertThat(font.getName()).contains("LiberationSerif");
    });
    assertThat(text.text()).doesNotContain("Sổ này");
  }

  @Test
  void aClosedYearEndsWithItsClosingLineAfterItsLastRow() {
    RegisterPapers.RegisterRow last = new RegisterPapers.RegisterRow("31/12/2025", "1432",
        "Bộ Khoa học và Công nghệ", "88/BKHCN-VP", "30/12/2025", "Công văn – Báo cáo năm",
        "", "", "");
    RegisterPapers.RegisterRow next = new RegisterPapers.RegisterRow("02/01/2026", "1",
        "Thành ủy Cần Thơ", "5-CV/TU", "02/01/2026", "Công văn – Đầu năm", "", "", "");
    String closing = "Sổ đăng ký văn bản đến năm 2025 khóa ngày 31/12/2025: 1.432 văn bản, từ số 1"
        + " đến số 1432.";

    String text = PdfText.of(RegisterPdf.render(pdf,
        List.of("ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"),
        "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN", "Từ ngày 01/12/2025 đến ngày 31/01/2026",
        List.of(new RegisterPapers.RegisterYear(2025, List.of(last), closing),
            new RegisterPapers.RegisterYear(2026, List.of(next), null)))).text();

    assertThat(text).contains(closing);
    assertThat(text.indexOf(closing)).isGreaterThan(text.indexOf("88/BKHCN-VP"))
        .isLessThan(text.indexOf("5-CV/TU"));
  }

  /**
   * A register of 2,000 rows with long summaries: every row once and in order, the headers and
   * "Trang i / n" on every page. The time is printed for the record, not asserted.
   */
  @Test
  void aLongRegisterKeepsEveryRowInOrderWithHeadersAndNumbersOnEveryPage() {
    int count = 2000;
    List<RegisterPapers.RegisterRow> rows = new java.util.ArrayList<>();
    for (int i = 1; i <= count; i++) {
      rows.add(new RegisterPapers.RegisterRow("02/12/2026", String.valueOf(i),
          "Bộ Khoa học và Công nghệ", i + "/BKHCN-VP", "01/12/2026", "Công văn – Về việc "
          + "triển khai nhiệm vụ khoa học và công nghệ cấp tỉnh năm 2027, hồ sơ số R" + i + "R",
          "Phòng Quản lý khoa học (chủ trì, Nguyễn Thị Thu Hà); Phòng Kế hoạch – Tài chính"
              + " (phối hợp)", "03/12/2026", i % 7 == 0 ? "Bản sao" : ""));
    }
    long start = System.nanoTime();
    byte[] bytes = RegisterPdf.render(pdf, List.of("ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ",
        "SỞ KHOA HỌC VÀ CÔNG NGHỆ"), "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN", "Từ ngày 01/12/2026 đến ngày "
        + "02/12/2026", List.of(new RegisterPapers.RegisterYear(2026, rows, null)));
    System.out.printf("register PDF, %d rows: %.2f s, %d bytes%n", count,
        (System.nanoTime() - start) / 1e9, bytes.length);

    PdfText text = PdfText.of(bytes);
    assertThat(text.pages()).hasSizeGreaterThan(count / 40);
    for (int i = 0; i < text.pages().size(); i++) {
      assertThat(text.page(i)).as("page %d", i + 1)
          .contains("Tên loại và trích yếu nội dung", "Đơn vị hoặc người nhận", "(10)")
          .contains("Trang " + (i + 1) + " / " + text.pages().size());
    }
    String compact = text.compact();
    int at = -1;
    for (int i = 1; i <= count; i++) {
      int next = compact.indexOf("R" + i + "R", at + 1);
      assertThat(next).as("row %d after row %d", i, i - 1).isGreaterThan(at);
      at = next;
    }
  }
}
