package vn.khcn.workflow.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.dmn.Dmn;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;
import vn.khcn.workflow.shared.process.WorkflowStep;

/**
 * Checks models before anything is deployed: a model that runs code is code. Refused: XML that is
 * not well formed or declares a DOCTYPE (external entities), script tasks, scripts in listeners and
 * conditions, {@code camunda:class}, expressions outside the allow-list (parsed, never matched:
 * {@link JuelRules} for every {@code ${...}}/{@code #{...}} of a BPMN and JUEL in DMN,
 * {@link FeelRules} for FEEL; ADR 0013), executable processes and decisions without
 * {@code historyTimeToLive}, call activities and business rule tasks naming a process or decision
 * that neither exists nor comes in the same deployment, malformed DMN and forms.
 */
@Component
public class ModelValidator {

  static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  static final String DMN_CAMUNDA_NS = "http://camunda.org/schema/1.0/dmn";

  private final ListableBeanFactory beans;
  private final RepositoryService repositoryService;
  private final ObjectMapper json = new ObjectMapper();
  private final JuelRules juel;

  ModelValidator(ListableBeanFactory beans, RepositoryService repositoryService) {
    this.beans = beans;
    this.repositoryService = repositoryService;
    this.juel = new JuelRules(beans::containsBean,
        bean -> beans.containsBean(bean)
            && beans.findAnnotationOnBean(bean, WorkflowStep.class) != null);
  }

