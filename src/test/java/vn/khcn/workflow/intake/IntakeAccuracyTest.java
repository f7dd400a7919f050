package vn.khcn.workflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import vn.khcn.workflow.intake.Extraction.Field;
import vn.khcn.workflow.intake.Extraction.Item;
import vn.khcn.workflow.intake.Extraction.Source;

/**
 * Accuracy of intake on the fixtures: the two real documents of shared/samples (as text) and the
 * documents composed for these tests in src/test/resources/intake (a text PDF whose header
 * columns PDFBox glues, a DOCX with a signer block broken mid-title, an edXML package, and a scan
 * as PNG and as an image-only PDF). Every expected field is compared exactly; a field the
 * document does not show is expected absent. Text, PDF, DOCX and edXML must be fully right; scans
 * at least 80% (the bar), and the OCR tests run only where tesseract is installed.
 */
class IntakeAccuracyTest {

  private final Ocr ocr = new Ocr("tesseract", 120);
  private final IntakeService intake = new IntakeService(ocr, 20L << 20, 40_000_000, 10);

  @Test
  void partyDispatch1143() throws IOException {
    Extraction e = read("cong-van-1143-CV-TU.txt");
    assertThat(e.source()).isEqualTo(Source.TEXT);
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("issuer", "THÀNH ỦY CẦN THƠ");
    expected.put("documentNumber", "1143-CV/TU");
    expected.put("number", "1143");
    expected.put("symbol", "CV/TU");
    expected.put("issuedOn", "2024-11-28");
    expected.put("place", "Cần Thơ");
    expected.put("documentType", "Công văn");
    expected.put("summary", "Tăng cường sự lãnh đạo của Đảng đối với hoạt động của Liên hiệp các"
        + " Hội Khoa học và Kỹ thuật");
    expected.put("signerCompetence", "T/M BAN THƯỜNG VỤ");
    expected.put("signerPosition", "PHÓ BÍ THƯ");
    expected.put("signerName", "Phạm Văn Hiếu");
    expected.put("recipients", List.of("Các quận ủy, huyện ủy", "Các ban xây dựng Đảng của Thành ủy",
        "Các ban cán sự đảng, đảng đoàn và đảng ủy trực thuộc Thành ủy",
        "Các sở, ban, ngành, Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội thành phố"));
    assertExact(e, expected);
    assertThat(e.items()).extracting(Item::label)
        .containsExactly("1", "2", "3", "4", "5", "6", "7");
    assertThat(e.items().get(5).bodies())
        .containsExactly("Báo Cần Thơ", "Đài Phát thanh và Truyền hình thành phố Cần Thơ");
    assertThat(e.items().get(6).bodies())
        .containsExactly("Ban Tuyên giáo Thành ủy", "Sở Thông tin và Truyền thông",
            "Cơ quan, đơn vị có liên quan");
    assertThat(e.items().get(0).bodies()).as("item 1 names no body").isEmpty();
  }

  @Test
  void program73WithArrivalStampAndNoHeader() throws IOException {
    Extraction e = read("chuong-trinh-nq45-den-114.txt");
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("issuer", "Thành ủy Cần Thơ");
    expected.put("documentNumber", null);
    expected.put("issuedOn", null);
    expected.put("documentType", "Chương trình");
    expected.put("summary", "Thực hiện Nghị quyết số 45-NQ/TW ngày 24/11/2023 Hội nghị lần thứ"
        + " tám Ban Chấp hành Trung ương Đảng Khóa XIII “Về tiếp tục xây dựng và phát huy vai trò"
        + " của đội ngũ trí thức đáp ứng yêu cầu phát triển đất nước nhanh và bền vững trong giai"
        + " đoạn mới”");
    expected.put("signerCompetence", "T/M THÀNH ỦY");
    expected.put("signerPosition", "BÍ THƯ");
    expected.put("signerName", "Nguyễn Văn Hiếu");
    assertExact(e, expected);
    assertThat(e.fields().get("issuer").confidence()).as("from the signature stamp only")
        .isLessThan(0.7);
    assertThat(e.warnings()).anyMatch(w -> w.contains("«ĐẾN» số 114 ngày 15/3/2024"));
    assertThat(list(e, "recipients")).hasSize(8).doesNotContain("Lưu Văn phòng Thành ủy")
        .contains("Thường trực Ban Bí thư");
    assertThat(e.items()).extracting(Item::label).contains("IV.1", "IV.5");
  }

  @Test
  void textPdfWithGluedColumnsOldSpellingsAndGluedSignerBlock() throws IOException {
    Extraction e = read("cong-van-994-UBND-KGVX.pdf");
    assertThat(e.source()).isEqualTo(Source.PDF);
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("issuer", "ỦY BAN NHÂN DÂN TỈNH HẬU GIANG");
    expected.put("documentNumber", "994/UBND-KGVX");
    expected.put("number", "994");
    expected.put("symbol", "UBND-KGVX");
    expected.put("issuedOn", "2017-06-19");
    expected.put("place", "Hậu Giang");
    expected.put("documentType", "Công văn");
    expected.put("summary", "V/v tăng cường quản lý hoạt động khoa học và công nghệ trên địa bàn tỉnh");
    expected.put("signerCompetence", "KT. CHỦ TỊCH");
    expected.put("signerPosition", "PHÓ CHỦ TỊCH");
    expected.put("signerName", "Lê Văn Minh");
    expected.put("recipients", List.of("Sở Khoa học và Công nghệ", "Sở Tài chính",
        "Ủy ban nhân dân các huyện, thị xã, thành phố"));
    expected.put("pageCount", 1);
    expected.put("urgency", null);
    expected.put("classification", null);
    assertExact(e, expected);
    assertThat(e.items().get(0).bodies()).containsExactly("Sở Khoa học và Công nghệ", "Sở Tài chính");
  }

