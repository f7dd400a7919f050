package vn.khcn.workflow.signature;

import java.io.IOException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Verifies the PAdES / PDF signatures of a file with PDFBox (the signature dictionaries, the
 * signed byte ranges) and BouncyCastle (CMS): integrity, an update appended after the signature,
 * the certificate's validity at the signing time, its key usage, the chain to the trust store,
 * and revocation where reachable. No cryptography of our own (ADR 0018).
 */
@Service
public class PadesVerifier {

  private static final Logger log = LoggerFactory.getLogger(PadesVerifier.class);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final TrustStore trustStore;
  private final Revocation revocation;
  private final Clock clock;

  PadesVerifier(TrustStore trustStore, Revocation revocation, Clock clock) {
    this.trustStore = trustStore;
    this.revocation = revocation;
    this.clock = clock;
  }

  /** One check per signature, in the order of the file; empty for an unsigned or non-PDF file. */
  public List<SignatureCheck> verify(byte[] file) {
    return verify(file, trustStore::certificates);
  }

  /** The checks against these trusted certificates (read only when the file is signed). */
  List<SignatureCheck> verify(byte[] file,
      java.util.function.Supplier<List<X509Certificate>> trustedCertificates) {
    if (file == null || file.length < 5 || !new String(file, 0, 5,
        java.nio.charset.StandardCharsets.ISO_8859_1).equals("%PDF-")) {
      return List.of();
    }
    try (PDDocument document = Loader.loadPDF(file)) {
      List<PDSignature> signatures = document.getSignatureDictionaries();
      if (signatures.isEmpty()) {
        return List.of();
      }
      List<X509Certificate> trusted = trustedCertificates.get();
      List<SignatureCheck> checks = new ArrayList<>();
      for (PDSignature signature : signatures) {
        checks.add(check(file, signature, document, trusted));
      }
      return checks;
    } catch (IOException e) {
      log.info("PDF not readable for signature verification: {}", e.toString());
      return List.of();
    }
  }

