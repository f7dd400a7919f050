package vn.khcn.workflow.intake;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import vn.khcn.workflow.intake.Extraction.Field;
import vn.khcn.workflow.intake.Extraction.Source;
import vn.khcn.workflow.shared.text.DocumentText;
import vn.khcn.workflow.shared.text.DocumentText.PdfText;
import vn.khcn.workflow.shared.web.FileTypes;

/**
 * Reads a file the clerk received and proposes the registration fields: recognises the file by
 * its content (never by its name), gets its text (UTF-8, PDF text layer, DOCX, OCR for images and
 * scanned PDFs, or the edXML header) and applies the header, closing and item rules. Local only.
 */
@Service
class IntakeService {

  private final Ocr ocr;
  private final long maxBytes;
  private final long maxPixels;
  private final int maxOcrPages;

  IntakeService(Ocr ocr, @Value("${khcn.intake.max-bytes:20971520}") long maxBytes,
      @Value("${khcn.intake.max-image-pixels:40000000}") long maxPixels,
      @Value("${khcn.intake.max-ocr-pages:10}") int maxOcrPages) {
    this.ocr = ocr;
    this.maxBytes = maxBytes;
    this.maxPixels = maxPixels;
    this.maxOcrPages = maxOcrPages;
  }

  Extraction extract(byte[] content) {
    if (content == null || content.length == 0) {
      throw new IntakeException(HttpStatus.BAD_REQUEST, "Tệp rỗng: hãy chọn tệp văn bản cần đọc.");
    }
    if (content.length > maxBytes) {
      throw new IntakeException(HttpStatus.PAYLOAD_TOO_LARGE, "Tệp lớn quá "
          + maxBytes / (1024 * 1024) + " MB.");
    }
    if (startsWith(content, "%PDF-")) {
      return pdf(content);
    }
    if (isImage(content)) {
      List<BufferedImage> pages = images(content);
      return ocrPages(pages, null, new ArrayList<>());
    }
    if (startsWith(content, "PK")) {
      return office(content);
    }
    if (EdxmlReader.looksLikeEdxml(content)) {
      try {
        return EdxmlReader.read(content);
      } catch (EdxmlReader.MalformedPackageException e) {
        throw new IntakeException(HttpStatus.BAD_REQUEST, e.getMessage());
      }
    }
    return DocumentText.utf8(content)
        .map(text -> fromText(text, Source.TEXT, null, new ArrayList<>()))
        .orElseThrow(IntakeService::unsupported);
  }

  /** The fields, items and warnings of a document's text. */
  static Extraction fromText(String text, Source source, Integer pages, List<String> warnings) {
    List<String> lines = source == Source.OCR ? TextCleanup.withoutSpecks(TextCleanup.lines(text))
        : TextCleanup.lines(text);
    Map<String, Field> found = new LinkedHashMap<>();
    if (lines.isEmpty()) {
      warnings.add("Không đọc được chữ nào trong tệp.");
    }
    HeaderRules.read(lines, found, warnings);
    ClosingRules.read(lines, found, warnings);
    if (pages != null) {
      found.put("pageCount", new Field(pages, 0.99));
    }
    double factor = source == Source.OCR ? 0.85 : 1.0;
    Map<String, Field> fields = new LinkedHashMap<>();
    for (String name : Extraction.FIELD_NAMES) {
      Field field = found.get(name);
      if (field != null) {
        double confidence = name.equals("pageCount") ? field.confidence()
            : Math.round(field.confidence() * factor * 100) / 100.0;
        fields.put(name, new Field(field.value(), confidence));
      }
    }
    for (String name : List.of("issuer", "documentNumber", "issuedOn", "documentType", "summary")) {
      if (!fields.containsKey(name)) {
        warnings.add("Không tìm thấy " + label(name) + ": hãy nhập tay.");
      }
    }
    return new Extraction(source, fields, ItemRules.read(lines), warnings);
  }

  private static String label(String field) {
    return switch (field) {
      case "issuer" -> "cơ quan ban hành";
      case "documentNumber" -> "số, ký hiệu";
      case "issuedOn" -> "ngày ban hành";
      case "documentType" -> "loại văn bản";
      default -> "trích yếu";
    };
  }

