package vn.khcn.workflow.dispatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;

/** A PDF read back with PDFBox: the text of each page (NFC), its fonts and page sizes. */
record PdfText(List<String> pages, List<PDFont> fonts, List<PDRectangle> sizes) {

  static PdfText of(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      List<String> pages = new ArrayList<>();
      List<PDFont> fonts = new ArrayList<>();
      List<PDRectangle> sizes = new ArrayList<>();
      PDFTextStripper stripper = new PDFTextStripper();
      for (int i = 1; i <= document.getNumberOfPages(); i++) {
        stripper.setStartPage(i);
        stripper.setEndPage(i);
        pages.add(Normalizer.normalize(stripper.getText(document), Normalizer.Form.NFC));
        PDPage page = document.getPage(i - 1);
        sizes.add(page.getMediaBox());
        for (var name : page.getResources().getFontNames()) {
          fonts.add(page.getResources().getFont(name));
        }
      }
      return new PdfText(pages, fonts, sizes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The whole text, pages joined, line breaks as spaces (table cells wrap). */
  String text() {
    return String.join(" ", pages).replaceAll("\\s+", " ");
  }

  /**
   * The whole text without any white space: for values a narrow cell wraps ("45/SKHCN-" on one
   * line, "QLKH" on the next).
   */
  String compact() {
    return String.join("", pages).replaceAll("\\s+", "");
  }

  /** One page's text with its line breaks as spaces. */
  String page(int index) {
    return pages.get(index).replaceAll("\\s+", " ");
  }
}
