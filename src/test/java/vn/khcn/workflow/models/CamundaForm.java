package vn.khcn.workflow.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import vn.khcn.workflow.shared.process.FieldType;

/**
 * A Camunda Form (processes/forms/*.form) as a user task's contract sees it: the keyed components
 * a person fills in, with their {@link FieldType}, and the keyed read-only components.
 *
 * @param id the form's id (what a user task's {@code camunda:formRef} names)
 * @param inputs the editable keyed components by key
 * @param views the keys of read-only components
 * @param references the variables its templates, expressions and option lists read
 *     ({@link FormReferences})
 * @param maxLengths the {@code validate.maxLength} of the inputs that have one, by key
 */
record CamundaForm(String id, Map<String, FieldType> inputs, Set<String> views,
    Set<String> references, Map<String, Integer> maxLengths) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static CamundaForm read(Path file) {
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(file + " is not JSON", e);
    }
    Map<String, FieldType> inputs = new LinkedHashMap<>();
    Set<String> views = new TreeSet<>();
    Map<String, Integer> maxLengths = new LinkedHashMap<>();
    collect(root.path("components"), inputs, views, maxLengths, file);
    return new CamundaForm(root.path("id").asText(), inputs, views, FormReferences.of(root),
        maxLengths);
  }

  /** Components, including those nested in groups. */
  private static void collect(JsonNode components, Map<String, FieldType> inputs, Set<String> views,
      Map<String, Integer> maxLengths, Path file) {
    for (JsonNode component : components) {
      collect(component.path("components"), inputs, views, maxLengths, file);
      String key = component.path("key").asText(null);
      if (key == null) {
        continue;
      }
      if (component.path("readonly").isBoolean() && component.path("readonly").asBoolean()) {
        views.add(key);
        continue;
      }
      String type = component.path("type").asText();
      FieldType fieldType = isYesNo(component) ? FieldType.BOOLEAN : FieldType.ofFormComponent(type);
      if (fieldType == null) {
        throw new IllegalStateException(file + ": component " + key + " of type " + type
            + " holds no value yet has a key");
      }
      if (inputs.put(key, fieldType) != null) {
        throw new IllegalStateException(file + ": two components with key " + key);
      }
      if (component.path("validate").path("maxLength").isInt()) {
        maxLengths.put(key, component.path("validate").path("maxLength").asInt());
      }
    }
  }

  /** A radio or select whose values are exactly true and false carries a yes/no. */
  private static boolean isYesNo(JsonNode component) {
    String type = component.path("type").asText();
    if (!type.equals("radio") && !type.equals("select") || !component.path("values").isArray()) {
      return false;
    }
    Set<String> values = new TreeSet<>();
    component.path("values").forEach(v -> values.add(v.path("value").asText()));
    return component.path("values").size() == 2 && values.equals(Set.of("false", "true"));
  }
}
