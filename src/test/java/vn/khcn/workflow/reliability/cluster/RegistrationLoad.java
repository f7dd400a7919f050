package vn.khcn.workflow.reliability.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess;
import vn.khcn.workflow.reliability.cluster.Client.Answer;

/**
 * Clerks registering incoming documents on the given nodes from several threads until closed,
 * every acknowledgement recorded with the moment it arrived; every directEvery-th document is
 * directed by the director (alternately to a lead unit and for information only).
 */
final class RegistrationLoad implements AutoCloseable {

  /** An acknowledged registration: the document, its number and when the answer arrived. */
  record Ack(long id, int number, long nanos) {}

  static final AtomicInteger SEQUENCE = new AtomicInteger();

  final Map<Long, Ack> acknowledged = new ConcurrentHashMap<>();
  final AtomicInteger errors = new AtomicInteger();
  final Set<String> errorSamples = ConcurrentHashMap.newKeySet();
  final AtomicInteger directed = new AtomicInteger();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final ExecutorService pool;

  RegistrationLoad(List<AppNode> nodes, int threads, int directEvery) {
    pool = Executors.newFixedThreadPool(threads);
    for (int w = 0; w < threads; w++) {
      int worker = w;
      pool.submit(() -> {
        int i = 0;
        while (running.get()) {
          AppNode node = nodes.get((worker + i++) % nodes.size());
          Answer answer = Client.post(node, "vanthu", "/api/incoming-documents", document());
          if (answer.status() == 201) {
            JsonNode body = answer.json();
            acknowledged.put(body.get("id").asLong(), new Ack(body.get("id").asLong(),
                body.get("incomingNumber").asInt(), System.nanoTime()));
            if (directEvery > 0 && i % directEvery == 0) {
              error(direct(node, body.get("processInstanceId").asText(), i % (2 * directEvery)
                  == 0 ? "phong-qlkh" : null), "direction");
            }
          } else {
            error(answer, "registration");
          }
        }
        return null;
      });
    }
  }

  void error(Answer answer, String what) {
    if (answer != null && answer.status() / 100 != 2) {
      errors.incrementAndGet();
      if (errorSamples.size() < 10) {
        errorSamples.add(what + " " + answer.status() + " " + answer.body().substring(0,
            Math.min(160, answer.body().length())));
      }
    } else if (answer != null && what.equals("direction")) {
      directed.incrementAndGet();
    }
  }

  static Map<String, Object> document() {
    return Map.of("issuer", "Ủy ban nhân dân thành phố Cần Thơ", "documentNumber",
        SEQUENCE.incrementAndGet() + "-" + ProcessHandle.current().pid() + "/KH-UBND",
        "issuedOn", "2026-11-02", "documentType", "Kế hoạch",
        "summary", "Kế hoạch kiểm tra độ tin cậy", "urgency", "NORMAL");
  }

  /** The director directs the document: to leadUnit, or for information only (null). */
  static Answer direct(AppNode node, String processInstanceId, String leadUnit) {
    JsonNode tasks = Client.get(node, "admin", "/engine-rest/task?processInstanceId="
        + processInstanceId + "&taskDefinitionKey="
        + IncomingDirectiveProcess.Tasks.GIVE_DIRECTION + "&maxResults=5").json();
    if (tasks.size() == 0) {
      // directed meanwhile by another worker: as the task's own 404 would say
      return new Answer(404, "no giveDirection task of " + processInstanceId);
    }
    String id = tasks.get(0).get("id").asText();
    Answer claimed = Client.post(node, "giamdoc", "/engine-rest/task/" + id + "/claim",
        Map.of("userId", "giamdoc"));
    if (claimed.status() != 204) {
      return claimed;
    }
    Map<String, Object> variables = leadUnit == null
        ? Map.of("infoOnly", Map.of("value", true, "type", "Boolean"),
            "informedUnits", Map.of("value", "[\"van-phong\"]", "type", "Json"))
        : Map.of("direction", Map.of("value", "Giao xử lý", "type", "String"),
            "leadUnit", Map.of("value", leadUnit, "type", "String"),
            "coordinatingUnits", Map.of("value", "[\"phong-khtc\"]", "type", "Json"),
            "informedUnits", Map.of("value", "[]", "type", "Json"));
    return Client.post(node, "giamdoc", "/engine-rest/task/" + id + "/complete",
        Map.of("variables", variables));
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    pool.shutdown();
    pool.awaitTermination(120, TimeUnit.SECONDS);
  }
}
