package vn.khcn.workflow.reliability.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.khcn.workflow.reliability.cluster.Client.Answer;

/**
 * Scenario soak: a Department's peak day compressed into soak.minutes (default 30) on two nodes on
 * one PostgreSQL database: clerks register, the director directs, units work their tasks, leaders
 * approve, research dossiers are submitted and checked, people read their inboxes and search. No
 * answer may be an error (5xx, 400, 401, 403, or no answer; 404 and 409 of two people racing for
 * one task are counted apart), used heap after a full GC at the end within the tolerance of the
 * one after warm-up, the engine's history cleanup run inside its batch window (configured to cover
 * the run), and the incoming numbers gapless with every acknowledged registration present.
 */
class SoakIT {

  static final double MINUTES = Double.parseDouble(System.getProperty("soak.minutes", "30"));
  static final int WORKERS = Integer.getInteger("soak.workers", 6);
  /** Heap after GC at the end may exceed the start by this fraction, plus HEAP_SLACK_MB. */
  static final double HEAP_TOLERANCE = Double.parseDouble(
      System.getProperty("soak.heapTolerance", "0.25"));
  static final long HEAP_SLACK_MB = 16;
  static final Database DB = new Database("khcn_rel_soak_" + ProcessHandle.current().pid());
  static final List<AppNode> NODES = new ArrayList<>();
  /** The first node's port (the second's is the next). */
  static final int PORT = Integer.getInteger("soak.port", 18091);
  static String window;
  static double[] startSeconds;

  @BeforeAll
  static void start() throws Exception {
    Database.create(DB.name);
    // the batch window in the Department's time with its offset (the nodes' JVMs keep the
    // machine's zone), from now to past the end of the run
    DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mmZ");
    ZonedDateTime now = ZonedDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    String from = now.minusMinutes(1).format(hhmm);
    String to = now.plusMinutes((long) Math.ceil(MINUTES) + 15).format(hhmm);
    window = from + "–" + to;
    for (int i = 0; i < 2; i++) {
      AppNode node = DB.node("soak-" + (char) ('a' + i), PORT + i).with(
          "--camunda.bpm.generic-properties.properties.history-cleanup-batch-window-start-time="
              + from,
          "--camunda.bpm.generic-properties.properties.history-cleanup-batch-window-end-time="
              + to);
      NODES.add(node);
    }
    startSeconds = AppNode.startAll(NODES, Database.START);
  }

  @AfterAll
  static void stop() throws Exception {
    for (AppNode node : NODES) {
      node.stop();
    }
    DB.drop();
  }

  /** Used heap in MiB after a full GC of the node (jcmd GC.run, then GC.heap_info). */
  static long heapAfterGc(AppNode node) throws Exception {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    exec(jcmd, Long.toString(node.pid()), "GC.run");
    String info = exec(jcmd, Long.toString(node.pid()), "GC.heap_info");
    Matcher used = Pattern.compile("used (\\d+)K").matcher(info);
    if (!used.find()) {
      throw new IllegalStateException("no heap figure in: " + info);
    }
    return Long.parseLong(used.group(1)) / 1024;
  }

  static String exec(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(60, TimeUnit.SECONDS);
    return out;
  }

  final Map<Long, Integer> acknowledged = new ConcurrentHashMap<>();
  final Map<String, AtomicInteger> actions = new ConcurrentHashMap<>();
  final AtomicInteger errors = new AtomicInteger();
  final AtomicInteger races = new AtomicInteger();
  final Set<String> errorSamples = ConcurrentHashMap.newKeySet();
  final AtomicInteger sequence = new AtomicInteger();

  /** Counts the answer; a race for one task (404, 409) is no error. */
  void answered(String action, Answer answer, boolean taskAction) {
    actions.computeIfAbsent(action, a -> new AtomicInteger()).incrementAndGet();
    int status = answer.status();
    if (status / 100 == 2) {
      return;
    }
    if (taskAction && (status == 404 || status == 409)) {
      races.incrementAndGet();
      return;
    }
    errors.incrementAndGet();
    if (errorSamples.size() < 10) {
      errorSamples.add(action + " " + status + " " + answer.body().substring(0,
          Math.min(200, answer.body().length())));
    }
  }

