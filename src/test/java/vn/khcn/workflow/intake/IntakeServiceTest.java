package vn.khcn.workflow.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Limits and the missing-OCR answer, without a server. */
class IntakeServiceTest {

  private final IntakeService withoutOcr =
      new IntakeService(new Ocr("no-such-tesseract-khcn", 5), 20L << 20, 40_000_000, 10);

  @Test
  void withoutTesseractScansAre422AndEverythingElseStillWorks() throws IOException {
    for (String scan : new String[] {"thong-bao-45-TB-SKHCN-scan.png",
        "thong-bao-45-TB-SKHCN-scan.pdf"}) {
      IntakeException refused = catchThrowableOfType(IntakeException.class,
          () -> withoutOcr.extract(fixture(scan)));
      assertThat(refused.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
      assertThat(refused.getMessage()).startsWith("Chưa cài OCR (tesseract-ocr, tesseract-ocr-vie)");
    }
    assertThat(withoutOcr.extract(fixture("cong-van-994-UBND-KGVX.pdf")).fields())
        .containsKey("documentNumber");
  }

  @Test
  void aFileOverTheLimitIs413() throws IOException {
    IntakeService small = new IntakeService(new Ocr("tesseract", 5), 1000, 40_000_000, 10);
    IntakeException refused = catchThrowableOfType(IntakeException.class,
        () -> small.extract(fixture("cong-van-1143-CV-TU.txt")));
    assertThat(refused.status()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(refused.getMessage()).contains("Tệp lớn quá");
  }

  @Test
  void binaryContentIsNotADocumentToRead() {
    byte[] binary = {0x00, 0x01, 0x02, (byte) 0xFF};
    assertThat(catchThrowableOfType(IntakeException.class, () -> withoutOcr.extract(binary))
        .status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
  }

  private byte[] fixture(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/intake/" + name)) {
      return in.readAllBytes();
    }
  }
}
