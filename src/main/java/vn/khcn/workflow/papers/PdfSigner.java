package vn.khcn.workflow.papers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Signs a PDF as PAdES baseline B-B: a PDFBox signature dictionary (ETSI.CAdES.detached, the time
 * in /M) over a detached CMS signature by BouncyCastle with the signing-certificate-v2 attribute
 * and no signing-time attribute, saved as an incremental update. The key is the PKCS#12 keystore
 * configured as {@code khcn.signing.keystore / password / alias}; without one, signing answers
 * {@link SigningUnavailableException} with a message naming the setting (ADR 0018; outgoing
 * documents, issue 19, sign through this service).
 */
@Service
public class PdfSigner {

  /** Who signs and why, as the signature dictionary records them. */
  public record SignatureDetails(String reason, String location, Instant signedAt) {}

  private final String keystore;
  private final char[] password;
  private final String alias;
  private volatile Key key;

  private record Key(PrivateKey privateKey, X509Certificate[] chain) {}

  public PdfSigner(@Value("${khcn.signing.keystore:}") String keystore,
      @Value("${khcn.signing.password:}") String password,
      @Value("${khcn.signing.alias:}") String alias) {
    this.keystore = keystore;
    this.password = password.toCharArray();
    this.alias = alias;
  }

  /** Whether a keystore is configured (it is opened at the first signing). */
  public boolean configured() {
    return !keystore.isBlank();
  }

  /** The PDF signed with the configured key. */
  public byte[] sign(byte[] pdf, SignatureDetails details) {
    Key signingKey = key();
    return sign(pdf, signingKey.privateKey(), signingKey.chain(), details);
  }

  /** The PDF signed with this key; chain[0] is the signer's certificate. */
  public static byte[] sign(byte[] pdf, PrivateKey privateKey, X509Certificate[] chain,
      SignatureDetails details) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDSignature signature = new PDSignature();
      signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
      signature.setReason(details.reason());
      signature.setLocation(details.location());
      Calendar when = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
      when.setTimeInMillis(details.signedAt().toEpochMilli());
      signature.setSignDate(when);
      SignatureOptions options = new SignatureOptions();
      // room for about 18 KB of CMS: a signer with a chain of four RSA certificates
      options.setPreferredSignatureSize(SignatureOptions.DEFAULT_SIGNATURE_SIZE * 2);
      document.addSignature(signature, content -> cms(content, privateKey, chain), options);
      ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 32_768);
      document.saveIncremental(out);
      options.close();
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalArgumentException("PDF not signable: " + e.getMessage(), e);
    }
  }

  private static byte[] cms(InputStream content, PrivateKey privateKey, X509Certificate[] chain)
      throws IOException {
    try {
      X509Certificate signer = chain[0];
      String algorithm = "EC".equals(privateKey.getAlgorithm()) ? "SHA256withECDSA"
          : "SHA256withRSA";
      ContentSigner contentSigner = new JcaContentSignerBuilder(algorithm).build(privateKey);
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
          new JcaDigestCalculatorProviderBuilder().build())
          .setSignedAttributeGenerator(padesAttributes(signer))
          .build(contentSigner, signer));
      generator.addCertificates(new JcaCertStore(Arrays.asList(chain)));
      return generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false)
          .getEncoded();
    } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException
        | org.bouncycastle.cms.CMSException e) {
      throw new IOException("CMS signature failed: " + e.getMessage(), e);
    }
  }

  /**
   * Content type, message digest and algorithm protection as BC makes them, plus
   * signing-certificate-v2 (the SHA-256 of the signer's certificate), without signing-time: in
   * PAdES the time is the dictionary's /M.
   */
  private static CMSAttributeTableGenerator padesAttributes(X509Certificate signer)
      throws GeneralSecurityException {
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(signer.getEncoded());
    IssuerSerial issuerSerial = new IssuerSerial(new GeneralNames(new GeneralName(
        X500Name.getInstance(signer.getIssuerX500Principal().getEncoded()))),
        signer.getSerialNumber());
    Attribute signingCertificate = new Attribute(
        PKCSObjectIdentifiers.id_aa_signingCertificateV2,
        new DERSet(new SigningCertificateV2(new ESSCertIDv2(hash, issuerSerial))));
    DefaultSignedAttributeTableGenerator defaults = new DefaultSignedAttributeTableGenerator(
        new AttributeTable(new DERSet(signingCertificate)));
    return parameters -> {
      @SuppressWarnings("unchecked")
      Hashtable<ASN1ObjectIdentifier, Attribute> table =
          defaults.getAttributes((Map<?, ?>) parameters).toHashtable();
      table.remove(CMSAttributes.signingTime);
      return new AttributeTable(table);
    };
  }

  private Key key() {
    Key loaded = key;
    if (loaded != null) {
      return loaded;
    }
    if (!configured()) {
      throw new SigningUnavailableException("Chưa cấu hình khóa ký số: đặt khcn.signing.keystore"
          + " (biến môi trường SIGNING_KEYSTORE) là tệp PKCS#12, cùng mật khẩu và bí danh.", null);
    }
    try (InputStream in = Files.newInputStream(Path.of(keystore))) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      String name = alias.isBlank() ? store.aliases().nextElement() : alias;
      if (!(store.getKey(name, password) instanceof PrivateKey privateKey)) {
        throw new SigningUnavailableException("Kho khóa ký số không có khóa riêng với bí danh «"
            + name + "» (khcn.signing.alias).", null);
      }
      Certificate[] certificates = store.getCertificateChain(name);
      List<X509Certificate> chain = Arrays.stream(certificates)
          .map(X509Certificate.class::cast).toList();
      loaded = new Key(privateKey, chain.toArray(X509Certificate[]::new));
      key = loaded;
      return loaded;
    } catch (IOException | GeneralSecurityException e) {
      throw new SigningUnavailableException("Không mở được kho khóa ký số «" + keystore
          + "» (khcn.signing.keystore, khcn.signing.password): " + e.getMessage(), e);
    }
  }
}
