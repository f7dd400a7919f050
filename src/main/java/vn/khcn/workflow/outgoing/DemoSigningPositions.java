package vn.khcn.workflow.outgoing;

import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.identity.DemoUsers;
import vn.khcn.workflow.identity.Groups;

/**
 * The demo directors' positions (profiles demo and test only, after {@link DemoUsers}): giamdoc
 * is the Director; phogiamdoc the Deputy Director in charge of the professional divisions
 * (science management, technology management, planning and finance); the Office stays with the
 * Director. Only when no position is recorded yet, so an administrator's changes stay.
 */
@Component
@Order(DemoUsers.ORDER + 1)
@ConditionalOnProperty(name = "khcn.demo.users", havingValue = "true")
class DemoSigningPositions implements ApplicationRunner {

  static final String DIRECTOR = "giamdoc";
  static final String DEPUTY = "phogiamdoc";
  static final List<String> DEPUTY_UNITS = List.of(Groups.PHONG_QLKH, Groups.PHONG_QLCN,
      Groups.PHONG_KHTC);

  private final SigningPositions positions;

  DemoSigningPositions(SigningPositions positions) {
    this.positions = positions;
  }

  @Override
  public void run(ApplicationArguments args) {
    seed(positions);
  }

  /** The demo positions (tests put them back with this after changing them). */
  static void seed(SigningPositions positions) {
    if (positions.all().isEmpty()) {
      positions.put(DIRECTOR, "DIRECTOR", List.of(), List.of(), "demo");
      positions.put(DEPUTY, "DEPUTY", DEPUTY_UNITS, List.of(), "demo");
    }
  }
}
