package vn.khcn.workflow.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.khcn.workflow.papers.PdfSigner;
import vn.khcn.workflow.papers.SigningUnavailableException;

/** PdfSigner with a PKCS#12 keystore written by the test: what it signs verifies VALID. */
class PdfSignerTest {

  final PadesVerifier verifier = new PadesVerifier(null, new Revocation(false,
      Duration.ofSeconds(1)), Clock.systemUTC());

  @Test
  void aPdfSignedWithTheConfiguredKeystoreVerifiesValid(@TempDir Path dir) throws Exception {
    TestCa ca = new TestCa("Signing Test CA");
    TestCa.Signer signer = ca.signer("Phạm Giám Đốc", "Sở Khoa học và Công nghệ");
    Path keystore = dir.resolve("ky-so.p12");
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("giam-doc", signer.keys().getPrivate(), "matkhau".toCharArray(),
        signer.chain());
    try (OutputStream out = Files.newOutputStream(keystore)) {
      store.store(out, "matkhau".toCharArray());
    }
    PdfSigner pdfSigner = new PdfSigner(keystore.toString(), "matkhau", "giam-doc");
    Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    byte[] signed = pdfSigner.sign(TestCa.pdf("Quyet dinh so 15/QD-SKHCN"),
        new PdfSigner.SignatureDetails("Ký ban hành", "Cần Thơ", at));

    List<SignatureCheck> checks = verifier.verify(signed, () -> List.of(ca.certificate));
    assertThat(checks).hasSize(1);
    assertThat(checks.get(0).status()).isEqualTo(SignatureStatus.VALID);
    assertThat(checks.get(0).signer()).isEqualTo("Phạm Giám Đốc");
    assertThat(checks.get(0).signedAt()).isEqualTo(at);
    assertThat(new String(signed, java.nio.charset.StandardCharsets.ISO_8859_1))
        .as("PAdES baseline: CAdES detached").contains("/ETSI.CAdES.detached");
  }

  @Test
  void withoutAKeystoreSigningIsUnavailableWithAClearMessage(@TempDir Path dir) {
    PdfSigner none = new PdfSigner("", "", "");
    assertThat(none.configured()).isFalse();
    PdfSigner.SignatureDetails details = new PdfSigner.SignatureDetails("x", "y", Instant.now());
    assertThatThrownBy(() -> none.sign(new byte[] {1}, details))
        .isInstanceOf(SigningUnavailableException.class)
        .hasMessageContaining("khcn.signing.keystore");
    PdfSigner missing = new PdfSigner(dir.resolve("khong-co.p12").toString(), "x", "");
    assertThatThrownBy(() -> missing.sign(new byte[] {1}, details))
        .isInstanceOf(SigningUnavailableException.class)
        .hasMessageContaining("Không mở được kho khóa ký số");
  }
}
