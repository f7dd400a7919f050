package vn.khcn.workflow.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CVE-2026-109432 mitigation (fixed only in the paid 7.24.14/15): a task query whose
 * {@code orQueries} carry any field ending in {@code Expression} is refused with 400 before it
 * reaches the engine, on the engine REST API (/engine-rest[/engine/{name}]/task*, /filter/**,
 * /history/task*) and on the webapps' /camunda/api/engine/engine/{name}/task* and /filter/**.
 * JSON bodies are read (at most {@link #MAX_BODY_BYTES}) and handed on unchanged; the query string
 * is checked too. Every other request passes untouched.
 */
final class TaskQueryExpressionGuard extends OncePerRequestFilter {

  static final int MAX_BODY_BYTES = 1024 * 1024;
  static final Pattern GUARDED_PATH = Pattern.compile(
      "^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)"
          + "/(?:task|filter/|history/task)[^?]*$");
  private static final String OR_QUERIES = "orQueries";
  private static final String EXPRESSION_SUFFIX = "expression";

  private static final Logger log = LoggerFactory.getLogger(TaskQueryExpressionGuard.class);

  private final ObjectMapper objectMapper;
  private final SecurityErrorResponses errors;

  TaskQueryExpressionGuard(ObjectMapper objectMapper, SecurityErrorResponses errors) {
    this.objectMapper = objectMapper;
    this.errors = errors;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !GUARDED_PATH.matcher(pathOf(request)).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    if (queryStringCarriesExpression(request)) {
      refuse(request, response);
      return;
    }
    if (!hasJsonBody(request)) {
      chain.doFilter(request, response);
      return;
    }
    CachedBodyRequest cached = CachedBodyRequest.read(request, MAX_BODY_BYTES);
    if (cached == null) {
      errors.write(request, response, 413, "Payload Too Large",
          "Nội dung yêu cầu truy vấn công việc quá lớn (tối đa 1 MB).");
      return;
    }
    if (cached.body().length > 0) {
      JsonNode body;
      try {
        body = objectMapper.readTree(cached.body());
      } catch (JsonProcessingException e) {
        errors.write(request, response, 400, "Bad Request",
            "Nội dung JSON của truy vấn công việc không hợp lệ.");
        return;
      }
      if (containsOrQueryExpression(body, false)) {
        refuse(request, response);
        return;
      }
    }
    chain.doFilter(cached, response);
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    log.warn("Refused a task query with expressions in orQueries from {} on {}",
        request.getRemoteAddr(), pathOf(request));
    errors.write(request, response, 400, "Bad Request",
        "Truy vấn công việc không được dùng biểu thức (trường *Expression) trong orQueries.");
  }

  /** Reads only the query string: the body (even a form) is left for the resource. */
  private static boolean queryStringCarriesExpression(HttpServletRequest request) {
    String queryString = request.getQueryString();
    if (queryString == null || queryString.isEmpty()) {
      return false;
    }
    for (String pair : queryString.split("&")) {
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      if (name.contains(OR_QUERIES)
          && (name.toLowerCase(Locale.ROOT).endsWith(EXPRESSION_SUFFIX)
              || value.toLowerCase(Locale.ROOT).contains(EXPRESSION_SUFFIX))) {
        return true;
      }
    }
    return false;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }

  /** Any field ending in "Expression" at any depth inside an "orQueries" value. */
  static boolean containsOrQueryExpression(JsonNode node, boolean insideOrQueries) {
    if (node.isArray()) {
      for (JsonNode element : node) {
        if (containsOrQueryExpression(element, insideOrQueries)) {
          return true;
        }
      }
      return false;
    }
    if (!node.isObject()) {
      return false;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (insideOrQueries
          && field.getKey().toLowerCase(Locale.ROOT).endsWith(EXPRESSION_SUFFIX)) {
        return true;
      }
      boolean childInside = insideOrQueries || OR_QUERIES.equals(field.getKey());
      if (containsOrQueryExpression(field.getValue(), childInside)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasJsonBody(HttpServletRequest request) {
    String method = request.getMethod();
    if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)
        || "DELETE".equals(method)) {
      return false;
    }
    String contentType = request.getContentType();
    // Jersey reads bodies of these resources as JSON; anything that is not multipart is checked
    return contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
  }

  /**
   * The decoded path within the application (servlet path plus path info), as the JAX-RS
   * resources see it: "/engine-rest/%74ask" is "/engine-rest/task" here too.
   */
  static String pathOf(HttpServletRequest request) {
    String pathInfo = request.getPathInfo();
    return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
  }
}
