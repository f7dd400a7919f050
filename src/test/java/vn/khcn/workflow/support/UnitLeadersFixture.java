package vn.khcn.workflow.support;

import java.util.List;
import vn.khcn.workflow.identity.DemoUsers;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.identity.UnitLeaders;

/**
 * The demo units all have a head, so their work starts with the head's "Phân công xử lý". Tests of
 * the unit's group task (a unit without a head) remove the leaders before and put the demo
 * leaders back after, so the tests sharing the Spring context see the demo state.
 */
public final class UnitLeadersFixture {

  /** Removes the leaders of every unit: each unit's work is a group task, as without a head. */
  public static void withoutLeaders(UnitLeaders leaders) {
    for (String unit : Groups.UNITS) {
      leaders.replace(unit, null, List.of(), "test");
    }
  }

  /** The demo leaders, as DemoUsers seeds them. */
  public static void demoLeaders(UnitLeaders leaders) {
    for (List<String> unit : DemoUsers.LEADERS) {
      leaders.replace(unit.get(0), unit.get(1), unit.subList(2, unit.size()), "test");
    }
  }

  private UnitLeadersFixture() {}
}
