package vn.khcn.workflow.signature;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The path from a signer's certificate to a certificate of the trust store, built by the JDK's
 * PKIX builder at the signing time (validity dates, signatures, CA constraints, key usage), with
 * the certificates the signature carries and those of the store as candidates. Revocation is
 * checked apart ({@link Revocation}), only where reachable.
 */
final class CertificateChain {

  /** A built path: the signer first, the trusted certificate last; or why none was found. */
  record Result(List<X509Certificate> path, String problem) {
    boolean trusted() {
      return path != null;
    }

    /** The certificate that issued the signer's, for revocation requests. */
    X509Certificate issuerOfSigner() {
      return path.size() > 1 ? path.get(1) : path.get(0);
    }
  }

  private CertificateChain() {}

  static Result build(X509Certificate signer, Collection<X509Certificate> carried,
      List<X509Certificate> trusted, Date at) {
    String issuer = Names.of(signer.getIssuerX500Principal()).display();
    if (trusted.isEmpty()) {
      return new Result(null, "kho chứng thư tin cậy chưa có tổ chức chứng thực nào;"
          + " không xác minh được tổ chức cấp «" + issuer + "»");
    }
    Set<TrustAnchor> anchors = new LinkedHashSet<>();
    trusted.forEach(certificate -> anchors.add(new TrustAnchor(certificate, null)));
    X509CertSelector target = new X509CertSelector();
    target.setCertificate(signer);
    try {
      PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
      parameters.setRevocationEnabled(false);
      parameters.setDate(at);
      List<X509Certificate> candidates = new ArrayList<>(carried);
      candidates.add(signer);
      candidates.addAll(trusted);
      parameters.addCertStore(CertStore.getInstance("Collection",
          new CollectionCertStoreParameters(candidates)));
      PKIXCertPathBuilderResult result = (PKIXCertPathBuilderResult)
          CertPathBuilder.getInstance("PKIX").build(parameters);
      List<X509Certificate> path = new ArrayList<>();
      result.getCertPath().getCertificates().forEach(c -> path.add((X509Certificate) c));
      path.add(result.getTrustAnchor().getTrustedCert());
      return new Result(List.copyOf(path), null);
    } catch (GeneralSecurityException e) {
      return new Result(null, "không xác minh được chuỗi chứng thư tới một tổ chức chứng thực"
          + " tin cậy (tổ chức cấp «" + issuer + "» chưa có trong kho chứng thư tin cậy,"
          + " hoặc chứng thư trung gian không hợp lệ khi ký)");
    }
  }
}
