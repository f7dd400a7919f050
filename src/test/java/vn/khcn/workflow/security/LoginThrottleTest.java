package vn.khcn.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import vn.khcn.workflow.support.TestHttp.Response;

/**
 * Guessing clients are refused per client and account; the account's owner, from his own client,
 * still signs in; Camunda's own per-account lockout no longer locks anyone out.
 */
class LoginThrottleTest extends SecurityTestSupport {

  static final String LOCAL = "127.0.0.1";
  static final String LOCAL_V6 = "0:0:0:0:0:0:0:1";

  @Autowired LoginThrottle throttle;
  @Autowired CamundaAuthenticationProvider provider;
  @Autowired IdentityService identityService;

  @AfterEach
  void releaseThisMachine() {
    throttle.release(LOCAL);
    throttle.release(LOCAL_V6);
  }

  /** A clock the test moves by hand. */
  static final class HandClock extends Clock {
    Instant now = Instant.parse("2026-12-01T02:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void countsPerClientAndAccountAndPerClientOverall() {
    HandClock clock = new HandClock();
    LoginThrottle rules = new LoginThrottle(clock);
    for (int i = 0; i < LoginThrottle.PAIR_LIMIT; i++) {
      assertThat(rules.blockedUntil("10.0.0.66", "giamdoc")).isNull();
      rules.failed("10.0.0.66", "giamdoc");
    }
    assertThat(rules.blockedUntil("10.0.0.66", "giamdoc"))
        .isEqualTo(clock.now.plus(LoginThrottle.BLOCK));
    assertThat(rules.blockedUntil("10.0.0.7", "giamdoc")).as("the owner's client").isNull();
    assertThat(rules.blockedUntil("10.0.0.66", "vanthu")).as("another account").isNull();
    assertThat(rules.lockouts()).singleElement()
        .satisfies(lockout -> assertThat(lockout.account()).isEqualTo("giamdoc"));
    clock.now = clock.now.plus(LoginThrottle.BLOCK).plusSeconds(1);
    assertThat(rules.blockedUntil("10.0.0.66", "giamdoc")).isNull();

    for (int i = 0; i < LoginThrottle.CLIENT_LIMIT; i++) {
      rules.failed("10.0.0.99", "user" + i);
    }
    assertThat(rules.blockedUntil("10.0.0.99", "anyone")).isNotNull();
    assertThat(rules.blockedUntil("10.0.0.7", "anyone")).isNull();
    rules.release("10.0.0.99");
    assertThat(rules.blockedUntil("10.0.0.99", "anyone")).isNull();
  }

  @Test
  void aGuessingClientIsRefusedOnTheApiWhileTheOwnerStillSignsInFromHisClient()
      throws Exception {
    for (int i = 0; i < LoginThrottle.PAIR_LIMIT; i++) {
      assertThat(send("GET", "/api/incoming-documents", "cv.khtc", "wrong", null, null)
          .status()).isEqualTo(401);
    }
    Response refused = send("GET", "/engine-rest/task/count", "cv.khtc", "demo",
        null, null);
    assertThat(refused.status()).as("even with the right password").isEqualTo(429);
    assertThat(json(refused).path("message").asText()).contains("sai quá nhiều lần");
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    // other accounts from this client are not refused yet
    assertThat(get("/engine-rest/task/count", "giamdoc").status()).isEqualTo(200);

    // the owner from his own machine
    UsernamePasswordAuthenticationToken owner =
        UsernamePasswordAuthenticationToken.unauthenticated("cv.khtc", "demo");
    owner.setDetails(new WebAuthenticationDetails("10.20.30.40", null));
    assertThat(provider.authenticate(owner).isAuthenticated()).isTrue();
    UsernamePasswordAuthenticationToken attacker =
        UsernamePasswordAuthenticationToken.unauthenticated("cv.khtc", "demo");

    Response lockouts = get("/api/admin/login-throttle", "admin");
    assertThat(lockouts.status()).isEqualTo(200);
    assertThat(lockouts.text()).contains("cv.khtc");
    String client = json(lockouts).path("lockouts").get(0).path("client").asText();
    attacker.setDetails(new WebAuthenticationDetails(client, null));
    assertThatThrownBy(() -> provider.authenticate(attacker))
        .isInstanceOf(LoginThrottledException.class);
    assertThat(get("/api/admin/login-throttle", "vanthu").status()).isEqualTo(403);
    Response release = send("DELETE", "/api/admin/login-throttle?client="
        + java.net.URLEncoder.encode(client, java.nio.charset.StandardCharsets.UTF_8),
        "admin", "demo", null, null);
    assertThat(release.status()).isEqualTo(200);
    assertThat(get("/engine-rest/task/count", "cv.khtc").status()).isEqualTo(200);
  }

  @Test
  void theWebappLoginAndTheLoginFormAreThrottledToo() throws Exception {
    WebappSession session = new WebappSession().open();
    for (int i = 0; i < LoginThrottle.PAIR_LIMIT; i++) {
      assertThat(session.login("tasklist", "cv.vp", "wrong").status()).isBetween(400, 499);
    }
    Response refused = session.login("tasklist", "cv.vp", "demo");
    assertThat(refused.status()).isEqualTo(429);
    assertThat(json(refused).path("message").asText()).contains("sai quá nhiều lần");
    // HTTP Basic and the /login form: the same client is refused for the same account
    assertThat(send("GET", "/api/inbox", "cv.vp", "demo", null, null).status())
        .isEqualTo(429);
    // the form's own CSRF token is read from the page: a missing one fails the login
    Response form = session.session.login("cv.vp", "demo");
    assertThat(form.status()).isEqualTo(302);
    assertThat(form.headers().firstValue("Location").orElse("")).endsWith("/login?throttled");
  }

  @Test
  void camundasOwnLockoutNoLongerLocksAnAccount() {
    for (int i = 0; i < 15; i++) {
      assertThat(identityService.checkPassword("cv.qlcn", "wrong")).isFalse();
    }
    assertThat(identityService.checkPassword("cv.qlcn", "demo")).isTrue();
  }
}
