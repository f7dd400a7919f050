package vn.khcn.workflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.shared.web.ApiError;

/** Writes the security layer's answers as JSON {@link ApiError}: 401 with a Basic challenge, 403. */
@Component
class SecurityErrorResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

  static final String REALM = "khcn-workflow";

  private final ObjectMapper objectMapper;

  SecurityErrorResponses(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response,
      AuthenticationException authException) throws IOException {
    if (authException instanceof LoginThrottledException throttled) {
      java.time.Instant now = java.time.Instant.now();
      response.setHeader("Retry-After",
          Long.toString(Math.max(1, throttled.until().getEpochSecond() - now.getEpochSecond())));
      write(request, response, 429, "Too Many Requests", throttled.message(now));
      return;
    }
    response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
    write(request, response, 401, "Unauthorized",
        "Cần đăng nhập: gửi tên đăng nhập và mật khẩu hợp lệ (HTTP Basic).");
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response,
      AccessDeniedException accessDeniedException) throws IOException {
    write(request, response, 403, "Forbidden", "Bạn không có quyền thực hiện thao tác này.");
  }

  void write(HttpServletRequest request, HttpServletResponse response, int status, String error,
      String message) throws IOException {
    if (response.isCommitted()) {
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    response.setStatus(status);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    objectMapper.writeValue(response.getOutputStream(), ApiError.of(status, error, message, path));
  }
}
