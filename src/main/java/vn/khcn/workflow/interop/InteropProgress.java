package vn.khcn.workflow.interop;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khcn.workflow.dispatch.ElectronicRegistry;
import vn.khcn.workflow.dispatch.ElectronicRegistry.Milestones;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess;
import vn.khcn.workflow.dispatch.IncomingRegistered;
import vn.khcn.workflow.identity.Actor;
import vn.khcn.workflow.shared.tx.AfterCommitExecutor;

/**
 * Statuses 04 (assigned), 05 (in progress) and 06 (done) for documents registered from a package,
 * driven by the real process without touching its model: the engine's task events (published to
 * Spring, ADR 0010) say when something happened in an incoming-directive instance; once that
 * transaction has committed, on the after-commit pool (ADR 0033: no second connection while the
 * committing one is held), the document's trail says how far it has come (direction given,
 * archived) and a unit's task claimed or completed says a unit has started. Each status is sent
 * once, in order.
 */
@Component
class InteropProgress {

  private final ReceivedPackageRepository packages;
  private final StatusOutbox outbox;
  private final ElectronicRegistry registry;
  private final TransactionTemplate transaction;
  private final AfterCommitExecutor afterCommit;
  /**
   * Process instances of documents registered on paper here, or found without a package: their
   * tasks' events need no look-up (ADR 0037, 0049), not even of the document's id (ADR 0045).
   */
  private final RecentIds<String> paper = new RecentIds<>(PAPER_REMEMBERED);

  /** Paper documents remembered at most (the least recently seen are forgotten first). */
  static final int PAPER_REMEMBERED = 20_000;

  InteropProgress(ReceivedPackageRepository packages, StatusOutbox outbox,
      ElectronicRegistry registry, PlatformTransactionManager transactions,
      AfterCommitExecutor afterCommit) {
    this.afterCommit = afterCommit;
    this.packages = packages;
    this.outbox = outbox;
    this.registry = registry;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** A document registered on paper on this node: its tasks' events are not reported. */
  @EventListener
  void on(IncomingRegistered registered) {
    if (!registered.electronic()) {
      paper.add(registered.processInstanceId());
    }
  }

  @EventListener
  void on(DelegateTask task) {
    String event = task.getEventName();
    if (!TaskListener.EVENTNAME_COMPLETE.equals(event)
        && !TaskListener.EVENTNAME_ASSIGNMENT.equals(event)
        || task.getProcessDefinitionId() == null
        || !task.getProcessDefinitionId().startsWith(IncomingDirectiveProcess.KEY + ":")) {
      return;
    }
    String instance = task.getProcessInstanceId();
    if (paper.contains(instance)) {
      return;
    }
    Long documentId = IncomingDirectiveProcess.Vars.DOCUMENT_ID.get(task);
    String key = task.getTaskDefinitionKey();
    boolean unitStarted = !IncomingDirectiveProcess.Tasks.GIVE_DIRECTION.equals(key)
        && !IncomingDirectiveProcess.Tasks.APPROVE_RESULT.equals(key);
    if (documentId != null) {
      // on the after-commit pool: no second connection while the committing one is held
      afterCommit.run("Interop progress of document " + documentId, () -> transaction
          .executeWithoutResult(status -> report(documentId, instance, unitStarted)));
    }
  }

  /** Whether the instance's document is known to be on paper (no look-up needed). */
  boolean knownPaper(String processInstanceId) {
    return paper.contains(processInstanceId);
  }

  /** Sends what the document's progress calls for and was not sent yet. */
  void report(long documentId, String processInstanceId, boolean unitStarted) {
    // locked: reports of the same document on the pool's two threads do not both send a status
    ReceivedPackage received = packages.findByDocumentIdForUpdate(documentId).orElse(null);
    if (received == null) {
      // registered on paper on another node or before a restart: its package, if any, would
      // have been linked when it was registered, before any of its tasks was claimed or
      // completed; it never gets one later
      paper.add(processInstanceId);
      return;
    }
    if (received.getStatus() != PackageStatus.REGISTERED) {
      return; // recalled
    }
    Milestones milestones = registry.milestones(documentId);
    if (milestones.withdrawn()) {
      return;
    }
    if (milestones.directed()) {
      outbox.send(received, StatusCode.ASSIGNED, "Lãnh đạo đã cho ý kiến chỉ đạo, giao đơn vị"
          + " xử lý", Actor.SYSTEM);
    }
    if (milestones.directed() && (unitStarted || milestones.unitReported())) {
      outbox.send(received, StatusCode.IN_PROGRESS, null, Actor.SYSTEM);
    }
    if (milestones.archived()) {
      outbox.send(received, StatusCode.DONE, "Đã xử lý xong, lưu hồ sơ", Actor.SYSTEM);
    }
  }
}
