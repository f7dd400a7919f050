package vn.khcn.workflow.reliability.cluster;

import vn.khcn.workflow.dispatch.IncomingDirectiveProcess;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.khcn.workflow.reliability.cluster.Client.Answer;

/**
 * Faults of the cluster under load ({@link TwoNodeCluster}): a node killed with SIGKILL and
 * restarted, the database stopped and started; nothing acknowledged may be lost.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeFaultsIT extends TwoNodeCluster {

  /** Concurrent registrations (and directions) against both nodes, recording what was acknowledged. */
  static final class Load implements AutoCloseable {
    final Map<Long, Integer> acknowledged = new ConcurrentHashMap<>();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger unavailable = new AtomicInteger();
    final Set<String> outageMessages = ConcurrentHashMap.newKeySet();
    final AtomicBoolean running = new AtomicBoolean(true);
    final ExecutorService pool = Executors.newFixedThreadPool(6);

    Load() {
      for (int w = 0; w < 6; w++) {
        int worker = w;
        pool.submit(() -> {
          int i = 0;
          while (running.get()) {
            AppNode node = (worker + i++) % 2 == 0 ? a : b;
            Answer answer = Client.post(node, "vanthu", "/api/incoming-documents", document());
            if (answer.status() == 201) {
              acknowledged.put(answer.json().get("id").asLong(),
                  answer.json().get("incomingNumber").asInt());
              if (i % 3 == 0) {
                direct(node, answer.json().get("processInstanceId").asText());
              }
            } else if (answer.status() == 503) {
              unavailable.incrementAndGet();
              outageMessages.add(answer.json().path("message").asText());
            } else {
              refused.incrementAndGet();
            }
          }
          return null;
        });
      }
    }

    static void direct(AppNode node, String pi) {
      try {
        JsonNode give = task(node, pi, IncomingDirectiveProcess.Tasks.GIVE_DIRECTION);
        if (give != null) {
          String id = give.get("id").asText();
          Client.post(node, "giamdoc", "/engine-rest/task/" + id + "/claim",
              Map.of("userId", "giamdoc"));
          Client.post(node, "giamdoc", "/engine-rest/task/" + id + "/complete", Map.of(
              "variables", Map.of("infoOnly", Map.of("value", true, "type", "Boolean"),
                  "informedUnits", Map.of("value", "[\"van-phong\"]", "type", "Json"))));
        }
      } catch (RuntimeException ignored) {
        // a node going down mid-call is part of the scenario
      }
    }

    @Override
    public void close() throws Exception {
      running.set(false);
      pool.shutdown();
      pool.awaitTermination(60, TimeUnit.SECONDS);
    }
  }

  /** What must hold after any fault; returns the problems and counts lost registrations. */
  static List<String> invariants(Load load, int[] lost) throws Exception {
    List<String> problems = new ArrayList<>();
    lost[0] = 0;
    for (Map.Entry<Long, Integer> ack : load.acknowledged.entrySet()) {
      long found = count("select count(*) from incoming_document where id = ? and incoming_number"
          + " = ?", ack.getKey(), ack.getValue());
      if (found != 1) {
        lost[0]++;
      }
    }
    if (lost[0] > 0) {
      problems.add(lost[0] + " acknowledged registrations missing");
    }
    List<Long> numbers = longs("select incoming_number from incoming_document where series ="
        + " 'REGULAR' order by incoming_number");
    for (int i = 0; i < numbers.size(); i++) {
      if (numbers.get(i) != i + 1) {
        problems.add("numbers not gapless/unique at position " + (i + 1) + ": " + numbers.get(i));
        break;
      }
    }
    long twice = count("select count(*) from (select document_id from document_trail where action"
        + " = 'DIRECTION_GIVEN' group by document_id having count(*) > 1) t");
    if (twice > 0) {
      problems.add(twice + " documents directed twice");
    }
    long stuck = count("select count(*) from act_ru_execution e where e.id_ = e.proc_inst_id_"
        + " and not exists (select 1 from act_ru_task t where t.proc_inst_id_ = e.id_)"
        + " and not exists (select 1 from act_ru_job j where j.process_instance_id_ = e.id_)"
        + " and not exists (select 1 from act_ru_event_subscr s where s.proc_inst_id_ = e.id_)");
    if (stuck > 0) {
      problems.add(stuck + " process instances neither waiting nor completed");
    }
    long locked = count("select count(*) from act_ru_job where lock_exp_time_ is not null and"
        + " lock_exp_time_ < now() - interval '5 seconds'");
    if (locked > 0) {
      problems.add(locked + " jobs locked past their lock time");
    }
    long incidents = count("select count(*) from act_ru_incident");
    if (incidents > 0) {
      problems.add(incidents + " incidents");
    }
    return problems;
  }

  @Test
  @Order(3)
  void killNine() throws Exception {
    Load load = new Load();
    Thread.sleep(6000);
    a.kill();
    Thread.sleep(4000);
    a.start();
    double restart = a.awaitHealthy(Duration.ofSeconds(120));
    Thread.sleep(4000);
    load.close();
    Thread.sleep(20_000); // the killed node's job locks expire (15 s) and other jobs finish
    int[] lost = new int[1];
    List<String> problems = invariants(load, lost);
    REPORT.add(new Scenario("kill-9", 1, problems.isEmpty() ? 0 : 1, lost[0],
        load.acknowledged.size() + " registrations acknowledged under load on both nodes, node a"
            + " killed with SIGKILL and restarted in " + restart + " s; "
            + (problems.isEmpty() ? "all present, numbers gapless and unique, no direction twice,"
                + " every instance waiting or ended, no stale job lock, no incident"
                : String.join("; ", problems))));
    assertThat(problems).isEmpty();
  }

  @Test
  @Order(4)
  void databaseRestart() throws Exception {
    String cluster = env("PG_CLUSTER", firstCluster());
    Load load = new Load();
    Thread.sleep(3000);
    run("pg_ctlcluster", "--skip-systemctl-redirect", cluster, "main", "stop", "-m", "fast");
    Thread.sleep(2000);
    Answer health = Client.call(a, "", "GET", "/actuator/health", null);
    Answer refused = Client.post(b, "vanthu", "/api/incoming-documents", document());
    Thread.sleep(2000);
    run("pg_ctlcluster", "--skip-systemctl-redirect", cluster, "main", "start");
    a.awaitHealthy(Duration.ofSeconds(90));
    b.awaitHealthy(Duration.ofSeconds(90));
    Thread.sleep(3000);
    load.close();
    Answer after = Client.post(a, "vanthu", "/api/incoming-documents", document());
    Thread.sleep(5000);
    int[] lost = new int[1];
    List<String> problems = invariants(load, lost);
    if (health.status() != 503) {
      problems.add("health during the outage answered " + health.status());
    }
    if (refused.status() != 503 || refused.body().contains("Exception")) {
      problems.add("a registration during the outage answered " + refused.status() + " "
          + refused.body());
    }
    if (after.status() != 201) {
      problems.add("no recovery: registration after the restart answered " + after.status());
    }
    REPORT.add(new Scenario("database-restart", 1, problems.isEmpty() ? 0 : 1, lost[0],
        "PostgreSQL stopped under load for the time of two requests: health " + health.status() + ", registration "
            + refused.status() + " (\"" + refused.json().path("message").asText() + "\"), "
            + load.unavailable.get() + " requests answered 503; both nodes recovered by"
            + " themselves; " + (problems.isEmpty() ? "nothing acknowledged was lost"
                : String.join("; ", problems))));
    assertThat(problems).isEmpty();
  }

  static String firstCluster() throws Exception {
    try (Stream<Path> versions = Files.list(Path.of("/etc/postgresql"))) {
      return versions.map(p -> p.getFileName().toString()).sorted().findFirst().orElseThrow();
    }
  }

  static void run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).inheritIO().start();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed");
    }
  }
}
