package vn.khcn.workflow.signature;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Revocation where reachable: an OCSP responder of the test CA on the loopback address answers
 * good or revoked; an address where nobody answers leaves the signature valid but unchecked.
 */
class RevocationTest {

  final PadesVerifier verifier = new PadesVerifier(null, new Revocation(true,
      Duration.ofSeconds(5)), Clock.systemUTC());
  final AtomicReference<CertificateStatus> answer = new AtomicReference<>();
  HttpServer responder;
  TestCa ca;

  @BeforeEach
  void startResponder() throws Exception {
    ca = new TestCa("OCSP Test CA");
    responder = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    responder.createContext("/ocsp", exchange -> {
      try {
        OCSPReq request = new OCSPReq(exchange.getRequestBody().readAllBytes());
        JcaBasicOCSPRespBuilder builder = new JcaBasicOCSPRespBuilder(ca.keys.getPublic(),
            new JcaDigestCalculatorProviderBuilder().build().get(
                org.bouncycastle.cert.ocsp.RespID.HASH_SHA1));
        for (Req one : request.getRequestList()) {
          builder.addResponse(one.getCertID(), answer.get());
        }
        BasicOCSPResp basic = builder.build(new JcaContentSignerBuilder("SHA256withRSA")
            .build(ca.keys.getPrivate()), null, new Date());
        byte[] body = new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
        exchange.getResponseHeaders().add("Content-Type", "application/ocsp-response");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
      } catch (Exception e) {
        exchange.sendResponseHeaders(500, -1);
      } finally {
        exchange.close();
      }
    });
    responder.start();
  }

  @AfterEach
  void stopResponder() {
    responder.stop(0);
  }

  SignatureCheck signedWithOcsp(String url) throws Exception {
    Instant now = Instant.now();
    TestCa.Signer signer = ca.signer("Võ Thu Hồi", "Sở", now.minus(30, ChronoUnit.DAYS),
        now.plus(30, ChronoUnit.DAYS), new KeyUsage(KeyUsage.digitalSignature), url);
    byte[] pdf = signer.sign(TestCa.pdf("OCSP"), now.minus(1, ChronoUnit.DAYS));
    return verifier.verify(pdf, () -> List.of(ca.certificate)).get(0);
  }

  String url() {
    return "http://127.0.0.1:" + responder.getAddress().getPort() + "/ocsp";
  }

  @Test
  void aGoodAnswerSaysNotRevoked() throws Exception {
    answer.set(CertificateStatus.GOOD);
    SignatureCheck check = signedWithOcsp(url());
    assertThat(check.status()).isEqualTo(SignatureStatus.VALID);
    assertThat(check.revocation()).isEqualTo("Chưa bị thu hồi (OCSP)");
  }

  @Test
  void revokedBeforeSigningIsInvalid() throws Exception {
    answer.set(new RevokedStatus(Date.from(Instant.now().minus(10, ChronoUnit.DAYS)),
        CRLReason.keyCompromise));
    SignatureCheck check = signedWithOcsp(url());
    assertThat(check.status()).isEqualTo(SignatureStatus.INVALID);
    assertThat(check.reasons()).anyMatch(r -> r.contains("đã bị thu hồi trước khi ký"));
  }

  @Test
  void anUnreachableResponderLeavesItValidButUnchecked() throws Exception {
    answer.set(CertificateStatus.GOOD);
    String closed = url();
    responder.stop(0);
    SignatureCheck check = signedWithOcsp(closed);
    assertThat(check.status()).isEqualTo(SignatureStatus.VALID);
    assertThat(check.revocation()).isEqualTo(
        "Không kiểm tra được thu hồi (không kết nối được máy chủ OCSP/CRL)");
  }
}