  /** Every problem of the resources deployed together; empty when all may be deployed. */
  public List<ModelProblem> validate(Map<String, byte[]> resources) {
    List<ModelProblem> problems = new ArrayList<>();
    Map<String, Set<String>> provided = provided(resources);
    for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
      String name = resource.getKey();
      if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
        scanXml(name, resource.getValue(), new BpmnRules(name, problems, provided), problems);
      } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
        if (scanXml(name, resource.getValue(), new DmnRules(name, problems), problems)) {
          try {
            Dmn.readModelFromStream(new ByteArrayInputStream(resource.getValue()));
          } catch (RuntimeException e) {
            problems.add(new ModelProblem(name, 0, null,
                "bảng quyết định không đúng chuẩn DMN: " + rootMessage(e),
                "not a well-formed DMN model: " + rootMessage(e)));
          }
        }
      } else if (name.endsWith(".form")) {
        checkForm(name, resource.getValue(), problems);
      } else {
        problems.add(new ModelProblem(name, 0, null, "chỉ nhận tệp .bpmn, .dmn hoặc .form",
            "only .bpmn, .dmn and .form files are accepted"));
      }
    }
    return problems;
  }

  /** Process and decision keys the resources define themselves (found by a light scan). */
  private Map<String, Set<String>> provided(Map<String, byte[]> resources) {
    Set<String> processes = new java.util.HashSet<>();
    Set<String> decisions = new java.util.HashSet<>();
    for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
      String text = new String(resource.getValue(), java.nio.charset.StandardCharsets.UTF_8);
      Matcher process = Pattern.compile("<(?:\\w+:)?process\\b[^>]*\\bid=\"([^\"]+)\"").matcher(text);
      while (process.find()) {
        processes.add(process.group(1));
      }
      Matcher decision = Pattern.compile("<(?:\\w+:)?decision\\b[^>]*\\bid=\"([^\"]+)\"").matcher(text);
      while (decision.find()) {
        decisions.add(decision.group(1));
      }
    }
    return Map.of("process", processes, "decision", decisions);
  }

  private boolean scanXml(String name, byte[] content, DefaultHandler rules,
      List<ModelProblem> problems) {
    try {
      SAXParserFactory factory = SAXParserFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.newSAXParser().parse(new ByteArrayInputStream(content), rules);
      return true;
    } catch (SAXParseException e) {
      boolean doctype = e.getMessage() != null && e.getMessage().contains("DOCTYPE");
      problems.add(new ModelProblem(name, e.getLineNumber(), null,
          doctype ? "không chấp nhận DOCTYPE và thực thể ngoài (XXE)"
              : "XML không hợp lệ: " + e.getMessage(),
          doctype ? "DOCTYPE and external entities are refused (XXE)"
              : "XML is not well formed: " + e.getMessage()));
      return false;
    } catch (SAXException | IOException | ParserConfigurationException e) {
      problems.add(new ModelProblem(name, 0, null, "không đọc được tệp: " + e.getMessage(),
          "cannot read the file: " + e.getMessage()));
      return false;
    }
  }

  private void checkForm(String name, byte[] content, List<ModelProblem> problems) {
    try {
      JsonNode form = json.readTree(content);
      if (form == null || !form.path("id").isTextual() || !form.path("components").isArray()) {
        problems.add(new ModelProblem(name, 0, null,
            "biểu mẫu phải có \"id\" và danh sách \"components\"",
            "a form needs an \"id\" and a \"components\" array"));
      }
    } catch (IOException e) {
      problems.add(new ModelProblem(name, 0, null, "biểu mẫu không phải JSON hợp lệ: "
          + e.getMessage(), "the form is not valid JSON: " + e.getMessage()));
    }
  }

  /**
   * Checks the JUEL expressions of one attribute or text (element id, attribute name): each
   * {@code ${...}} and {@code #{...}} is parsed and its syntax tree held against the allow-list.
   */
  void checkExpression(String name, int line, String element, String attribute, String text,
      List<ModelProblem> problems) {
    if (JuelRules.hasExpression(text)) {
      report(name, line, element, attribute, juel.check(text), problems);
    }
  }

  private static void report(String name, int line, String element, String attribute,
      List<JuelRules.Reason> reasons, List<ModelProblem> problems) {
    for (JuelRules.Reason reason : reasons) {
      problems.add(new ModelProblem(name, line, element,
          attribute + ": " + reason.vi(), attribute + ": " + reason.en()));
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
  }

  /** Remembers the locator so every problem names its line. */
  private abstract static class LocatedHandler extends DefaultHandler {
    Locator locator;

    @Override
    public void setDocumentLocator(Locator locator) {
      this.locator = locator;
    }

    int line() {
      return locator == null ? 0 : locator.getLineNumber();
    }
  }

  private final class BpmnRules extends LocatedHandler {
    private final String name;
    private final List<ModelProblem> problems;
    private final Map<String, Set<String>> provided;
    private final Map<Integer, String> openElements = new LinkedHashMap<>();
    private final Map<Integer, String> openNames = new LinkedHashMap<>();
    private final Map<Integer, String> openIds = new LinkedHashMap<>();
    private final StringBuilder text = new StringBuilder();
    private int depth;

    BpmnRules(String name, List<ModelProblem> problems, Map<String, Set<String>> provided) {
      this.name = name;
      this.problems = problems;
      this.provided = provided;
    }

    @Override
    public void startElement(String uri, String local, String qName, Attributes attributes) {
      checkText(); // text before a child element is content too
      depth++;
      String id = attributes.getValue("id");
      String element = id != null ? id : local;
      openElements.put(depth, element);
      openNames.put(depth, qName);
      openIds.put(depth, id);
      if (BPMN_NS.equals(uri) && "scriptTask".equals(local)) {
        refuse(element, "không cho phép script task; hãy dùng service task gọi bean đã đăng ký",
            "script tasks are not allowed; use a service task calling a registered bean");
      }
      if (CAMUNDA_NS.equals(uri) && "script".equals(local)) {
        refuse(parent(), "không cho phép script trong listener hay tham số",
            "scripts in listeners or parameters are not allowed");
      }
      if (BPMN_NS.equals(uri) && "conditionExpression".equals(local)
          && attributes.getValue("language") != null) {
        refuse(parent(), "không cho phép điều kiện viết bằng script",
            "script conditions are not allowed");
      }
      if (BPMN_NS.equals(uri) && "process".equals(local)
          && !"false".equals(attributes.getValue("isExecutable"))
          && attributes.getValue(CAMUNDA_NS, "historyTimeToLive") == null) {
        refuse(element, "quy trình thiếu camunda:historyTimeToLive",
            "the process has no camunda:historyTimeToLive");
      }
      if (BPMN_NS.equals(uri) && "callActivity".equals(local)) {
        requireExisting(element, attributes.getValue("calledElement"), "process");
      }
      if (BPMN_NS.equals(uri) && "businessRuleTask".equals(local)) {
        requireExisting(element, attributes.getValue(CAMUNDA_NS, "decisionRef"), "decision");
      }
      for (int i = 0; i < attributes.getLength(); i++) {
        String attribute = attributes.getLocalName(i);
        boolean camunda = CAMUNDA_NS.equals(attributes.getURI(i))
            || CAMUNDA_NS.equals(uri) && attributes.getURI(i).isEmpty(); // listener's class="…"
        if (camunda && ("class".equals(attribute) || "variableMappingClass".equals(attribute))) {
          refuse(nearestId(), "không cho phép camunda:class; hãy dùng delegateExpression tới"
              + " bean đã đăng ký", "camunda:class is not allowed; use delegateExpression to a"
              + " registered bean");
        }
        checkExpression(name, line(), nearestId(), attributes.getQName(i),
            attributes.getValue(i), problems);
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      text.append(ch, start, length);
    }

    @Override
    public void endElement(String uri, String local, String qName) {
      checkText();
      openElements.remove(depth);
      openNames.remove(depth);
      openIds.remove(depth);
      depth--;
    }

    /** Checks the text read so far as the content of the innermost open element. */
    private void checkText() {
      if (depth > 0) {
        checkExpression(name, line(), nearestId(), openNames.get(depth), text.toString(),
            problems);
      }
      text.setLength(0);
    }

    /** The id of the innermost open element that has one (a condition names its flow). */
    private String nearestId() {
      for (int level = depth; level > 0; level--) {
        if (openIds.get(level) != null) {
          return openIds.get(level);
        }
      }
      return openElements.get(depth);
    }

    private void requireExisting(String element, String key, String kind) {
      if (key == null || key.contains("{") || provided.get(kind).contains(key)) {
        return;
      }
      long existing = "process".equals(kind)
          ? repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()
          : repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).count();
      if (existing == 0) {
        refuse(element, ("process".equals(kind) ? "quy trình" : "bảng quyết định") + " '" + key
            + "' chưa có", ("process".equals(kind) ? "process" : "decision") + " '" + key
            + "' does not exist");
      }
    }

    private String parent() {
      return openElements.getOrDefault(depth - 1, null);
    }

    private void refuse(String element, String vi, String en) {
      problems.add(new ModelProblem(name, line(), element, vi, en));
    }
  }

  /**
   * Decision tables: history time to live, FEEL or JUEL only, and every expression (input
   * expressions, input and output entries, literal expressions, allowed values) parsed in its
   * language and held against that language's allow-list.
   */
  private final class DmnRules extends LocatedHandler {
    private static final Set<String> LANGUAGES = Set.of("feel", "juel", "feel-scala",
        "http://www.omg.org/spec/feel/20140401", "https://www.omg.org/spec/dmn/20191111/feel/",
        "https://www.omg.org/spec/dmn/20230324/feel/");
    private static final Set<String> UNARY_TESTS = Set.of("inputEntry", "inputValues",
        "outputValues", "allowedValues");

    private final String name;
    private final List<ModelProblem> problems;
    /** Per open element: local name, id, expression language. */
    private final java.util.Deque<String[]> open = new java.util.ArrayDeque<>();
    private final StringBuilder text = new StringBuilder();
    private String globalLanguage;

    DmnRules(String name, List<ModelProblem> problems) {
      this.name = name;
      this.problems = problems;
    }

    @Override
    public void startElement(String uri, String local, String qName, Attributes attributes) {
      String id = attributes.getValue("id");
      if ("decision".equals(local)
          && attributes.getValue(DMN_CAMUNDA_NS, "historyTimeToLive") == null) {
        problems.add(new ModelProblem(name, line(), id, "bảng quyết định thiếu"
            + " camunda:historyTimeToLive", "the decision has no camunda:historyTimeToLive"));
      }
      String language = attributes.getValue("expressionLanguage");
      if (language != null && !LANGUAGES.contains(language.toLowerCase())) {
        problems.add(new ModelProblem(name, line(), id,
            "không cho phép biểu thức ngôn ngữ '" + language + "' (chỉ FEEL hoặc JUEL)",
            "expression language '" + language + "' is not allowed (FEEL or JUEL only)"));
      }
      if ("definitions".equals(local)) {
        globalLanguage = language;
      }
      open.push(new String[] {local, id, language});
      text.setLength(0);
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      text.append(ch, start, length);
    }

    @Override
    public void endElement(String uri, String local, String qName) {
      open.pop();
      if ("text".equals(local) && !open.isEmpty() && !text.toString().isBlank()) {
        String[] holder = open.peek();
        checkText(holder[0], holder[1], holder[2] != null ? holder[2] : globalLanguage,
            text.toString().trim());
      }
      text.setLength(0);
    }

    private void checkText(String holder, String id, String language, String expression) {
      if (language != null && "juel".equalsIgnoreCase(language)) {
        List<JuelRules.Reason> reasons = juel.check(expression);
        if (!JuelRules.hasExpression(expression) && JuelRules.parses("${" + expression + "}")) {
          reasons = juel.check("${" + expression + "}"); // bare text may be taken as JUEL too
        }
        report(name, line(), id, holder, reasons, problems);
      } else if (!"-".equals(expression)) {
        report(name, line(), id, holder, UNARY_TESTS.contains(holder)
            ? FeelRules.checkUnaryTests(expression) : FeelRules.checkExpression(expression),
            problems);
      }
    }
  }
}
