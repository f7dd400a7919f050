package vn.khcn.workflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Names come from the engine's users, kept for a few minutes (one user query per step is much). */
class ActorResolverTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("model-tests.cfg.xml").build();

  /** A clock the test moves on. */
  static final class MovingClock extends Clock {
    Instant now = Instant.parse("2026-11-23T02:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @AfterEach
  void removeUser() {
    engine.getIdentityService().deleteUser("cvthu");
  }

  @Test
  void namesTheUserAndShowsARenameOnceTheKeptNameExpires() {
    IdentityService identity = engine.getIdentityService();
    User user = identity.newUser("cvthu");
    user.setFirstName("Lê Thị");
    user.setLastName("Thu");
    identity.saveUser(user);
    MovingClock clock = new MovingClock();
    ActorResolver actors = new ActorResolver(identity, clock);

    assertThat(actors.of("cvthu")).isEqualTo(new Actor("cvthu", "Lê Thị Thu"));

    User renamed = identity.createUserQuery().userId("cvthu").singleResult();
    renamed.setLastName("Thủy");
    identity.saveUser(renamed);
    clock.now = clock.now.plus(ActorResolver.NAME_TTL).minusSeconds(1);
    assertThat(actors.of("cvthu").fullName()).as("kept for the TTL").isEqualTo("Lê Thị Thu");

    clock.now = clock.now.plusSeconds(2);
    assertThat(actors.of("cvthu").fullName()).as("read again after it").isEqualTo("Lê Thị Thủy");
  }

  @Test
  void anUnknownUserIsNamedByHisIdAndNobodyActingIsTheSystem() {
    ActorResolver actors = new ActorResolver(engine.getIdentityService(), new MovingClock());
    assertThat(actors.of("khong.ton.tai")).isEqualTo(new Actor("khong.ton.tai", "khong.ton.tai"));
    assertThat(actors.current(null)).isEqualTo(Actor.SYSTEM);
  }
}
