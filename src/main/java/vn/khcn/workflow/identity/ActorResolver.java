package vn.khcn.workflow.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who is acting on the engine right now: the authenticated user, else the task's assignee.
 *
 * <p>Every recorded step names its actor, so the full names are kept for a few minutes instead
 * of one user query per step (the benchmark's SQL count). A renamed user shows under the new
 * name in new trail entries at most {@link #NAME_TTL} later, on every node.
 */
@Component
public class ActorResolver {

  static final Duration NAME_TTL = Duration.ofMinutes(5);
  /** Far more than the Department's staff and council members; beyond it the cache restarts. */
  static final int MAX_NAMES = 10_000;

  private record Cached(Actor actor, Instant until) {}

  private final IdentityService identityService;
  private final Clock clock;
  private final Map<String, Cached> names = new ConcurrentHashMap<>();
  private final java.util.function.Supplier<Substitutes> substitutes;

  public ActorResolver(IdentityService identityService, Clock clock) {
    this(identityService, clock, () -> Substitutes.NONE);
  }

  @org.springframework.beans.factory.annotation.Autowired
  ActorResolver(IdentityService identityService, Clock clock,
      org.springframework.beans.factory.ObjectProvider<Substitutes> substitutes) {
    this(identityService, clock, () -> substitutes.getIfAvailable(() -> Substitutes.NONE));
  }

  private ActorResolver(IdentityService identityService, Clock clock,
      java.util.function.Supplier<Substitutes> substitutes) {
    this.identityService = identityService;
    this.clock = clock;
    this.substitutes = substitutes;
  }

  /**
   * The signed-in user; a substitute acting on the absent person's task is named with both,
   * "Phạm Thị Lan thay Trần Quốc Bảo" (the user id stays the substitute's).
   */
  public Actor current(DelegateTask task) {
    Authentication authentication = identityService.getCurrentAuthentication();
    String userId = authentication != null ? authentication.getUserId() : null;
    if (userId == null && task != null) {
      userId = task.getAssignee();
    }
    if (userId == null) {
      return Actor.SYSTEM;
    }
    Actor actor = of(userId);
    String assignee = task == null ? null : task.getAssignee();
    if (assignee != null && !assignee.equals(userId)
        && substitutes.get().actsFor(userId, assignee)) {
      return new Actor(userId, actor.fullName() + " thay " + of(assignee).fullName());
    }
    return actor;
  }

  public Actor of(String userId) {
    Instant now = clock.instant();
    Cached cached = names.get(userId);
    if (cached != null && now.isBefore(cached.until())) {
      return cached.actor();
    }
    Actor actor = lookUp(userId);
    if (names.size() >= MAX_NAMES) {
      names.clear();
    }
    names.put(userId, new Cached(actor, now.plus(NAME_TTL)));
    return actor;
  }

  private Actor lookUp(String userId) {
    // names are read as the system: clerks have no READ on other users
    User user = EngineAuthentication.withoutAuthentication(identityService,
        () -> identityService.createUserQuery().userId(userId).singleResult());
    return new Actor(userId, CurrentUser.fullName(user, userId));
  }
}
