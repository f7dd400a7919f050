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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khcn.workflow.dispatch.BenchRegistrations;
import vn.khcn.workflow.dispatch.ElectronicRegistry;
import vn.khcn.workflow.dispatch.RegisteredDocument;
import vn.khcn.workflow.dispatch.RegistrationService;
import vn.khcn.workflow.identity.Actor;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.shared.tx.AfterCommitExecutor;

/**
 * A document registered on paper is known as such from its registration on this node: its task
 * events look nothing up (ADR 0049). A node that did not see the registration (another node of a
 * cluster, or this one after a restart) looks for an edXML package once, finds none and then
 * remembers it (ADR 0037), its id not even read from the instance (ADR 0045).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class InteropProgressPaperTest {

  @Autowired RegistrationService registration;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired InteropProgress progress;
  @Autowired AfterCommitExecutor afterCommit;
  @Autowired ReceivedPackageRepository packages;
  @Autowired StatusOutbox outbox;
  @Autowired ElectronicRegistry registry;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void aPaperDocumentIsKnownFromItsRegistration() {
    RegisteredDocument doc = paper();
    assertThat(progress.knownPaper(doc.processInstanceId())).as("nothing looked up").isTrue();

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

  @Test
  void aNodeThatDidNotSeeTheRegistrationLooksItUpOnce() {
    RegisteredDocument doc = paper();
    InteropProgress otherNode = new InteropProgress(packages, outbox, registry, transactions,
        afterCommit);
    assertThat(otherNode.knownPaper(doc.processInstanceId())).isFalse();

    new TransactionTemplate(transactions).executeWithoutResult(
        status -> otherNode.report(doc.id(), doc.processInstanceId(), false));
    assertThat(otherNode.knownPaper(doc.processInstanceId())).as("no package found").isTrue();
  }

  private RegisteredDocument paper() {
    return BenchRegistrations.register(registration, "PAPER-" + System.nanoTime() + "/KH",
        LocalDate.now(), new Actor("vanthu", "Văn thư"));
  }
}
