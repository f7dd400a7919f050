package vn.khcn.workflow.shared.startup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.identity.DemoUsers;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.support.StartupObserver;
import vn.khcn.workflow.support.StartupObserver.Look;
import vn.khcn.workflow.support.TestHttp;

/**
 * The application answers 503 with a Vietnamese message until the start-up runners are done, and
 * reports ready only then (what {@link StartupObserver} saw while this context started).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StartupReadinessTest {

  @Autowired TestRestTemplate rest;
  @Autowired ApplicationAvailability availability;

  @Test
  void beforeTheRunnersEveryRequestButHealthGets503WithTheMessage() {
    Look before = StartupObserver.BEFORE_RUNNERS.get();
    assertThat(before).as("observed while the context started").isNotNull();
    assertThat(before.readiness()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
    assertThat(before.deployments()).as("nothing deployed yet").isZero();
    assertThat(before.groups()).as("no groups yet").isZero();

    for (String api : new String[] {StartupObserver.API, StartupObserver.ENGINE_REST}) {
      TestHttp.Response answer = before.answers().get(api);
      assertThat(answer.status()).as(api).isEqualTo(503);
      assertThat(answer.header("Content-Type")).as(api).startsWith("application/json");
      assertThat(answer.body().get("message").asText()).isEqualTo(StartupGate.MESSAGE)
          .isEqualTo("Hệ thống đang khởi động, vui lòng thử lại sau giây lát.");
      assertThat(answer.body().get("status").asInt()).isEqualTo(503);
      assertThat(answer.header("Retry-After")).isEqualTo("5");
    }
    TestHttp.Response page = before.answers().get(StartupObserver.PAGE);
    assertThat(page.status()).isEqualTo(503);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.text()).contains(StartupGate.MESSAGE);

    assertThat(before.answers().get(StartupObserver.READINESS).status()).isEqualTo(503);
    assertThat(before.answers().get(StartupObserver.READINESS).body().get("status").asText())
        .isEqualTo("OUT_OF_SERVICE");
  }

  @Test
  void readinessComesOnlyAfterModelsIdentitiesAndDemoDataAreInPlace() {
    Look after = StartupObserver.AFTER_RUNNERS.get();
    assertThat(after).isNotNull();
    assertThat(after.deployments()).as("models deployed").isPositive();
    assertThat(after.groups()).as("groups bootstrapped").isEqualTo(Groups.ALL.size());
    assertThat(after.users()).as("demo users").isGreaterThanOrEqualTo(DemoUsers.USERS.size());
    // every runner has run, and the application still refuses traffic until Spring says ready
    assertThat(after.readiness()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
    assertThat(after.answers().get(StartupObserver.API).status()).isEqualTo(503);
    assertThat(after.answers().get(StartupObserver.READINESS).status()).isEqualTo(503);
    assertThat(after.answers().get(StartupObserver.LIVENESS).status()).as("alive meanwhile")
        .isEqualTo(200);
  }

  @Test
  void onceReadyRequestsAreServedAndReadinessIsUp() {
    TestHttp http = TestHttp.of(rest);
    assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
    TestHttp.Response readiness = http.get(null, StartupObserver.READINESS);
    assertThat(readiness.status()).isEqualTo(200);
    assertThat(readiness.body().get("status").asText()).isEqualTo("UP");
    assertThat(http.get("giamdoc", StartupObserver.API).status()).isEqualTo(200);
  }
}
