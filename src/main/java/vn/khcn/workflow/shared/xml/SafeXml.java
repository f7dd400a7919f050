package vn.khcn.workflow.shared.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The one way our code parses XML received from outside: the JDK parser with DOCTYPE refused,
 * every external entity, DTD, schema and XInclude off and secure processing on, so XXE and entity
 * expansion are impossible. A document that is not well-formed is refused with its line, column
 * and reason in Vietnamese.
 */
public final class SafeXml {

  /** XML refused: not well-formed, or with a DOCTYPE; the message is for the person who sent it. */
  public static final class MalformedXmlException extends Exception {
    private final int line;

    public MalformedXmlException(String message, int line) {
      super(message);
      this.line = line;
    }

    /** The line of the problem, or -1 when the parser did not say. */
    public int line() {
      return line;
    }
  }

  /** A namespace-aware document; {@code what} names it in the message ("Gói edXML"). */
  public static Document parse(byte[] content, String what) throws MalformedXmlException {
    try {
      DocumentBuilder builder = factory().newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new ByteArrayInputStream(content));
    } catch (SAXParseException e) {
      String reason = e.getMessage() != null && e.getMessage().contains("DOCTYPE")
          ? "không được chứa khai báo DOCTYPE" : "XML sai cú pháp (" + e.getMessage() + ")";
      throw new MalformedXmlException(what + " không hợp lệ ở dòng " + e.getLineNumber()
          + ", cột " + e.getColumnNumber() + ": " + reason + ".", e.getLineNumber());
    } catch (SAXException | IOException e) {
      throw new MalformedXmlException(what + " không đọc được: " + e.getMessage(), -1);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static DocumentBuilderFactory factory() throws ParserConfigurationException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
    factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    return factory;
  }

  private SafeXml() {}
}
