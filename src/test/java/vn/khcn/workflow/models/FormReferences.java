package vn.khcn.workflow.models;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables a Camunda Form reads besides its keyed fields: the text components' templates
 * ({@code {{#if count(researchDocuments) > 0}}}, {@code {{#loop researchDocuments}}},
 * {@code {{summary}}}; names inside a loop's body are the items' own properties), FEEL expressions
 * ({@code "=valid != false"} in a condition, a label, a text) and the selects' {@code valuesKey}.
 * Only the first name of a path counts ({@code unit.name}: {@code unit}); functions, literals and
 * FEEL's words do not.
 */
final class FormReferences {

  private static final Pattern TAG = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
  private static final Pattern NAME =
      Pattern.compile("(?<![A-Za-z0-9_.])([A-Za-z_][A-Za-z0-9_]*)(?![A-Za-z0-9_]*\\s*\\()");
  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Set<String> WORDS = Set.of("true", "false", "null", "and", "or", "not",
      "if", "then", "else", "for", "in", "return", "some", "every", "satisfies", "between",
      "instance", "of", "function", "loop", "this", "parent", "_this_", "_parent_");

  private FormReferences() {}

  /** Every variable the form's templates, expressions and option lists read. */
  static Set<String> of(JsonNode form) {
    Set<String> names = new TreeSet<>();
    collect(form, null, names);
    return names;
  }

  private static void collect(JsonNode node, String field, Set<String> names) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> entry = fields.next();
        collect(entry.getValue(), entry.getKey(), names);
      }
    } else if (node.isArray()) {
      node.forEach(element -> collect(element, field, names));
    } else if (node.isTextual()) {
      String value = node.asText();
      if ("valuesKey".equals(field)) {
        names.add(value);
      } else if (value.startsWith("=")) {
        names.addAll(inExpression(value.substring(1)));
      } else if (value.contains("{{")) {
        names.addAll(inTemplate(value));
      }
    }
  }

  /** The names a template reads outside its loops' bodies. */
  static Set<String> inTemplate(String template) {
    Set<String> names = new TreeSet<>();
    int loops = 0;
    Matcher tag = TAG.matcher(template);
    while (tag.find()) {
      String inside = tag.group(1).strip();
      if (inside.startsWith("/loop")) {
        loops = Math.max(0, loops - 1);
      } else if (inside.startsWith("/") || inside.equals("else")) {
        continue;
      } else if (loops == 0) {
        names.addAll(inExpression(inside.replaceFirst("^#(if|loop)\\b", "")));
      }
      if (inside.startsWith("#loop")) {
        loops++;
      }
    }
    return names;
  }

  /** The names a FEEL expression reads: first segments of paths, no functions or literals. */
  static Set<String> inExpression(String expression) {
    Set<String> names = new TreeSet<>();
    Matcher name = NAME.matcher(STRING.matcher(expression).replaceAll("\"\""));
    while (name.find()) {
      if (!WORDS.contains(name.group(1))) {
        names.add(name.group(1));
      }
    }
    return names;
  }
}
