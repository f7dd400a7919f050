package vn.khcn.workflow.identity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.InvalidInputException;

/**
 * Who leads each unit (Decree 30/2020 Art. 10, 12.1; the processing slip's second part): the head
 * and the deputies, who name a handler for the unit's work. A unit without a head keeps its work
 * as a group task.
 *
 * <p>Every unit task asks who leads its unit, several times (ADR 0037): the table, a few rows, is
 * read whole and kept for {@link #FRESH_NANOS}; {@link #replace} forgets it at once and again
 * when its transaction ends, so this node reads its own change; another node of a cluster sees it
 * within that time.
 */
@Service
public class UnitLeaders {

  /** A unit (group id and Vietnamese name) and its leaders, as the API and pages show them. */
  public record Leadership(String id, String name, String head, List<String> deputies) {}

  /** How long a read of the table is used: 10 seconds. */
  static final long FRESH_NANOS = 10_000_000_000L;

  /** One leader as read, detached from the persistence context. */
  private record Leader(String unit, String userId, UnitLeader.Role role) {}

  /** The whole table by unit, and when it was read. */
  private record Snapshot(Map<String, List<Leader>> byUnit, long readAt) {}

  private final UnitLeaderRepository leaders;
  private final IdentityService identityService;
  /** The clock of {@link #FRESH_NANOS} ({@link System#nanoTime()}; a test's own in tests). */
  private final LongSupplier nanoTime;
  private volatile Snapshot snapshot;

  @Autowired
  UnitLeaders(UnitLeaderRepository leaders, IdentityService identityService) {
    this(leaders, identityService, System::nanoTime);
  }

  UnitLeaders(UnitLeaderRepository leaders, IdentityService identityService,
      LongSupplier nanoTime) {
    this.leaders = leaders;
    this.identityService = identityService;
    this.nanoTime = nanoTime;
  }

  private List<Leader> of(String unit) {
    return current().byUnit().getOrDefault(unit, List.of());
  }

  private Snapshot current() {
    Snapshot read = snapshot;
    if (read == null || nanoTime.getAsLong() - read.readAt() > FRESH_NANOS) {
      long at = nanoTime.getAsLong();
      read = new Snapshot(leaders.findAll().stream()
          .map(l -> new Leader(l.unit(), l.userId(), l.role()))
          .collect(Collectors.groupingBy(Leader::unit)), at);
      snapshot = read;
    }
    return read;
  }

  private void forget() {
    snapshot = null;
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          snapshot = null;
        }
      });
    }
  }

  /** The unit's head, if one is named. */
  public Optional<String> headOf(String unit) {
    return of(unit).stream().filter(l -> l.role() == UnitLeader.Role.HEAD)
        .map(Leader::userId).findFirst();
  }

  /** The unit's deputies, by user id. */
  public List<String> deputiesOf(String unit) {
    return of(unit).stream().filter(l -> l.role() == UnitLeader.Role.DEPUTY)
        .map(Leader::userId).sorted().toList();
  }

  /** Whether the user is the head or a deputy of the unit. */
  public boolean leads(String userId, String unit) {
    return userId != null && of(unit).stream().anyMatch(l -> l.userId().equals(userId));
  }

  /** The units the user heads or is a deputy of. */
  public List<String> unitsLedBy(String userId) {
    return current().byUnit().values().stream().flatMap(List::stream)
        .filter(l -> l.userId().equals(userId)).map(Leader::unit).sorted().toList();
  }

  /** Every unit with its leaders, in the order of {@link Groups#UNITS}. */
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
    forget();
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
