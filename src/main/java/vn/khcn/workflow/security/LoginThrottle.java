package vn.khcn.workflow.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing without letting an outsider lock a person out. Failures are counted per
 * client (remote address) and account together, and per client over all accounts; a client that
 * fails {@link #PAIR_LIMIT} times for one account, or {@link #CLIENT_LIMIT} times in all, is
 * refused (without checking the password) for {@link #BLOCK}. The account itself is never locked:
 * its owner, from his own client, still signs in while a guessing client is refused. Camunda's own
 * lockout counts per account from any client, so it is set out of reach (application.yaml,
 * loginMaxAttempts) and this throttle takes its place (ADR 0006).
 *
 * <p>In memory, per application node: a restart forgets the counts, which only gives an attacker
 * a few more guesses. At most {@link #MAX_ENTRIES} clients are tracked.
 */
@Component
class LoginThrottle {

  static final int PAIR_LIMIT = 5;
  static final int CLIENT_LIMIT = 20;
  static final Duration WINDOW = Duration.ofMinutes(15);
  static final Duration BLOCK = Duration.ofMinutes(15);
  static final int MAX_ENTRIES = 10_000;
  static final String ANY_ACCOUNT = "*";

  private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

  /** What an administrator sees of a refused client. */
  record Lockout(String client, String account, int failures, Instant blockedUntil) {}

  private static final class Failures {
    int count;
    Instant windowStart;
    Instant blockedUntil;
  }

  private final Map<String, Failures> failures = new ConcurrentHashMap<>();
  private final Clock clock;

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** When the client may try this account again, if it is refused now. */
  synchronized Instant blockedUntil(String client, String account) {
    Instant now = clock.instant();
    Instant until = null;
    for (String key : List.of(key(client, account), key(client, ANY_ACCOUNT))) {
      Failures entry = failures.get(key);
      if (entry != null && entry.blockedUntil != null && entry.blockedUntil.isAfter(now)) {
        until = until == null || entry.blockedUntil.isAfter(until) ? entry.blockedUntil : until;
      }
    }
    return until;
  }

  synchronized void failed(String client, String account) {
    Instant now = clock.instant();
    if (failures.size() >= MAX_ENTRIES) {
      forgetExpired(now);
    }
    count(client, account, PAIR_LIMIT, now);
    count(client, ANY_ACCOUNT, CLIENT_LIMIT, now);
  }

  /** A correct password clears the client's count for the account (not its overall count). */
  synchronized void succeeded(String client, String account) {
    failures.remove(key(client, account));
  }

  /** Lifts every count and block of a client (an administrator's decision); how many were lifted. */
  synchronized int release(String client) {
    String prefix = (client == null ? "?" : client) + "\n";
    int before = failures.size();
    failures.keySet().removeIf(key -> key.startsWith(prefix));
    log.info("Login counts of {} released", client);
    return before - failures.size();
  }

  /** The clients refused now, latest block first. */
  synchronized List<Lockout> lockouts() {
    Instant now = clock.instant();
    return failures.entrySet().stream()
        .filter(e -> e.getValue().blockedUntil != null && e.getValue().blockedUntil.isAfter(now))
        .map(e -> {
          String[] parts = e.getKey().split("\n", 2);
          return new Lockout(parts[0], parts[1], e.getValue().count, e.getValue().blockedUntil);
        })
        .sorted(Comparator.comparing(Lockout::blockedUntil).reversed())
        .toList();
  }

  private void count(String client, String account, int limit, Instant now) {
    Failures entry = failures.computeIfAbsent(key(client, account), k -> new Failures());
    if (entry.windowStart == null || entry.windowStart.plus(WINDOW).isBefore(now)) {
      entry.windowStart = now;
      entry.count = 0;
    }
    entry.count++;
    if (entry.count >= limit) {
      entry.blockedUntil = now.plus(BLOCK);
      log.warn("Login refused for {} from {} until {} after {} failed attempts",
          ANY_ACCOUNT.equals(account) ? "every account" : account, client, entry.blockedUntil,
          entry.count);
    }
  }

  private void forgetExpired(Instant now) {
    failures.values().removeIf(entry -> entry.windowStart.plus(WINDOW).isBefore(now)
        && (entry.blockedUntil == null || entry.blockedUntil.isBefore(now)));
    if (failures.size() >= MAX_ENTRIES) {
      // under a flood of clients, forget those not refused rather than grow without bound
      failures.values().removeIf(entry -> entry.blockedUntil == null);
    }
  }

  private static String key(String client, String account) {
    return (client == null ? "?" : client) + "\n" + (account == null ? "" : account);
  }
}
