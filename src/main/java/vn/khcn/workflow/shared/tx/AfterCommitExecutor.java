package vn.khcn.workflow.shared.tx;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work that must follow a committed step and never undo it (mail and edXML deliveries, a reply
 * recorded on the incoming document, interop statuses; ADR 0033): handed, once the current
 * transaction has completed with a commit, to a small pool of its own, so it never runs on the
 * committing thread — an SMTP timeout does not hold up the request — and never opens a second
 * pool connection while the committing thread still holds its own (Spring releases it only after
 * the completion callbacks). A rolled-back step hands over nothing; without a transaction the
 * work is handed over at once. A failure is logged, never thrown: what it records (a delivery's
 * status, …) is the action's own business.
 */
@Component
public class AfterCommitExecutor implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(AfterCommitExecutor.class);

  private final ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
  private final Object idle = new Object();
  private int inFlight;

  AfterCommitExecutor() {
    pool.setCorePoolSize(2);
    pool.setMaxPoolSize(2);
    pool.setQueueCapacity(10_000);
    pool.setThreadNamePrefix("after-commit-");
    pool.setWaitForTasksToCompleteOnShutdown(true);
    pool.setAwaitTerminationSeconds(30);
    pool.initialize();
  }

  /** Runs {@code action} on the pool once the current transaction has committed. */
  public void run(String what, Runnable action) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      submit(what, action);
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCompletion(int status) {
        if (status == STATUS_COMMITTED) {
          submit(what, action);
        }
      }
    });
  }

  /**
   * Waits until everything handed over so far (and what it handed over in turn) has run; true
   * when idle within the timeout. For an orderly stop and for tests that read what it recorded.
   */
  public boolean awaitIdle(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (idle) {
      while (inFlight > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          idle.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }
  }

  private void submit(String what, Runnable action) {
    synchronized (idle) {
      inFlight++;
    }
    try {
      pool.execute(() -> {
        try {
          action.run();
        } catch (RuntimeException e) {
          LOG.error("{} after commit failed", what, e);
        } finally {
          done();
        }
      });
    } catch (RejectedExecutionException e) {
      done();
      LOG.error("{} after commit not run: the queue is full", what, e);
    }
  }

  private void done() {
    synchronized (idle) {
      inFlight--;
      idle.notifyAll();
    }
  }

  @Override
  public void destroy() {
    pool.shutdown();
  }
}
