package vn.khcn.workflow.shared.process;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads process variables as the types the services need, whatever channel wrote them: the Java
 * API (List, Boolean, Date), the REST API ({@code {"type":"Json"}} arrays, ISO strings) or Camunda
 * Forms in Tasklist (strings "true"/"false", dates "yyyy-MM-dd", lists).
 */
public final class VariableValues {

  public static String string(Object value) {
    if (value == null) {
      return null;
    }
    String text = value instanceof SpinJsonNode node && node.isString() ? node.stringValue()
        : value.toString();
    text = text.strip();
    return text.isEmpty() ? null : text;
  }

  /** Null stays null; anything else that is not a clear true/false is refused. */
  public static Boolean bool(Object value) {
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    if (value instanceof SpinJsonNode node && node.isBoolean()) {
      return node.boolValue();
    }
    String text = value.toString().strip().toLowerCase();
    return switch (text) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      case "" -> null;
      default -> throw new IllegalArgumentException("không phải giá trị đúng/sai: " + value);
    };
  }

  /** A list of strings from a Json array, a Java collection, a JSON text or a comma list. */
  public static List<String> stringList(Object value) {
    List<String> result = new ArrayList<>();
    if (value == null) {
      return result;
    }
    if (value instanceof SpinJsonNode node) {
      if (node.isArray()) {
        for (SpinJsonNode element : node.elements()) {
          addText(result, element.isString() ? element.stringValue() : element.toString());
        }
        return result;
      }
      if (node.isNull()) {
        return result;
      }
      addText(result, node.isString() ? node.stringValue() : node.toString());
      return result;
    }
    if (value instanceof Collection<?> collection) {
      for (Object element : collection) {
        if (element instanceof Map<?, ?> map && map.containsKey("value")) {
          addText(result, String.valueOf(map.get("value")));
        } else if (element != null) {
          addText(result, element.toString());
        }
      }
      return result;
    }
    String text = value.toString().strip();
    if (text.startsWith("[")) {
      return stringList(org.camunda.spin.Spin.JSON(text));
    }
    for (String part : text.split(",")) {
      addText(result, part);
    }
    return result;
  }

  /**
   * A point in time from a Date, an Instant, an ISO date-time or an ISO date. A bare date means the
   * end of office hours (17:00) of that day in the given zone.
   */
  public static Instant instant(Object value, ZoneId zone) {
    if (value == null) {
      return null;
    }
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof LocalDate date) {
      return date.atTime(17, 0).atZone(zone).toInstant();
    }
    String text = string(value);
    if (text == null) {
      return null;
    }
    try {
      if (text.length() <= 10) {
        return LocalDate.parse(text).atTime(17, 0).atZone(zone).toInstant();
      }
      return parseDateTime(text, zone);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("ngày không hợp lệ: " + text);
    }
  }

  private static Instant parseDateTime(String text, ZoneId zone) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      // Camunda's REST date format: 2026-11-30T17:00:00.000+0700
      if (text.matches(".*[+-]\\d{4}$")) {
        String iso = text.substring(0, text.length() - 2) + ":" + text.substring(text.length() - 2);
        return OffsetDateTime.parse(iso).toInstant();
      }
      return java.time.LocalDateTime.parse(text).atZone(zone).toInstant();
    }
  }

  private static void addText(List<String> result, String text) {
    if (text != null && !text.isBlank() && !result.contains(text.strip())) {
      result.add(text.strip());
    }
  }

  private VariableValues() {}

  /** A whole number (amounts in dong, counts) from a Number or a numeric text; null stays null. */
  public static Long whole(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof SpinJsonNode node && node.isNumber()) {
      value = node.numberValue();
    }
    if (value instanceof Number number) {
      double d = number.doubleValue();
      if (d != Math.rint(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException("không phải số nguyên: " + value);
      }
      return number.longValue();
    }
    String text = string(value);
    if (text == null) {
      return null;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("không phải số nguyên: " + text);
    }
  }

  /** A calendar date from a Date, a LocalDate or an ISO text ("2026-11-30", or a date-time). */
  public static java.time.LocalDate localDate(Object value, ZoneId zone) {
    if (value == null || value instanceof java.time.LocalDate) {
      return (java.time.LocalDate) value;
    }
    if (value instanceof Date date) {
      return date.toInstant().atZone(zone).toLocalDate();
    }
    String text = string(value);
    if (text == null) {
      return null;
    }
    try {
      return text.length() <= 10 ? java.time.LocalDate.parse(text)
          : instant(text, zone).atZone(zone).toLocalDate();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("ngày không hợp lệ: " + text);
    }
  }
}
