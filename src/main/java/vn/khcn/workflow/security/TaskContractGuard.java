package vn.khcn.workflow.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.khcn.workflow.shared.process.TaskCompletionContracts;
import vn.khcn.workflow.shared.process.Variable;
import vn.khcn.workflow.shared.text.TypedText;

/**
 * A task completes only with what its own form allows, on every engine path: POST
 * {@code …/task/{id}/complete}, {@code /submit-form} and {@code /resolve} of the engine REST API
 * and of the webapps' engine API (Tasklist's Camunda Forms submit there). The decision is
 * {@link TaskCompletionContracts}': a variable outside the contract is answered with 400 naming
 * it and the engine is not called; read-only form fields echoed back are removed from the body.
 */
final class TaskContractGuard extends OncePerRequestFilter {

  static final Pattern COMPLETION = Pattern.compile(
      "^/task/([^/]+)/(complete|submit-form|resolve)/?$");

  private final TaskCompletionContracts contracts;
  private final ObjectMapper objectMapper;
  private final SecurityErrorResponses errors;

  TaskContractGuard(TaskCompletionContracts contracts, ObjectMapper objectMapper,
      SecurityErrorResponses errors) {
    this.contracts = contracts;
    this.objectMapper = objectMapper;
    this.errors = errors;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = EngineCaller.relativePath(request);
    return !"POST".equals(request.getMethod()) || path == null
        || !COMPLETION.matcher(path).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    Matcher matcher = COMPLETION.matcher(EngineCaller.relativePath(request));
    matcher.matches();
    String taskId = matcher.group(1);
    EngineCaller caller = EngineCaller.of(request);
    java.util.Optional<String> assignee = caller == null ? java.util.Optional.empty()
        : contracts.otherAssignee(taskId, caller.userId());
    if (assignee.isPresent()) {
      // the engine refuses it too (403); answered here before the body is read
      errors.write(request, response, 403, "Forbidden", "Công việc này đang do " + assignee.get()
          + " nhận; chỉ người nhận mới được hoàn thành.");
      return;
    }
    CachedBodyRequest cached = CachedBodyRequest.read(request,
        TaskQueryExpressionGuard.MAX_BODY_BYTES);
    if (cached == null) {
      errors.write(request, response, 413, "Payload Too Large",
          "Nội dung hoàn thành công việc quá lớn (tối đa 1 MB).");
      return;
    }
    JsonNode body;
    try {
      body = cached.body().length == 0 ? null : objectMapper.readTree(cached.body());
    } catch (JsonProcessingException e) {
      errors.write(request, response, 400, "Bad Request",
          "Nội dung JSON khi hoàn thành công việc không hợp lệ.");
      return;
    }
    JsonNode variables = body == null ? null : body.get("variables");
    if (variables == null || !variables.isObject() || variables.isEmpty()) {
      chain.doFilter(cached, response);
      return;
    }
    Map<String, String> submitted = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = variables.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode type = field.getValue().get("type");
      submitted.put(field.getKey(), type == null || type.isNull() ? null : type.asText());
    }
    TaskCompletionContracts.Verdict verdict = contracts.check(taskId, submitted);
    List<String> problems = new ArrayList<>(verdict.problems());
    if ("resolve".equals(matcher.group(2))) {
      problems.addAll(longOnResolve(taskId, variables));
    }
    if (!problems.isEmpty()) {
      errors.write(request, response, 400, "Bad Request",
          "Dữ liệu không hợp lệ: " + String.join("; ", problems));
      return;
    }
    if (verdict.views().isEmpty()) {
      chain.doFilter(cached, response);
      return;
    }
    ((ObjectNode) variables).remove(verdict.views());
    chain.doFilter(CachedBodyRequest.of(cached, objectMapper.writeValueAsBytes(body)), response);
  }

  /**
   * A delegated task handed back ({@code resolve}) is not completed: the engine keeps its long
   * texts until the owner completes, so each may have no more than its string column holds.
   */
  private List<String> longOnResolve(String taskId, JsonNode variables) {
    List<String> problems = new ArrayList<>();
    for (String name : contracts.longTexts(taskId)) {
      JsonNode value = variables.path(name).path("value");
      if (value.isTextual()
          && TypedText.normalize(value.asText()).length() > Variable.MAX_TEXT) {
        problems.add(name + ": khi trả lại việc được ủy quyền chỉ gửi tối đa " + Variable.MAX_TEXT
            + " ký tự; gửi nội dung đầy đủ khi hoàn thành công việc");
      }
    }
    return problems;
  }
}
