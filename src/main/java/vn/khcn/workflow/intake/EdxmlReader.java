package vn.khcn.workflow.intake;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import vn.khcn.workflow.intake.Extraction.Field;
import vn.khcn.workflow.shared.xml.SafeXml;
import vn.khcn.workflow.intake.Extraction.Source;

/**
 * The header of an edXML package (QCVN 102:2016/BTTTT, amended by Circular 01/2022/TT-BTTTT):
 * edXMLEnvelope/edXMLHeader/MessageHeader mapped onto the fields of Decree 30/2020 Appendix VI.
 * Parsed with {@link SafeXml} (DOCTYPE refused, no external entities): XXE and entity expansion
 * are impossible.
 */
public final class EdxmlReader {

  public static final String NAMESPACE = "http://www.mic.gov.vn/TBT/QCVN_102_2016";

  /** A package that is not well-formed XML or not an edXML envelope; the message is for the clerk. */
  public static final class MalformedPackageException extends Exception {
    public MalformedPackageException(String message) {
      super(message);
    }
  }

  static boolean looksLikeEdxml(byte[] content) {
    int length = Math.min(content.length, 4096);
    String head = new String(content, 0, length, java.nio.charset.StandardCharsets.UTF_8)
        .replace("\uFEFF", "").stripLeading();
    return head.startsWith("<") && head.contains("edXMLEnvelope");
  }

  static Extraction read(byte[] content) throws MalformedPackageException {
    return read(parse(content));
  }

  /** The fields of a package already parsed (by {@link SafeXml}). */
  public static Extraction read(Document document) throws MalformedPackageException {
    Element root = document.getDocumentElement();
    if ("edXML".equals(root.getLocalName()) && first(root, "edXMLEnvelope") != null) {
      root = first(root, "edXMLEnvelope"); // the common layout: root edXML holds the envelope
    }
    if (!"edXMLEnvelope".equals(root.getLocalName())) {
      throw new MalformedPackageException("Gói edXML không hợp lệ: phần tử gốc phải là"
          + " edXML hoặc edXMLEnvelope, không phải " + root.getLocalName() + ".");
    }
    Element header = first(root, "MessageHeader");
    if (header == null) {
      throw new MalformedPackageException(
          "Gói edXML không hợp lệ: thiếu edXMLHeader/MessageHeader.");
    }
    Map<String, Field> fields = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    put(fields, "issuer", text(first(header, "From"), "OrganName"));
    String number = text(first(header, "Code"), "CodeNumber");
    String notation = text(first(header, "Code"), "CodeNotation");
    put(fields, "number", number);
    put(fields, "symbol", notation);
    if (number != null && notation != null) {
      put(fields, "documentNumber", number + (notation.contains("/") ? "-" : "/") + notation);
    }
    Element promulgation = first(header, "PromulgationInfo");
    put(fields, "place", text(promulgation, "Place"));
    String date = text(promulgation, "PromulgationDate");
    if (date != null) {
      LocalDate issued = date(date);
      if (issued == null) {
        warnings.add("Ngày ban hành trong gói edXML không đọc được: " + date + ".");
      } else {
        put(fields, "issuedOn", issued.toString());
      }
    }
    put(fields, "documentType", text(first(header, "DocumentType"), "TypeName"));
    put(fields, "summary", text(header, "Subject"));
    Element signer = first(header, "SignerInfo");
    put(fields, "signerCompetence", text(signer, "Competence"));
    put(fields, "signerPosition", text(signer, "Position"));
    put(fields, "signerName", text(signer, "FullName"));
    Element other = first(header, "OtherInfo");
    String priority = text(other, "Priority");
    if (priority != null) {
      String urgency = switch (priority) {
        case "0" -> "NORMAL";
        case "1" -> "URGENT";
        case "2" -> "VERY_URGENT";
        case "3", "4" -> "FLASH";
        default -> null;
      };
      if (urgency == null) {
        warnings.add("Độ khẩn (Priority) trong gói edXML không rõ: " + priority + ".");
      } else {
        put(fields, "urgency", urgency);
      }
    }
    String pages = text(other, "PageAmount");
    if (pages != null && pages.matches("\\d{1,6}") && Integer.parseInt(pages) > 0) {
      fields.put("pageCount", new Field(Integer.parseInt(pages), 0.99));
    }
    List<String> places = new ArrayList<>();
    Element toPlaces = first(header, "ToPlaces");
    if (toPlaces != null) {
      for (Element place : all(toPlaces, "Place")) {
        String name = place.getTextContent().strip();
        if (!name.isEmpty()) {
          places.add(name);
        }
      }
    }
    if (places.isEmpty()) {
      for (Element to : all(header, "To")) {
        String name = text(to, "OrganName");
        if (name != null) {
          places.add(name);
        }
      }
    }
    if (!places.isEmpty()) {
      fields.put("recipients", new Field(places, 0.99));
    }
    put(fields, "edxmlDocumentId", text(header, "DocumentId"));
    if (first(root, "Signature") != null) {
      warnings.add("Gói edXML có chữ ký số; chữ ký chưa được kiểm tra ở bước đọc này.");
    }
    int attachments = all(root, "Reference").size();
    if (attachments > 0) {
      warnings.add("Gói edXML kèm " + attachments + " tệp đính kèm (chưa được tách ở bước đọc này).");
    }
    Element contentElement = first(header, "Content");
    String body = contentElement == null ? null : contentElement.getTextContent();
    List<Extraction.Item> items = body == null ? List.of()
        : ItemRules.read(TextCleanup.lines(body));
    return new Extraction(Source.EDXML, fields, items, warnings);
  }

  private static Document parse(byte[] content) throws MalformedPackageException {
    try {
      return SafeXml.parse(content, "Gói edXML");
    } catch (SafeXml.MalformedXmlException e) {
      throw new MalformedPackageException(e.getMessage());
    }
  }

  private static LocalDate date(String text) {
    for (String pattern : List.of("yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "yyyy/MM/dd")) {
      try {
        return LocalDate.parse(text.length() > 10 && text.charAt(4) == '-'
            ? text.substring(0, 10) : text, DateTimeFormatter.ofPattern(pattern));
      } catch (DateTimeParseException e) {
        // next pattern
      }
    }
    return null;
  }

  private static void put(Map<String, Field> fields, String name, String value) {
    if (value != null) {
      fields.put(name, new Field(value, 0.99));
    }
  }

  /** The first descendant element with this local name, in any namespace (or none). */
  private static Element first(Element parent, String localName) {
    if (parent == null) {
      return null;
    }
    List<Element> found = all(parent, localName);
    return found.isEmpty() ? null : found.get(0);
  }

  private static List<Element> all(Element parent, String localName) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = parent.getElementsByTagNameNS("*", localName);
    for (int i = 0; i < nodes.getLength(); i++) {
      Node node = nodes.item(i);
      if (node instanceof Element element) {
        found.add(element);
      }
    }
    return found;
  }

  private static String text(Element parent, String localName) {
    Element element = first(parent, localName);
    if (element == null) {
      return null;
    }
    String text = element.getTextContent().replaceAll("\\s+", " ").strip();
    return text.isEmpty() ? null : text;
  }

  private EdxmlReader() {}
}
