package vn.khcn.workflow.research;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.identity.Actor;
import vn.khcn.workflow.notify.Notification;

/**
 * What the four research step services share: loading the entities, the trail, notifications,
 * the council's active members and the Department's dates and amounts as people read them.
 */
@Component
class ResearchRecords {

  private final ResearchTaskRepository tasks;
  private final CouncilRepository councils;
  private final CouncilMemberRepository members;
  private final ResearchTrailRepository trail;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final RuleRegimes regimes;

  ResearchRecords(ResearchTaskRepository tasks, CouncilRepository councils,
      CouncilMemberRepository members, ResearchTrailRepository trail,
      ApplicationEventPublisher events, Clock clock, RuleRegimes regimes) {
    this.regimes = regimes;
    this.tasks = tasks;
    this.councils = councils;
    this.members = members;
    this.trail = trail;
    this.events = events;
    this.clock = clock;
  }

  ResearchTask task(long id) {
    return tasks.findById(id).orElseThrow(() -> new IllegalStateException(
        "Research task " + id + " does not exist"));
  }

  Council council(long id) {
    return councils.findById(id).orElseThrow(() -> new IllegalStateException(
        "Council " + id + " does not exist"));
  }

  /** The rules regime the task is bound to (ADR 0022). */
  RuleRegime rules(ResearchTask task) {
    return regimes.of(task, zone());
  }

  /** The regime in force today, for binding a task at its approval. */
  RuleRegime rulesInForce() {
    return regimes.inForce(today());
  }

  /** The research task a council judges. */
  ResearchTask taskOf(Council council) {
    return task(council.getResearchTaskId());
  }

  List<CouncilMember> activeMembers(long councilId) {
    return members.findByCouncilIdOrderByIdAsc(councilId).stream()
        .filter(CouncilMember::isActive).toList();
  }

  CouncilMember activeMember(long councilId, String username) {
    return activeMembers(councilId).stream().filter(m -> m.getUsername().equals(username))
        .findFirst().orElseThrow(() -> new IllegalStateException(
            username + " is not an active member of council " + councilId));
  }

  /** Why the last meeting of these active members had no quorum, or null. */
  static String quorumProblem(RuleRegime rules, List<CouncilMember> active) {
    Map<String, CouncilRole> roles = new LinkedHashMap<>();
    Set<String> present = new HashSet<>();
    for (CouncilMember m : active) {
      roles.put(m.getUsername(), m.getRole());
      if (Boolean.TRUE.equals(m.getPresent())) {
        present.add(m.getUsername());
      }
    }
    return CouncilRules.quorumProblem(rules, roles, present);
  }

  void log(ResearchTask task, Actor actor, String action, String detail, String taskId) {
    trail.save(new ResearchTrailEntry(task.getId(), clock.instant(), actor, action, detail, taskId));
  }

  void notify(List<String> groups, ResearchTask task, String subject, String body) {
    events.publishEvent(new Notification(groups, "[" + task.getCode() + "] " + subject,
        "Nhiệm vụ " + task.getCode() + ": " + task.getTitle() + "\n\n" + body));
  }

  /**
   * Writes now, inside the asynchronous step, instead of at commit: a database refusal then fails
   * the step itself, so the engine applies the model's retry cycle and raises an incident.
   */
  void flushInStep() {
    tasks.flush();
  }

  Instant now() {
    return clock.instant();
  }

  ZoneId zone() {
    return clock.getZone();
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  /** 17:00, the end of office hours, on that day. */
  Instant endOf(LocalDate day) {
    return day.atTime(17, 0).atZone(zone()).toInstant();
  }

  String date(Instant instant) {
    return ImplementationRules.formatDate(instant.atZone(zone()).toLocalDate());
  }

  /** Case, accents and spacing do not make a different organisation name. */
  static boolean sameOrganisation(String a, String b) {
    return fold(a).equals(fold(b));
  }

  private static String fold(String name) {
    return vn.khcn.workflow.shared.text.SearchText.fold(name).replaceAll("\\s+", " ").strip();
  }

  static String money(Long amount) {
    if (amount == null) {
      return "—";
    }
    return String.format(java.util.Locale.ROOT, "%,d", amount).replace(',', '.') + " đồng";
  }
}
