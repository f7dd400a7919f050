package vn.khcn.workflow.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * What changed between two versions of a model, in words an administrator reads: tasks, gateways,
 * events and flows by their names ("Thêm công việc «Chấm điểm thuyết minh»"), what changed in them
 * (deadline, form, group…), and the fields of changed forms by their labels.
 */
@Component
class ModelChanges {

  /** One model's changes: a heading and its lines. */
  record Described(String title, List<String> lines) {}

  private static final Map<String, String> KINDS = Map.ofEntries(
      Map.entry("userTask", "công việc"), Map.entry("manualTask", "công việc thủ công"),
      Map.entry("task", "bước"), Map.entry("serviceTask", "bước tự động"),
      Map.entry("sendTask", "bước gửi"), Map.entry("scriptTask", "bước tính toán"),
      Map.entry("receiveTask", "bước chờ tin"), Map.entry("businessRuleTask", "bảng quyết định"),
      Map.entry("callActivity", "quy trình được gọi"), Map.entry("subProcess", "quy trình con"),
      Map.entry("exclusiveGateway", "cổng rẽ nhánh"), Map.entry("parallelGateway", "cổng song song"),
      Map.entry("inclusiveGateway", "cổng rẽ nhiều nhánh"),
      Map.entry("eventBasedGateway", "cổng chờ sự kiện"),
      Map.entry("startEvent", "sự kiện bắt đầu"), Map.entry("endEvent", "sự kiện kết thúc"),
      Map.entry("intermediateCatchEvent", "sự kiện chờ"),
      Map.entry("intermediateThrowEvent", "sự kiện phát"), Map.entry("boundaryEvent", "sự kiện biên"),
      Map.entry("sequenceFlow", "luồng"));

  private static final Map<String, String> ATTRIBUTES = Map.ofEntries(
      Map.entry("name", "tên"), Map.entry("camunda:formRef", "biểu mẫu"),
      Map.entry("camunda:formKey", "biểu mẫu"), Map.entry("camunda:formRefVersion", "biểu mẫu"),
      Map.entry("camunda:formRefBinding", "biểu mẫu"),
      Map.entry("camunda:candidateGroups", "nhóm xử lý"),
      Map.entry("camunda:candidateUsers", "người được giao"),
      Map.entry("camunda:assignee", "người xử lý"), Map.entry("camunda:dueDate", "hạn"),
      Map.entry("camunda:followUpDate", "ngày nhắc"), Map.entry("camunda:priority", "độ ưu tiên"),
      Map.entry("camunda:delegateExpression", "bước xử lý"),
      Map.entry("camunda:decisionRef", "bảng quyết định"), Map.entry("calledElement", "quy trình được gọi"),
      Map.entry("sourceRef", "điểm đầu"), Map.entry("targetRef", "điểm cuối"),
      Map.entry("default", "luồng mặc định"), Map.entry("camunda:asyncBefore", "chạy nền"),
      Map.entry("camunda:asyncAfter", "chạy nền"), Map.entry("attachedToRef", "gắn vào"),
      Map.entry("cancelActivity", "ngắt công việc"));

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RepositoryService repositoryService;

  ModelChanges(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  /** An element of a process: its kind, name (or a description), attributes and content. */
  private record Item(String kind, String name, Map<String, String> attributes, String content) {}

  /** Two deployed versions of one process. */
  List<String> between(String key, int fromVersion, int toVersion) {
    return compare(items(bpmn(key, fromVersion)).getOrDefault(key, Map.of()),
        items(bpmn(key, toVersion)).getOrDefault(key, Map.of()));
  }

  /** Uploaded BPMN and form files against what is deployed now. */
  List<Described> upload(Map<String, byte[]> resources) {
    List<Described> described = new ArrayList<>();
    for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
      if (resource.getKey().endsWith(".bpmn")) {
        items(resource.getValue()).forEach((key, uploaded) -> {
          ProcessDefinition latest = repositoryService.createProcessDefinitionQuery()
              .processDefinitionKey(key).latestVersion().singleResult();
          String name = latest != null && latest.getName() != null ? latest.getName() : key;
          described.add(latest == null
              ? new Described("Quy trình mới «" + key + "»", compare(Map.of(), uploaded))
              : new Described("Quy trình «" + name + "» so với phiên bản " + latest.getVersion(),
                  compare(items(read(latest.getDeploymentId(), latest.getResourceName()))
                      .getOrDefault(key, Map.of()), uploaded)));
        });
      } else if (resource.getKey().endsWith(".form")) {
        byte[] current = latestResource(resource.getKey());
        described.add(new Described("Biểu mẫu «" + resource.getKey() + "»" + (current == null
            ? " (mới)" : ""), current == null ? formFields(resource.getValue()).values().stream()
            .map(f -> "Thêm " + f).toList() : compareForms(current, resource.getValue())));
      }
    }
    return described;
  }

