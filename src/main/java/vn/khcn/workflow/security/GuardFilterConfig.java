package vn.khcn.workflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the two CVE guards as servlet filters right after Spring Security (so /engine-rest
 * callers are authenticated first) and before the engine REST and webapp resources.
 */
@Configuration
class GuardFilterConfig {

  static final int GUARD_ORDER = SecurityProperties.DEFAULT_FILTER_ORDER + 10;
  static final String[] URL_PATTERNS = {"/engine-rest/*", "/camunda/api/engine/*"};

  @Bean
  FilterRegistrationBean<TaskQueryExpressionGuard> taskQueryExpressionGuard(
      ObjectMapper objectMapper, SecurityErrorResponses errors) {
    FilterRegistrationBean<TaskQueryExpressionGuard> registration =
        new FilterRegistrationBean<>(new TaskQueryExpressionGuard(objectMapper, errors));
    registration.setName("taskQueryExpressionGuard");
    registration.addUrlPatterns(URL_PATTERNS);
    registration.setOrder(GUARD_ORDER);
    return registration;
  }

  @Bean
  FilterRegistrationBean<AdminMembershipGuard> adminMembershipGuard(
      IdentityService identityService, SecurityErrorResponses errors) {
    FilterRegistrationBean<AdminMembershipGuard> registration =
        new FilterRegistrationBean<>(new AdminMembershipGuard(identityService, errors));
    registration.setName("adminMembershipGuard");
    registration.addUrlPatterns(URL_PATTERNS);
    registration.setOrder(GUARD_ORDER + 1);
    return registration;
  }

  @Bean
  FilterRegistrationBean<CmmnDisabledGuard> cmmnDisabledGuard(SecurityErrorResponses errors) {
    FilterRegistrationBean<CmmnDisabledGuard> registration =
        new FilterRegistrationBean<>(new CmmnDisabledGuard(errors));
    registration.setName("cmmnDisabledGuard");
    registration.addUrlPatterns(URL_PATTERNS);
    registration.setOrder(GUARD_ORDER + 2);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ObjectVariableGuard> objectVariableGuard(ObjectMapper objectMapper,
      SecurityErrorResponses errors) {
    FilterRegistrationBean<ObjectVariableGuard> registration =
        new FilterRegistrationBean<>(new ObjectVariableGuard(objectMapper, errors));
    registration.setName("objectVariableGuard");
    registration.addUrlPatterns(URL_PATTERNS);
    registration.setOrder(GUARD_ORDER + 3);
    return registration;
  }

  @Bean
  FilterRegistrationBean<WebappLoginThrottleFilter> webappLoginThrottleFilter(
      LoginThrottle throttle, SecurityErrorResponses errors) {
    FilterRegistrationBean<WebappLoginThrottleFilter> registration =
        new FilterRegistrationBean<>(new WebappLoginThrottleFilter(throttle, errors));
    registration.setName("webappLoginThrottleFilter");
    registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
    registration.setOrder(GUARD_ORDER + 4);
    return registration;
  }
}
