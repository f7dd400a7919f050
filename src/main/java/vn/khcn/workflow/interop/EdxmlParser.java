package vn.khcn.workflow.interop;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * Reads an edXML package (QCVN 102:2016/BTTTT, Circular 01/2022/TT-BTTTT) safely ({@link SafeXml}:
 * no DOCTYPE, no external entities): a document's MessageHeader through intake's mapping onto the
 * register's fields, the manifest's attachments with their bytes, the signature checked; or a
 * Status message. Two layouts (ADR 0017, amended): the common one, a root {@code edXML} holding
 * {@code edXMLEnvelope} and, beside it, {@code AttachmentEncoded/Attachment} (ContentId,
 * ContentTransferEncoded); and our earlier one, {@code edXMLEnvelope} as root with
 * {@code edXMLBody/AttachmentEncoded} (ContentId, Value). Anything else is refused (400, field
 * {@code file}) with the line and reason, in Vietnamese.
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
    Element envelope = envelope(document.getDocumentElement());
    SignatureCheck.Checked signature = SignatureCheck.check(document, now);
    Element header = child(envelope, "edXMLHeader");
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
    Element message = first(envelope, "MessageHeader");
    String documentId = text(message, "DocumentId");
    if (documentId == null) {
      throw refused("Gói edXML không hợp lệ: thiếu MessageHeader/DocumentId.");
    }
    Element trace = first(envelope, "Bussiness");
    return new EdxmlPackage(EdxmlPackage.Kind.DOCUMENT, documentId, organ(message, "From"),
        organ(message, "To"), text(trace, "BussinessDocType"), fields,
        attachments(envelope, document.getDocumentElement()), signature, null);
  }

  /** The edXMLEnvelope: the root itself, or the root edXML's child. */
  static Element envelope(Element root) {
    Element envelope = "edXML".equals(root.getLocalName()) ? child(root, "edXMLEnvelope")
        : "edXMLEnvelope".equals(root.getLocalName()) ? root : null;
    if (envelope == null) {
      throw refused("Gói edXML không hợp lệ: phần tử gốc phải là edXML (chứa edXMLEnvelope) hoặc"
          + " edXMLEnvelope, không phải " + root.getLocalName() + ".");
    }
    return envelope;
  }

  /**
   * The manifest's files with their bytes: AttachmentEncoded beside the envelope (one Attachment
   * per file, ContentTransferEncoded) or, in our earlier layout, inside edXMLBody (ContentId,
   * Value); ContentIds match with or without "cid:" and angle brackets.
   */
  private static List<PackageAttachment> attachments(Element envelope, Element root) {
    Map<String, byte[]> encoded = new HashMap<>();
    Map<String, Element> described = new LinkedHashMap<>();
    for (Element block : all(root, "AttachmentEncoded")) {
      List<Element> files = children(block, "Attachment");
      if (files.isEmpty()) {
        decode(encoded, text(block, "ContentId"), text(block, "Value"), "Value");
      }
      for (Element file : files) {
        String id = text(file, "ContentId");
        decode(encoded, id, text(file, "ContentTransferEncoded"), "ContentTransferEncoded");
        described.put(contentKey(id), file);
      }
    }
    List<Element> references = new ArrayList<>();
    for (Element reference : all(envelope, "Reference")) {
      if ("edXMLManifest".equals(reference.getParentNode().getLocalName())) {
        references.add(reference); // not a ds:Reference of the signature
      }
    }
    if (references.isEmpty()) {
      references.addAll(described.values()); // no manifest: each Attachment describes itself
    }
    List<PackageAttachment> attachments = new ArrayList<>();
    for (Element reference : references) {
      String id = text(reference, "ContentId");
      Element file = described.get(contentKey(id));
      String name = text(reference, "AttachmentName");
      if (name == null && file != null) {
        name = text(file, "AttachmentName");
      }
      String type = text(reference, "ContentType");
      if (type == null && file != null) {
        type = text(file, "ContentType");
      }
      byte[] bytes = id == null ? null : encoded.get(contentKey(id));
      if (name == null || bytes == null) {
        throw refused("Tệp đính kèm " + (name == null ? id : name) + " được kê trong"
            + " edXMLManifest nhưng không có trong gói.");
      }
      attachments.add(new PackageAttachment(id, name, type, bytes));
    }
    return attachments;
  }

  private static void decode(Map<String, byte[]> encoded, String id, String value,
      String valueName) {
    if (id == null || value == null) {
      throw refused("Gói edXML không hợp lệ: AttachmentEncoded thiếu ContentId hoặc " + valueName
          + ".");
    }
    try {
      encoded.put(contentKey(id), Base64.getMimeDecoder().decode(value));
    } catch (IllegalArgumentException e) {
      throw refused("Tệp đính kèm " + id + " trong gói edXML không giải mã được (base64).");
    }
  }

  /** A ContentId as matched: without "cid:" and angle brackets, so "cid:1", "<1>", "1" match. */
  private static String contentKey(String id) {
    if (id == null) {
      return null;
    }
    String key = id.strip();
    if (key.regionMatches(true, 0, "cid:", 0, 4)) {
      key = key.substring(4).strip();
    }
    if (key.startsWith("<") && key.endsWith(">") && key.length() > 1) {
      key = key.substring(1, key.length() - 1).strip();
    }
    return key;
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

  private static List<Element> children(Element parent, String localName) {
    List<Element> found = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && localName.equals(element.getLocalName())) {
        found.add(element);
      }
    }
    return found;
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
