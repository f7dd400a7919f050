package vn.khcn.workflow.shared.process;

import java.util.function.Supplier;

/**
 * The token a domain service holds while it starts a process (document registration, dossier
 * submission). The engine refuses a start of a domain-started process without it (see
 * {@link ProcessDescriptor#calledOnly()} for processes only a call activity starts), so neither
 * the REST API, Tasklist's "Bắt đầu quy trình" nor an administrator can start one around the
 * domain's checks.
 */
public final class DomainStart {

  private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

  /** Runs the start with the token held; the token is released afterwards. */
  public static <T> T run(Supplier<T> start) {
    Boolean outer = ACTIVE.get();
    ACTIVE.set(Boolean.TRUE);
    try {
      return start.get();
    } finally {
      if (outer == null) {
        ACTIVE.remove();
      }
    }
  }

  /** Whether the current thread is inside {@link #run}. */
  public static boolean active() {
    return Boolean.TRUE.equals(ACTIVE.get());
  }

  private DomainStart() {}
}
