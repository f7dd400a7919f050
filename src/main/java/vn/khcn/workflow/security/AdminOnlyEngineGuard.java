package vn.khcn.workflow.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may act on the engine's API beyond working on their own tasks. A claim is only for oneself
 * and an unclaim only by the assignee (administrators excepted). Reassigning (task update,
 * {@code /assignee}, {@code /delegate}, identity-link writes), BPMN errors and escalations thrown
 * on a task, variable writes on tasks, executions and process instances, process instance
 * modification, message correlation, signals and profile edits are for camunda-admin only (403
 * otherwise); when an administrator does one of them, it is written to the trail of the document
 * or research task concerned ({@link InterventionRecorder}).
 */
final class AdminOnlyEngineGuard extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(AdminOnlyEngineGuard.class);

  static final Pattern CLAIM = Pattern.compile("^/task/([^/]+)/(claim|unclaim)/?$");

  /** Writes for administrators only, by method; group 1 names the task, instance or execution. */
  private static final List<Guarded> ADMIN_ONLY = List.of(
      new Guarded("POST", "^/task/([^/]+)/(?:bpmnError|bpmnEscalation|assignee|delegate)/?$",
          Target.TASK),
      new Guarded("POST", "^/task/([^/]+)/identity-links(?:/delete)?/?$", Target.TASK),
      new Guarded("PUT", "^/task/([^/]+)/?$", Target.TASK),
      new Guarded("WRITE", "^/task/([^/]+)/(?:variables|localVariables)(?:/.*)?$", Target.TASK),
      new Guarded("WRITE", "^/process-instance/([^/]+)/(?:variables(?:/.*)?|modification(?:-async)?)/?$",
          Target.PROCESS_INSTANCE),
      new Guarded("WRITE", "^/process-instance/(variables-async)/?$", Target.NONE),
      new Guarded("WRITE", "^/execution/([^/]+)/(?:variables|localVariables|messageSubscriptions)"
          + "(?:/.*)?$", Target.EXECUTION),
      new Guarded("POST", "^/(message)(?:/.*)?$", Target.MESSAGE),
      new Guarded("POST", "^/(signal)/?$", Target.SIGNAL),
      new Guarded("PUT", "^/user/([^/]+)/profile/?$", Target.NONE));

  enum Target { TASK, PROCESS_INSTANCE, EXECUTION, MESSAGE, SIGNAL, NONE }

  record Guarded(String method, Pattern path, Target target) {
    Guarded(String method, String path, Target target) {
      this(method, Pattern.compile(path), target);
    }

    boolean matches(String requestMethod) {
      return "WRITE".equals(method) ? !"GET".equals(requestMethod)
          && !"HEAD".equals(requestMethod) && !"OPTIONS".equals(requestMethod)
          : method.equals(requestMethod);
    }
  }

  private final InterventionRecorder recorder;
  private final ObjectMapper objectMapper;
  private final SecurityErrorResponses errors;

  AdminOnlyEngineGuard(InterventionRecorder recorder, ObjectMapper objectMapper,
      SecurityErrorResponses errors) {
    this.recorder = recorder;
    this.objectMapper = objectMapper;
    this.errors = errors;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return "GET".equals(request.getMethod()) || EngineCaller.relativePath(request) == null;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    String path = EngineCaller.relativePath(request);
    EngineCaller caller = EngineCaller.of(request);
    Matcher claim = CLAIM.matcher(path);
    if ("POST".equals(request.getMethod()) && claim.matches()) {
      claim(request, response, chain, claim, caller);
      return;
    }
    for (Guarded guarded : ADMIN_ONLY) {
      Matcher matcher = guarded.path().matcher(path);
      if (guarded.matches(request.getMethod()) && matcher.matches()) {
        intervene(request, response, chain, caller, guarded.target(), matcher.group(1));
        return;
      }
    }
    chain.doFilter(request, response);
  }

  private void intervene(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain, EngineCaller caller, Target target, String id)
      throws IOException, ServletException {
    if (caller == null || !caller.admin()) {
      log.warn("Refused {} {} to {}: administrators only", request.getMethod(),
          caller == null ? "-" : caller.relativePath(), caller == null ? "anonymous" : caller.userId());
      errors.write(request, response, 403, "Forbidden",
          "Chỉ quản trị hệ thống (camunda-admin) được thực hiện thao tác này.");
      return;
    }
    HttpServletRequest forwarded = request;
    String bodyText = null;
    if (target == Target.MESSAGE || target == Target.SIGNAL) {
      CachedBodyRequest cached = CachedBodyRequest.read(request,
          TaskQueryExpressionGuard.MAX_BODY_BYTES);
      if (cached == null) {
        errors.write(request, response, 413, "Payload Too Large",
            "Nội dung yêu cầu quá lớn (tối đa 1 MB).");
        return;
      }
      forwarded = cached;
      bodyText = new String(cached.body(), java.nio.charset.StandardCharsets.UTF_8);
    }
    InterventionRecorder.Pending pending = recorder.before(target, id, bodyText);
    chain.doFilter(forwarded, response);
    if (response.getStatus() < 300) {
      recorder.after(pending, caller.userId(), request.getMethod() + " " + caller.relativePath());
    }
  }

  private void claim(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
      Matcher claim, EngineCaller caller) throws IOException, ServletException {
    if (caller == null) {
      chain.doFilter(request, response); // the engine refuses an anonymous caller itself
      return;
    }
    if ("unclaim".equals(claim.group(2))) {
      String assignee = recorder.assigneeOf(claim.group(1));
      if (!caller.admin() && assignee != null && !assignee.equals(caller.userId())) {
        errors.write(request, response, 403, "Forbidden",
            "Chỉ người đang xử lý công việc được trả lại công việc.");
        return;
      }
      chain.doFilter(request, response);
      return;
    }
    CachedBodyRequest cached = CachedBodyRequest.read(request,
        TaskQueryExpressionGuard.MAX_BODY_BYTES);
    if (cached == null) {
      errors.write(request, response, 413, "Payload Too Large",
          "Nội dung yêu cầu quá lớn (tối đa 1 MB).");
      return;
    }
    String userId = null;
    try {
      JsonNode body = cached.body().length == 0 ? null : objectMapper.readTree(cached.body());
      JsonNode field = body == null ? null : body.get("userId");
      userId = field == null || field.isNull() ? null : field.asText();
    } catch (IOException e) {
      // unreadable JSON: the engine answers it
    }
    if (!caller.admin() && !caller.userId().equals(userId)) {
      errors.write(request, response, 403, "Forbidden",
          "Chỉ được nhận công việc cho chính mình (userId phải là " + caller.userId() + ").");
      return;
    }
    chain.doFilter(cached, response);
  }
}
