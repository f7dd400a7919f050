package vn.khcn.workflow.models;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** A BPMN file read as XML (no DOCTYPE, so no entities): its processes by id, in file order. */
final class BpmnXml {

  private BpmnXml() {}

  static Map<String, Element> processes(byte[] bpmn) {
    Map<String, Element> byId = new LinkedHashMap<>();
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(bpmn));
      NodeList processes = document.getElementsByTagNameNS(ModelValidator.BPMN_NS, "process");
      for (int i = 0; i < processes.getLength(); i++) {
        Element process = (Element) processes.item(i);
        byId.put(process.getAttribute("id"), process);
      }
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new IllegalStateException("Cannot read the BPMN model", e);
    }
    return byId;
  }
}
