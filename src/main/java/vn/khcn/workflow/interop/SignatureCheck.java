package vn.khcn.workflow.interop;

import java.security.Key;
import java.security.PublicKey;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.XMLStructure;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyValue;
import javax.xml.crypto.dsig.keyinfo.X509Data;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks the XML digital signature of a package with the JDK's XML Digital Signature API
 * (javax.xml.crypto, secure validation on): the key is the certificate (X509Data) or public key
 * (KeyValue) the signature carries; valid means the signed content is unchanged since signing.
 * Whether the certificate chains to a trusted Vietnamese government CA is not decided here (the
 * detail says so; the trust store is the PDF signatures' work, issue 16).
 */
final class SignatureCheck {

  record Checked(SignatureResult result, String detail) {}

  static Checked check(Document document, Instant now) {
    NodeList signatures = document.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
    if (signatures.getLength() == 0) {
      return new Checked(SignatureResult.NOT_SIGNED, "Gói không có chữ ký số XML.");
    }
    markIds(document.getDocumentElement());
    PackageKey key = new PackageKey();
    try {
      DOMValidateContext context = new DOMValidateContext(key, signatures.item(0));
      context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
      XMLSignature signature = XMLSignatureFactory.getInstance("DOM")
          .unmarshalXMLSignature(context);
      boolean valid = signature.validate(context);
      String signer = key.certificate == null ? "khóa công khai kèm trong chữ ký (không có chứng thư số)"
          : key.certificate.getSubjectX500Principal().getName();
      if (!valid) {
        return new Checked(SignatureResult.INVALID, "Chữ ký không khớp nội dung: gói đã bị thay"
            + " đổi sau khi ký hoặc chữ ký sai. Người ký: " + signer + ".");
      }
      String validity = validity(key.certificate, now);
      return new Checked(validity == null ? SignatureResult.VALID : SignatureResult.INVALID,
          (validity == null ? "Nội dung không thay đổi từ khi ký. " : validity + " ")
              + "Người ký: " + signer + ". Chuỗi chứng thư chưa được đối chiếu với danh sách CA"
              + " tin cậy.");
    } catch (MarshalException | XMLSignatureException | RuntimeException e) {
      return new Checked(SignatureResult.UNCHECKABLE, "Không kiểm tra được chữ ký: "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }
  }

  private static String validity(X509Certificate certificate, Instant now) {
    if (certificate == null) {
      return null;
    }
    try {
      certificate.checkValidity(Date.from(now));
      return null;
    } catch (CertificateExpiredException e) {
      return "Chứng thư số đã hết hạn.";
    } catch (CertificateNotYetValidException e) {
      return "Chứng thư số chưa có hiệu lực.";
    }
  }

  /** Attributes named Id (edXML and ds:Object) are ID attributes, so "#id" references resolve. */
  private static void markIds(Element element) {
    if (element.hasAttribute("Id")) {
      element.setIdAttribute("Id", true);
    }
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element child) {
        markIds(child);
      }
    }
  }

  /** The key the signature carries: its X.509 certificate's, or its KeyValue. */
  private static final class PackageKey extends KeySelector {
    X509Certificate certificate;

    @Override
    public KeySelectorResult select(KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method,
        XMLCryptoContext context) throws KeySelectorException {
      if (keyInfo == null) {
        throw new KeySelectorException("chữ ký không kèm chứng thư số hay khóa công khai");
      }
      for (XMLStructure item : keyInfo.getContent()) {
        if (item instanceof X509Data data) {
          for (Object entry : data.getContent()) {
            if (entry instanceof X509Certificate cert) {
              certificate = cert;
              return result(cert.getPublicKey());
            }
          }
        } else if (item instanceof KeyValue value) {
          try {
            return result(value.getPublicKey());
          } catch (java.security.KeyException e) {
            throw new KeySelectorException("khóa công khai trong chữ ký không đọc được", e);
          }
        }
      }
      throw new KeySelectorException("chữ ký không kèm chứng thư số hay khóa công khai");
    }

    private static KeySelectorResult result(PublicKey key) {
      return () -> (Key) key;
    }
  }

  private SignatureCheck() {}
}
