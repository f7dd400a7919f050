package vn.khcn.workflow.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;


/** Who is acting on the engine right now: the authenticated user, else the task's assignee. */
@Component
public class ActorResolver {

  private final IdentityService identityService;

  public ActorResolver(IdentityService identityService) {
    this.identityService = identityService;
  }

  public Actor current(DelegateTask task) {
    Authentication authentication = identityService.getCurrentAuthentication();
    String userId = authentication != null ? authentication.getUserId() : null;
    if (userId == null && task != null) {
      userId = task.getAssignee();
    }
    return userId == null ? Actor.SYSTEM : of(userId);
  }

  public Actor of(String userId) {
    // names are read as the system: clerks have no READ on other users
    User user = EngineAuthentication.withoutAuthentication(identityService,
        () -> identityService.createUserQuery().userId(userId).singleResult());
    if (user == null) {
      return new Actor(userId, userId);
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).strip();
    return new Actor(userId, name.isEmpty() ? userId : name);
  }
}
