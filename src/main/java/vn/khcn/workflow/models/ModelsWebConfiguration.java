package vn.khcn.workflow.models;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the deployment validation in front of the engine's REST APIs, after security. */
@Configuration(proxyBeanMethods = false)
class ModelsWebConfiguration {

  @Bean
  FilterRegistrationBean<DeploymentValidationGuard> deploymentValidationGuard(
      ModelValidator validator, ObjectMapper objectMapper, IdentityService identityService,
      AuthorizationService authorizationService, ModelHistory history) {
    FilterRegistrationBean<DeploymentValidationGuard> registration = new FilterRegistrationBean<>(
        new DeploymentValidationGuard(validator, objectMapper, identityService,
            authorizationService, history));
    registration.setName("deploymentValidationGuard");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 20);
    return registration;
  }
}
