package vn.khcn.workflow.dispatch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The found documents as a spreadsheet: CSV (UTF-8 with a byte-order mark, so spreadsheet programs
 * read the diacritics) or XLSX. XLSX cells are plain text cells, never formulas.
 */
final class DocumentExport {

  /** More rows than this are refused: the person narrows the filters instead. */
  static final int MAX_ROWS = 5_000;

  static final List<String> HEADERS = List.of("Số đến", "Ngày đến", "Cơ quan ban hành",
      "Số, ký hiệu", "Ngày văn bản", "Loại văn bản", "Trích yếu", "Độ khẩn", "Độ mật",
      "Trạng thái", "Hạn xử lý", "Quá hạn", "Chức vụ người ký", "Họ tên người ký", "Số trang",
      "Ngôn ngữ", "Hạn giải quyết theo văn bản");

  static byte[] csv(List<DocumentRow> rows) {
    StringBuilder csv = new StringBuilder("\uFEFF");
    Csv.row(csv, HEADERS.toArray(String[]::new));
    for (DocumentRow row : rows) {
      Csv.row(csv, cells(row));
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] xlsx(List<DocumentRow> rows) {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("Văn bản đến");
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      Row header = sheet.createRow(0);
      for (int i = 0; i < HEADERS.size(); i++) {
        header.createCell(i).setCellValue(HEADERS.get(i));
        header.getCell(i).setCellStyle(bold);
      }
      int r = 1;
      for (DocumentRow row : rows) {
        Row line = sheet.createRow(r++);
        String[] cells = cells(row);
        for (int i = 0; i < cells.length; i++) {
          line.createCell(i).setCellValue(cells[i] == null ? "" : cells[i]);
        }
      }
      sheet.createFreezePane(0, 1);
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String[] cells(DocumentRow row) {
    return new String[] {row.businessKey(), row.receivedOn(), row.issuer(), row.documentNumber(),
        row.issuedOn(), row.documentType(), row.summary(), row.urgency(), row.classification(),
        row.status(), row.due(), row.overdue() ? "Quá hạn" : "", row.signerPosition(),
        row.signerName(), row.pageCount(), row.language(), row.documentDueDate()};
  }

  private DocumentExport() {}
}
