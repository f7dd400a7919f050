package vn.khcn.workflow.signature;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;

/**
 * What an update appended after a signature changed. The signed revision (the file up to the
 * end of the signature's byte range) is compared with the whole file page by page: the number of
 * pages, each page's content stream, the images and forms it draws, and annotations other than
 * form fields (a later signature adds a field, which is allowed; ADR 0018).
 */
final class SignedRevision {

  private SignedRevision() {}

  /** Why the content differs from what was signed, or empty when the pages are unchanged. */
  static Optional<String> changedAfterSigning(byte[] file, int signedLength, PDDocument whole) {
    try (PDDocument signed = Loader.loadPDF(Arrays.copyOf(file, signedLength))) {
      if (signed.getNumberOfPages() != whole.getNumberOfPages()) {
        return Optional.of("số trang đã đổi sau khi ký (" + signed.getNumberOfPages() + " → "
            + whole.getNumberOfPages() + ")");
      }
      for (int i = 0; i < whole.getNumberOfPages(); i++) {
        PDPage before = signed.getPage(i);
        PDPage after = whole.getPage(i);
        if (!Arrays.equals(content(before), content(after))
            || !Arrays.equals(xObjects(before.getResources()), xObjects(after.getResources()))) {
          return Optional.of("nội dung trang " + (i + 1) + " đã bị sửa sau khi ký");
        }
        if (annotations(after) > annotations(before)) {
          return Optional.of("trang " + (i + 1) + " có thêm chú thích/hình vẽ sau khi ký");
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of("không đọc được phiên bản đã ký để so sánh với tệp hiện tại");
    }
  }

  private static byte[] content(PDPage page) throws IOException {
    try (InputStream in = page.getContents()) {
      return in.readAllBytes();
    }
  }

  /** The raw bytes of every image and form the page draws, in name order. */
  private static byte[] xObjects(PDResources resources) throws IOException {
    if (resources == null) {
      return new byte[0];
    }
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
    java.util.List<COSName> names = new java.util.ArrayList<>();
    resources.getXObjectNames().forEach(names::add);
    names.sort(java.util.Comparator.comparing(COSName::getName));
    for (COSName name : names) {
      PDXObject object = resources.getXObject(name);
      all.write(name.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      if (object != null) {
        PDStream stream = object.getStream();
        try (InputStream in = stream.getCOSObject().createRawInputStream()) {
          all.write(in.readAllBytes());
        }
      }
    }
    return all.toByteArray();
  }

  private static long annotations(PDPage page) throws IOException {
    return page.getAnnotations().stream().filter(a -> !(a instanceof PDAnnotationWidget)).count();
  }
}
