package vn.khcn.workflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CMMN is switched off ({@code cmmnEnabled: false}): the engine has no case tables, and every
 * case resource of the engine REST API (case-definition, case-instance, case-execution and their
 * history) would end in a persistence error, a 500. They answer 404 instead, with nothing read.
 */
final class CmmnDisabledGuard extends OncePerRequestFilter {

  static final Pattern CASE_PATH = Pattern.compile(
      "^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)"
          + "(?:/history)?/case-[a-z-]+(?:/.*)?$");

  private final SecurityErrorResponses errors;

  CmmnDisabledGuard(SecurityErrorResponses errors) {
    this.errors = errors;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    if (CASE_PATH.matcher(TaskQueryExpressionGuard.pathOf(request)).matches()) {
      errors.write(request, response, 404, "Not Found",
          "Hệ thống không dùng hồ sơ tình huống (CMMN); không có tài nguyên này.");
      return;
    }
    chain.doFilter(request, response);
  }
}
