package vn.khcn.workflow.outgoing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Bodies and files of the outgoing tests. */
final class OutgoingFixtures {

  static Map<String, Object> draft(String summary) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("documentType", "Công văn");
    body.put("summary", summary);
    body.put("recipients", List.of("Kính gửi: Ủy ban nhân dân thành phố Cần Thơ"));
    body.put("copyTo", List.of("Như trên", "Lưu: VT, QLKH"));
    body.put("signer", "Giám đốc");
    body.put("urgency", "NORMAL");
    body.put("classification", "NONE");
    return body;
  }

  /** A registration body for an incoming document the drafts reply to. */
  static Map<String, Object> incoming(String number, String classification) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("issuer", "Ủy ban nhân dân thành phố Cần Thơ");
    body.put("documentNumber", number);
    body.put("issuedOn", "2026-11-02");
    body.put("documentType", "Công văn");
    body.put("summary", "Về việc báo cáo tình hình thực hiện nhiệm vụ khoa học năm 2026");
    body.put("urgency", "NORMAL");
    body.put("classification", classification);
    body.put("recipients", "Sở Khoa học và Công nghệ");
    return body;
  }

  /** The smallest Word document the upload checks recognise (content types + document part). */
  static byte[] docx(String text) {
    return vn.khcn.workflow.support.TestDocuments.docx(text);
  }

  static byte[] pdf() {
    return "%PDF-1.4\n% dự thảo\n".getBytes(StandardCharsets.UTF_8);
  }

  /** A PDF's text, pages joined, line breaks as spaces (table cells wrap), NFC. */
  static String pdfText(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);
      return Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("\\s+", " ");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private OutgoingFixtures() {}
}
