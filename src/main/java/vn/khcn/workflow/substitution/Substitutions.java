package vn.khcn.workflow.substitution;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.identity.ActorResolver;
import vn.khcn.workflow.identity.EngineAuthentication;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.identity.Substitutes;
import vn.khcn.workflow.identity.UnitLeaders;
import vn.khcn.workflow.shared.text.TypedText;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.ConflictException;
import vn.khcn.workflow.shared.web.InvalidInputException;
import vn.khcn.workflow.shared.web.NotFoundException;

/**
 * Substitutions (issue #17): who may name whom, and who covers for whom today. A person names
 * their own substitute; a director names one for another director; a unit head or deputy for a
 * member of the unit. The absent person and the substitute are always colleagues: both directors,
 * or both members of one unit, so the group tasks of the absent person are already the
 * substitute's and only the tasks assigned to the absent person need covering. Days are the
 * Department's (its clock's zone, Asia/Ho_Chi_Minh), both included.
 */
@Service
public class Substitutions implements Substitutes {

  static final int MAX_REASON_LENGTH = 500;
  /** A substitution covers at most this many days; a longer absence is a change of post. */
  static final int MAX_DAYS = 366;

  /** What is asked: the absent person (the signed-in user when null) and the substitute. */
  record Request(String absent, String substitute, String from, String to, String reason) {}

  /** A substitution as the API and the page show it. */
  record View(Long id, String absent, String absentName, String substitute,
      String substituteName, LocalDate from, LocalDate to, String reason, String createdBy,
      String createdByName, Instant createdAt, String endedBy, Instant endedAt, boolean active,
      boolean endable) {}

  private final SubstitutionRepository substitutions;
  private final IdentityService identityService;
  private final UnitLeaders unitLeaders;
  private final ActorResolver actors;
  private Clock clock;

  Substitutions(SubstitutionRepository substitutions, IdentityService identityService,
      UnitLeaders unitLeaders, ActorResolver actors, Clock clock) {
    this.substitutions = substitutions;
    this.identityService = identityService;
    this.unitLeaders = unitLeaders;
    this.actors = actors;
    this.clock = clock;
  }

