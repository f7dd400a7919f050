package vn.khcn.workflow.interop;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded set of ids, safe between threads; the least recently used are dropped first.
 *
 * @param <K> the ids' type
 */
final class RecentIds<K> {

  private final Map<K, Boolean> ids;

  RecentIds(int capacity) {
    this.ids = new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, Boolean> eldest) {
        return size() > capacity;
      }
    };
  }

  /** Whether the id is in the set; a look-up counts as a use (get, not containsKey). */
  synchronized boolean contains(K id) {
    return ids.get(id) != null;
  }

  synchronized void add(K id) {
    ids.put(id, Boolean.TRUE);
  }

  synchronized int size() {
    return ids.size();
  }
}
