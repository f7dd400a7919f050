package vn.khcn.workflow.outgoing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work that must follow a committed step and never undo it: run once the current transaction
 * has committed (at once without one); a failure is logged, not thrown.
 */
final class AfterCommit {

  private static final Logger LOG = LoggerFactory.getLogger(AfterCommit.class);

  static void run(String what, Runnable action) {
    Runnable guarded = () -> {
      try {
        action.run();
      } catch (RuntimeException e) {
        LOG.error("{} after commit failed", what, e);
      }
    };
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      guarded.run();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        guarded.run();
      }
    });
  }

  private AfterCommit() {}
}