  /** Tests move the Department's day. */
  void useClock(Clock clock) {
    this.clock = clock;
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  Instant now() {
    return clock.instant();
  }

  @Override
  @Transactional(readOnly = true)
  public Set<String> absentCoveredBy(String substitute) {
    if (substitute == null) {
      return Set.of();
    }
    return substitutions.activeFor(substitute, today()).stream()
        .map(Substitution::getAbsentUser).collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Records a substitution. 400 names each field at fault (dates, self, unknown users, reason);
   * 403 when the caller may not name a substitute for that person or the substitute is not the
   * absent person's colleague; 409 when the same cover already exists for some of the days.
   */
  @Transactional
  View create(String caller, Set<String> callerGroups, Request request) {
    String absent = blankToNull(request.absent()) == null ? caller : request.absent().strip();
    String substitute = blankToNull(request.substitute());
    List<FieldError> errors = new ArrayList<>();
    if (!absent.equals(caller) && !exists(absent)) {
      errors.add(new FieldError("absent", "không có người dùng '" + absent + "'"));
    }
    if (substitute == null) {
      errors.add(new FieldError("substitute", "chưa chọn người làm thay"));
    } else if (substitute.equals(absent)) {
      errors.add(new FieldError("substitute", "người làm thay phải là người khác"));
    } else if (!exists(substitute)) {
      errors.add(new FieldError("substitute", "không có người dùng '" + substitute + "'"));
    }
    LocalDate from = day("from", request.from(), errors);
    LocalDate to = day("to", request.to(), errors);
    LocalDate today = today();
    if (from != null && to != null) {
      if (to.isBefore(from)) {
        errors.add(new FieldError("to", "ngày kết thúc trước ngày bắt đầu"));
      } else if (to.isBefore(today)) {
        errors.add(new FieldError("to", "ngày kết thúc đã qua"));
      } else if (from.plusDays(MAX_DAYS - 1L).isBefore(to)) {
        errors.add(new FieldError("to", "một lần làm thay không quá " + MAX_DAYS + " ngày"));
      }
    }
    String reason = TypedText.normalize(request.reason());
    if (reason == null || reason.isEmpty()) {
      errors.add(new FieldError("reason", "chưa nhập lý do vắng mặt"));
    } else if (reason.length() > MAX_REASON_LENGTH) {
      errors.add(new FieldError("reason", "lý do dài quá " + MAX_REASON_LENGTH + " ký tự"));
    } else {
      TypedText.problem(reason).ifPresent(p -> errors.add(new FieldError("reason", "lý do " + p)));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    Set<String> absentGroups = groupsOf(absent);
    Set<String> substituteGroups = groupsOf(substitute);
    if (!absent.equals(caller) && !mayNameFor(caller, callerGroups, absent, absentGroups)) {
      throw new AccessDeniedException("Bạn không được cử người làm thay cho " + name(absent)
          + ": lãnh đạo Sở cử cho lãnh đạo Sở, trưởng đơn vị cử cho cán bộ của đơn vị mình.");
    }
    if (!colleagues(absentGroups, substituteGroups, absent.equals(caller) ? null
        : unitLeaders.unitsLedBy(caller), callerGroups)) {
      throw new AccessDeniedException(name(substitute) + " không thể làm thay " + name(absent)
          + ": người làm thay phải cùng là lãnh đạo Sở hoặc cùng đơn vị.");
    }
    if (!substitutions.overlapping(absent, substitute, from, to).isEmpty()) {
      throw new ConflictException(name(substitute) + " đã được cử làm thay " + name(absent)
          + " trong một số ngày này.", Map.of("absent", absent, "substitute", substitute));
    }
    Substitution saved = substitutions.save(new Substitution(absent, substitute, from, to, reason,
        caller, clock.instant()));
    return view(saved, caller, callerGroups);
  }

  /** Ends a substitution now: its creator or an administrator; 409 when it is already over. */
  @Transactional
  View end(long id, String caller, Set<String> callerGroups) {
    Substitution substitution = substitutions.findById(id).orElseThrow(
        () -> new NotFoundException("Không có lượt làm thay " + id));
    if (!substitution.getCreatedBy().equals(caller)
        && !callerGroups.contains(Groups.CAMUNDA_ADMIN)) {
      throw new AccessDeniedException("Chỉ người đã cử hoặc quản trị hệ thống được kết thúc"
          + " lượt làm thay này.");
    }
    if (substitution.overOn(today())) {
      throw new ConflictException("Lượt làm thay này đã kết thúc.", Map.of("id", id));
    }
    substitution.end(caller, clock.instant());
    return view(substitution, caller, callerGroups);
  }

  /** All substitutions for administrators; otherwise those the caller takes part in. */
  @Transactional(readOnly = true)
  List<View> visibleTo(String caller, Set<String> callerGroups) {
    List<Substitution> found = callerGroups.contains(Groups.CAMUNDA_ADMIN)
        ? substitutions.findAllByOrderByFromDayDescIdDesc()
        : substitutions.involving(caller);
    return found.stream().map(s -> view(s, caller, callerGroups)).toList();
  }

  /** The people the caller may name as absent: themselves, and those they lead or direct with. */
  @Transactional(readOnly = true)
  List<String[]> colleaguesOf(String caller, Set<String> callerGroups) {
    java.util.TreeMap<String, String> people = new java.util.TreeMap<>();
    List<String> groups = new ArrayList<>();
    if (callerGroups.contains(Groups.LANH_DAO)) {
      groups.add(Groups.LANH_DAO);
    }
    groups.addAll(unitLeaders.unitsLedBy(caller));
    callerGroups.stream().filter(Groups::isUnit).forEach(groups::add);
    for (String group : groups) {
      EngineAuthentication.withoutAuthentication(identityService,
          () -> identityService.createUserQuery().memberOfGroup(group).list())
          .forEach(u -> people.put(u.getId(), actors.of(u.getId()).fullName()));
    }
    people.put(caller, actors.of(caller).fullName());
    return people.entrySet().stream().map(e -> new String[] {e.getKey(), e.getValue()}).toList();
  }

  /** A director for a director; a head or deputy for a member of the unit. */
  private boolean mayNameFor(String caller, Set<String> callerGroups, String absent,
      Set<String> absentGroups) {
    if (callerGroups.contains(Groups.LANH_DAO) && absentGroups.contains(Groups.LANH_DAO)) {
      return true;
    }
    return unitLeaders.unitsLedBy(caller).stream().anyMatch(absentGroups::contains);
  }

  /**
   * Both directors, or both members of one unit (of a unit the caller leads, when a head names
   * the substitute for a member).
   */
  private static boolean colleagues(Set<String> absentGroups, Set<String> substituteGroups,
      List<String> ledByCaller, Set<String> callerGroups) {
    if (absentGroups.contains(Groups.LANH_DAO) && substituteGroups.contains(Groups.LANH_DAO)
        && (ledByCaller == null || callerGroups.contains(Groups.LANH_DAO))) {
      return true;
    }
    return Groups.UNITS.stream().anyMatch(unit -> absentGroups.contains(unit)
        && substituteGroups.contains(unit) && (ledByCaller == null || ledByCaller.contains(unit)));
  }

  private View view(Substitution s, String caller, Set<String> callerGroups) {
    LocalDate today = today();
    return new View(s.getId(), s.getAbsentUser(), name(s.getAbsentUser()), s.getSubstituteUser(),
        name(s.getSubstituteUser()), s.getFromDay(), s.getToDay(), s.getReason(),
        s.getCreatedBy(), name(s.getCreatedBy()), s.getCreatedAt(), s.getEndedBy(),
        s.getEndedAt(), s.activeOn(today), !s.overOn(today)
            && (s.getCreatedBy().equals(caller) || callerGroups.contains(Groups.CAMUNDA_ADMIN)));
  }

  private String name(String userId) {
    return actors.of(userId).fullName();
  }

  private boolean exists(String userId) {
    return EngineAuthentication.withoutAuthentication(identityService,
        () -> identityService.createUserQuery().userId(userId).count()) > 0;
  }

  private Set<String> groupsOf(String userId) {
    return EngineAuthentication.withoutAuthentication(identityService,
        () -> identityService.createGroupQuery().groupMember(userId).list()).stream()
        .map(Group::getId).collect(Collectors.toUnmodifiableSet());
  }

  private static LocalDate day(String field, String text, List<FieldError> errors) {
    if (text == null || text.isBlank()) {
      errors.add(new FieldError(field, "chưa nhập ngày (yyyy-MM-dd)"));
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "'" + text + "' không phải là ngày (yyyy-MM-dd)"));
      return null;
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
