package vn.khcn.workflow.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * target/bench/results.json and results.md, shared by the bench classes: each run reads what an
 * earlier one wrote, replaces only its own keys (inside a group that two classes share, such as
 * {@code documents}, only its own keys of that group) and writes both files again, so whichever
 * runs last keeps the other's figures.
 */
final class BenchResults {

  static final Path OUT = Path.of("target", "bench");
  private static final ObjectMapper JSON = new ObjectMapper();

  private BenchResults() {}

  static synchronized String merge(Map<String, Object> mine) throws Exception {
    Files.createDirectories(OUT);
    Path json = OUT.resolve("results.json");
    Map<String, Object> all = new LinkedHashMap<>();
    if (Files.exists(json)) {
      try {
        all.putAll(JSON.readValue(json.toFile(), new TypeReference<Map<String, Object>>() {}));
      } catch (Exception unreadable) {
        // a broken file from an interrupted run: start again from this run's figures
      }
    }
    mine.forEach((key, value) -> {
      if (value instanceof Map<?, ?> group && all.get(key) instanceof Map<?, ?> earlier) {
        Map<Object, Object> merged = new LinkedHashMap<>(earlier);
        merged.putAll(group);
        all.put(key, merged);
      } else {
        all.put(key, value);
      }
    });
    Files.writeString(json, JSON.copy().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(all));
    StringBuilder md = new StringBuilder("# Benchmark results\n\n| measure | value |\n|---|---|\n");
    BenchmarkIT.flatten("", all, md);
    Files.writeString(OUT.resolve("results.md"), md.toString());
    return md.toString();
  }
}
