package vn.khcn.workflow.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.FileTypes;
import vn.khcn.workflow.shared.web.FileTypes.FileType;
import vn.khcn.workflow.shared.web.UploadedFiles;

/** A small DOCX that inflates to far more than any document is refused while it is checked. */
class ZipBombTest {

  /** A DOCX whose document part is {@code megabytes} MB of zeros: about 1 KB per MB compressed. */
  static byte[] bomb(int megabytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.setLevel(Deflater.BEST_COMPRESSION);
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write("<Types/>".getBytes());
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      byte[] zeros = new byte[1024 * 1024];
      for (int i = 0; i < megabytes; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    return out.toByteArray();
  }

  @Test
  void aDocxInflatingBeyondTheLimitIsRefusedWithAVietnameseMessage() throws IOException {
    byte[] bomb = bomb(160);
    assertThat(bomb.length).as("a small upload").isLessThan(1024 * 1024);
    assertThatThrownBy(() -> FileTypes.detect(bomb))
        .isInstanceOf(FileTypes.ArchiveTooLargeException.class);
    List<FieldError> problems = new ArrayList<>();
    assertThat(UploadedFiles.contentType("bao-cao.docx", bomb, problems)).isNull();
    assertThat(problems).singleElement().satisfies(problem -> {
      assertThat(problem.field()).isEqualTo("file");
      assertThat(problem.message()).contains("bung ra quá 100 MB");
    });
  }

  @Test
  void aDocxOfReasonableSizeStillPasses() throws IOException {
    assertThat(FileTypes.detect(bomb(5))).contains(FileType.DOCX);
  }

  @Test
  void tooManyPartsAreRefused() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      zip.closeEntry();
      for (int i = 0; i < FileTypes.MAX_ENTRIES; i++) {
        zip.putNextEntry(new ZipEntry("word/media/p" + i));
        zip.closeEntry();
      }
    }
    List<FieldError> problems = new ArrayList<>();
    assertThat(UploadedFiles.contentType("bao-cao.docx", out.toByteArray(), problems)).isNull();
    assertThat(problems).singleElement()
        .satisfies(problem -> assertThat(problem.message()).contains("quá nhiều thành phần"));
  }
}
