package vn.khcn.workflow.reliability.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import vn.khcn.workflow.reliability.cluster.Client.Answer;

/**
 * Scenario backup-restore: pg_dump of the database while clerks register and the director
 * directs on two nodes (backup.nodes), restored into a new database and the application started on it: every
 * registration acknowledged before the dump began is there with its number, numbers gapless, every
 * document has its process, and one open task of each kind is worked to completion.
 */
class BackupRestoreIT {

  static final long PID = ProcessHandle.current().pid();
  static final Database DB = new Database("khcn_rel_bk_" + PID);
  static final Database RESTORED = new Database("khcn_rel_rs_" + PID);
  /** Load before the dump begins; it goes on through the dump and AFTER_SECONDS past its end. */
  static final int LOAD_SECONDS = Integer.getInteger("backup.loadSeconds", 40);
  static final int AFTER_SECONDS = Integer.getInteger("backup.afterSeconds", 5);
  /**
   * The units' steps worked under load, each kind as often as given, so that later kinds are open
   * at the dump too (each step leaves at least one task of the next kind open).
   */
  static final Map<String, Integer> UNIT_STEPS = Map.of(
      "assignHandler", 3, "handleAssignment", 1, "proposeResult", 2, "reviewProposal", 1,
      "consolidateReport", 1);
  /** Nodes under load while the dump runs (2; 1 on a machine too loaded to start two). */
  static final int LOAD_NODES = Integer.getInteger("backup.nodes", 2);
  static final List<AppNode> NODES = new ArrayList<>();

  @AfterAll
  static void stop() throws Exception {
    for (AppNode node : NODES) {
      node.stop();
    }
    DB.drop();
    RESTORED.drop();
  }

  static AppNode started(Database db, String name, int port) throws Exception {
    AppNode node = db.node(name, port);
    NODES.add(node);
    node.start();
    node.awaitHealthy(Database.START);
    return node;
  }

