package vn.khcn.workflow.dispatch;

import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.shared.tx.TransactionMemo;

/**
 * A document's unit assignments as the process steps use them: read once per transaction
 * (ADR 0047). A step and the listener of the task it creates, or a head's review and the unit's
 * result it records, ask for the same assignments within one engine command; the entities are
 * the persistence context's own, so a change one makes the next sees. Assignments are only ever
 * added (never deleted), through {@link #add}, which keeps the transaction's list whole.
 */
@Component
class DocumentAssignments {

  private final AssignmentRepository repository;
  /** This transaction's lists by document. */
  private final TransactionMemo<Long, List<Assignment>> memo;

  DocumentAssignments(AssignmentRepository repository, EntityManagerFactory entities) {
    this.repository = repository;
    this.memo = new TransactionMemo<>(entities);
  }

  /** The document's assignments in the order they were made. */
  List<Assignment> of(long documentId) {
    Map<Long, List<Assignment>> read = read();
    if (read == null) {
      return repository.findByDocumentIdOrderByIdAsc(documentId);
    }
    return read.computeIfAbsent(documentId,
        id -> new ArrayList<>(repository.findByDocumentIdOrderByIdAsc(id)));
  }

  /** The unit's assignment to work on the document (lead or co-ordinating), if any. */
  Optional<Assignment> ofUnit(long documentId, String unit) {
    return of(documentId).stream().filter(a -> a.getUnitId().equals(unit)
        && a.getRole() != AssignmentRole.INFORMED).findFirst();
  }

  /** As {@link #ofUnit}, for a step that cannot run without it. */
  Assignment require(long documentId, String unit) {
    return ofUnit(documentId, unit).orElseThrow(() -> new IllegalStateException(
        "No assignment of " + unit + " on document " + documentId));
  }

  /**
   * Before the document's first direction is recorded: only a direction assigns units, so it has
   * none and this transaction's list starts empty without a read.
   */
  void noneBeforeFirstDirection(IncomingDocument document) {
    if (document.getDirectionAt() == null) {
      noneYet(document.getId());
    }
  }

  /**
   * The document has no assignments yet (its first direction is being recorded): this
   * transaction's list starts empty without a read, and {@link #add} fills it.
   */
  void noneYet(long documentId) {
    Map<Long, List<Assignment>> read = read();
    if (read != null) {
      read.putIfAbsent(documentId, new ArrayList<>());
    }
  }

  /** A new assignment, stored and, when the transaction has read the document's, added to them. */
  Assignment add(Assignment assignment) {
    Assignment saved = repository.save(assignment);
    Map<Long, List<Assignment>> read = read();
    if (read != null && read.containsKey(saved.getDocumentId())) {
      read.get(saved.getDocumentId()).add(saved);
    }
    return saved;
  }

  private Map<Long, List<Assignment>> read() {
    return memo.values();
  }
}
