package vn.khcn.workflow.research;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/** The shipped rules regimes read from processes/research-rules, and variants of them for tests. */
final class Regimes {

  static final Path FOLDER = Path.of("processes", RuleRegimeDeployer.FOLDER);

  static byte[] file(String code) {
    try {
      return Files.readAllBytes(FOLDER.resolve(code + ".json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static RuleRegime tt20() {
    return RuleRegimeParser.parse(file("TT20-2023"));
  }

  static RuleRegime l93() {
    return RuleRegimeParser.parse(file("L93-2025"));
  }

  /** {@code base} under another code and date, with some values replaced (Integer or "a/b"). */
  static RuleRegime variant(RuleRegime base, String code, LocalDate from,
      Map<RuleKey, Object> changes) {
    Map<RuleKey, RuleRegime.Value> values = new EnumMap<>(base.values());
    changes.forEach((key, value) -> {
      Object parsed = value;
      if (value instanceof String text) {
        String[] parts = text.split("/");
        parsed = new RuleRegime.Fraction(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
      }
      values.put(key, new RuleRegime.Value(parsed, "test", false, null));
    });
    return new RuleRegime(code, code, from, true, null, "test", base.decisions(), values,
        base.criteria(), base.refund());
  }

  private Regimes() {}
}
