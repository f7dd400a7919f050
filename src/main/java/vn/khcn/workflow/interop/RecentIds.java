package vn.khcn.workflow.interop;

import java.util.LinkedHashMap;
import java.util.Map;

/** A bounded set of ids, safe between threads; the least recently used are dropped first. */
final class RecentIds {

  private final Map<Long, Boolean> ids;

  RecentIds(int capacity) {
    this.ids = new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
        return size() > capacity;
      }
    };
  }

  /** Whether the id is in the set; a look-up counts as a use (get, not containsKey). */
  synchronized boolean contains(long id) {
    return ids.get(id) != null;
  }

  synchronized void add(long id) {
    ids.put(id, Boolean.TRUE);
  }

  synchronized int size() {
    return ids.size();
  }
}
