package vn.khcn.workflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Camunda webapps check passwords themselves (POST
 * /camunda/api/admin/auth/user/{engine}/login/{app}, a form with username and password), past our
 * authentication provider: {@link LoginThrottle} is applied here too. A refused client gets 429
 * before the engine checks the password; the webapp's answer (200 or 401) is counted.
 */
final class WebappLoginThrottleFilter extends OncePerRequestFilter {

  static final Pattern LOGIN_PATH =
      Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/login(?:/[^/]*)?/?$");
  static final int MAX_FORM_BYTES = 16 * 1024;

  private final LoginThrottle throttle;
  private final SecurityErrorResponses errors;

  WebappLoginThrottleFilter(LoginThrottle throttle, SecurityErrorResponses errors) {
    this.throttle = throttle;
    this.errors = errors;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || !LOGIN_PATH.matcher(TaskQueryExpressionGuard.pathOf(request)).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    CachedBodyRequest cached = CachedBodyRequest.read(request, MAX_FORM_BYTES);
    if (cached == null) {
      errors.write(request, response, 413, "Payload Too Large", "Nội dung đăng nhập quá lớn.");
      return;
    }
    String account = formField(new String(cached.body(), StandardCharsets.UTF_8), "username");
    String client = request.getRemoteAddr();
    Instant blocked = throttle.blockedUntil(client, account);
    if (blocked != null) {
      LoginThrottledException throttled = new LoginThrottledException(blocked);
      Instant now = Instant.now();
      response.setHeader("Retry-After",
          Long.toString(Math.max(1, blocked.getEpochSecond() - now.getEpochSecond())));
      errors.write(request, response, 429, "Too Many Requests", throttled.message(now));
      return;
    }
    chain.doFilter(cached, response);
    int status = response.getStatus();
    if (status == 401 || status == 403) {
      throttle.failed(client, account);
    } else if (status >= 200 && status < 300) {
      throttle.succeeded(client, account);
    }
  }

  static String formField(String form, String name) {
    for (String pair : form.split("&")) {
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
        try {
          return equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1),
              StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          return pair.substring(equals + 1);
        }
      }
    }
    return "";
  }
}
