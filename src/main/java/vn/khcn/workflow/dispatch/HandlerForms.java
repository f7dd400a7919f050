package vn.khcn.workflow.dispatch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.identity.ActorResolver;
import vn.khcn.workflow.identity.EngineAuthentication;
import vn.khcn.workflow.identity.UnitLeaders;

/**
 * The small form on the document page where a unit head or deputy names (or names again) the
 * handler of the unit's work: one per unit the signed-in person leads, while the head's task or
 * the handler's task is open. Called from the template as {@code @handlerForms}.
 */
@Component("handlerForms")
public class HandlerForms {

  /** One unit's form: its members to choose from and the latest deadline allowed. */
  public record HandlerForm(String unit, String unitName, List<Member> members, LocalDate today,
      LocalDate latest, String handler, boolean reassign) {}

  /** A member of the unit: login and full name. */
  public record Member(String id, String name) {}

  private final UnitLeaders leaders;
  private final HandlerAssignmentService service;
  private final IdentityService identityService;
  private final ActorResolver actors;
  private final java.time.Clock clock;

  HandlerForms(UnitLeaders leaders, HandlerAssignmentService service,
      IdentityService identityService, ActorResolver actors, java.time.Clock clock) {
    this.actors = actors;
    this.leaders = leaders;
    this.service = service;
    this.identityService = identityService;
    this.clock = clock;
  }

  /** The forms for the signed-in person on this document (usually none). */
  public List<HandlerForm> forCurrentUser(DocumentDetails document) {
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    if (user == null || document.processInstanceId() == null) {
      return List.of();
    }
    Set<String> led = Set.copyOf(leaders.unitsLedBy(user.getName()));
    List<HandlerForm> forms = new ArrayList<>();
    for (DocumentDetails.AssignmentView a : document.assignments()) {
      if (!led.contains(a.unit()) || a.role() == AssignmentRole.INFORMED
          || a.completedAt() != null
          || service.openTask(document.processInstanceId(), a.unit()).isEmpty()) {
        continue;
      }
      forms.add(new HandlerForm(a.unit(), a.unitName(), members(a.unit()), LocalDate.now(clock),
          a.dueDate() == null ? null : LocalDate.ofInstant(a.dueDate(), clock.getZone()),
          a.handler(), a.handler() != null));
    }
    return forms;
  }

  private List<Member> members(String unit) {
    return EngineAuthentication.withoutAuthentication(identityService,
        () -> identityService.createUserQuery().memberOfGroup(unit).list()).stream()
        .map(u -> new Member(u.getId(), actors.of(u.getId()).fullName()))
        .sorted(Comparator.comparing(Member::name)).toList();
  }
}
