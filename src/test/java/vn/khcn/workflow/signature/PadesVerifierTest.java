package vn.khcn.workflow.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PAdES verification with a CA made in the test: a valid signature, bytes changed after signing,
 * an update appended after signing that changes the page, a later signature that changes nothing,
 * an unknown CA, an expired certificate, a certificate not for signing, unsigned files.
 */
class PadesVerifierTest {

  static final Instant SIGNED_AT = Instant.now().truncatedTo(ChronoUnit.SECONDS)
      .minus(1, ChronoUnit.HOURS);

  static TestCa ca;
  static TestCa.Signer signer;
  static byte[] signed;

  final PadesVerifier verifier = new PadesVerifier(null, new Revocation(true,
      Duration.ofSeconds(2)), Clock.system(ZoneId.of("Asia/Ho_Chi_Minh")));

  @BeforeAll
  static void signOnce() throws Exception {
    ca = new TestCa("Test Root CA");
    signer = ca.signer("Nguyễn Văn An", "Sở Khoa học và Công nghệ thành phố Cần Thơ");
    signed = signer.sign(TestCa.pdf("So: 15/SKHCN-QLKH  V/v bao cao ket qua"), SIGNED_AT);
  }

  List<SignatureCheck> verify(byte[] pdf, X509Certificate... trusted) {
    return verifier.verify(pdf, () -> List.of(trusted));
  }

  @Test
  void aSignatureByATrustedCaOverTheWholeFileIsValid() {
    List<SignatureCheck> checks = verify(signed, ca.certificate);

    assertThat(checks).hasSize(1);
    SignatureCheck check = checks.get(0);
    assertThat(check.status()).isEqualTo(SignatureStatus.VALID);
    assertThat(check.statusLabel()).isEqualTo("Chữ ký số hợp lệ");
    assertThat(check.signer()).isEqualTo("Nguyễn Văn An");
    assertThat(check.organisation()).isEqualTo("Sở Khoa học và Công nghệ thành phố Cần Thơ");
    assertThat(check.issuer()).isEqualTo("Test Root CA");
    assertThat(check.signedAt()).isEqualTo(SIGNED_AT);
    assertThat(check.wholeDocument()).isTrue();
    assertThat(check.reasons()).isEmpty();
    assertThat(check.revocation()).startsWith("Không kiểm tra được thu hồi")
        .contains("không nêu nơi kiểm tra");
  }

  @Test
  void bytesChangedAfterSigningMakeItInvalid() {
    byte[] tampered = signed.clone();
    int at = indexOf(tampered, "V/v bao cao");
    if (at < 0) { // the content stream is compressed: change a byte of the header comment
      at = indexOf(tampered, "%PDF-") + 10;
    }
    tampered[at] ^= 0x01;

    SignatureCheck check = verify(tampered, ca.certificate).get(0);

    assertThat(check.status()).isEqualTo(SignatureStatus.INVALID);
    assertThat(check.statusLabel()).isEqualTo("Chữ ký số không hợp lệ");
    assertThat(check.reasons()).anyMatch(r -> r.contains("đã bị thay đổi sau khi ký"));
  }

  @Test
  void anUpdateAppendedAfterTheSignatureThatChangesThePageMakesItInvalid() throws IOException {
    byte[] changed = appendText(signed, "Da sua sau khi ky");
    assertThat(changed.length).isGreaterThan(signed.length);

    SignatureCheck check = verify(changed, ca.certificate).get(0);

    assertThat(check.status()).isEqualTo(SignatureStatus.INVALID);
    assertThat(check.wholeDocument()).isFalse();
    assertThat(check.reasons()).anyMatch(r -> r.contains("trang 1"));
  }

  @Test
  void aSecondSignatureAppendedLaterLeavesTheFirstValid() throws Exception {
    TestCa.Signer second = ca.signer("Trần Thị Bình", "Văn phòng Sở");
    byte[] twice = second.sign(signed, SIGNED_AT.plus(10, ChronoUnit.MINUTES));

    List<SignatureCheck> checks = verify(twice, ca.certificate);

    assertThat(checks).extracting(SignatureCheck::status)
        .containsExactly(SignatureStatus.VALID, SignatureStatus.VALID);
    assertThat(checks.get(0).wholeDocument()).isFalse();
    assertThat(checks.get(0).reasons()).anyMatch(r -> r.contains("nội dung các trang không đổi"));
    assertThat(checks.get(1).signer()).isEqualTo("Trần Thị Bình");
    assertThat(checks.get(1).wholeDocument()).isTrue();
  }

