package vn.khcn.workflow.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.dispatch.BenchRegistrations;
import vn.khcn.workflow.dispatch.RegisteredDocument;
import vn.khcn.workflow.dispatch.RegistrationService;
import vn.khcn.workflow.identity.Actor;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.shared.tx.AfterCommitExecutor;

/**
 * A document registered on paper is looked up for an edXML package once: the first claim of its
 * task finds none, and its later task events are not reported at all, its id not even read from
 * the instance (ADR 0037, 0045).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class InteropProgressPaperTest {

  @Autowired RegistrationService registration;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired InteropProgress progress;
  @Autowired AfterCommitExecutor afterCommit;

  @Test
  void aPaperDocumentIsRememberedAfterItsFirstTaskEvent() {
    RegisteredDocument doc = BenchRegistrations.register(registration,
        "PAPER-" + System.nanoTime() + "/KH", LocalDate.now(), new Actor("vanthu", "Văn thư"));
    assertThat(progress.knownPaper(doc.processInstanceId())).as("nothing looked up yet").isFalse();

    Task direction = tasks.createTaskQuery().processInstanceId(doc.processInstanceId())
        .singleResult();
    identity.setAuthentication("giamdoc", List.of(Groups.LANH_DAO));
    try {
      tasks.claim(direction.getId(), "giamdoc");
    } finally {
      identity.clearAuthentication();
    }
    assertThat(afterCommit.awaitIdle(Duration.ofSeconds(30))).isTrue();
    assertThat(progress.knownPaper(doc.processInstanceId())).isTrue();
  }
}
