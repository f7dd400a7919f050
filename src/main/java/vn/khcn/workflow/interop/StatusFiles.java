package vn.khcn.workflow.interop;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
import vn.khcn.workflow.intake.EdxmlReader;
import vn.khcn.workflow.interop.EdxmlPackage.Organ;

/**
 * Writes an edXML status message (edXML/edXMLEnvelope/edXMLHeader/Status: ResponseFor, From,
 * StatusCode, Description, Timestamp, StaffInfo) answering a received package; root edXML as in
 * the common layout (ADR 0017, amended).
 */
final class StatusFiles {

  private static final String PREFIX = "edXML:";
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");

  /** The file name: ordered by message id, then the code ("0000000042-03.edxml"). */
  static String fileName(long messageId, StatusCode code) {
    return String.format("%010d-%s.edxml", messageId, code.code());
  }

  static byte[] write(String documentId, Organ sender, Organ us, StatusCode code,
      String description, String staff, Instant at, ZoneId zone) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      Document xml = factory.newDocumentBuilder().newDocument();
      Element envelope = element(xml, element(xml, xml, "edXML"), "edXMLEnvelope");
      Element status = element(xml, element(xml, envelope, "edXMLHeader"), "Status");
      Element responseFor = element(xml, status, "ResponseFor");
      text(xml, responseFor, "OrganId", sender.id());
      text(xml, responseFor, "DocumentId", documentId);
      Element from = element(xml, status, "From");
      text(xml, from, "OrganId", us.id());
      text(xml, from, "OrganName", us.name());
      text(xml, status, "StatusCode", code.code());
      text(xml, status, "Description", description == null ? code.label() : description);
      text(xml, status, "Timestamp", TIMESTAMP.format(at.atZone(zone)));
      Element staffInfo = element(xml, status, "StaffInfo");
      text(xml, staffInfo, "Department", us.name());
      text(xml, staffInfo, "Staff", staff);
      element(xml, envelope, "edXMLBody");
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
      throw new IllegalStateException("Cannot write an edXML status message", e);
    }
  }

  private static Element element(Document xml, org.w3c.dom.Node parent, String name) {
    Element element = xml.createElementNS(EdxmlReader.NAMESPACE, PREFIX + name);
    parent.appendChild(element);
    return element;
  }

  private static void text(Document xml, Element parent, String name, String value) {
    if (value != null) {
      element(xml, parent, name).setTextContent(value);
    }
  }

  private StatusFiles() {}
}
