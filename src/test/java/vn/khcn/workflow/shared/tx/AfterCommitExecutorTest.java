package vn.khcn.workflow.shared.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * ADR 0033: work after a commit (mail, packages, replies, interop statuses) runs once the
 * transaction has committed, on the pool's own thread, with no transaction of the committing
 * thread around it (so it never takes a second connection while the first is held), and not at
 * all after a rollback.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AfterCommitExecutorTest {

  @Autowired AfterCommitExecutor afterCommit;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void runsAfterTheCommitOnAnotherThreadOutsideTheCommittingTransaction() {
    AtomicInteger runs = new AtomicInteger();
    AtomicReference<String> thread = new AtomicReference<>();
    AtomicBoolean inTransaction = new AtomicBoolean(true);
    AtomicBoolean ranBeforeCommit = new AtomicBoolean();
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      afterCommit.run("test", () -> {
        thread.set(Thread.currentThread().getName());
        inTransaction.set(TransactionSynchronizationManager.isActualTransactionActive());
        runs.incrementAndGet();
      });
      // nothing is handed over while the transaction is open
      assertThat(afterCommit.awaitIdle(Duration.ofMillis(200))).isTrue();
      ranBeforeCommit.set(runs.get() > 0);
    });
    assertThat(afterCommit.awaitIdle(Duration.ofSeconds(10))).isTrue();
    assertThat(ranBeforeCommit).isFalse();
    assertThat(runs).hasValue(1);
    assertThat(thread.get()).startsWith("after-commit-")
        .isNotEqualTo(Thread.currentThread().getName());
    assertThat(inTransaction).as("not inside the committing transaction").isFalse();
  }

  @Test
  void aRolledBackStepHandsNothingOverAndAFailureIsNotThrown() {
    AtomicInteger runs = new AtomicInteger();
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      afterCommit.run("test", runs::incrementAndGet);
      status.setRollbackOnly();
    });
    afterCommit.run("failing", () -> {
      throw new IllegalStateException("SMTP down");
    });
    afterCommit.run("after the failure", runs::incrementAndGet);
    assertThat(afterCommit.awaitIdle(Duration.ofSeconds(10))).isTrue();
    assertThat(runs).as("only the one outside a transaction").hasValue(1);
  }
}
