package vn.khcn.workflow.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.ConflictException;
import vn.khcn.workflow.shared.web.InvalidInputException;

/**
 * The regime folder is watched like the models: a new or changed file is deployed through the
 * validating {@link RuleRegimes#deploy}; files already there at start-up and unchanged files are
 * left alone; a refused file (invalid, or a change to a bound code) is logged, never fatal.
 */
class RuleRegimeWatcherTest {

  @TempDir Path processes;
  final RuleRegimes regimes = mock(RuleRegimes.class);
  final Clock clock = Clock.fixed(Instant.parse("2026-12-02T03:00:00Z"), ZoneOffset.UTC);

  RuleRegimeWatcher watcher() throws Exception {
    Files.createDirectories(processes.resolve(RuleRegimeDeployer.FOLDER));
    return new RuleRegimeWatcher(regimes, processes.toString(), clock);
  }

  Path write(String name, String content, long stamp) throws Exception {
    Path file = processes.resolve(RuleRegimeDeployer.FOLDER).resolve(name);
    Files.writeString(file, content);
    Files.setLastModifiedTime(file, FileTime.fromMillis(stamp));
    return file;
  }

  @Test
  void aChangedOrNewFileIsDeployedAndAnUnchangedOneIsNot() throws Exception {
    RuleRegimeWatcher watcher = watcher();
    write("TT20-2023.json", "{\"code\":\"TT20-2023\"}", 1_000);
    watcher.poll();
    verify(regimes, never()).deploy(any(), any(), any());

    write("TT20-2023.json", "{\"code\":\"TT20-2023\",\"x\":1}", 2_000);
    write("HN-2026.json", "{\"code\":\"HN-2026\"}", 2_000);
    when(regimes.deploy(any(), eq("watcher"), eq(clock.instant())))
        .thenReturn(RuleRegimes.Outcome.DEPLOYED);
    watcher.poll();
    verify(regimes, times(2)).deploy(any(), eq("watcher"), eq(clock.instant()));
    verify(regimes).deploy("{\"code\":\"HN-2026\"}".getBytes(), "watcher", clock.instant());

    watcher.poll();
    verify(regimes, times(2)).deploy(any(), any(), any());
  }

  @Test
  void aRefusedFileIsLoggedAndTheWatcherGoesOn() throws Exception {
    RuleRegimeWatcher watcher = watcher();
    Path bad = write("BAD.json", "{", 1_000);
    when(regimes.deploy(any(), any(), any()))
        .thenThrow(new InvalidInputException(List.of(new FieldError("file", "không phải JSON"))))
        .thenThrow(new ConflictException("Bộ quy định đang áp dụng", Map.of()));
    assertThat(watcher.deploy(bad)).isNull();
    assertThat(watcher.deploy(bad)).as("a bound code changed: refused").isNull();
    assertThat(watcher.fingerprint()).containsOnlyKeys("BAD.json");
  }
}
