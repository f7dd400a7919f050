package vn.khcn.workflow.dispatch;

import java.util.List;
import vn.khcn.workflow.papers.PdfRenderer;
import vn.khcn.workflow.papers.RegisterPaper;
import vn.khcn.workflow.papers.TablePdf.Column;

/**
 * The incoming register (sổ đăng ký văn bản đến, Decree 30/2020, App. IV) as PDF: the ten
 * columns of the Decree with their numbers, row after row, each closed year's closing line after
 * its last row. A {@link RegisterPaper} rather than an HTML template: a year's register
 * holds tens of thousands of rows (ADR 0025).
 */
final class RegisterPdf {

  static final List<Column> COLUMNS = List.of(
      Column.numbered("Ngày đến", "(1)", 7.5f, true),
      Column.numbered("Số đến", "(2)", 5f, true),
      Column.numbered("Tác giả", "(3)", 12f, false),
      Column.numbered("Số, ký hiệu", "(4)", 9.5f, false),
      Column.numbered("Ngày tháng", "(5)", 7.5f, true),
      Column.numbered("Tên loại và trích yếu nội dung", "(6)", 22f, false),
      Column.numbered("Đơn vị hoặc người nhận", "(7)", 14f, false),
      Column.numbered("Ngày chuyển", "(8)", 7.5f, true),
      Column.numbered("Ký nhận", "(9)", 7.5f, false),
      Column.numbered("Ghi chú", "(10)", 7.5f, false));

  static final String NOTHING = "Không có văn bản đến nào trong khoảng ngày này.";

  static byte[] render(PdfRenderer renderer, List<String> agency, String title, String period,
      List<RegisterPapers.RegisterYear> years) {
    return RegisterPaper.render(renderer, COLUMNS, agency, title, period, NOTHING,
        years.stream().map(year -> new RegisterPaper.Year(year.rows().stream()
            .map(r -> new String[] {r.receivedOn(), r.number(), r.issuer(), r.documentNumber(),
                r.issuedOn(), r.typeAndSummary(), r.receivers(), r.handedOver(), "", r.notes()})
            .toList(), year.closingLine())).toList());
  }

  private RegisterPdf() {}
}
