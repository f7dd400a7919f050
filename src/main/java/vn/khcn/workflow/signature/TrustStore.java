package vn.khcn.workflow.signature;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.InvalidInputException;
import vn.khcn.workflow.shared.web.NotFoundException;

/**
 * The CA certificates administrators trust (roots of the Vietnamese government CA and the
 * intermediates under it): added from PEM or DER files, listed, removed. Every certificate in the
 * store is a trust anchor for {@link PadesVerifier} (ADR 0018).
 */
@Service
class TrustStore {

  /** One stored certificate as the API and the page show it. */
  record AnchorView(Long id, String subject, String issuer, String fingerprint,
      Instant notBefore, Instant notAfter, boolean expired, String addedBy, Instant addedAt) {}

  private final TrustAnchorRepository anchors;
  private final Clock clock;

  TrustStore(TrustAnchorRepository anchors, Clock clock) {
    this.anchors = anchors;
    this.clock = clock;
  }

  /**
   * Adds every certificate of a PEM file (one or more) or one DER certificate. All of them are
   * checked before any is stored: a file that is not a CA certificate, or one already in the store,
   * stores nothing.
   */
  @Transactional
  public List<AnchorView> add(byte[] file, String addedBy) {
    List<X509Certificate> certificates = parse(file);
    List<TrustAnchor> added = new ArrayList<>();
    for (X509Certificate certificate : certificates) {
      String fingerprint = fingerprint(certificate);
      if (certificate.getBasicConstraints() < 0) {
        throw invalid("chứng thư «" + Names.of(certificate.getSubjectX500Principal()).display()
            + "» không phải của tổ chức chứng thực (CA)");
      }
      if (anchors.existsByFingerprint(fingerprint)
          || added.stream().anyMatch(a -> a.getFingerprint().equals(fingerprint))) {
        throw invalid("chứng thư «" + Names.of(certificate.getSubjectX500Principal()).display()
            + "» đã có trong kho chứng thư tin cậy");
      }
      added.add(new TrustAnchor(certificate.getSubjectX500Principal().getName(),
          certificate.getIssuerX500Principal().getName(), fingerprint,
          certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(),
          encoded(certificate), addedBy, clock.instant()));
    }
    return anchors.saveAll(added).stream().map(this::view).toList();
  }

  @Transactional(readOnly = true)
  public List<AnchorView> list() {
    return anchors.findAllByOrderByIdAsc().stream().map(this::view).toList();
  }

  @Transactional
  public void remove(long id) {
    TrustAnchor anchor = anchors.findById(id).orElseThrow(() ->
        new NotFoundException("Không có chứng thư tin cậy số " + id));
    anchors.delete(anchor);
  }

  /** The certificates verification trusts, read afresh (an upload counts at once). */
  @Transactional(readOnly = true)
  public List<X509Certificate> certificates() {
    List<X509Certificate> result = new ArrayList<>();
    for (TrustAnchor anchor : anchors.findAllByOrderByIdAsc()) {
      try {
        result.addAll(read(anchor.getDer()));
      } catch (CertificateException e) {
        throw new IllegalStateException("Stored trust anchor " + anchor.getId() + " is unreadable",
            e);
      }
    }
    return result;
  }

  private AnchorView view(TrustAnchor a) {
    return new AnchorView(a.getId(), a.getSubject(), a.getIssuer(), a.getFingerprint(),
        a.getNotBefore(), a.getNotAfter(), a.getNotAfter().isBefore(clock.instant()),
        a.getAddedBy(), a.getAddedAt());
  }

  static List<X509Certificate> parse(byte[] file) {
    if (file == null || file.length == 0) {
      throw invalid("tệp rỗng: chọn tệp chứng thư số (PEM hoặc DER)");
    }
    try {
      List<X509Certificate> certificates = read(file);
      if (certificates.isEmpty()) {
        throw invalid("tệp không chứa chứng thư số nào (PEM hoặc DER)");
      }
      return certificates;
    } catch (CertificateException | RuntimeException e) {
      if (e instanceof InvalidInputException invalid) {
        throw invalid;
      }
      throw invalid("tệp không phải chứng thư số X.509 (PEM hoặc DER) đọc được");
    }
  }

  private static List<X509Certificate> read(byte[] bytes) throws CertificateException {
    Collection<? extends java.security.cert.Certificate> read = CertificateFactory
        .getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes));
    List<X509Certificate> result = new ArrayList<>();
    for (java.security.cert.Certificate certificate : read) {
      result.add((X509Certificate) certificate);
    }
    return result;
  }

  static String fingerprint(X509Certificate certificate) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(encoded(certificate)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] encoded(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw invalid("chứng thư số không mã hóa lại được");
    }
  }

  private static InvalidInputException invalid(String message) {
    return new InvalidInputException(List.of(new FieldError("file", message)));
  }
}
