package vn.khcn.workflow.research;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.shared.web.ConflictException;
import vn.khcn.workflow.shared.web.InvalidInputException;

/**
 * Watches {@code <processes>/research-rules/} while the application runs, as the model watcher
 * watches the models (same switch and interval, ADR 0030): an added or changed regime file is
 * validated and deployed through {@link RuleRegimes#deploy}, so a task keeps the regime it is
 * bound to (a bound code is never changed, only amended with a refund rule it lacked). A refused
 * file is logged and the stored regime stays in use; a removed file removes nothing.
 */
@Component
@ConditionalOnProperty(name = "khcn.processes.watch", havingValue = "true", matchIfMissing = true)
class RuleRegimeWatcher {

  private static final Logger LOG = LoggerFactory.getLogger(RuleRegimeWatcher.class);

  private final RuleRegimes regimes;
  private final Path directory;
  private final Clock clock;
  private Map<String, String> lastSeen;

  RuleRegimeWatcher(RuleRegimes regimes, @Value("${khcn.processes.path:processes}") String path,
      Clock clock) {
    this.regimes = regimes;
    this.directory = Path.of(path).resolve(RuleRegimeDeployer.FOLDER).toAbsolutePath()
        .normalize();
    this.clock = clock;
  }

  @Scheduled(initialDelayString = "${khcn.processes.poll-interval:PT3S}",
      fixedDelayString = "${khcn.processes.poll-interval:PT3S}")
  void poll() {
    Map<String, String> now = fingerprint();
    if (lastSeen == null) {
      lastSeen = now; // the start-up deployment covered what is there
      return;
    }
    Map<String, String> before = lastSeen;
    lastSeen = now;
    for (Map.Entry<String, String> file : now.entrySet()) {
      if (!file.getValue().equals(before.get(file.getKey()))) {
        deploy(directory.resolve(file.getKey()));
      }
    }
  }

  /** Deploys one file; returns the outcome, or null when it was refused (logged). */
  RuleRegimes.Outcome deploy(Path file) {
    try {
      RuleRegimes.Outcome outcome = regimes.deploy(Files.readAllBytes(file), "watcher",
          clock.instant());
      LOG.info("Research rules regime {} changed: {}", file.getFileName(), outcome);
      return outcome;
    } catch (InvalidInputException e) {
      LOG.error("Research rules regime {} refused, the stored regime stays in use: {}",
          file.getFileName(), e.fieldErrors());
    } catch (ConflictException e) {
      LOG.error("Research rules regime {} refused: {}", file.getFileName(), e.getMessage());
    } catch (IOException | RuntimeException e) {
      LOG.error("Research rules regime {} could not be deployed", file.getFileName(), e);
    }
    return null;
  }

  /** Names and size/modification stamps of the regime files. */
  Map<String, String> fingerprint() {
    Map<String, String> stamps = new LinkedHashMap<>();
    if (!Files.isDirectory(directory)) {
      return stamps;
    }
    try (Stream<Path> list = Files.list(directory)) {
      for (Path file : list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted()
          .toList()) {
        stamps.put(file.getFileName().toString(), Files.size(file) + "@"
            + Files.getLastModifiedTime(file).toMillis());
      }
    } catch (IOException e) {
      LOG.warn("Cannot list research rules regimes in {}: {}", directory, e.getMessage());
    }
    return stamps;
  }
}
