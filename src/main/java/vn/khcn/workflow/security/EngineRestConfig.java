package vn.khcn.workflow.security;

import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * Our Jersey configuration of /engine-rest: Camunda's resources plus our exception mappers. The
 * starter's CamundaBpmRestJerseyAutoConfiguration creates its own config only
 * {@code @ConditionalOnMissingBean(CamundaJerseyResourceConfig.class)}, so this one replaces it.
 */
@Component("khcnJerseyResourceConfig")
class EngineRestConfig extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    EngineRestExceptionMappers.ALL.forEach(this::register);
  }
}
