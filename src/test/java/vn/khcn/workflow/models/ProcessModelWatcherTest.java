package vn.khcn.workflow.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The processes/ watcher on a directory of its own: add, change, refuse, remove. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProcessModelWatcherTest {

  @Autowired RepositoryService repositoryService;
  @Autowired ModelValidator validator;
  @Autowired ModelHistory history;

  @TempDir Path directory;

  long versions(String key) {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count();
  }

  void write(Path file, String content, int secondsAgo) throws IOException {
    Files.writeString(file, content);
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(secondsAgo)));
  }

  @Test
  void changedFilesAreDeployedRefusedOnesAreNotAndRemovalsDeleteNothing() throws IOException {
    ProcessModelDeployer deployer =
        new ProcessModelDeployer(repositoryService, validator, history, directory);
    ProcessModelWatcher watcher = new ProcessModelWatcher(deployer);
    Path file = directory.resolve("watched.bpmn");
    write(file, ModelValidatorTest.process("").replace("test-process", "watched"), 30);
    deployer.deployDirectory(ModelDeployment.Channel.STARTUP);
    watcher.poll(); // baseline
    assertThat(versions("watched")).isEqualTo(1);
    assertThat(deployer.deployDirectory(ModelDeployment.Channel.STARTUP))
        .as("unchanged files deploy nothing").isEmpty();
    assertThat(versions("watched")).isEqualTo(1);

    write(file, ModelValidatorTest.process("    <bpmn:endEvent id=\"end\" />")
        .replace("test-process", "watched"), 20);
    watcher.poll();
    assertThat(versions("watched")).isEqualTo(2);
    assertThat(history.latest(1).get(0).getResult()).isEqualTo(ModelDeployment.Result.DEPLOYED);
    assertThat(history.latest(1).get(0).getChannel()).isEqualTo(ModelDeployment.Channel.WATCHER);

    write(file, ModelValidatorTest.process("    <bpmn:scriptTask id=\"scriptTask_x\" />")
        .replace("test-process", "watched"), 10);
    watcher.poll();
    assertThat(versions("watched")).as("refused: still two versions").isEqualTo(2);
    ModelDeployment refused = history.latest(1).get(0);
    assertThat(refused.getResult()).isEqualTo(ModelDeployment.Result.REFUSED);
    assertThat(refused.getProblems()).contains("scriptTask_x");

    watcher.poll();
    assertThat(history.latest(1).get(0).getId()).as("no change, no new attempt").isEqualTo(refused.getId());

    Files.delete(file);
    watcher.poll();
    assertThat(versions("watched")).as("removing a file deletes nothing").isEqualTo(2);
  }

  @Test
  void aMissingModelDirectoryIsAClearStartupError() {
    Path missing = directory.resolve("khong-co-thu-muc");
    ProcessModelDeployer deployer =
        new ProcessModelDeployer(repositoryService, validator, history, missing);
    assertThatThrownBy(() -> deployer.deployDirectory(ModelDeployment.Channel.STARTUP))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(missing.toAbsolutePath().normalize().toString())
        .hasMessageContaining("PROCESSES_PATH");
  }
}
