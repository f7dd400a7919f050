package vn.khcn.workflow.support;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;

/**
 * Looks at a test application twice while it starts (registered in META-INF/spring.factories of
 * the tests, so the shared Spring test context stays one): once the web server listens but before
 * any start-up runner has run, and once every runner is done but before Spring declares the
 * application ready. Records what HTTP clients got and what was in place; the first start in the
 * JVM is kept for StartupReadinessTest.
 */
public final class StartupObserver implements SpringApplicationRunListener, Ordered {

  /** What one look saw: readiness state, models and identities present, answers by path. */
  public record Look(ReadinessState readiness, long deployments, long groups, long users,
      Map<String, TestHttp.Response> answers) {}

  public static final AtomicReference<Look> BEFORE_RUNNERS = new AtomicReference<>();
  public static final AtomicReference<Look> AFTER_RUNNERS = new AtomicReference<>();

  public static final String API = "/api/inbox";
  public static final String ENGINE_REST = "/engine-rest/task";
  public static final String PAGE = "/inbox";
  public static final String READINESS = "/actuator/health/readiness";
  public static final String LIVENESS = "/actuator/health/liveness";

  public StartupObserver(SpringApplication application, String[] args) {}

  /**
   * Before Spring's own listener, which publishes liveness on started() and readiness on ready():
   * the first look sees neither, the second sees liveness only.
   */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public void started(ConfigurableApplicationContext context, Duration timeTaken) {
    look(context, BEFORE_RUNNERS);
  }

  @Override
  public void ready(ConfigurableApplicationContext context, Duration timeTaken) {
    look(context, AFTER_RUNNERS);
  }

  private static void look(ConfigurableApplicationContext context, AtomicReference<Look> into) {
    String port = context.getEnvironment().getProperty("local.server.port");
    if (port == null || into.get() != null
        || context.getBeanNamesForType(RepositoryService.class).length == 0) {
      return;
    }
    TestHttp http = new TestHttp("http://localhost:" + port);
    Map<String, TestHttp.Response> answers = new LinkedHashMap<>();
    answers.put(API, http.get("giamdoc", API));
    answers.put(ENGINE_REST, http.get("giamdoc", ENGINE_REST));
    answers.put(PAGE, http.page("giamdoc", PAGE));
    answers.put(READINESS, http.get(null, READINESS));
    answers.put(LIVENESS, http.get(null, LIVENESS));
    IdentityService identity = context.getBean(IdentityService.class);
    into.compareAndSet(null, new Look(
        context.getBean(ApplicationAvailability.class).getReadinessState(),
        context.getBean(RepositoryService.class).createDeploymentQuery().count(),
        identity.createGroupQuery().count(), identity.createUserQuery().count(), answers));
  }
}
