package vn.khcn.workflow.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.identity.ActorResolver;
import vn.khcn.workflow.identity.Actor;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.shared.web.NotFoundException;

/**
 * Informed units (để biết) acknowledge a document: "đã xem", by a member of the unit, once (a
 * second mark changes nothing and answers the first). The trail says who and when.
 */
@Service
public class InformedAcknowledgements {

  /** The acknowledgement of one unit. */
  public record Seen(String unit, String unitName, String seenBy, String seenByName,
      Instant seenAt) {}

  private final InformedAcknowledgementRepository acknowledgements;
  private final AssignmentRepository assignments;
  private final TrailRepository trail;
  private final ActorResolver actors;
  private final Clock clock;

  InformedAcknowledgements(InformedAcknowledgementRepository acknowledgements,
      AssignmentRepository assignments, TrailRepository trail, ActorResolver actors,
      Clock clock) {
    this.acknowledgements = acknowledgements;
    this.assignments = assignments;
    this.trail = trail;
    this.actors = actors;
    this.clock = clock;
  }

  /**
   * Marks the document seen by the unit: 404 when the unit is not informed of it, 403 when the
   * user is not a member of the unit. Idempotent: the first mark stays.
   */
  @Transactional
  public Seen markSeen(long documentId, String unit, String userId, Set<String> groups) {
    boolean informed = assignments.findByDocumentIdOrderByIdAsc(documentId).stream()
        .anyMatch(a -> a.getUnitId().equals(unit) && a.getRole() == AssignmentRole.INFORMED);
    if (!informed) {
      throw new NotFoundException("Văn bản " + documentId + " không gửi " + Groups.nameOf(unit)
          + " để biết");
    }
    if (!groups.contains(unit)) {
      throw new AccessDeniedException("Chỉ cán bộ của " + Groups.nameOf(unit)
          + " được đánh dấu đã xem.");
    }
    InformedAcknowledgement.Key key = new InformedAcknowledgement.Key(documentId, unit);
    InformedAcknowledgement existing = acknowledgements.findById(key).orElse(null);
    if (existing != null) {
      return view(existing);
    }
    Actor actor = actors.of(userId);
    // as stored (microseconds), so the first answer and a repeated one say the same time
    Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    InformedAcknowledgement seen;
    try {
      seen = acknowledgements.saveAndFlush(new InformedAcknowledgement(documentId, unit,
          userId, actor.fullName(), now));
    } catch (DataIntegrityViolationException concurrent) {
      // a colleague marked it at the same moment: theirs is the unit's mark
      throw new vn.khcn.workflow.shared.web.ConflictException(
          "Đơn vị vừa được đánh dấu đã xem; tải lại trang.", Map.of("unit", unit));
    }
    trail.save(new TrailEntry(documentId, now, actor, TrailAction.SEEN, unit, null,
        "Đã xem văn bản (đơn vị để biết)"));
    return view(seen);
  }

  /** The units that marked the document seen, by unit id. */
  @Transactional(readOnly = true)
  public Map<String, Seen> of(long documentId) {
    Map<String, Seen> byUnit = new LinkedHashMap<>();
    acknowledgements.findByDocumentId(documentId).forEach(a -> byUnit.put(a.getUnitId(), view(a)));
    return byUnit;
  }

  /** As a list, for the API. */
  @Transactional(readOnly = true)
  public List<Seen> list(long documentId) {
    return List.copyOf(of(documentId).values());
  }

  private static Seen view(InformedAcknowledgement a) {
    return new Seen(a.getUnitId(), Groups.nameOf(a.getUnitId()), a.getSeenBy(),
        a.getSeenByName(), a.getSeenAt());
  }
}