  /** Element ids of a deployed process definition to their names (for the migration plan). */
  Map<String, String> names(String processDefinitionId) {
    ProcessDefinition definition = repositoryService.getProcessDefinition(processDefinitionId);
    Map<String, String> names = new LinkedHashMap<>();
    items(read(definition.getDeploymentId(), definition.getResourceName()))
        .getOrDefault(definition.getKey(), Map.of())
        .forEach((id, item) -> names.put(id, item.kind() + " «" + item.name() + "»"));
    return names;
  }

  private static List<String> compare(Map<String, Item> from, Map<String, Item> to) {
    List<String> lines = new ArrayList<>();
    to.forEach((id, item) -> {
      if (!from.containsKey(id)) {
        lines.add("Thêm " + item.kind() + " «" + item.name() + "»");
      }
    });
    from.forEach((id, item) -> {
      if (!to.containsKey(id)) {
        lines.add("Bỏ " + item.kind() + " «" + item.name() + "»");
      }
    });
    from.forEach((id, before) -> {
      Item after = to.get(id);
      if (after != null && (!before.attributes().equals(after.attributes())
          || !before.content().equals(after.content()))) {
        Set<String> what = new TreeSet<>();
        Set<String> names = new TreeSet<>(before.attributes().keySet());
        names.addAll(after.attributes().keySet());
        for (String attribute : names) {
          if (!Objects.equals(before.attributes().get(attribute), after.attributes().get(attribute))) {
            what.add(ATTRIBUTES.getOrDefault(attribute, "thuộc tính khác"));
          }
        }
        if (!before.content().equals(after.content())) {
          what.add("điều kiện, tham số hoặc trình nghe");
        }
        String name = before.name().equals(after.name()) ? "«" + after.name() + "»"
            : "«" + before.name() + "» (nay là «" + after.name() + "»)";
        lines.add("Sửa " + after.kind() + " " + name + ": " + String.join(", ", what));
      }
    });
    return lines;
  }

  private static List<String> compareForms(byte[] current, byte[] uploaded) {
    Map<String, String> before = formFields(current);
    Map<String, String> after = formFields(uploaded);
    Map<String, String> beforeText = formContent(current);
    Map<String, String> afterText = formContent(uploaded);
    List<String> lines = new ArrayList<>();
    after.forEach((id, label) -> {
      if (!before.containsKey(id)) {
        lines.add("Thêm " + label);
      }
    });
    before.forEach((id, label) -> {
      if (!after.containsKey(id)) {
        lines.add("Bỏ " + label);
      } else if (!Objects.equals(beforeText.get(id), afterText.get(id))) {
        lines.add("Sửa " + after.get(id));
      }
    });
    return lines;
  }

  /** Form components by id, described as "trường «Nhãn»". */
  private static Map<String, String> formFields(byte[] form) {
    Map<String, String> fields = new LinkedHashMap<>();
    formComponents(form).forEach((id, component) -> {
      String label = component.path("label").asText("");
      String type = component.path("type").asText();
      fields.put(id, switch (type) {
        case "text" -> "đoạn chữ" + (label.isBlank() ? "" : " «" + label + "»");
        case "group", "dynamiclist" -> "nhóm «" + (label.isBlank() ? id : label) + "»";
        default -> "trường «" + (label.isBlank() ? component.path("key").asText(id) : label) + "»";
      });
    });
    return fields;
  }

  private static Map<String, String> formContent(byte[] form) {
    Map<String, String> content = new LinkedHashMap<>();
    formComponents(form).forEach((id, component) -> content.put(id, component.toString()));
    return content;
  }

