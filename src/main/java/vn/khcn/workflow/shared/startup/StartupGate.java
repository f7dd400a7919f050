package vn.khcn.workflow.shared.startup;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.khcn.workflow.shared.web.ApiError;

/**
 * Until the application is ready, every request but the health endpoints gets 503 with
 * {@link #MESSAGE}: JSON ({@link ApiError}) for /api and /engine-rest, a short HTML page otherwise.
 *
 * <p>Ready means Spring's readiness state is ACCEPTING_TRAFFIC. Spring Boot publishes it (an
 * {@code AvailabilityChangeEvent}) once every {@code ApplicationRunner} has run and the
 * {@code ApplicationReadyEvent} listeners are done: the models deployed (ProcessModelDeployer),
 * groups and authorizations in place (IdentityBootstrap), demo users and demo data created
 * (DemoUsers, DemoExperts, DemoDocuments, DemoResearch), the inbox read model rebuilt. The web
 * server listens before that, so this gate keeps people and clients from a half-prepared system;
 * {@code /actuator/health/readiness} answers 503 meanwhile, so a load balancer waits as well.
 */
class StartupGate extends OncePerRequestFilter {

  static final String MESSAGE = "Hệ thống đang khởi động, vui lòng thử lại sau giây lát.";
  static final String RETRY_AFTER_SECONDS = "5";

  private final ApplicationAvailability availability;
  private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

  StartupGate(ApplicationAvailability availability) {
    this.availability = availability;
  }

  /** Right after the database outage filter, before security (which reads the database). */
  @Configuration(proxyBeanMethods = false)
  static class Registration {
    @Bean
    FilterRegistrationBean<StartupGate> startupGate(ApplicationAvailability availability) {
      FilterRegistrationBean<StartupGate> registration =
          new FilterRegistrationBean<>(new StartupGate(availability));
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
      return registration;
    }
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = path(request);
    return availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC
        || path.equals("/actuator/health") || path.startsWith("/actuator/health/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    String path = path(request);
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (isApi(path)) {
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response.getWriter().write(json.writeValueAsString(ApiError.of(503,
          "Service Unavailable", MESSAGE, request.getRequestURI())));
    } else {
      response.setContentType(MediaType.TEXT_HTML_VALUE);
      response.getWriter().write("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
          + "<meta http-equiv=\"refresh\" content=\"" + RETRY_AFTER_SECONDS + "\">"
          + "<title>Đang khởi động</title></head><body><p>" + MESSAGE
          + "</p></body></html>");
    }
  }

  static boolean isApi(String path) {
    return path.equals("/api") || path.startsWith("/api/") || path.equals("/engine-rest")
        || path.startsWith("/engine-rest/");
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
