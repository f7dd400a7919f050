package vn.khcn.workflow.research;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.shared.web.ConflictException;
import vn.khcn.workflow.shared.web.InvalidInputException;

/**
 * Deploys the rules regimes in {@code <processes>/research-rules/*.json} at start-up, after the
 * models (the regimes name decision tables by version tag) and before any demo data. A refused
 * file stops the start-up, as a refused model does.
 */
@Component
@Order(1)
class RuleRegimeDeployer implements ApplicationRunner {

  static final String FOLDER = "research-rules";
  private static final Logger LOG = LoggerFactory.getLogger(RuleRegimeDeployer.class);

  private final RuleRegimes regimes;
  private final Path directory;
  private final Clock clock;

  RuleRegimeDeployer(RuleRegimes regimes, @Value("${khcn.processes.path:processes}") String path,
      Clock clock) {
    this.regimes = regimes;
    this.directory = Path.of(path).resolve(FOLDER).toAbsolutePath().normalize();
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (Path file : files()) {
      try {
        RuleRegimes.Outcome outcome = regimes.deploy(Files.readAllBytes(file), "system",
            clock.instant());
        LOG.info("Research rules regime {}: {}", file.getFileName(), outcome);
      } catch (InvalidInputException | ConflictException e) {
        throw new IllegalStateException("Research rules regime " + file + " refused: "
            + e.getMessage(), e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    regimes.reload();
  }

  private List<Path> files() {
    if (!Files.isDirectory(directory)) {
      LOG.warn("No research rules regimes in {}", directory);
      return List.of();
    }
    try (Stream<Path> list = Files.list(directory)) {
      return list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