  private static Map<String, JsonNode> formComponents(byte[] form) {
    Map<String, JsonNode> components = new LinkedHashMap<>();
    try {
      collectComponents(JSON.readTree(form).path("components"), components);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return components;
  }

  private static void collectComponents(JsonNode list, Map<String, JsonNode> into) {
    for (JsonNode component : list) {
      into.put(component.path("id").asText(component.path("key").asText("")), component);
      collectComponents(component.path("components"), into);
    }
  }

  /**
   * The newest deployed resource of this file name, in any folder (the models folder deploys
   * forms as "forms/x.form"): the form as new tasks show it.
   */
  private byte[] latestResource(String name) {
    for (Deployment deployment : repositoryService.createDeploymentQuery()
        .orderByDeploymentTime().desc().listPage(0, 500)) {
      for (String resource : repositoryService.getDeploymentResourceNames(deployment.getId())) {
        if (resource.equals(name) || resource.endsWith("/" + name)) {
          return read(deployment.getId(), resource);
        }
      }
    }
    return null;
  }

  private byte[] bpmn(String key, int version) {
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(key).processDefinitionVersion(version).singleResult();
    if (definition == null) {
      throw new vn.khcn.workflow.shared.web.NotFoundException("Không có quy trình " + key
          + " phiên bản " + version);
    }
    return read(definition.getDeploymentId(), definition.getResourceName());
  }

  private byte[] read(String deploymentId, String resourceName) {
    try (InputStream in = repositoryService.getResourceAsStream(deploymentId, resourceName)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The flow elements of each process of a BPMN file, by id. */
  private static Map<String, Map<String, Item>> items(byte[] bpmn) {
    Map<String, Map<String, Item>> byProcess = new LinkedHashMap<>();
    BpmnXml.processes(bpmn).forEach((processId, process) -> {
      Map<String, Element> elements = new LinkedHashMap<>();
      collect(process, elements);
      Map<String, Item> items = new LinkedHashMap<>();
      elements.forEach((id, element) -> items.put(id, item(element, elements)));
      byProcess.put(processId, items);
    });
    return byProcess;
  }

  private static void collect(Element parent, Map<String, Element> into) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element child && ModelValidator.BPMN_NS.equals(child.getNamespaceURI())
          && KINDS.containsKey(child.getLocalName()) && child.hasAttribute("id")) {
        into.put(child.getAttribute("id"), child);
        collect(child, into);
      }
    }
  }

  private static Item item(Element element, Map<String, Element> all) {
    String kind = KINDS.get(element.getLocalName());
    String name = nameOf(element);
    if (element.getLocalName().equals("sequenceFlow")) {
      String flow = nameOf(all.get(element.getAttribute("sourceRef"))) + " → "
          + nameOf(all.get(element.getAttribute("targetRef")));
      name = element.getAttribute("name").isBlank() ? flow : name + ": " + flow;
    }
    Map<String, String> attributes = new TreeMap<>();
    NamedNodeMap nodes = element.getAttributes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (!nodes.item(i).getNodeName().equals("id")) {
        attributes.put(nodes.item(i).getNodeName(), nodes.item(i).getNodeValue());
      }
    }
    StringBuilder content = new StringBuilder();
    for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element child && !(ModelValidator.BPMN_NS.equals(child.getNamespaceURI())
          && KINDS.containsKey(child.getLocalName()))
          && !child.getLocalName().equals("incoming") && !child.getLocalName().equals("outgoing")) {
        content.append(describe(child));
      }
    }
    return new Item(kind, name, attributes, content.toString());
  }

  private static String nameOf(Element element) {
    if (element == null) {
      return "?";
    }
    String name = element.getAttribute("name").strip();
    return name.isEmpty() ? "không tên, mã " + element.getAttribute("id") : name;
  }

  private static String describe(Element element) {
    StringBuilder text = new StringBuilder(element.getLocalName());
    NamedNodeMap attributes = element.getAttributes();
    Map<String, String> sorted = new TreeMap<>();
    for (int i = 0; i < attributes.getLength(); i++) {
      sorted.put(attributes.item(i).getNodeName(), attributes.item(i).getNodeValue());
    }
    text.append(sorted);
    for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element child) {
        text.append('[').append(describe(child)).append(']');
      } else if (node.getNodeType() == Node.TEXT_NODE && !node.getNodeValue().isBlank()) {
        text.append(node.getNodeValue().strip());
      }
    }
    return text.toString();
  }
}
