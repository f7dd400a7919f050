package vn.khcn.workflow.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The handling report as an Excel workbook: one sheet per view (units with the total, urgency,
 * the overdue list), Vietnamese headers on the first row, numbers as numbers. Text is written as
 * text cells, never as formulas.
 */
final class HandlingWorkbook {

  static final String UNITS = "Theo đơn vị";
  static final String URGENCY = "Theo độ khẩn";
  static final String OVERDUE = "Quá hạn";
  static final List<String> ROW_HEADERS = List.of("Số việc được giao", "Xong đúng hạn",
      "Xong quá hạn", "Đang xử lý trong hạn", "Đang xử lý quá hạn", "Tỷ lệ đúng hạn (%)",
      "Số ngày TB đến khi chỉ đạo", "Số ngày TB đến khi xong");
  static final List<String> OVERDUE_HEADERS = List.of("Số đến", "Số, ký hiệu", "Trích yếu",
      "Độ khẩn", "Đơn vị", "Hạn xử lý", "Số ngày quá hạn");
  private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  private HandlingWorkbook() {}

  static byte[] of(HandlingReport report, ZoneId zone) {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      String scope = "Văn bản đến từ " + Charts.DATE.format(report.from()) + " đến "
          + Charts.DATE.format(report.to()) + ", tính đến "
          + DUE.format(report.measuredAt().atZone(zone));
      rows(workbook.createSheet(UNITS), "Đơn vị", report.units(), report.total(), bold, scope);
      rows(workbook.createSheet(URGENCY), "Độ khẩn", report.urgencies(), report.total(), bold,
          scope);
      Sheet overdue = workbook.createSheet(OVERDUE);
      header(overdue, OVERDUE_HEADERS, bold);
      int r = 1;
      for (HandlingReport.Overdue o : report.overdue()) {
        Row line = overdue.createRow(r++);
        line.createCell(0).setCellValue(o.incomingNumber());
        line.createCell(1).setCellValue(o.documentNumber());
        line.createCell(2).setCellValue(o.summary());
        line.createCell(3).setCellValue(o.urgency());
        line.createCell(4).setCellValue(o.unitName());
        line.createCell(5).setCellValue(DUE.format(o.dueAt().atZone(zone)));
        line.createCell(6).setCellValue(o.daysOverdue());
      }
      overdue.createRow(r + 1).createCell(0).setCellValue(report.overdue().size()
          < report.overdueTotal() ? "Ghi chú: chỉ liệt kê " + report.overdue().size() + " trên "
          + report.overdueTotal() + " việc quá hạn (quá hạn lâu nhất trước). " + scope : scope);
      overdue.createFreezePane(0, 1);
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void rows(Sheet sheet, String first, List<HandlingReport.Row> rows,
      HandlingReport.Row total, CellStyle bold, String scope) {
    header(sheet, java.util.stream.Stream.concat(java.util.stream.Stream.of(first),
        ROW_HEADERS.stream()).toList(), bold);
    int r = 1;
    for (HandlingReport.Row row : rows) {
      line(sheet.createRow(r++), row);
    }
    line(sheet.createRow(r++), total);
    sheet.getRow(r - 1).getCell(0).setCellStyle(bold);
    sheet.createRow(r + 1).createCell(0).setCellValue(scope);
    sheet.setColumnWidth(0, 32 * 256);
    sheet.createFreezePane(1, 1);
  }

  private static void line(Row line, HandlingReport.Row row) {
    line.createCell(0).setCellValue(row.label());
    line.createCell(1).setCellValue(row.duties());
    line.createCell(2).setCellValue(row.doneOnTime());
    line.createCell(3).setCellValue(row.doneLate());
    line.createCell(4).setCellValue(row.openOnTime());
    line.createCell(5).setCellValue(row.openOverdue());
    number(line, 6, row.onTimeRate());
    number(line, 7, row.averageDaysToDirection());
    number(line, 8, row.averageDaysToCompletion());
  }

  private static void number(Row line, int cell, Double value) {
    if (value == null) {
      line.createCell(cell).setCellValue("–");
    } else {
      line.createCell(cell).setCellValue(value);
    }
  }

  private static void header(Sheet sheet, List<String> headers, CellStyle bold) {
    Row header = sheet.createRow(0);
    for (int i = 0; i < headers.size(); i++) {
      header.createCell(i).setCellValue(headers.get(i));
      header.getCell(i).setCellStyle(bold);
    }
  }
}
