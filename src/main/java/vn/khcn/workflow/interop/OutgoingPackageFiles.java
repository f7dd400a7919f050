package vn.khcn.workflow.interop;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import vn.khcn.workflow.intake.EdxmlReader;
import vn.khcn.workflow.interop.EdxmlPackage.Organ;
import vn.khcn.workflow.interop.OutgoingPackages.DocumentPackage;

/**
 * Writes an edXML document package (QCVN 102:2016/BTTTT, Circular 01/2022/TT-BTTTT):
 * MessageHeader (From, To, DocumentId, Code, PromulgationInfo, DocumentType, Subject,
 * SignerInfo, ToPlaces, OtherInfo), TraceHeaderList with Bussiness, and the issued file listed
 * in edXMLManifest; in the common layout (ADR 0017, amended): root edXML holding edXMLEnvelope
 * and, beside it, AttachmentEncoded/Attachment with the file as base64 in ContentTransferEncoded,
 * as {@link EdxmlParser} reads it.
 */
final class OutgoingPackageFiles {

  private static final String PREFIX = "edXML:";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");
  private static final String CONTENT_ID = "cid:1";

  static byte[] write(DocumentPackage p, Organ us, String place, Instant now, ZoneId zone) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      Document xml = factory.newDocumentBuilder().newDocument();
      Element root = element(xml, xml, "edXML");
      Element envelope = element(xml, root, "edXMLEnvelope");
      Element header = element(xml, envelope, "edXMLHeader");
      Element message = element(xml, header, "MessageHeader");
      organ(xml, message, "From", us);
      organ(xml, message, "To", new Organ(p.toOrganId(), p.toOrganName()));
      text(xml, message, "DocumentId", p.documentId());
      Element code = element(xml, message, "Code");
      text(xml, code, "CodeNumber", p.codeNumber());
      text(xml, code, "CodeNotation", p.codeNotation());
      Element promulgation = element(xml, message, "PromulgationInfo");
      text(xml, promulgation, "Place", place);
      text(xml, promulgation, "PromulgationDate", DAY.format(p.promulgationDate()));
      Element type = element(xml, message, "DocumentType");
      text(xml, type, "Type", "1");
      text(xml, type, "TypeName", p.documentType());
      text(xml, message, "Subject", p.subject());
      Element signer = element(xml, message, "SignerInfo");
      text(xml, signer, "Competence", p.signerCompetence());
      text(xml, signer, "FullName", p.signerName());
      Element places = element(xml, message, "ToPlaces");
      for (String toPlace : p.toPlaces()) {
        text(xml, places, "Place", toPlace);
      }
      Element other = element(xml, message, "OtherInfo");
      text(xml, other, "Priority", Integer.toString(p.priority()));
      Element traces = element(xml, header, "TraceHeaderList");
      Element trace = element(xml, traces, "TraceHeader");
      text(xml, trace, "OrganId", us.id());
      text(xml, trace, "Timestamp", TIMESTAMP.format(now.atZone(zone)));
      Element business = element(xml, traces, "Bussiness");
      text(xml, business, "BussinessDocType", p.business().code());
      if (p.replaces() != null) {
        Element replacement = element(xml, business, "ReplacementInfoList");
        text(xml, element(xml, replacement, "ReplacementInfo"), "DocumentId", p.replaces());
      }
      Element body = element(xml, envelope, "edXMLBody");
      if (p.file() != null) {
        Element reference = element(xml, element(xml, body, "edXMLManifest"), "Reference");
        text(xml, reference, "ContentId", CONTENT_ID);
        text(xml, reference, "ContentType", p.contentType());
        text(xml, reference, "Description", "Văn bản");
        text(xml, reference, "AttachmentName", p.fileName());
        Element attachment = element(xml, element(xml, root, "AttachmentEncoded"), "Attachment");
        text(xml, attachment, "ContentId", CONTENT_ID);
        text(xml, attachment, "AttachmentName", p.fileName());
        text(xml, attachment, "Description", "Văn bản");
        text(xml, attachment, "ContentType", p.contentType());
        // one unbroken line: some readers decode with a plain (not MIME) base64 decoder
        text(xml, attachment, "ContentTransferEncoded",
            Base64.getEncoder().encodeToString(p.file()));
      }
      TransformerFactory transformers = TransformerFactory.newInstance();
      transformers.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      transformers.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
      Transformer transformer = transformers.newTransformer();
      transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      transformer.setOutputProperty(OutputKeys.INDENT, "yes");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      transformer.transform(new DOMSource(xml), new StreamResult(out));
      return out.toByteArray();
    } catch (ParserConfigurationException | TransformerException e) {
      throw new IllegalStateException("Cannot write an edXML document package", e);
    }
  }

  private static void organ(Document xml, Element parent, String name, Organ organ) {
    Element element = element(xml, parent, name);
    text(xml, element, "OrganId", organ.id());
    text(xml, element, "OrganName", organ.name());
  }

  private static Element element(Document xml, Node parent, String name) {
    Element element = xml.createElementNS(EdxmlReader.NAMESPACE, PREFIX + name);
    parent.appendChild(element);
    return element;
  }

  private static void text(Document xml, Element parent, String name, String value) {
    if (value != null) {
      element(xml, parent, name).setTextContent(value);
    }
  }

  private OutgoingPackageFiles() {}
}
