package vn.khcn.workflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.khcn.workflow.shared.process.TaskCompletionContracts;

/**
 * Registers the guards of the engine REST API and the webapps' engine API as servlet filters right
 * after Spring Security (so /engine-rest callers are authenticated first) and before the engine
 * REST and webapp resources, in this order: the two CVE guards, CMMN closed, no Object/Xml
 * variables, the completion contracts, the administrators' operations, the webapps' login
 * throttle, the webapps' logout ending the whole session (one logout).
 */
@Configuration
class GuardFilterConfig {

  static final int GUARD_ORDER = SecurityProperties.DEFAULT_FILTER_ORDER + 10;
  static final String[] URL_PATTERNS = {"/engine-rest/*", "/camunda/api/engine/*"};

  @Bean
  FilterRegistrationBean<TaskQueryExpressionGuard> taskQueryExpressionGuard(
      ObjectMapper objectMapper, SecurityErrorResponses errors) {
    return guard(new TaskQueryExpressionGuard(objectMapper, errors), "taskQueryExpressionGuard", 0);
  }

  @Bean
  FilterRegistrationBean<AdminMembershipGuard> adminMembershipGuard(
      IdentityService identityService, SecurityErrorResponses errors) {
    return guard(new AdminMembershipGuard(identityService, errors), "adminMembershipGuard", 1);
  }

  @Bean
  FilterRegistrationBean<CmmnDisabledGuard> cmmnDisabledGuard(SecurityErrorResponses errors) {
    return guard(new CmmnDisabledGuard(errors), "cmmnDisabledGuard", 2);
  }

  @Bean
  FilterRegistrationBean<ObjectVariableGuard> objectVariableGuard(ObjectMapper objectMapper,
      SecurityErrorResponses errors) {
    return guard(new ObjectVariableGuard(objectMapper, errors), "objectVariableGuard", 3);
  }

  @Bean
  FilterRegistrationBean<TaskContractGuard> taskContractGuard(TaskCompletionContracts contracts,
      ObjectMapper objectMapper, SecurityErrorResponses errors) {
    return guard(new TaskContractGuard(contracts, objectMapper, errors), "taskContractGuard", 4);
  }

  @Bean
  FilterRegistrationBean<AdminOnlyEngineGuard> adminOnlyEngineGuard(InterventionRecorder recorder,
      ObjectMapper objectMapper, SecurityErrorResponses errors) {
    return guard(new AdminOnlyEngineGuard(recorder, objectMapper, errors), "adminOnlyEngineGuard",
        5);
  }

  @Bean
  FilterRegistrationBean<WebappLoginThrottleFilter> webappLoginThrottleFilter(
      LoginThrottle throttle, SecurityErrorResponses errors) {
    return guard(new WebappLoginThrottleFilter(throttle, errors), "webappLoginThrottleFilter", 6,
        "/camunda/api/admin/auth/user/*");
  }

  @Bean
  FilterRegistrationBean<WebappLogoutFilter> webappLogoutFilter() {
    return guard(new WebappLogoutFilter(), "webappLogoutFilter", 7,
        "/camunda/api/admin/auth/user/*");
  }

  private static <F extends Filter> FilterRegistrationBean<F> guard(F filter, String name,
      int position, String... urlPatterns) {
    FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
    registration.setName(name);
    registration.addUrlPatterns(urlPatterns.length == 0 ? URL_PATTERNS : urlPatterns);
    registration.setOrder(GUARD_ORDER + position);
    return registration;
  }
}
