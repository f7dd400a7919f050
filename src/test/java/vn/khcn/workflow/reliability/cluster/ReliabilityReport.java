package vn.khcn.workflow.reliability.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * target/reliability/report.json and report.md, shared by every scenario class of the suite: each
 * class merges its scenarios in (replacing earlier entries of the same name), so one
 * {@code -Preliability} run, or a single {@code -Dit.test=...} run, leaves one report.
 */
final class ReliabilityReport {

  static final Path OUT = Path.of("target", "reliability");

  /** One scenario: runs counts attempts (each hostile input is one run). */
  record Entry(String name, int runs, int failures, int lost, String notes, String at) {
    Entry(String name, int runs, int failures, int lost, String notes) {
      this(name, runs, failures, lost, notes, Instant.now().toString());
    }
  }

  /** Merges under a file lock: scenario classes may run in parallel JVMs. */
  static synchronized void merge(List<Entry> entries) throws Exception {
    Files.createDirectories(OUT);
    try (java.nio.channels.FileChannel lock = java.nio.channels.FileChannel.open(
        OUT.resolve("report.lock"), java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.WRITE); var held = lock.lock()) {
      mergeLocked(entries);
    }
  }

  private static void mergeLocked(List<Entry> entries) throws Exception {
    Path json = OUT.resolve("report.json");
    Map<String, Entry> all = new LinkedHashMap<>();
    if (Files.exists(json)) {
      for (JsonNode s : Client.JSON.readTree(json.toFile()).path("scenarios")) {
        all.put(s.path("name").asText(), new Entry(s.path("name").asText(),
            s.path("runs").asInt(), s.path("failures").asInt(), s.path("lost").asInt(),
            s.path("notes").asText(), s.path("at").asText("")));
      }
    }
    for (Entry entry : entries) {
      all.put(entry.name(), entry);
    }
    List<Entry> scenarios = new ArrayList<>(all.values());
    Files.writeString(json, Client.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(Map.of("scenarios", scenarios)));
    StringBuilder md = new StringBuilder("# Reliability report\n\n"
        + "| scenario | runs | failures | lost | notes | at |\n|---|---|---|---|---|---|\n");
    for (Entry s : scenarios) {
      md.append("| ").append(s.name()).append(" | ").append(s.runs()).append(" | ")
          .append(s.failures()).append(" | ").append(s.lost()).append(" | ")
          .append(s.notes().replace("|", "/")).append(" | ").append(s.at()).append(" |\n");
    }
    Files.writeString(OUT.resolve("report.md"), md.toString(), StandardCharsets.UTF_8);
  }

  private ReliabilityReport() {}
}
