package vn.khcn.workflow.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the lifecycle's JVM time goes: a Flight Recorder execution-sample recording over the
 * lifecycle runs, each sample counted for the side it belongs to (the application's or the
 * baseline's lifecycle method on its stack) and for every part it passes through. A part is
 * counted inclusively, so parts nested in one another (our listeners calling the engine) overlap.
 */
final class CpuProfile {

  /**
   * The parts reported, in the order of results.json: a sample counts for every part one of its
   * frames belongs to, so the shares overlap (a listener runs inside the task completion).
   */
  private static final Map<String, Predicate<String>> PARTS = parts();

  private static Map<String, Predicate<String>> parts() {
    Map<String, Predicate<String>> parts = new LinkedHashMap<>();
    parts.put("engine_authorization_checks", frame ->
        frame.startsWith("org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager.")
            || frame.startsWith("org.camunda.bpm.engine.impl.cfg.auth."));
    parts.put("engine_complete_task", frame ->
        frame.startsWith("org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd."));
    parts.put("engine_claim_task", frame ->
        frame.startsWith("org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd."));
    parts.put("engine_flush_sql_writes", frame ->
        frame.startsWith("org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager.flush"));
    parts.put("engine_history_events", frame ->
        frame.startsWith("org.camunda.bpm.engine.impl.history.event.HistoryEventProcessor."));
    parts.put("our_task_listeners_and_steps", frame ->
        frame.startsWith("vn.khcn.workflow.") && !frame.startsWith("vn.khcn.workflow.bench.")
            && (frame.contains("Listener") || frame.contains("Step")));
    parts.put("our_registration", frame ->
        frame.startsWith("vn.khcn.workflow.dispatch.RegistrationService."));
    parts.put("jpa_hibernate", frame -> frame.startsWith("org.hibernate."));
    // the inbox's read model, written before each commit (ADR 0010)
    parts.put("our_inbox_read_model", frame ->
        frame.startsWith("vn.khcn.workflow.inbox.InboxEntries"));
    parts.put("jdbc_driver", frame -> frame.startsWith("org.postgresql."));
    return parts;
  }

  private final Recording recording;

  private CpuProfile(Recording recording) {
    this.recording = recording;
  }

  static CpuProfile start() {
    Recording recording = new Recording();
    recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
    recording.setToDisk(true);
    recording.start();
    return new CpuProfile(recording);
  }

  /** Stops, keeps the recording in the file and returns the shares of each side's samples. */
  Map<String, Object> stop(Path file) throws Exception {
    recording.stop();
    recording.dump(file);
    recording.close();
    long[] total = new long[SIDES.size()];
    long[][] counts = new long[SIDES.size()][PARTS.size()];
    for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample")
          || event.getStackTrace() == null) {
        continue;
      }
      List<String> frames = event.getStackTrace().getFrames().stream()
          .map(CpuProfile::name).toList();
      int side = side(frames);
      if (side < 0) {
        continue;
      }
      total[side]++;
      int part = 0;
      for (Predicate<String> matches : PARTS.values()) {
        if (frames.stream().anyMatch(matches)) {
          counts[side][part]++;
        }
        part++;
      }
    }
    Map<String, Object> result = new LinkedHashMap<>();
    List<String> sides = SIDES;
    for (int side = 0; side < sides.size(); side++) {
      result.put(sides.get(side) + "_samples", total[side]);
    }
    int part = 0;
    for (String name : PARTS.keySet()) {
      for (int side = 0; side < sides.size(); side++) {
        result.put(name + "_" + sides.get(side) + "_pct", percent(counts[side][part],
            total[side]));
      }
      part++;
    }
    return result;
  }

  /**
   * The sides, by the lifecycle method on a sample's stack: the application, the bare engine and
   * the bare engine with authorization on.
   */
  private static final List<String> SIDES = List.of("app", "baseline", "bare_auth");
  private static final List<String> SIDE_METHODS = List.of("AppSide.appLifecycle",
      "BareEngine.baselineLifecycle", "BareEngine.authorizedLifecycle");

  private static int side(List<String> frames) {
    for (int side = 0; side < SIDE_METHODS.size(); side++) {
      String method = SIDE_METHODS.get(side);
      if (frames.stream().anyMatch(f -> f.endsWith(method))) {
        return side;
      }
    }
    return -1;
  }

  private static String name(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }

  private static double percent(long count, long total) {
    return total == 0 ? 0 : Math.round(count * 1000.0 / total) / 10.0;
  }
}
