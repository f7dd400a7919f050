package vn.khcn.workflow.shared.text;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.extractor.XSSFExcelExtractor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * The text of a file's bytes, without OCR: UTF-8 text, the text layer of a PDF (PDFBox), the text
 * of a Word or Excel document (Apache POI). Shared by intake (which adds OCR for scans) and by the
 * search over attachments; it knows no feature. Callers check size and type first (FileTypes).
 */
public final class DocumentText {

  /** The text layer of a PDF and its number of pages; the text is blank for a scan. */
  public record PdfText(String text, int pages) {
    public boolean hasText() {
      return text.codePoints().filter(Character::isLetter).count() >= MIN_LETTERS_PER_PAGE
          * Math.max(1, Math.min(pages, 3));
    }
  }

  /** Fewer letters than this per page (up to three pages) means the PDF is a scan. */
  static final int MIN_LETTERS_PER_PAGE = 40;

  /** A file that could not be read as what its content says it is (damaged, encrypted). */
  public static final class UnreadableException extends Exception {
    public UnreadableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The text of UTF-8 bytes (a byte-order mark dropped), or empty when they are not UTF-8 text. */
  public static Optional<String> utf8(byte[] content) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content)).toString();
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      boolean binary = text.chars().anyMatch(c -> c == 0
          || (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f'));
      return binary ? Optional.empty() : Optional.of(text);
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  public static PdfText pdf(byte[] content) throws UnreadableException {
    try (PDDocument document = Loader.loadPDF(content)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      stripper.setLineSeparator("\n");
      return new PdfText(stripper.getText(document), document.getNumberOfPages());
    } catch (IOException e) {
      throw new UnreadableException("không đọc được tệp PDF (" + e.getMessage() + ")", e);
    }
  }

  public static String docx(byte[] content) throws UnreadableException {
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content))) {
      StringBuilder text = new StringBuilder();
      for (IBodyElement element : document.getBodyElements()) {
        if (element instanceof XWPFParagraph paragraph) {
          text.append(paragraph.getText()).append('\n');
        } else if (element instanceof XWPFTable table) {
          // cell by cell, each paragraph a line: the header's two columns stay apart
          for (XWPFTableRow row : table.getRows()) {
            for (XWPFTableCell cell : row.getTableCells()) {
              for (XWPFParagraph paragraph : cell.getParagraphs()) {
                text.append(paragraph.getText()).append('\n');
              }
            }
          }
        }
      }
      return text.toString();
    } catch (IOException | RuntimeException e) {
      throw new UnreadableException("không đọc được tệp DOCX (" + e.getMessage() + ")", e);
    }
  }

  public static String xlsx(byte[] content) throws UnreadableException {
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content));
        XSSFExcelExtractor extractor = new XSSFExcelExtractor(workbook)) {
      return extractor.getText();
    } catch (IOException | RuntimeException e) {
      throw new UnreadableException("không đọc được tệp XLSX (" + e.getMessage() + ")", e);
    }
  }

  /**
   * Best effort, without OCR: the text of a stored file of this content type, or "" when it has
   * none that can be read without OCR (a picture, a scanned PDF) or cannot be read at all.
   */
  public static String withoutOcr(String contentType, byte[] content) {
    try {
      return switch (contentType == null ? "" : contentType) {
        case "application/pdf" -> {
          PdfText pdf = pdf(content);
          yield pdf.hasText() ? pdf.text() : "";
        }
        case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" ->
            docx(content);
        case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" -> xlsx(content);
        case "text/plain" -> utf8(content).orElse("");
        default -> "";
      };
    } catch (UnreadableException e) {
      return "";
    }
  }

  private DocumentText() {}
}
