package vn.khcn.workflow.dispatch;

import java.util.List;
import vn.khcn.workflow.papers.PdfRenderer;
import vn.khcn.workflow.papers.TablePdf;
import vn.khcn.workflow.papers.TablePdf.Column;

/**
 * The tracking register (sổ theo dõi giải quyết văn bản đến, Decree 30/2020, App. IV) as PDF: its
 * seven numbered columns, a row per document and handling unit, an overdue duty's progress in
 * bold, the document's direction items on lines under its last row. Written with
 * {@link TablePdf} like the incoming register: a year holds tens of thousands of rows (ADR 0025,
 * ADR 0036).
 */
final class TrackingPdf {

  static final List<Column> COLUMNS = List.of(
      Column.numbered("Số đến", "(1)", 7.5f, true),
      Column.numbered("Văn bản", "(2)", 29f, false),
      Column.numbered("Đơn vị nhận", "(3)", 13f, false),
      Column.numbered("Hạn giải quyết", "(4)", 8.5f, true),
      Column.numbered("Tiến độ giải quyết", "(5)", 12f, false),
      Column.numbered("Số, ngày văn bản trả lời", "(6)", 14f, false),
      Column.numbered("Ghi chú", "(7)", 16f, false));

  static final String TITLE = "SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN";
  private static final int PROGRESS = 4;

  static byte[] render(PdfRenderer renderer, List<String> agency, String period, String unitName,
      List<RegisterPapers.TrackingRow> rows) {
    try (TablePdf pdf = renderer.table(COLUMNS)) {
      pdf.heading(agency, TITLE, unitName.isEmpty() ? period : period + " – " + unitName);
      if (rows.isEmpty()) {
        pdf.wideRow(RegisterPdf.NOTHING, true);
      }
      for (RegisterPapers.TrackingRow r : rows) {
        pdf.emphasisedRow(r.overdue() ? PROGRESS : -1, r.number(), r.document(), r.unit(),
            r.deadline(), r.progress(), r.reply(), r.notes());
        for (RegisterPapers.ItemLine i : r.items()) {
          pdf.spannedRow(1, "Mục " + i.label() + " – chủ trì: " + i.lead() + "; hạn "
              + i.deadline() + "; " + i.status());
        }
      }
      return pdf.finish();
    }
  }

  private TrackingPdf() {}
}