  private Extraction pdf(byte[] content) {
    PdfText text;
    try {
      text = DocumentText.pdf(content);
    } catch (DocumentText.UnreadableException e) {
      throw new IntakeException(HttpStatus.BAD_REQUEST, "Không đọc được tệp PDF: tệp hỏng"
          + " hoặc có mật khẩu.");
    }
    if (text.hasText()) {
      return fromText(text.text(), Source.PDF, text.pages(), new ArrayList<>());
    }
    if (!ocr.available()) {
      throw IntakeException.ocrMissing();
    }
    List<String> warnings = new ArrayList<>();
    warnings.add("PDF không có lớp chữ (bản quét): đã đọc bằng OCR.");
    List<BufferedImage> pages = new ArrayList<>();
    try (PDDocument document = Loader.loadPDF(content)) {
      PDFRenderer renderer = new PDFRenderer(document);
      int count = Math.min(document.getNumberOfPages(), maxOcrPages);
      if (document.getNumberOfPages() > maxOcrPages) {
        warnings.add("Chỉ đọc " + maxOcrPages + " trang đầu trong " + document.getNumberOfPages()
            + " trang.");
      }
      for (int i = 0; i < count; i++) {
        pages.add(renderer.renderImageWithDPI(i, 300, ImageType.GRAY));
      }
      return ocrPages(pages, document.getNumberOfPages(), warnings);
    } catch (IOException e) {
      throw new IntakeException(HttpStatus.BAD_REQUEST, "Không đọc được tệp PDF quét.");
    }
  }

  private Extraction ocrPages(List<BufferedImage> pages, Integer pageCount,
      List<String> warnings) {
    if (!ocr.available()) {
      throw IntakeException.ocrMissing();
    }
    StringBuilder text = new StringBuilder();
    try {
      for (BufferedImage page : pages) {
        text.append(ocr.read(page)).append('\n');
      }
    } catch (IOException e) {
      throw new IntakeException(HttpStatus.UNPROCESSABLE_ENTITY,
          "OCR không đọc được tệp: " + e.getMessage());
    }
    warnings.add("Văn bản đọc bằng OCR: hãy soát kỹ từng trường đề xuất.");
    return fromText(text.toString(), Source.OCR, pageCount == null ? pages.size() : pageCount,
        warnings);
  }

  /** The frames of a PNG, JPEG or TIFF, refused before decoding when they are too large. */
  private List<BufferedImage> images(byte[] content) {
    try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
      if (!readers.hasNext()) {
        throw unsupported();
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(input);
        int frames = Math.min(reader.getNumImages(true), maxOcrPages);
        for (int i = 0; i < frames; i++) {
          long pixels = (long) reader.getWidth(i) * reader.getHeight(i);
          if (pixels > maxPixels) {
            throw new IntakeException(HttpStatus.PAYLOAD_TOO_LARGE, "Ảnh quá lớn ("
                + reader.getWidth(i) + "×" + reader.getHeight(i) + " điểm ảnh; tối đa "
                + maxPixels / 1_000_000 + " triệu điểm ảnh).");
          }
        }
        if (!ocr.available()) {
          throw IntakeException.ocrMissing();
        }
        List<BufferedImage> pages = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
          pages.add(reader.read(i));
        }
        return pages;
      } finally {
        reader.dispose();
      }
    } catch (IOException e) {
      throw new IntakeException(HttpStatus.BAD_REQUEST, "Không đọc được tệp ảnh: tệp hỏng.");
    }
  }

  private Extraction office(byte[] content) {
    FileTypes.FileType type;
    try {
      type = FileTypes.detect(content).orElse(null);
    } catch (FileTypes.ArchiveTooLargeException e) {
      throw new IntakeException(HttpStatus.PAYLOAD_TOO_LARGE, "Không nhận tệp: " + e.getMessage());
    }
    if (type != FileTypes.FileType.DOCX) {
      throw unsupported();
    }
    try {
      return fromText(DocumentText.docx(content), Source.DOCX, null, new ArrayList<>());
    } catch (DocumentText.UnreadableException e) {
      throw new IntakeException(HttpStatus.BAD_REQUEST, "Không đọc được tệp DOCX: tệp hỏng.");
    }
  }

  private static boolean isImage(byte[] c) {
    return startsWith(c, new byte[] {(byte) 0x89, 'P', 'N', 'G'})
        || startsWith(c, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})
        || startsWith(c, new byte[] {'I', 'I', 42, 0}) || startsWith(c, new byte[] {'M', 'M', 0, 42});
  }

  private static IntakeException unsupported() {
    return new IntakeException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Chỉ đọc được văn bản UTF-8,"
        + " PDF, DOCX, ảnh PNG, JPEG, TIFF hoặc gói edXML (kiểm tra theo nội dung tệp).");
  }

  private static boolean startsWith(byte[] content, String prefix) {
    return startsWith(content, prefix.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  private static boolean startsWith(byte[] content, byte[] prefix) {
    if (content.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (content[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
