package vn.khcn.workflow.interop;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import vn.khcn.workflow.intake.EdxmlReader;
import vn.khcn.workflow.intake.Extraction;
import vn.khcn.workflow.interop.EdxmlPackage.Organ;
import vn.khcn.workflow.interop.EdxmlPackage.PackageAttachment;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.InvalidInputException;
import vn.khcn.workflow.shared.xml.SafeXml;

/**
 * Reads an edXML envelope (QCVN 102:2016/BTTTT, Circular 01/2022/TT-BTTTT) safely ({@link SafeXml}:
 * no DOCTYPE, no external entities): a document's MessageHeader through intake's mapping onto the
 * register's fields, the manifest's attachments with their bytes (base64 in
 * edXMLBody/AttachmentEncoded, ADR 0017), the signature checked; or a Status message. Anything
 * else is refused (400, field {@code file}) with the line and reason, in Vietnamese.
 */
final class EdxmlParser {

  static final String FIELD = "file";

  static EdxmlPackage parse(byte[] content, Instant now) {
    if (content.length == 0) {
      throw refused("Tệp rỗng: không có gói edXML nào.");
    }
    Document document;
    try {
      document = SafeXml.parse(content, "Gói edXML");
    } catch (SafeXml.MalformedXmlException e) {
      throw refused(e.getMessage());
    }
    Element root = document.getDocumentElement();
    if (!"edXMLEnvelope".equals(root.getLocalName())) {
      throw refused("Gói edXML không hợp lệ: phần tử gốc phải là edXMLEnvelope, không phải "
          + root.getLocalName() + ".");
    }
    SignatureCheck.Checked signature = SignatureCheck.check(document, now);
    Element header = child(root, "edXMLHeader");
    Element status = header == null ? null : child(header, "Status");
    if (status != null) {
      Element responseFor = child(status, "ResponseFor");
      String code = text(status, "StatusCode");
      String answered = text(responseFor, "DocumentId");
      if (code == null || answered == null) {
        throw refused("Gói trạng thái edXML không hợp lệ: thiếu StatusCode hoặc"
            + " ResponseFor/DocumentId.");
      }
      return new EdxmlPackage(EdxmlPackage.Kind.STATUS, answered, organ(status, "From"),
          Organ.NONE, null, null, List.of(), signature,
          new EdxmlPackage.Status(code, text(status, "Description"), answered,
              text(child(status, "StaffInfo"), "Staff")));
    }
    Extraction fields;
    try {
      fields = EdxmlReader.read(document);
    } catch (EdxmlReader.MalformedPackageException e) {
      throw refused(e.getMessage());
    }
    Element message = first(root, "MessageHeader");
    String documentId = text(message, "DocumentId");
    if (documentId == null) {
      throw refused("Gói edXML không hợp lệ: thiếu MessageHeader/DocumentId.");
    }
    Element trace = first(root, "Bussiness");
    return new EdxmlPackage(EdxmlPackage.Kind.DOCUMENT, documentId, organ(message, "From"),
        organ(message, "To"), text(trace, "BussinessDocType"), fields, attachments(root),
        signature, null);
  }

  private static List<PackageAttachment> attachments(Element root) {
    Map<String, byte[]> encoded = new HashMap<>();
    for (Element attachment : all(root, "AttachmentEncoded")) {
      String id = text(attachment, "ContentId");
      String value = text(attachment, "Value");
      if (id == null || value == null) {
        throw refused("Gói edXML không hợp lệ: AttachmentEncoded thiếu ContentId hoặc Value.");
      }
      try {
        encoded.put(id, Base64.getMimeDecoder().decode(value));
      } catch (IllegalArgumentException e) {
        throw refused("Tệp đính kèm " + id + " trong gói edXML không giải mã được (base64).");
      }
    }
    List<PackageAttachment> attachments = new ArrayList<>();
    for (Element reference : all(root, "Reference")) {
      if (!"edXMLManifest".equals(reference.getParentNode().getLocalName())) {
        continue; // ds:Reference of the signature
      }
      String id = text(reference, "ContentId");
      String name = text(reference, "AttachmentName");
      byte[] bytes = id == null ? null : encoded.get(id);
      if (name == null || bytes == null) {
        throw refused("Tệp đính kèm " + (name == null ? id : name) + " được kê trong"
            + " edXMLManifest nhưng không có trong gói.");
      }
      attachments.add(new PackageAttachment(id, name, text(reference, "ContentType"), bytes));
    }
    return attachments;
  }

  private static Organ organ(Element parent, String name) {
    Element organ = child(parent, name);
    return organ == null ? Organ.NONE : new Organ(text(organ, "OrganId"), text(organ, "OrganName"));
  }

  static InvalidInputException refused(String message) {
    return new InvalidInputException(List.of(new FieldError(FIELD, message)));
  }

  /** The first child element with this local name. */
  private static Element child(Element parent, String localName) {
    if (parent == null) {
      return null;
    }
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && localName.equals(element.getLocalName())) {
        return element;
      }
    }
    return null;
  }

  private static Element first(Element parent, String localName) {
    List<Element> found = parent == null ? List.of() : all(parent, localName);
    return found.isEmpty() ? null : found.get(0);
  }

  private static List<Element> all(Element parent, String localName) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = parent.getElementsByTagNameNS("*", localName);
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element element) {
        found.add(element);
      }
    }
    return found;
  }

  private static String text(Element parent, String localName) {
    Element element = child(parent, localName);
    if (element == null) {
      element = first(parent, localName);
    }
    if (element == null) {
      return null;
    }
    String text = element.getTextContent().replaceAll("\\s+", " ").strip();
    return text.isEmpty() ? null : text;
  }

  private EdxmlParser() {}
}
