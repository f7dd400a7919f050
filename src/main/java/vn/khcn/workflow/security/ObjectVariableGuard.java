package vn.khcn.workflow.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Clients of the engine REST API and the webapps' engine API send variables as primitive, date,
 * JSON and file values only. A value typed "Object" or "Xml" names a Java class the engine would
 * instantiate when it reads the value (deserialization of a class the client picks), so it is
 * refused with 400 naming the variable, before the engine sees it. The server's own code writes
 * object values (lists, maps) through the Java API, not through here. The engine's type
 * validation (deserializationTypeValidationEnabled, application.yaml) is the second line.
 */
final class ObjectVariableGuard extends OncePerRequestFilter {

  /** Variable payloads with file values can be large; beyond this they are refused with 413. */
  static final int MAX_BODY_BYTES = 32 * 1024 * 1024;
  static final Set<String> REFUSED_TYPES = Set.of("object", "xml");
  /** The binary upload of one variable: {@code .../variables/{name}/data} with a valueType. */
  static final Pattern DATA_PATH = Pattern.compile(".*/variables/([^/]+)/data/?$");
  static final Pattern VALUE_TYPE_PART = Pattern.compile(
      "name=\"valueType\"[^\\r\\n]*\\r\\n(?:[^\\r\\n]+\\r\\n)*\\r\\n\\s*([A-Za-z]+)\\s*\\r\\n");
  private static final Pattern VARIABLE_PATH = Pattern.compile(".*/variables/([^/]+)/?$");

  private static final Logger log = LoggerFactory.getLogger(ObjectVariableGuard.class);

  private final ObjectMapper objectMapper;
  private final SecurityErrorResponses errors;

  ObjectVariableGuard(ObjectMapper objectMapper, SecurityErrorResponses errors) {
    this.objectMapper = objectMapper;
    this.errors = errors;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String method = request.getMethod();
    return !("POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    String contentType = request.getContentType() == null ? ""
        : request.getContentType().toLowerCase(Locale.ROOT);
    String path = TaskQueryExpressionGuard.pathOf(request);
    boolean multipart = contentType.startsWith("multipart/");
    if (multipart && !DATA_PATH.matcher(path).matches()) {
      chain.doFilter(request, response);
      return;
    }
    CachedBodyRequest cached = CachedBodyRequest.read(request, MAX_BODY_BYTES);
    if (cached == null) {
      errors.write(request, response, 413, "Payload Too Large",
          "Nội dung yêu cầu quá lớn (tối đa " + MAX_BODY_BYTES / (1024 * 1024) + " MB).");
      return;
    }
    String refused = multipart ? refusedUpload(path, cached.body()) : refusedJson(path, cached.body());
    if (refused != null) {
      log.warn("Refused an object or XML variable '{}' from {} on {}", refused,
          request.getRemoteAddr(), path);
      errors.write(request, response, 400, "Bad Request", "Biến \"" + refused
          + "\" có kiểu Object hoặc Xml, không được nhận; chỉ nhận giá trị kiểu cơ bản"
          + " (chuỗi, số, đúng/sai), ngày, JSON hoặc tệp.");
      return;
    }
    chain.doFilter(cached, response);
  }

  private String refusedUpload(String path, byte[] body) {
    Matcher type = VALUE_TYPE_PART.matcher(new String(body, StandardCharsets.ISO_8859_1));
    if (type.find() && REFUSED_TYPES.contains(type.group(1).toLowerCase(Locale.ROOT))) {
      Matcher name = DATA_PATH.matcher(path);
      return name.matches() ? name.group(1) : "?";
    }
    return null;
  }

  private String refusedJson(String path, byte[] body) {
    if (body.length == 0) {
      return null;
    }
    JsonNode json;
    try {
      json = objectMapper.readTree(body);
    } catch (IOException e) {
      // not JSON: the resource answers as it always does
      return null;
    }
    if (isRefusedValue(json)) {
      Matcher name = VARIABLE_PATH.matcher(path);
      return name.matches() ? name.group(1) : "?";
    }
    return refusedVariable(json);
  }

  /** The name of the first variable typed Object or Xml anywhere in the tree, or null. */
  static String refusedVariable(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isArray()) {
      for (JsonNode element : node) {
        String found = refusedVariable(element);
        if (found != null) {
          return found;
        }
      }
      return null;
    }
    if (!node.isObject()) {
      return null;
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (isRefusedValue(field.getValue())) {
        // a list of modifications names its variable in "name"
        JsonNode name = field.getValue().get("name");
        return name != null && name.isTextual() ? name.asText() : field.getKey();
      }
      String found = refusedVariable(field.getValue());
      if (found != null) {
        return found;
      }
    }
    if (isRefusedValue(node)) {
      JsonNode name = node.get("name");
      return name != null && name.isTextual() ? name.asText() : "?";
    }
    return null;
  }

  /** A typed value: {@code {"value": ..., "type": "Object", "valueInfo": {...}}}. */
  static boolean isRefusedValue(JsonNode node) {
    if (node == null || !node.isObject()) {
      return false;
    }
    JsonNode type = node.get("type");
    return type != null && type.isTextual()
        && REFUSED_TYPES.contains(type.asText().strip().toLowerCase(Locale.ROOT))
        && (node.has("value") || node.has("valueInfo"));
  }
}
