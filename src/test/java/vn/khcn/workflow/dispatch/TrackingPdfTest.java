package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.khcn.workflow.papers.PdfRenderer;

/**
 * The tracking register written row by row with PDFBox ({@link TrackingPdf}, ADR 0036): the
 * seven numbered columns on every page, rows in order with their direction items under them,
 * Vietnamese read back from the embedded font, the unit in the period line, and the line for an
 * empty range.
 */
class TrackingPdfTest {

  static final List<String> AGENCY = List.of("ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ",
      "SỞ KHOA HỌC VÀ CÔNG NGHỆ");
  static final String PERIOD = "Từ ngày 01/12/2026 đến ngày 02/12/2026";

  final PdfRenderer pdf = new PdfRenderer(PaperTemplatesTest.engine());

  @Test
  void rowsItemsAndVietnameseReadBackWithTheColumnsOnEveryPage() {
    List<RegisterPapers.TrackingRow> rows = new ArrayList<>();
    int count = 600;
    for (int i = 1; i <= count; i++) {
      RegisterPapers.TrackingRow row = new RegisterPapers.TrackingRow(i + "/2026",
          "Công văn số " + i + "/UBND-KT ngày 01/12/2026 của Ủy ban nhân dân thành phố Cần Thơ:"
              + " Về việc đẩy mạnh ứng dụng khoa học và công nghệ, hồ sơ R" + i + "R",
          "Phòng Quản lý khoa học (chủ trì)", "20/12/2026",
          i % 5 == 0 ? "Quá hạn, đang xử lý" : "Đang xử lý",
          i % 3 == 0 ? "Số 45/SKHCN-QLKH ngày 18/12/2026" : "",
          i % 4 == 0 ? "Người xử lý: Lê Văn Hùng; Đã nhắc hạn 19/12/2026" : "", i % 5 == 0);
      if (i % 100 == 0) {
        row = row.withItems(List.of(new RegisterPapers.ItemLine("2.a", "Phòng Quản lý khoa học",
            "30/12/2026", "Đang xử lý")));
      }
      rows.add(row);
    }

    PdfText text = PdfText.of(TrackingPdf.render(pdf, AGENCY, PERIOD,
        "Phòng Quản lý khoa học", rows));

    assertThat(text.page(0)).contains("SỞ KHOA HỌC VÀ CÔNG NGHỆ", TrackingPdf.TITLE,
        PERIOD + " – Phòng Quản lý khoa học");
    assertThat(text.pages()).hasSizeGreaterThan(5);
    for (int i = 0; i < text.pages().size(); i++) {
      assertThat(text.page(i)).as("page %d", i + 1)
          .contains("Số đến", "Văn bản", "Đơn vị nhận", "Hạn giải quyết", "Tiến độ giải quyết",
              "Số, ngày văn bản trả lời", "Ghi chú", "(1)", "(7)")
          .contains("Trang " + (i + 1) + " / " + text.pages().size());
    }
    assertThat(text.text()).contains("Ủy ban nhân dân thành phố Cần Thơ",
        "Quá hạn, đang xử lý", "Người xử lý: Lê Văn Hùng", "Phòng Quản lý khoa học (chủ trì)");
    assertThat(text.compact()).contains(PdfTextCompact.of("Số 45/SKHCN-QLKH ngày 18/12/2026"),
        PdfTextCompact.of("Mục 2.a – chủ trì: Phòng Quản lý khoa học; hạn 30/12/2026;"
            + " Đang xử lý"));
    String compact = text.compact();
    int at = -1;
    for (int i = 1; i <= count; i++) {
      int next = compact.indexOf("R" + i + "R", at + 1);
      assertThat(next).as("row %d after row %d", i, i - 1).isGreaterThan(at);
      at = next;
      if (i % 100 == 0) {
        assertThat(compact.indexOf(PdfTextCompact.of("Mục 2.a"), at))
            .as("the item of row %d under it", i).isGreaterThan(at)
            .isLessThan(compact.indexOf("R" + (i + 1) + "R", at) < 0 ? Integer.MAX_VALUE
                : compact.indexOf("R" + (i + 1) + "R", at));
      }
    }
  }

  @Test
  void anEmptyRangeSaysSoUnderTheHeaders() {
    PdfText text = PdfText.of(TrackingPdf.render(pdf, AGENCY, PERIOD, "", List.of()));

    assertThat(text.text()).contains(TrackingPdf.TITLE, PERIOD, "Tiến độ giải quyết",
        RegisterPdf.NOTHING, "Trang 1 / 1").doesNotContain(PERIOD + " –");
  }

  /** The compact form of a text, as {@link PdfText#compact()} gives it. */
  static final class PdfTextCompact {
    static String of(String text) {
      return text.replaceAll("\\s+", "");
    }
  }
}