  @Test
  void docxWithHeaderTableAndSignerTitleBrokenOverLines() throws IOException {
    Extraction e = read("quyet-dinh-125-QD-SKHCN.docx");
    assertThat(e.source()).isEqualTo(Source.DOCX);
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("issuer", "SỞ KHOA HỌC VÀ CÔNG NGHỆ");
    expected.put("documentNumber", "125/QĐ-SKHCN");
    expected.put("issuedOn", "2024-03-05");
    expected.put("place", "Cần Thơ");
    expected.put("documentType", "Quyết định");
    expected.put("summary", "Về việc thành lập Hội đồng tư vấn giao trực tiếp nhiệm vụ khoa học và"
        + " công nghệ cấp thành phố");
    expected.put("signerCompetence", "KT. GIÁM ĐỐC");
    expected.put("signerPosition", "PHÓ GIÁM ĐỐC");
    expected.put("signerName", "Nguyễn Thị Lan Anh");
    expected.put("recipients", null);
    assertExact(e, expected);
  }

  @Test
  void edxmlHeaderMapsOntoTheRegistrationFields() throws IOException {
    Extraction e = read("goi-7816-VPCP-TTDT.edxml");
    assertThat(e.source()).isEqualTo(Source.EDXML);
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("issuer", "Văn phòng Chính phủ");
    expected.put("documentNumber", "7816/VPCP-TTĐT");
    expected.put("issuedOn", "2015-09-30");
    expected.put("place", "Hà Nội");
    expected.put("documentType", "Công văn");
    expected.put("summary", "V/v triển khai trục liên thông văn bản quốc gia");
    expected.put("signerCompetence", "KT. BỘ TRƯỞNG, CHỦ NHIỆM");
    expected.put("signerPosition", "PHÓ CHỦ NHIỆM");
    expected.put("signerName", "Nguyễn Văn Tùng");
    expected.put("urgency", "URGENT");
    expected.put("pageCount", 2);
    expected.put("recipients", List.of("Các bộ, cơ quan ngang bộ",
        "UBND các tỉnh, thành phố trực thuộc Trung ương"));
    expected.put("edxmlDocumentId", "000.00.00.G22,2015/09/30,7816/VPCP-TTĐT");
    assertExact(e, expected);
    assertThat(e.items()).extracting(Item::label).containsExactly("1", "2");
    assertThat(e.items().get(0).bodies()).contains("Bộ Thông tin và Truyền thông");
  }

  @Test
  void scannedImageIsReadByOcr() throws IOException {
    Assumptions.assumeTrue(ocr.available(), "tesseract with the vie model is not installed");
    Extraction e = read("thong-bao-45-TB-SKHCN-scan.png");
    assertThat(e.source()).isEqualTo(Source.OCR);
    assertThat(accuracy(e, noticeFields())).isGreaterThanOrEqualTo(0.8);
  }

  @Test
  void scannedPdfWithoutTextLayerIsRenderedAndReadByOcr() throws IOException {
    Assumptions.assumeTrue(ocr.available(), "tesseract with the vie model is not installed");
    Extraction e = read("thong-bao-45-TB-SKHCN-scan.pdf");
    assertThat(e.source()).isEqualTo(Source.OCR);
    assertThat(e.warnings()).anyMatch(w -> w.contains("bản quét"));
    assertThat(accuracy(e, noticeFields())).isGreaterThanOrEqualTo(0.8);
  }

  private static Map<String, Object> noticeFields() {
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("issuer", "SỞ KHOA HỌC VÀ CÔNG NGHỆ");
    expected.put("documentNumber", "45/TB-SKHCN");
    expected.put("issuedOn", "2024-04-12");
    expected.put("place", "Cần Thơ");
    expected.put("documentType", "Thông báo");
    expected.put("summary", "Kết quả xét chọn nhiệm vụ khoa học và công nghệ cấp thành phố năm 2025");
    expected.put("signerPosition", "GIÁM ĐỐC");
    expected.put("signerName", "Trần Quốc Việt");
    expected.put("recipients", List.of("Các tổ chức chủ trì"));
    expected.put("pageCount", 1);
    return expected;
  }

  private Extraction read(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/intake/" + name)) {
      return intake.extract(in.readAllBytes());
    }
  }

  private static List<String> misses(Extraction e, Map<String, Object> expected) {
    List<String> misses = new ArrayList<>();
    expected.forEach((name, value) -> {
      Field field = e.fields().get(name);
      Object actual = field == null ? null : field.value();
      if (value == null ? actual != null : !value.equals(actual)) {
        misses.add(name + ": expected <" + value + "> but read <" + actual + ">");
      }
    });
    return misses;
  }

  private static void assertExact(Extraction e, Map<String, Object> expected) {
    assertThat(misses(e, expected)).isEmpty();
    e.fields().values().forEach(f -> assertThat(f.confidence()).isBetween(0.0, 1.0));
  }

  private static double accuracy(Extraction e, Map<String, Object> expected) {
    List<String> misses = misses(e, expected);
    double accuracy = 1.0 - (double) misses.size() / expected.size();
    System.out.printf("intake OCR accuracy %.2f, misses %s%n", accuracy, misses);
    return accuracy;
  }

  @SuppressWarnings("unchecked")
  private static List<String> list(Extraction e, String name) {
    return (List<String>) e.fields().get(name).value();
  }
}
