package vn.khcn.workflow.intake;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/**
 * Makes the composed intake fixtures in src/test/resources/intake (run once by hand:
 * {@code java -cp target/test-classes:<deps> vn.khcn.workflow.intake.IntakeFixtures}): documents
 * written for these tests in the layouts of Decree 30/2020 Appendix I (not real documents), as a
 * text PDF whose two header columns PDFBox glues together, a DOCX with the header in a table and
 * the signer block broken mid-title, and a scan (PNG and an image-only PDF) for OCR.
 */
public final class IntakeFixtures {

  static final String FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf";

  /** Left column, right column (either may be null) per line of the UBND dispatch. */
  static final String[][] DISPATCH = {
      {"UỶ BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
      {"TỈNH HẬU GIANG", "Độc lập - Tự do - Hạnh phúc"},
      {"Số: 994/UBND-KGVX", "Hậu Giang, ngày 19 tháng 6 năm 2017"},
      {"V/v tăng cường quản lý hoạt động", null},
      {"khoa học và công nghệ trên địa bàn tỉnh", null},
      {null, null},
      {"        Kính gởi:", null},
      {"                - Sở Khoa học và Công nghệ;", null},
      {"                - Sở Tài chính;", null},
      {"                - Uỷ ban nhân dân các huyện, thị xã, thành phố.", null},
      {null, null},
      {"Để nâng cao hiệu quả quản lý nhà nước về khoa học và công nghệ, Ủy ban", null},
      {"nhân dân tỉnh đề nghị các cơ quan, đơn vị thực hiện một số nội dung sau:", null},
      {"1. Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính rà soát các", null},
      {"nhiệm vụ khoa học và công nghệ đang thực hiện, báo cáo Ủy ban nhân dân tỉnh", null},
      {"trước ngày 30/7/2017.", null},
      {"2. Ủy ban nhân dân các huyện, thị xã, thành phố chỉ đạo các phòng chuyên môn", null},
      {"thực hiện ứng dụng kết quả nghiên cứu vào sản xuất.", null},
      {null, null},
      {"Nơi nhận:", "KT. CHỦ TỊCH"},
      {"- Như trên;", "PHÓ CHỦ TỊCH"},
      {"- TT Tỉnh ủy, TT HĐND tỉnh;", null},
      {"- Lưu: VT, KGVX.", null},
      {null, "Lê Văn Minh"},
  };

  static final List<String> DECISION_LEFT = List.of("UBND THÀNH PHỐ CẦN THƠ",
      "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Số: 125/QĐ-SKHCN");
  static final List<String> DECISION_RIGHT = List.of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc", "Cần Thơ, ngày 05 tháng 3 năm 2024");
  static final List<String> DECISION_BODY = List.of("QUYẾT ĐỊNH",
      "Về việc thành lập Hội đồng tư vấn giao trực tiếp",
      "nhiệm vụ khoa học và công nghệ cấp thành phố",
      "GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ",
      "Căn cứ Quyết định số 12/2021/QĐ-UBND ngày 10 tháng 5 năm 2021 của Ủy ban nhân dân"
          + " thành phố quy định về quản lý nhiệm vụ khoa học và công nghệ;",
      "Theo đề nghị của Trưởng phòng Quản lý khoa học.",
      "QUYẾT ĐỊNH:",
      "Điều 1. Thành lập Hội đồng tư vấn giao trực tiếp nhiệm vụ khoa học và công nghệ cấp"
          + " thành phố gồm các thành viên có tên trong danh sách kèm theo.",
      "Điều 2. Hội đồng tự giải thể sau khi hoàn thành nhiệm vụ.",
      "Điều 3. Chánh Văn phòng, Trưởng phòng Quản lý khoa học và các thành viên Hội đồng chịu"
          + " trách nhiệm thi hành Quyết định này.",
      "Nơi nhận:", "- Như Điều 3;", "- Lưu: VT, QLKH.",
      "KT. GIÁM", "ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Thị Lan Anh");

  static final String[][] NOTICE = {
      {"UBND THÀNH PHỐ CẦN THƠ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
      {"SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Độc lập - Tự do - Hạnh phúc"},
      {null, null},
      {"Số: 45/TB-SKHCN", "Cần Thơ, ngày 12 tháng 4 năm 2024"},
      {null, null},
      {"                        THÔNG BÁO", null},
      {"      Kết quả xét chọn nhiệm vụ khoa học và công nghệ", null},
      {"                 cấp thành phố năm 2025", null},
      {null, null},
      {"Sở Khoa học và Công nghệ thông báo kết quả xét chọn như sau:", null},
      {"1. Phòng Quản lý khoa học chủ trì thông báo cho các tổ chức chủ trì.", null},
      {"2. Phòng Kế hoạch - Tài chính phối hợp thẩm định kinh phí.", null},
      {null, null},
      {"Nơi nhận:", "GIÁM ĐỐC"},
      {"- Các tổ chức chủ trì;", null},
      {"- Lưu: VT, QLKH.", null},
      {null, null},
      {null, "Trần Quốc Việt"},
  };

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/intake");
    Files.createDirectories(dir);
    dispatchPdf(dir.resolve("cong-van-994-UBND-KGVX.pdf"));
    decisionDocx(dir.resolve("quyet-dinh-125-QD-SKHCN.docx"));
    BufferedImage scan = notice();
    ImageIO.write(scan, "png", dir.resolve("thong-bao-45-TB-SKHCN-scan.png").toFile());
    scanPdf(scan, dir.resolve("thong-bao-45-TB-SKHCN-scan.pdf"));
  }

  static void dispatchPdf(Path file) throws IOException {
    try (PDDocument pdf = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      pdf.addPage(page);
      PDType0Font font = PDType0Font.load(pdf, new File(FONT));
      try (PDPageContentStream out = new PDPageContentStream(pdf, page)) {
        float y = 790;
        for (String[] line : DISPATCH) {
          if (line[0] != null) {
            text(out, font, 50, y, line[0]);
          }
          if (line[1] != null) {
            text(out, font, 300, y, line[1]);
          }
          y -= 17;
        }
      }
      pdf.save(file.toFile());
    }
  }

  private static void text(PDPageContentStream out, PDType0Font font, float x, float y,
      String text) throws IOException {
    out.beginText();
    out.setFont(font, 10.5f);
    out.newLineAtOffset(x, y);
    out.showText(text);
    out.endText();
  }

  static void decisionDocx(Path file) throws IOException {
    try (XWPFDocument doc = new XWPFDocument(); FileOutputStream out =
        new FileOutputStream(file.toFile())) {
      XWPFTable table = doc.createTable(1, 2);
      fill(table.getRow(0).getCell(0), DECISION_LEFT);
      fill(table.getRow(0).getCell(1), DECISION_RIGHT);
      for (String line : DECISION_BODY) {
        doc.createParagraph().createRun().setText(line);
      }
      doc.write(out);
    }
  }

  private static void fill(org.apache.poi.xwpf.usermodel.XWPFTableCell cell, List<String> lines) {
    cell.getParagraphs().get(0).createRun().setText(lines.get(0));
    for (String line : lines.subList(1, lines.size())) {
      cell.addParagraph().createRun().setText(line);
    }
  }

  static BufferedImage notice() throws IOException {
    BufferedImage image = new BufferedImage(1654, 2339, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.setColor(Color.BLACK);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
        RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    try {
      g.setFont(Font.createFont(Font.TRUETYPE_FONT, new File(FONT)).deriveFont(30f));
    } catch (java.awt.FontFormatException e) {
      throw new IOException(e);
    }
    int y = 160;
    for (String[] line : NOTICE) {
      if (line[0] != null) {
        g.drawString(line[0], 120, y);
      }
      if (line[1] != null) {
        g.drawString(line[1], 860, y);
      }
      y += 52;
    }
    g.dispose();
    return image;
  }

  static void scanPdf(BufferedImage scan, Path file) throws IOException {
    try (PDDocument pdf = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      pdf.addPage(page);
      PDImageXObject image = LosslessFactory.createFromImage(pdf, scan);
      try (PDPageContentStream out = new PDPageContentStream(pdf, page)) {
        out.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
      }
      pdf.save(file.toFile());
    }
  }

  private IntakeFixtures() {}
}
