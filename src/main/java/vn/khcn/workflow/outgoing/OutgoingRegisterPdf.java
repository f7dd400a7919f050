package vn.khcn.workflow.outgoing;

import java.util.List;
import vn.khcn.workflow.papers.PdfRenderer;
import vn.khcn.workflow.papers.RegisterPaper;
import vn.khcn.workflow.papers.TablePdf.Column;

/**
 * The outgoing register (sổ đăng ký văn bản đi, Decree 30/2020, App. IV) as PDF: the eight
 * columns of the Decree with their numbers, row after row, each closed year's closing line after
 * its last row. A table paper ({@link RegisterPaper}) like the incoming register: a year of a busy
 * Department's outgoing documents is thousands of rows, which an HTML table laid out in minutes.
 */
final class OutgoingRegisterPdf {

  static final List<Column> COLUMNS = List.of(
      Column.numbered("Số, ký hiệu văn bản", "(1)", 13f, false),
      Column.numbered("Ngày tháng văn bản", "(2)", 8f, true),
      Column.numbered("Tên loại và trích yếu nội dung văn bản", "(3)", 24f, false),
      Column.numbered("Người ký", "(4)", 11f, false),
      Column.numbered("Nơi nhận văn bản", "(5)", 16f, false),
      Column.numbered("Đơn vị, người nhận bản lưu", "(6)", 13f, false),
      Column.numbered("Số lượng bản", "(7)", 6f, true),
      Column.numbered("Ghi chú", "(8)", 9f, false));

  static final String NOTHING = "Không có văn bản đi nào trong khoảng ngày này.";

  static byte[] render(PdfRenderer renderer, List<String> agency, String title, String period,
      List<OutgoingRegisterController.RegisterYear> years) {
    return RegisterPaper.render(renderer, COLUMNS, agency, title, period, NOTHING,
        years.stream().map(year -> new RegisterPaper.Year(year.rows().stream()
            .map(r -> new String[] {r.numberSymbol(), r.issuedOn(), r.typeAndSummary(),
                r.signer(), r.recipients(), r.keptBy(), String.valueOf(r.copies()), r.notes()})
            .toList(), year.closingLine())).toList());
  }

  private OutgoingRegisterPdf() {}
}