  /** One step of the compressed day, chosen by the weights of a peak day. */
  void step(AppNode node) throws Exception {
    int dice = ThreadLocalRandom.current().nextInt(100);
    if (dice < 25) {
      Answer answer = Client.post(node, "vanthu", "/api/incoming-documents",
          RegistrationLoad.document());
      answered("register", answer, false);
      if (answer.status() == 201) {
        acknowledged.put(answer.json().get("id").asLong(),
            answer.json().get("incomingNumber").asInt());
      }
    } else if (dice < 38) {
      JsonNode task = pick(node, "giveDirection");
      if (task != null) {
        answered("direct", RegistrationLoad.direct(node, task.get("processInstanceId").asText(),
            ThreadLocalRandom.current().nextBoolean() ? "phong-qlkh" : null), true);
      }
    } else if (dice < 58) {
      String kind = List.of("handleAssignment", "assignHandler", "proposeResult",
          "reviewProposal", "consolidateReport").get(ThreadLocalRandom.current().nextInt(5));
      work(node, kind, "unit work");
    } else if (dice < 63) {
      work(node, "approveResult", "approve");
    } else if (dice < 66) {
      String dossier = Client.JSON.writeValueAsString(Map.of("title", "Đề tài ngày cao điểm "
          + sequence.incrementAndGet(), "field", "Nông nghiệp", "hostOrganisation",
          "Viện Lúa Đồng bằng sông Cửu Long", "hostOrganisationCode", "0000000008",
          "investigator", "chunhiem", "durationMonths", 12, "requestedBudget", 100_000_000L));
      answered("research dossier", Multipart.postDossier(node, "cv.qlkh", dossier,
          "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)), false);
    } else if (dice < 70) {
      work(node, "checkDossier", "research step");
    } else if (dice < 78) {
      // the directors read their inbox
      String director = ThreadLocalRandom.current().nextBoolean() ? "giamdoc" : "phogiamdoc";
      answered("inbox", Client.get(node, director, "/api/inbox"), false);
    } else if (dice < 86) {
      // the staff read their work as Tasklist lists it: their groups' tasks and their own
      String user = List.of("vanthu", "tp.qlkh", "cv.qlkh", "pp.qlkh")
          .get(ThreadLocalRandom.current().nextInt(4));
      answered("tasklist", Client.get(node, user, "/engine-rest/task?candidateUser=" + user
          + "&includeAssignedTasks=true&sortBy=created&sortOrder=desc&firstResult=0"
          + "&maxResults=15"), false);
    } else {
      String query = List.of("/api/incoming-documents?q=K%E1%BA%BF+ho%E1%BA%A1ch",
          "/api/incoming-documents?q=ke+hoach&page=1", "/api/incoming-documents?status=REGISTERED",
          "/api/research-tasks?q=ng%C3%A0y").get(ThreadLocalRandom.current().nextInt(4));
      answered("search", Client.get(node, query.startsWith("/api/research") ? "cv.qlkh"
          : "vanthu", query), false);
    }
  }

  JsonNode pick(AppNode node, String kind) {
    Answer list = Client.get(node, "admin", "/engine-rest/task?taskDefinitionKey=" + kind
        + "&maxResults=20");
    answered("task list", list, false);
    JsonNode tasks = list.json();
    return tasks.size() == 0 ? null : tasks.get(ThreadLocalRandom.current().nextInt(
        tasks.size()));
  }

  void work(AppNode node, String kind, String action) {
    JsonNode task = pick(node, kind);
    if (task != null) {
      answered(action, OpenTasks.complete(node, task), true);
    }
  }

  @Test
  void aPeakDayCompressed() throws Exception {
    long runNanos = (long) (MINUTES * 60e9);
    long warmUpNanos = Math.min(TimeUnit.MINUTES.toNanos(2), runNanos / 5);
    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
    for (int w = 0; w < WORKERS; w++) {
      AppNode node = NODES.get(w % 2);
      pool.submit(() -> {
        while (System.nanoTime() - started < runNanos) {
          try {
            step(node);
          } catch (Exception | AssertionError unexpected) {
            answered("step", new Answer(-1, String.valueOf(unexpected)), false);
          }
        }
        return null;
      });
    }
    Thread.sleep(TimeUnit.NANOSECONDS.toMillis(warmUpNanos));
    long[] heapStart = {heapAfterGc(NODES.get(0)), heapAfterGc(NODES.get(1))};
    pool.shutdown();
    assertThat(pool.awaitTermination((long) (MINUTES * 60) + 300, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(5000);
    long[] heapEnd = {heapAfterGc(NODES.get(0)), heapAfterGc(NODES.get(1))};

    List<String> problems = new ArrayList<>();
    if (errors.get() > 0) {
      problems.add(errors.get() + " error answers: " + errorSamples);
    }
    for (int i = 0; i < 2; i++) {
      long allowed = (long) (heapStart[i] * (1 + HEAP_TOLERANCE)) + HEAP_SLACK_MB;
      if (heapEnd[i] > allowed) {
        problems.add("heap of node " + i + " grew from " + heapStart[i] + " to " + heapEnd[i]
            + " MiB after GC (allowed " + allowed + ")");
      }
    }
    // successful runs of the cleanup job (its job log); a run that found nothing to remove
    // also counts up countEmptyRuns in the job's configuration
    long cleanups = DB.count("select count(*) from act_hi_job_log where job_state_ = 2 and"
        + " (job_def_type_ = 'history-cleanup' or job_id_ in (select id_ from act_ru_job"
        + " where handler_type_ = 'history-cleanup'))");
    String cleanupJob = String.join(" ", DB.strings("select handler_cfg_ from act_ru_job"
        + " where handler_type_ = 'history-cleanup'"));
    if (cleanups == 0 && cleanupJob.matches(".*\"countEmptyRuns\":[1-9].*")) {
      cleanups = 1;
    }
    if (cleanups == 0) {
      problems.add("the history cleanup did not run inside its window " + window);
    }
    int lost = 0;
    for (Map.Entry<Long, Integer> ack : acknowledged.entrySet()) {
      if (DB.count("select count(*) from incoming_document where id = ? and incoming_number = ?",
          ack.getKey(), ack.getValue()) != 1) {
        lost++;
      }
    }
    if (lost > 0) {
      problems.add(lost + " acknowledged registrations missing");
    }
    List<Long> numbers = DB.longs("select incoming_number from incoming_document where series ="
        + " 'REGULAR' order by incoming_number");
    problems.addAll(Database.gapless("incoming numbers", numbers));
    long incidents = DB.count("select count(*) from act_ru_incident");
    if (incidents > 0) {
      problems.add(incidents + " incidents");
    }
    Map<String, Integer> done = new TreeMap<>();
    actions.forEach((action, count) -> done.put(action, count.get()));
    int total = done.values().stream().mapToInt(Integer::intValue).sum();
    ReliabilityReport.merge(List.of(new ReliabilityReport.Entry("soak", total,
        problems.isEmpty() ? 0 : 1, lost, MINUTES + " min, " + WORKERS + " workers on two"
            + " nodes (started together in " + startSeconds[0] + " s and " + startSeconds[1]
            + " s): " + done + " (" + races.get() + " lost a race for a task: 404/409), "
            + acknowledged.size() + " registrations; heap after full GC (MiB) a " + heapStart[0]
            + "→" + heapEnd[0] + ", b " + heapStart[1] + "→" + heapEnd[1] + " (tolerance +"
            + Math.round(HEAP_TOLERANCE * 100) + " % + " + HEAP_SLACK_MB + " MiB); history"
            + " cleanup ran " + cleanups + "× in its window " + window + " (job " + cleanupJob
            + "); " + (problems.isEmpty()
                ? "no error answer, numbers gapless, every acknowledged registration present,"
                    + " no incident" : String.join("; ", problems)))));
    assertThat(problems).isEmpty();
  }
}