  static void run(Path log, String... command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("PGPASSWORD", Database.PGPASSWORD);
    Process process = builder.start();
    if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
    }
  }

  /** A research dossier submitted by the officer: an open checkDossier task. */
  static Answer dossier(AppNode node, int i) throws Exception {
    String dossier = Client.JSON.writeValueAsString(Map.of("title", "Đề tài sao lưu " + i,
        "field", "Nông nghiệp", "hostOrganisation", "Viện Lúa Đồng bằng sông Cửu Long",
        "hostOrganisationCode", "0000000008", "investigator", "chunhiem", "durationMonths", 12,
        "requestedBudget", 100_000_000L));
    return Multipart.postDossier(node, "cv.qlkh", dossier,
        "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void aDumpTakenUnderLoadRestoresEverythingAcknowledged() throws Exception {
    Database.create(DB.name);
    AppNode a = DB.node("bk-a", 18088);
    NODES.add(a);
    AppNode b = a;
    if (LOAD_NODES > 1) {
      b = DB.node("bk-b", 18089);
      NODES.add(b);
    }
    double[] startSeconds = AppNode.startAll(List.copyOf(NODES), Database.START);
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Answer submitted = dossier(i % 2 == 0 ? a : b, i);
      if (submitted.status() != 201) {
        problems.add("dossier refused: " + submitted.body());
      }
    }
    Path dump = ReliabilityReport.OUT.resolve("backup-" + PID + ".dump");
    Path log = ReliabilityReport.OUT.resolve("backup-restore.log");
    RegistrationLoad load = new RegistrationLoad(List.of(a, b), 4, 3);
    long loadStarted = System.nanoTime();
    Thread.sleep(TimeUnit.SECONDS.toMillis(LOAD_SECONDS / 2));
    // the units work the directed documents on: handler, proposal, review and report tasks open
    List<String> unitWorked = new ArrayList<>();
    for (String kind : List.of("assignHandler", "handleAssignment", "proposeResult",
        "reviewProposal", "consolidateReport")) {
      for (int j = 0; j < UNIT_STEPS.get(kind); j++) {
        JsonNode task = OpenTasks.any(b, kind);
        Answer done = task == null ? null : OpenTasks.complete(b, task);
        if (done != null && done.status() == 204) {
          unitWorked.add(kind);
        } else if (done != null) {
          problems.add(kind + " under load: " + done.status());
        }
      }
    }
    long left = TimeUnit.SECONDS.toNanos(LOAD_SECONDS) - (System.nanoTime() - loadStarted);
    Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(left)));
    List<String> kindsAtDump = DB.strings("select distinct task_def_key_ from act_ru_task"
        + " order by 1");
    long dumpStarted = System.nanoTime();
    run(log, "pg_dump", "-h", Database.PGHOST, "-p", Database.PGPORT, "-U", Database.PGUSER,
        "-Fc", "-f", dump.toString(), DB.name);
    long dumpEnded = System.nanoTime();
    double dumpSeconds = (dumpEnded - dumpStarted) / 1e9;
    Thread.sleep(TimeUnit.SECONDS.toMillis(AFTER_SECONDS));
    load.close();
    long beforeDump = load.acknowledged.values().stream()
        .filter(ack -> ack.nanos() < dumpStarted).count();
    List<RegistrationLoad.Ack> duringDump = load.acknowledged.values().stream()
        .filter(ack -> ack.nanos() >= dumpStarted && ack.nanos() < dumpEnded).toList();
    for (AppNode node : List.copyOf(NODES)) {
      node.stop();
    }
    Database.create(RESTORED.name);
    long restoreStarted = System.nanoTime();
    run(log, "pg_restore", "-h", Database.PGHOST, "-p", Database.PGPORT, "-U", Database.PGUSER,
        "--no-owner", "-d", RESTORED.name, dump.toString());
    double restoreSeconds = (System.nanoTime() - restoreStarted) / 1e9;
    AppNode restored = started(RESTORED, "restored", 18090);

    int lost = 0;
    for (RegistrationLoad.Ack ack : load.acknowledged.values()) {
      if (ack.nanos() < dumpStarted && RESTORED.count("select count(*) from incoming_document"
          + " where id = ? and incoming_number = ?", ack.id(), ack.number()) != 1) {
        lost++;
      }
    }
    if (lost > 0) {
      problems.add(lost + " registrations acknowledged before the dump missing");
    }
    // acknowledged while pg_dump ran: in the dump or not, as its snapshot decided
    long duringInDump = 0;
    for (RegistrationLoad.Ack ack : duringDump) {
      duringInDump += RESTORED.count("select count(*) from incoming_document where id = ? and"
          + " incoming_number = ?", ack.id(), ack.number());
    }
    // the demo units all have a head: a directed unit's task is assignHandler, its handler's
    for (String unit : List.of("assignHandler", "proposeResult")) {
      if (!kindsAtDump.contains(unit)) {
        problems.add("no " + unit + " task open when the dump began: " + kindsAtDump);
      }
    }
    List<Long> numbers = RESTORED.longs("select incoming_number from incoming_document where"
        + " series = 'REGULAR' order by incoming_number");
    problems.addAll(Database.gapless("incoming numbers", numbers));
    long orphans = RESTORED.count("select count(*) from incoming_document d where not exists"
        + " (select 1 from act_hi_procinst p where p.id_ = d.process_instance_id)");
    if (orphans > 0) {
      problems.add(orphans + " documents without their process instance");
    }
    List<String> kinds = RESTORED.strings("select distinct task_def_key_ from act_ru_task"
        + " order by 1");
    List<String> worked = new ArrayList<>();
    for (String kind : kinds) {
      JsonNode task = OpenTasks.any(restored, kind);
      Answer done = task == null ? new Answer(0, "not found") : OpenTasks.complete(restored, task);
      if (done.status() == 204) {
        worked.add(kind);
      } else {
        problems.add(kind + " not workable: " + done.status() + " " + done.body().substring(0,
            Math.min(200, done.body().length())));
      }
    }
    Thread.sleep(5000);
    long incidents = RESTORED.count("select count(*) from act_ru_incident");
    if (incidents > 0) {
      problems.add(incidents + " incidents after working the restored tasks");
    }
    if (load.errors.get() > 0) {
      problems.add(load.errors.get() + " errors under load: " + load.errorSamples);
    }
    Files.deleteIfExists(dump);
    ReliabilityReport.merge(List.of(new ReliabilityReport.Entry("backup-restore", 1,
        problems.isEmpty() ? 0 : 1, lost, "pg_dump -Fc (" + String.format("%.1f", dumpSeconds)
            + " s) after " + LOAD_SECONDS + " s of load, while 4 clerks registered and the"
            + " director directed (" + load.directed.get() + " directions) on " + LOAD_NODES
            + " node(s) started together in " + java.util.Arrays.toString(startSeconds)
            + " s; units worked " + unitWorked + "; "
            + load.acknowledged.size() + " registrations acknowledged, " + beforeDump
            + " before the dump began, " + duringDump.size() + " while it ran (" + duringInDump
            + " of them in the dump), " + (load.acknowledged.size() - beforeDump
                - duringDump.size()) + " after it; "
            + numbers.size() + " in the restored database"
            + " (pg_restore " + String.format("%.1f", restoreSeconds) + " s), application"
            + " started on it; open task kinds " + kinds + ", worked one each: " + worked + "; "
            + (problems.isEmpty() ? "all registrations acknowledged before the dump present,"
                + " numbers gapless, every document with its process, no incident"
                : String.join("; ", problems)))));
    assertThat(problems).isEmpty();
  }
}
