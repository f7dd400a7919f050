package vn.khcn.workflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import vn.khcn.workflow.shared.web.FileTypes;
import vn.khcn.workflow.shared.web.FileTypes.FileType;

class FileTypesTest {

  static byte[] zip(String... entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (String entry : entries) {
        zip.putNextEntry(new ZipEntry(entry));
        zip.write("<x/>".getBytes());
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  @Test
  void recognisesAcceptedTypesByContent() throws IOException {
    assertThat(FileTypes.detect("%PDF-1.7\n...".getBytes())).contains(FileType.PDF);
    assertThat(FileTypes.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0}))
        .contains(FileType.PNG);
    assertThat(FileTypes.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}))
        .contains(FileType.JPEG);
    assertThat(FileTypes.detect(zip("[Content_Types].xml", "word/document.xml")))
        .contains(FileType.DOCX);
    assertThat(FileTypes.detect(zip("[Content_Types].xml", "xl/workbook.xml")))
        .contains(FileType.XLSX);
  }

  @Test
  void refusesEverythingElse() throws IOException {
    assertThat(FileTypes.detect("MZ\u0090\u0000 executable".getBytes())).isEmpty();
    assertThat(FileTypes.detect("<html><script>alert(1)</script>".getBytes())).isEmpty();
    assertThat(FileTypes.detect(zip("evil.sh"))).isEmpty();
    assertThat(FileTypes.detect(zip("word/document.xml"))).as("no content types part").isEmpty();
    assertThat(FileTypes.detect(new byte[0])).isEmpty();
  }

  @Test
  void extensionMustAgreeWithContent() {
    assertThat(FileTypes.extensionMatches("Công văn 1143.PDF", FileType.PDF)).isTrue();
    assertThat(FileTypes.extensionMatches("anh.jpeg", FileType.JPEG)).isTrue();
    assertThat(FileTypes.extensionMatches("bao-cao.docx", FileType.PDF)).isFalse();
    assertThat(FileTypes.extensionMatches("khong-duoi", FileType.PDF)).isFalse();
  }
}
