package vn.khcn.workflow.research;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.identity.Actor;
import vn.khcn.workflow.shared.text.TypedText;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.ConflictException;
import vn.khcn.workflow.shared.web.InvalidInputException;
import vn.khcn.workflow.shared.web.NotFoundException;

/** Lifting a restriction before its end: a director, with a reason, kept on the task's trail. */
@Service
class RestrictionService {

  static final int MAX_REASON = 1000;

  private final RestrictionRepository restrictions;
  private final ResearchTaskRepository tasks;
  private final ResearchTrailRepository trail;
  private final Clock clock;

  RestrictionService(RestrictionRepository restrictions, ResearchTaskRepository tasks,
      ResearchTrailRepository trail, Clock clock) {
    this.restrictions = restrictions;
    this.tasks = tasks;
    this.trail = trail;
    this.clock = clock;
  }

  /**
   * Lifts restriction {@code id}: 400 without a readable reason, 404 when it does not exist, 409
   * when it is already lifted or over. The caller has checked the director's group.
   */
  @Transactional
  public Restriction lift(long id, String reason, Actor actor) {
    String text = TypedText.normalize(reason);
    java.util.Optional<String> unreadable = TypedText.problem(text);
    if (unreadable.isPresent()) {
      throw new InvalidInputException(List.of(new FieldError("reason", "lý do "
          + unreadable.get())));
    }
    if (text == null || text.isBlank()) {
      throw new InvalidInputException(List.of(new FieldError("reason",
          "nêu lý do bỏ hạn chế")));
    }
    if (text.length() > MAX_REASON) {
      throw new InvalidInputException(List.of(new FieldError("reason",
          "lý do dài quá " + MAX_REASON + " ký tự")));
    }
    Restriction restriction = restrictions.lockById(id).orElseThrow(() ->
        new NotFoundException("Không tìm thấy hạn chế số " + id));
    if (!restriction.inForce(LocalDate.now(clock))) {
      throw new ConflictException(restriction.getLiftedAt() != null
          ? "Hạn chế này đã được bỏ trước đó"
          : "Hạn chế này đã hết hạn ngày "
              + ImplementationRules.formatDate(restriction.getUntilDate()),
          Map.of("id", id));
    }
    restriction.lift(actor.userId(), text.strip(), clock.instant());
    tasks.findByCode(restriction.getResearchTaskCode()).ifPresent(task ->
        trail.save(new ResearchTrailEntry(task.getId(), clock.instant(), actor,
            "RESTRICTION_LIFTED", "Bỏ hạn chế đối với " + restriction.getSubject() + ": "
                + text.strip(), null)));
    return restriction;
  }
}
