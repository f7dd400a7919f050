package vn.khcn.workflow.identity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's authorization checks keep only those of the user's groups that hold some
 * authorization, and learn them with {@code select distinct GROUP_ID_ from ACT_RU_AUTHORIZATION}
 * once per command: a scan of every authorization row, one per open task and candidate group
 * (100,000 rows at a province's volume), on every claim, completion and Tasklist call. The
 * narrowing only shortens the {@code GROUP_ID_ in (…)} list of the checks, for users of hundreds
 * of directory groups; ours belong to two or three. This manager keeps the user's groups as
 * given, so the checks find the same rows (a group without authorizations matches none) without
 * the scan (ADR 0037). Installed through a process engine plugin as a custom session factory for
 * the engine's {@code AuthorizationManager} type.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizedGroupsConfiguration {

  @Bean
  ProcessEnginePlugin groupsAsGiven() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
            ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(new GroupsAsGivenFactory());
        configuration.setCustomSessionFactories(factories);
      }
    };
  }

  /** Opens {@link GroupsAsGiven} for the engine's {@code AuthorizationManager} session type. */
  static final class GroupsAsGivenFactory implements SessionFactory {
    @Override
    public Class<?> getSessionType() {
      return AuthorizationManager.class;
    }

    @Override
    public Session openSession() {
      return new GroupsAsGiven();
    }
  }

  /** The engine's authorization manager, the user's groups kept as given (without duplicates). */
  static final class GroupsAsGiven extends AuthorizationManager {
    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      return authenticatedGroupIds == null ? List.of()
          : new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
    }
  }
}
