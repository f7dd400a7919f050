package vn.khcn.workflow.interop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.w3c.dom.Document;
import vn.khcn.workflow.shared.xml.SafeXml;

/** edXML packages as a sender's system writes them, made in the tests. */
public final class EdxmlSamples {

  public static final String SENDER_ID = "000.00.00.H13";
  public static final String SENDER = "Ủy ban nhân dân thành phố Cần Thơ";

  /** A document package (Công văn number/UBND-KGVX of 19/06/2026) with one PDF attached. */
  public static String document(String documentId, String number, byte[] pdf) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <edXML:edXMLEnvelope xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">
          <edXML:edXMLHeader>
            <edXML:MessageHeader>
              <edXML:From><edXML:OrganId>%s</edXML:OrganId><edXML:OrganName>%s</edXML:OrganName></edXML:From>
              <edXML:To><edXML:OrganId>000.30.31.H13</edXML:OrganId><edXML:OrganName>Sở Khoa học và Công nghệ thành phố Cần Thơ</edXML:OrganName></edXML:To>
              <edXML:DocumentId>%s</edXML:DocumentId>
              <edXML:Code><edXML:CodeNumber>%s</edXML:CodeNumber><edXML:CodeNotation>UBND-KGVX</edXML:CodeNotation></edXML:Code>
              <edXML:PromulgationInfo><edXML:Place>Cần Thơ</edXML:Place><edXML:PromulgationDate>2026/06/19</edXML:PromulgationDate></edXML:PromulgationInfo>
              <edXML:DocumentType><edXML:Type>1</edXML:Type><edXML:TypeName>Công văn</edXML:TypeName></edXML:DocumentType>
              <edXML:Subject>V/v triển khai chuyển đổi số trong quản lý nhiệm vụ khoa học và công nghệ</edXML:Subject>
              <edXML:Content>1. Sở Khoa học và Công nghệ chủ trì triển khai.</edXML:Content>
              <edXML:SignerInfo><edXML:Competence>KT. CHỦ TỊCH</edXML:Competence><edXML:Position>Phó Chủ tịch</edXML:Position><edXML:FullName>Nguyễn Văn Hòa</edXML:FullName></edXML:SignerInfo>
              <edXML:ToPlaces><edXML:Place>Sở Khoa học và Công nghệ</edXML:Place></edXML:ToPlaces>
              <edXML:OtherInfo><edXML:Priority>1</edXML:Priority><edXML:PageAmount>2</edXML:PageAmount></edXML:OtherInfo>
            </edXML:MessageHeader>
            <edXML:TraceHeaderList><edXML:TraceHeader><edXML:OrganId>%s</edXML:OrganId><edXML:Timestamp>2026/06/19 09:00:00</edXML:Timestamp></edXML:TraceHeader>
              <edXML:Bussiness><edXML:BussinessDocType>0</edXML:BussinessDocType></edXML:Bussiness></edXML:TraceHeaderList>
          </edXML:edXMLHeader>
          <edXML:edXMLBody>
            <edXML:edXMLManifest>
              <edXML:Reference><edXML:ContentId>cid:1</edXML:ContentId><edXML:ContentType>application/pdf</edXML:ContentType><edXML:Description>Văn bản</edXML:Description><edXML:AttachmentName>cong-van.pdf</edXML:AttachmentName></edXML:Reference>
            </edXML:edXMLManifest>
            <edXML:AttachmentEncoded><edXML:ContentId>cid:1</edXML:ContentId><edXML:Value>%s</edXML:Value></edXML:AttachmentEncoded>
          </edXML:edXMLBody>
        </edXML:edXMLEnvelope>
        """.formatted(SENDER_ID, SENDER, documentId, number, SENDER_ID,
        Base64.getMimeEncoder().encodeToString(pdf)).strip();
  }

  /**
   * The same document package in the layout public edXML implementations write: a root edXML
   * (default namespace) holding the envelope, and AttachmentEncoded beside it with one
   * Attachment (ContentId without the manifest's "cid:", base64 on one line in
   * ContentTransferEncoded).
   */
  public static String standardDocument(String documentId, String number, byte[] pdf) {
    String old = document(documentId, number, pdf);
    String header = old.substring(old.indexOf("<edXML:edXMLHeader>"),
        old.indexOf("<edXML:edXMLBody>"));
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">
          <edXML:edXMLEnvelope xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">
            %s<edXML:edXMLBody>
              <edXML:edXMLManifest version="1.0">
                <edXML:Reference><edXML:ContentId>cid:1</edXML:ContentId><edXML:ContentType>application/pdf</edXML:ContentType><edXML:Description>Văn bản</edXML:Description><edXML:AttachmentName>cong-van.pdf</edXML:AttachmentName></edXML:Reference>
              </edXML:edXMLManifest>
            </edXML:edXMLBody>
          </edXML:edXMLEnvelope>
          <AttachmentEncoded>
            <Attachment>
              <ContentId>1</ContentId>
              <AttachmentName>cong-van.pdf</AttachmentName>
              <ContentType>application/pdf</ContentType>
              <Description>Văn bản</Description>
              <edXML:ContentTransferEncoded xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">%s</edXML:ContentTransferEncoded>
            </Attachment>
          </AttachmentEncoded>
        </edXML>
        """.formatted(header, Base64.getEncoder().encodeToString(pdf)).strip();
  }

  /** The sender's status message (13: recall) about a document it sent. */
  public static String recall(String documentId, String reason) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <edXML:edXMLEnvelope xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">
          <edXML:edXMLHeader><edXML:Status>
            <edXML:ResponseFor><edXML:DocumentId>%s</edXML:DocumentId></edXML:ResponseFor>
            <edXML:From><edXML:OrganId>%s</edXML:OrganId><edXML:OrganName>%s</edXML:OrganName></edXML:From>
            <edXML:StatusCode>13</edXML:StatusCode>
            <edXML:Description>%s</edXML:Description>
            <edXML:Timestamp>2026/06/20 08:00:00</edXML:Timestamp>
          </edXML:Status></edXML:edXMLHeader>
          <edXML:edXMLBody/>
        </edXML:edXMLEnvelope>
        """.formatted(documentId, SENDER_ID, SENDER, reason).strip();
  }

  public static byte[] pdf() {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.addPage(new PDPage());
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static KeyPair keys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The package with an enveloped XML signature (RSA-SHA256, its public key in KeyInfo). */
  static byte[] signed(String xml, KeyPair keys, boolean withKeyInfo) throws Exception {
    return signed(xml, keys, withKeyInfo, false);
  }

  /** Signed as the common layout places it: ds:Signature inside edXMLHeader. */
  static byte[] signedInHeader(String xml, KeyPair keys) throws Exception {
    return signed(xml, keys, true, true);
  }

  private static byte[] signed(String xml, KeyPair keys, boolean withKeyInfo, boolean inHeader)
      throws Exception {
    Document document = SafeXml.parse(xml.getBytes(StandardCharsets.UTF_8), "test");
    XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
    Reference reference = factory.newReference("", factory.newDigestMethod(DigestMethod.SHA256,
        null), List.of(factory.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null)),
        null, null);
    SignedInfo info = factory.newSignedInfo(factory.newCanonicalizationMethod(
        CanonicalizationMethod.INCLUSIVE, (C14NMethodParameterSpec) null),
        factory.newSignatureMethod(SignatureMethod.RSA_SHA256, null), List.of(reference));
    KeyInfoFactory keyInfos = factory.getKeyInfoFactory();
    KeyInfo keyInfo = withKeyInfo
        ? keyInfos.newKeyInfo(List.of(keyInfos.newKeyValue(keys.getPublic()))) : null;
    factory.newXMLSignature(info, keyInfo).sign(
        new DOMSignContext(keys.getPrivate(), inHeader
            ? document.getElementsByTagNameNS("*", "edXMLHeader").item(0)
            : document.getDocumentElement()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TransformerFactory.newInstance().newTransformer()
        .transform(new DOMSource(document), new StreamResult(out));
    return out.toByteArray();
  }

  private EdxmlSamples() {}
}
