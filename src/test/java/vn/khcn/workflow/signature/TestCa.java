package vn.khcn.workflow.signature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import vn.khcn.workflow.papers.PdfSigner;

/**
 * A certification authority made in the test with BouncyCastle (RSA 2048, SHA-256): its root
 * certificate, and signers it issues with chosen names, validity, key usage and OCSP address.
 * Nothing is read from disk or the network.
 */
public final class TestCa {

  private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

  /** A signer's key and certificate chain (signer first, then the CA). */
  public record Signer(KeyPair keys, X509Certificate certificate, X509Certificate ca) {
    public X509Certificate[] chain() {
      return new X509Certificate[] {certificate, ca};
    }

    byte[] sign(byte[] pdf, Instant at) {
      return PdfSigner.sign(pdf, keys.getPrivate(), chain(),
          new PdfSigner.SignatureDetails("Phê duyệt", "Cần Thơ", at));
    }
  }

  final KeyPair keys;
  final X509Certificate certificate;

  public TestCa(String name) throws GeneralSecurityException {
    keys = rsa();
    X500Name subject = name(name, "Ban Cơ yếu Chính phủ (thử nghiệm)");
    Instant now = Instant.now();
    certificate = build(new JcaX509v3CertificateBuilder(subject, serial(),
        Date.from(now.minus(3650, ChronoUnit.DAYS)), Date.from(now.plus(3650, ChronoUnit.DAYS)),
        subject, keys.getPublic()), true, null, null);
  }

  /** A signer valid from a year ago to a year ahead, for signing. */
  public Signer signer(String commonName, String organisation) throws GeneralSecurityException {
    Instant now = Instant.now();
    return signer(commonName, organisation, now.minus(365, ChronoUnit.DAYS),
        now.plus(365, ChronoUnit.DAYS), new KeyUsage(KeyUsage.digitalSignature
            | KeyUsage.nonRepudiation), null);
  }

  Signer signer(String commonName, String organisation, Instant from, Instant to,
      KeyUsage usage, String ocspUrl) throws GeneralSecurityException {
    KeyPair signerKeys = rsa();
    X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serial(),
        Date.from(from), Date.from(to), name(commonName, organisation), signerKeys.getPublic());
    return new Signer(signerKeys, build(builder, false, usage, ocspUrl), certificate);
  }

  private X509Certificate build(X509v3CertificateBuilder builder, boolean ca, KeyUsage usage,
      String ocspUrl) throws GeneralSecurityException {
    try {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
      if (ca) {
        builder.addExtension(Extension.keyUsage, true,
            new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      } else if (usage != null) {
        builder.addExtension(Extension.keyUsage, true, usage);
      }
      if (ocspUrl != null) {
        builder.addExtension(Extension.authorityInfoAccess, false,
            new AuthorityInformationAccess(new AccessDescription(AccessDescription.id_ad_ocsp,
                new GeneralName(GeneralName.uniformResourceIdentifier, ocspUrl))));
      }
      return new JcaX509CertificateConverter().getCertificate(builder.build(
          new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    } catch (IOException | org.bouncycastle.operator.OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  private static X500Name name(String commonName, String organisation) {
    return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN")
        .addRDN(BCStyle.O, organisation).addRDN(BCStyle.CN, commonName).build();
  }

  private static BigInteger serial() {
    return BigInteger.valueOf(SERIAL.incrementAndGet());
  }

  private static KeyPair rsa() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  /** A one-page PDF with a text layer (ASCII: the standard fonts have no Vietnamese letters). */
  public static byte[] pdf(String text) throws IOException {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage();
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        content.newLineAtOffset(72, 720);
        content.showText(text);
        content.endText();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }
}
