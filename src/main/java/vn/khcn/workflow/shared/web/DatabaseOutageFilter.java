package vn.khcn.workflow.shared.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of everything (security included, whose password check reads the database): a request
 * that fails because the database cannot be reached gets 503 with {@link DatabaseOutage#MESSAGE}
 * as JSON, never a 500 with the exception's text.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);
  private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

  /** Registered first of all servlet filters. */
  @Configuration(proxyBeanMethods = false)
  static class Registration {
    @Bean
    FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter() {
      FilterRegistrationBean<DatabaseOutageFilter> registration =
          new FilterRegistrationBean<>(new DatabaseOutageFilter());
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
      return registration;
    }
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | RuntimeException e) {
      if (!DatabaseOutage.isOutage(e) || response.isCommitted()) {
        throw e;
      }
      log.warn("Database unreachable on {} {}: {}", request.getMethod(), request.getRequestURI(),
          e.getMessage());
      response.resetBuffer();
      response.setStatus(503);
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.getWriter().write(json.writeValueAsString(ApiError.of(503, "Service Unavailable",
          DatabaseOutage.MESSAGE, request.getRequestURI())));
    }
  }
}
