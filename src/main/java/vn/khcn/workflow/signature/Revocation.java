package vn.khcn.workflow.signature;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether the signer's certificate was revoked, asked where the certificate says (OCSP first,
 * then the CRL), over http only, with short time-outs. Nothing reachable is not a failure of the
 * signature: the answer then says "không kiểm tra được thu hồi" (ADR 0018). The OCSP answer and
 * the CRL count only when signed by the issuing CA (or its OCSP responder).
 */
@Component
class Revocation {

  private static final Logger log = LoggerFactory.getLogger(Revocation.class);
  static final String NOT_CHECKED = "Không kiểm tra được thu hồi";
  private static final int MAX_BYTES = 10 * 1024 * 1024;

  /** What revocation checking found; revokedAt is set only when the certificate is revoked. */
  record Outcome(String text, Instant revokedAt) {}

  private final boolean online;
  private final Duration timeout;

  Revocation(@Value("${khcn.signature.revocation-online:true}") boolean online,
      @Value("${khcn.signature.revocation-timeout:PT5S}") Duration timeout) {
    this.online = online;
    this.timeout = timeout;
  }

  Outcome check(X509Certificate certificate, X509Certificate issuer) {
    List<String> ocsp = ocspUrls(certificate);
    List<String> crls = crlUrls(certificate);
    if (ocsp.isEmpty() && crls.isEmpty()) {
      return new Outcome(NOT_CHECKED + " (chứng thư không nêu nơi kiểm tra OCSP/CRL)", null);
    }
    if (!online) {
      return new Outcome(NOT_CHECKED + " (kiểm tra trực tuyến đang tắt)", null);
    }
    for (String url : ocsp) {
      try {
        return ocsp(url, certificate, issuer);
      } catch (Exception e) {
        log.info("OCSP {} not usable: {}", url, e.toString());
      }
    }
    for (String url : crls) {
      try {
        return crl(url, certificate, issuer);
      } catch (Exception e) {
        log.info("CRL {} not usable: {}", url, e.toString());
      }
    }
    return new Outcome(NOT_CHECKED + " (không kết nối được máy chủ OCSP/CRL)", null);
  }

  private Outcome ocsp(String url, X509Certificate certificate, X509Certificate issuer)
      throws Exception {
    CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build()
        .get(CertificateID.HASH_SHA1), new JcaX509CertificateHolder(issuer),
        certificate.getSerialNumber());
    byte[] request = new OCSPReqBuilder().addRequest(id).build().getEncoded();
    OCSPResp response = new OCSPResp(post(url, request));
    if (response.getStatus() != OCSPResp.SUCCESSFUL) {
      throw new IOException("OCSP status " + response.getStatus());
    }
    BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
    if (!signedByIssuer(basic, issuer)) {
      throw new IOException("OCSP answer not signed by the issuer or its responder");
    }
    for (SingleResp single : basic.getResponses()) {
      if (!single.getCertID().matchesIssuer(new JcaX509CertificateHolder(issuer),
          new JcaDigestCalculatorProviderBuilder().build())
          || !single.getCertID().getSerialNumber().equals(certificate.getSerialNumber())) {
        continue;
      }
      Object status = single.getCertStatus();
      if (status == null) {
        return new Outcome("Chưa bị thu hồi (OCSP)", null);
      }
      if (status instanceof RevokedStatus revoked) {
        return new Outcome("Đã bị thu hồi (OCSP)", revoked.getRevocationTime().toInstant());
      }
      throw new IOException("OCSP status unknown");
    }
    throw new IOException("OCSP answer does not name the certificate");
  }

  private static boolean signedByIssuer(BasicOCSPResp basic, X509Certificate issuer)
      throws Exception {
    if (basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer))) {
      return true;
    }
    for (X509CertificateHolder holder : basic.getCerts()) {
      X509Certificate responder = new JcaX509CertificateConverter().getCertificate(holder);
      try {
        responder.verify(issuer.getPublicKey());
      } catch (Exception e) {
        continue;
      }
      List<String> usages = responder.getExtendedKeyUsage();
      if (usages != null && usages.contains(KeyPurposeId.id_kp_OCSPSigning.getId())
          && basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(responder))) {
        return true;
      }
    }
    return false;
  }

  private Outcome crl(String url, X509Certificate certificate, X509Certificate issuer)
      throws Exception {
    X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
        .generateCRL(new ByteArrayInputStream(get(url)));
    crl.verify(issuer.getPublicKey());
    X509CRLEntry entry = crl.getRevokedCertificate(certificate);
    return entry == null ? new Outcome("Chưa bị thu hồi (CRL)", null)
        : new Outcome("Đã bị thu hồi (CRL)", entry.getRevocationDate().toInstant());
  }

  private byte[] post(String url, byte[] body) throws IOException {
    HttpURLConnection connection = open(url);
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    connection.setRequestProperty("Content-Type", "application/ocsp-request");
    try (OutputStream out = connection.getOutputStream()) {
      out.write(body);
    }
    return read(connection);
  }

  private byte[] get(String url) throws IOException {
    return read(open(url));
  }

  private HttpURLConnection open(String url) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
    connection.setConnectTimeout((int) timeout.toMillis());
    connection.setReadTimeout((int) timeout.toMillis());
    connection.setInstanceFollowRedirects(false);
    return connection;
  }

  private static byte[] read(HttpURLConnection connection) throws IOException {
    try {
      if (connection.getResponseCode() != 200) {
        throw new IOException("HTTP " + connection.getResponseCode());
      }
      try (InputStream in = connection.getInputStream()) {
        byte[] content = in.readNBytes(MAX_BYTES + 1);
        if (content.length > MAX_BYTES) {
          throw new IOException("answer too large");
        }
        return content;
      }
    } finally {
      connection.disconnect();
    }
  }

  static List<String> ocspUrls(X509Certificate certificate) {
    List<String> urls = new ArrayList<>();
    byte[] value = certificate.getExtensionValue(Extension.authorityInfoAccess.getId());
    if (value != null) {
      AuthorityInformationAccess access = AuthorityInformationAccess.getInstance(
          ASN1OctetString.getInstance(value).getOctets());
      for (AccessDescription description : access.getAccessDescriptions()) {
        if (description.getAccessMethod().equals(AccessDescription.id_ad_ocsp)) {
          http(description.getAccessLocation(), urls);
        }
      }
    }
    return urls;
  }

  static List<String> crlUrls(X509Certificate certificate) {
    List<String> urls = new ArrayList<>();
    byte[] value = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
    if (value != null) {
      CRLDistPoint points = CRLDistPoint.getInstance(ASN1OctetString.getInstance(value)
          .getOctets());
      for (DistributionPoint point : points.getDistributionPoints()) {
        DistributionPointName name = point.getDistributionPoint();
        if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
          for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
            http(general, urls);
          }
        }
      }
    }
    return urls;
  }

  private static void http(GeneralName name, List<String> urls) {
    if (name.getTagNo() == GeneralName.uniformResourceIdentifier) {
      String url = name.getName().toString();
      if (url.startsWith("http://") || url.startsWith("https://")) {
        urls.add(url);
      }
    }
  }
}