  @Test
  void aCaOutsideTheTrustStoreCannotBeChecked() throws Exception {
    TestCa other = new TestCa("Other CA");

    SignatureCheck unknown = verify(signed, other.certificate).get(0);
    SignatureCheck emptyStore = verify(signed).get(0);

    assertThat(unknown.status()).isEqualTo(SignatureStatus.UNKNOWN);
    assertThat(unknown.statusLabel()).isEqualTo("Không kiểm tra được chữ ký số");
    assertThat(unknown.signer()).as("still says who signed").isEqualTo("Nguyễn Văn An");
    assertThat(unknown.reasons()).anyMatch(r -> r.contains("«Test Root CA» chưa có trong kho"));
    assertThat(emptyStore.status()).isEqualTo(SignatureStatus.UNKNOWN);
    assertThat(emptyStore.reasons()).anyMatch(r -> r.contains("chưa có tổ chức chứng thực nào"));
  }

  @Test
  void aCertificateExpiredWhenSigningMakesItInvalid() throws Exception {
    Instant now = Instant.now();
    TestCa.Signer expired = ca.signer("Lê Văn Cũ", "Sở Khoa học và Công nghệ",
        now.minus(800, ChronoUnit.DAYS), now.minus(400, ChronoUnit.DAYS),
        new KeyUsage(KeyUsage.digitalSignature), null);
    byte[] pdf = expired.sign(TestCa.pdf("Het han"), SIGNED_AT);

    SignatureCheck check = verify(pdf, ca.certificate).get(0);

    assertThat(check.status()).isEqualTo(SignatureStatus.INVALID);
    assertThat(check.reasons()).anyMatch(r -> r.startsWith("chứng thư số đã hết hạn khi ký"));
  }

  @Test
  void aCertificateNotMadeForSigningMakesItInvalid() throws Exception {
    Instant now = Instant.now();
    TestCa.Signer encryptionOnly = ca.signer("Mã Hóa", "Sở", now.minus(1, ChronoUnit.DAYS),
        now.plus(1, ChronoUnit.DAYS), new KeyUsage(KeyUsage.keyEncipherment), null);

    SignatureCheck check = verify(encryptionOnly.sign(TestCa.pdf("Khoa"), SIGNED_AT),
        ca.certificate).get(0);

    assertThat(check.status()).isEqualTo(SignatureStatus.INVALID);
    assertThat(check.reasons()).anyMatch(r -> r.contains("không dùng để ký"));
  }

  @Test
  void unsignedAndOtherFilesHaveNoSignatures() throws IOException {
    assertThat(verify(TestCa.pdf("Khong ky"), ca.certificate)).isEmpty();
    assertThat(verify("Công văn".getBytes(StandardCharsets.UTF_8), ca.certificate)).isEmpty();
    assertThat(verify("%PDF-1.4 hỏng".getBytes(StandardCharsets.UTF_8), ca.certificate))
        .isEmpty();
  }

  /** An incremental update drawing more text on page 1, as an editor would save it. */
  static byte[] appendText(byte[] pdf, String text) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDPage page = document.getPage(0);
      try (PDPageContentStream content = new PDPageContentStream(document, page,
          AppendMode.APPEND, false)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 14);
        content.newLineAtOffset(72, 600);
        content.showText(text);
        content.endText();
      }
      page.getCOSObject().setNeedToBeUpdated(true);
      if (page.getResources() != null) {
        page.getResources().getCOSObject().setNeedToBeUpdated(true);
      }
      document.getPages().getCOSObject().setNeedToBeUpdated(true);
      document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.saveIncremental(out);
      return out.toByteArray();
    }
  }

  static int indexOf(byte[] data, String text) {
    byte[] needle = text.getBytes(StandardCharsets.ISO_8859_1);
    outer:
    for (int i = 0; i <= data.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
