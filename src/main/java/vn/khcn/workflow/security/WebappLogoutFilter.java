package vn.khcn.workflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One logout: the Camunda webapps' logout (POST /camunda/api/admin/auth/user/{engine}/logout)
 * only drops the webapps' authentication; once it succeeded, this ends the whole HTTP session, so
 * our pages and /api are logged out too (our /logout invalidates the session, which ends both).
 */
final class WebappLogoutFilter extends OncePerRequestFilter {

  static final Pattern LOGOUT_PATH =
      Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/logout/?$");

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || !LOGOUT_PATH.matcher(TaskQueryExpressionGuard.pathOf(request)).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    chain.doFilter(request, response);
    int status = response.getStatus();
    HttpSession session = request.getSession(false);
    if (status >= 200 && status < 300 && session != null) {
      try {
        session.invalidate();
      } catch (IllegalStateException alreadyInvalidated) {
        // nothing left to end
      }
    }
  }
}
