package vn.khcn.workflow.shared.tx;

import jakarta.persistence.EntityManagerFactory;
import java.util.HashMap;
import java.util.Map;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Values read once and remembered for the rest of one transaction (ADR 0047, 0049): bound to the
 * transaction's persistence context (Spring's holder of it) and dropped when the transaction
 * ends. A transaction started inside another ({@code REQUIRES_NEW}) and code outside a
 * transaction remember nothing: they read afresh each time.
 *
 * @param <K> what a value is remembered by (a document's id)
 * @param <V> the value
 */
public final class TransactionMemo<K, V> {

  private final EntityManagerFactory entities;

  public TransactionMemo(EntityManagerFactory entities) {
    this.entities = entities;
  }

  /**
   * This transaction's values, made on first use; null outside a transaction and in a transaction
   * started inside the one that made them (its persistence context is another).
   */
  public Map<K, V> values() {
    Object context = TransactionSynchronizationManager.getResource(entities);
    if (context == null || !TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    if (TransactionSynchronizationManager.getResource(this) instanceof Bound<?, ?> bound) {
      @SuppressWarnings("unchecked")
      Map<K, V> values = (Map<K, V>) bound.values();
      return bound.context() == context ? values : null;
    }
    Bound<K, V> bound = new Bound<>(context, new HashMap<>());
    TransactionSynchronizationManager.bindResource(this, bound);
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(TransactionMemo.this);
      }
    });
    return bound.values();
  }

  /**
   * Forgets the value remembered by {@code key} in this thread's transaction, and in the one it
   * was started inside: the next read reads afresh.
   */
  public void forget(K key) {
    if (TransactionSynchronizationManager.getResource(this) instanceof Bound<?, ?> bound) {
      bound.values().remove(key);
    }
  }

  private record Bound<K, V>(Object context, Map<K, V> values) {}
}
