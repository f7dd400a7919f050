package vn.khcn.workflow.identity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.InvalidInputException;

/**
 * Who leads each unit (Decree 30/2020 Art. 10, 12.1; the processing slip's second part): the head
 * and the deputies, who name a handler for the unit's work. A unit without a head keeps its work
 * as a group task.
 */
@Service
public class UnitLeaders {

  /** A unit (group id and Vietnamese name) and its leaders, as the API and pages show them. */
  public record Leadership(String id, String name, String head, List<String> deputies) {}

  private final UnitLeaderRepository leaders;
  private final IdentityService identityService;

  UnitLeaders(UnitLeaderRepository leaders, IdentityService identityService) {
    this.leaders = leaders;
    this.identityService = identityService;
  }

  /** The unit's head, if one is named. */
  @Transactional(readOnly = true)
  public Optional<String> headOf(String unit) {
    return leaders.findByUnit(unit).stream().filter(l -> l.role() == UnitLeader.Role.HEAD)
        .map(UnitLeader::userId).findFirst();
  }

  /** The unit's deputies, by user id. */
  @Transactional(readOnly = true)
  public List<String> deputiesOf(String unit) {
    return leaders.findByUnit(unit).stream().filter(l -> l.role() == UnitLeader.Role.DEPUTY)
        .map(UnitLeader::userId).sorted().toList();
  }

  /** Whether the user is the head or a deputy of the unit. */
  @Transactional(readOnly = true)
  public boolean leads(String userId, String unit) {
    return userId != null && leaders.existsById(new UnitLeader.Key(unit, userId));
  }

  /** The units the user heads or is a deputy of. */
  @Transactional(readOnly = true)
  public List<String> unitsLedBy(String userId) {
    return leaders.findByUserId(userId).stream().map(UnitLeader::unit).sorted().toList();
  }

  /** Every unit with its leaders, in the order of {@link Groups#UNITS}. */
  @Transactional(readOnly = true)
  public List<Leadership> all() {
    List<Leadership> all = new ArrayList<>();
    for (String unit : Groups.UNITS) {
      all.add(new Leadership(unit, Groups.nameOf(unit), headOf(unit).orElse(null),
          deputiesOf(unit)));
    }
    return all;
  }

  /**
   * Replaces the unit's leaders: a head (or none) and deputies, each a member of the unit's group.
   * All or nothing: 400 names every field at fault.
   */
  @Transactional
  public Leadership replace(String unit, String head, List<String> deputies, String changedBy) {
    List<FieldError> errors = new ArrayList<>();
    if (!Groups.isUnit(unit)) {
      errors.add(new FieldError("unit", "'" + unit + "' không phải là một phòng, đơn vị của Sở"));
      throw new InvalidInputException(errors);
    }
    LinkedHashSet<String> deputySet = new LinkedHashSet<>(deputies == null ? List.of() : deputies);
    if (head != null && !head.isBlank()) {
      checkMember("head", head, unit, errors);
      if (deputySet.contains(head)) {
        errors.add(new FieldError("deputies", "'" + head + "' đã là trưởng đơn vị, không thể"
            + " đồng thời là cấp phó"));
      }
    }
    int i = 0;
    for (String deputy : deputySet) {
      checkMember("deputies[" + i++ + "]", deputy, unit, errors);
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    leaders.deleteByUnit(unit);
    leaders.flush();
    if (head != null && !head.isBlank()) {
      leaders.save(new UnitLeader(unit, head, UnitLeader.Role.HEAD, changedBy));
    }
    for (String deputy : deputySet) {
      leaders.save(new UnitLeader(unit, deputy, UnitLeader.Role.DEPUTY, changedBy));
    }
    return new Leadership(unit, Groups.nameOf(unit), blankToNull(head),
        deputySet.stream().sorted(Comparator.naturalOrder()).toList());
  }

  private void checkMember(String field, String userId, String unit, List<FieldError> errors) {
    if (userId == null || userId.isBlank()) {
      errors.add(new FieldError(field, "thiếu tên đăng nhập"));
    } else if (identityService.createUserQuery().userId(userId).memberOfGroup(unit).count() == 0) {
      errors.add(new FieldError(field, "'" + userId + "' không phải là cán bộ của "
          + Groups.nameOf(unit)));
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
