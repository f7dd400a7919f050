package vn.khcn.workflow.shared.process;

import java.util.Set;

/**
 * What a person may submit for one form field, and which value types of the engine's REST API
 * ({@code {"type": "String", "value": …}}) carry it. Object, Xml and serialized Java values are
 * never accepted from a client.
 */
public enum FieldType {
  /** textfield, textarea, select, radio. */
  TEXT(Set.of("string", "null")),
  /** checkbox. */
  BOOLEAN(Set.of("boolean", "string", "null")),
  /** number (amounts in dong, scores, day counts). */
  WHOLE(Set.of("integer", "long", "short", "double", "string", "null")),
  /** datetime (a date "yyyy-MM-dd" or a date-time). */
  DATE(Set.of("date", "string", "null")),
  /** checklist, taglist: a JSON array of strings. */
  TEXT_LIST(Set.of("json", "string", "null"));

  private final Set<String> restTypes;

  FieldType(Set<String> restTypes) {
    this.restTypes = restTypes;
  }

  /**
   * Whether a submitted value of this REST type (case-insensitive; {@code null} when the client
   * named none and the engine infers it from the JSON value) may carry this field.
   */
  public boolean accepts(String restType) {
    return restType == null || restTypes.contains(restType.toLowerCase(java.util.Locale.ROOT));
  }

  /** The field type of a Camunda Forms component type, or null for a component that holds no value. */
  public static FieldType ofFormComponent(String componentType) {
    return switch (componentType) {
      case "textfield", "textarea", "select", "radio" -> TEXT;
      case "checkbox" -> BOOLEAN;
      case "number" -> WHOLE;
      case "datetime" -> DATE;
      case "checklist", "taglist" -> TEXT_LIST;
      default -> null;
    };
  }
}