  private SignatureCheck check(byte[] file, PDSignature signature, PDDocument document,
      List<X509Certificate> trusted) {
    int[] range = signature.getByteRange();
    if (!ByteRange.valid(range, file)) {
      return broken("phạm vi ký (ByteRange) không hợp lệ: chữ ký không gắn đúng với tệp");
    }
    String subFilter = signature.getSubFilter();
    if (!"adbe.pkcs7.detached".equals(subFilter) && !"ETSI.CAdES.detached".equals(subFilter)) {
      return SignatureCheck.of(SignatureStatus.UNKNOWN, signature.getName(), null, null,
          instant(signature), ByteRange.wholeFile(range, file), Revocation.NOT_CHECKED,
          List.of("kiểu chữ ký «" + subFilter + "» chưa được hỗ trợ"));
    }
    CMSSignedData cms;
    SignerInformation signer;
    X509Certificate certificate;
    Collection<X509Certificate> carried = new ArrayList<>();
    try {
      cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(file)),
          contentInfo(signature.getContents(file)));
      signer = cms.getSignerInfos().getSigners().iterator().next();
      JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
      for (X509CertificateHolder holder : cms.getCertificates().getMatches(null)) {
        carried.add(converter.getCertificate(holder));
      }
      @SuppressWarnings("unchecked")
      Collection<X509CertificateHolder> own = cms.getCertificates().getMatches(signer.getSID());
      if (own.isEmpty()) {
        return broken("chữ ký không kèm chứng thư số của người ký");
      }
      certificate = converter.getCertificate(own.iterator().next());
    } catch (Exception e) {
      log.info("Signature data unreadable: {}", e.toString());
      return broken("dữ liệu chữ ký hỏng, không đọc được (" + e.getClass().getSimpleName() + ")");
    }
    Names subject = Names.of(certificate.getSubjectX500Principal());
    String issuer = Names.of(certificate.getIssuerX500Principal()).display();
    Instant signedAt = signingTime(signer).orElseGet(() -> instant(signature));
    boolean whole = ByteRange.wholeFile(range, file);
    List<String> invalid = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    if (!intact(signer, certificate)) {
      invalid.add("nội dung văn bản đã bị thay đổi sau khi ký (mã băm không khớp chữ ký)");
    } else if (!whole) {
      Optional<String> change = SignedRevision.changedAfterSigning(file, range[2] + range[3],
          document);
      change.ifPresentOrElse(invalid::add, () -> notes.add("có phần bổ sung sau khi ký"
          + " (chữ ký hoặc trường biểu mẫu khác); nội dung các trang không đổi"));
    }
    Date at = Date.from(signedAt == null ? clock.instant() : signedAt);
    try {
      certificate.checkValidity(at);
    } catch (CertificateExpiredException e) {
      invalid.add("chứng thư số đã hết hạn khi ký (hết hạn ngày " + day(certificate.getNotAfter())
          + ")");
    } catch (CertificateNotYetValidException e) {
      invalid.add("chứng thư số chưa có hiệu lực khi ký (có hiệu lực từ ngày "
          + day(certificate.getNotBefore()) + ")");
    }
    boolean[] usage = certificate.getKeyUsage();
    if (usage != null && !usage[0] && !usage[1]) {
      invalid.add("chứng thư số không dùng để ký (thiếu digitalSignature/nonRepudiation)");
    }
    String revocationText = Revocation.NOT_CHECKED;
    CertificateChain.Result chain = CertificateChain.build(certificate, carried, trusted, at);
    if (chain.trusted() && invalid.isEmpty()) {
      Revocation.Outcome outcome = revocation.check(certificate, chain.issuerOfSigner());
      revocationText = outcome.text();
      if (outcome.revokedAt() != null) {
        if (!outcome.revokedAt().isAfter(at.toInstant())) {
          invalid.add("chứng thư số đã bị thu hồi trước khi ký (ngày "
              + day(Date.from(outcome.revokedAt())) + ")");
        } else {
          notes.add("chứng thư số bị thu hồi sau khi ký (ngày "
              + day(Date.from(outcome.revokedAt())) + ")");
        }
      }
    }
    if (signedAt == null) {
      notes.add("chữ ký không ghi thời điểm ký; đã kiểm tra theo thời điểm hiện tại");
    }
    SignatureStatus status;
    List<String> reasons = new ArrayList<>();
    if (!invalid.isEmpty()) {
      status = SignatureStatus.INVALID;
      reasons.addAll(invalid);
    } else if (!chain.trusted()) {
      status = SignatureStatus.UNKNOWN;
      reasons.add(chain.problem());
    } else {
      status = SignatureStatus.VALID;
    }
    reasons.addAll(notes);
    return SignatureCheck.of(status, subject.commonName(), subject.organisation(), issuer,
        signedAt, whole, revocationText, reasons);
  }

  /**
   * The CMS structure at the start of /Contents: the rest of that string is zero padding, which
   * BouncyCastle refuses as extra data when given the whole.
   */
  private static org.bouncycastle.asn1.cms.ContentInfo contentInfo(byte[] contents)
      throws IOException {
    try (org.bouncycastle.asn1.ASN1InputStream in =
        new org.bouncycastle.asn1.ASN1InputStream(contents)) {
      return org.bouncycastle.asn1.cms.ContentInfo.getInstance(in.readObject());
    }
  }

  /** The digest of the signed bytes and the signature over the signed attributes, by BC. */
  private static boolean intact(SignerInformation signer, X509Certificate certificate) {
    try {
      // built on the public key alone: the certificate's dates are judged apart, at signing time
      return signer.verify(new JcaSimpleSignerInfoVerifierBuilder()
          .build(certificate.getPublicKey()));
    } catch (CMSException e) {
      return false;
    } catch (Exception e) {
      log.info("Signature not verifiable: {}", e.toString());
      return false;
    }
  }

  /** The signing-time attribute of the CMS signature, where the signer put one. */
  private static Optional<Instant> signingTime(SignerInformation signer) {
    if (signer.getSignedAttributes() == null) {
      return Optional.empty();
    }
    Attribute attribute = signer.getSignedAttributes().get(CMSAttributes.signingTime);
    if (attribute == null || attribute.getAttrValues().size() == 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate()
          .toInstant());
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  /** The time the signature dictionary claims (/M), PAdES's signing time. */
  private static Instant instant(PDSignature signature) {
    return signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
  }

  private String day(Date date) {
    return DAY.format(date.toInstant().atZone(clock.getZone()));
  }

  private static SignatureCheck broken(String reason) {
    return SignatureCheck.of(SignatureStatus.INVALID, null, null, null, null, false,
        Revocation.NOT_CHECKED, List.of(reason));
  }
}
