package vn.khcn.workflow.filing;

import java.util.Set;
import vn.khcn.workflow.identity.Actor;
import vn.khcn.workflow.identity.Groups;

/** The person signed in as the file rules see him: who he is and his groups. */
record Filer(Actor actor, Set<String> groups) {

  String userId() {
    return actor.userId();
  }

  boolean isDirector() {
    return groups.contains(Groups.LANH_DAO);
  }

  boolean isRegistry() {
    return groups.contains(Groups.VAN_THU);
  }

  /** The Office and the registry draft the year's list of files (Art. 28). */
  boolean draftsPlans() {
    return isRegistry() || groups.contains(Groups.VAN_PHONG);
  }

  boolean memberOf(String unit) {
    return groups.contains(unit);
  }

  /** Directors, the registry and the Office see every file; a unit sees its own. */
  boolean seesAllFiles() {
    return isDirector() || draftsPlans();
  }

  boolean reads(String unit) {
    return seesAllFiles() || memberOf(unit);
  }

  boolean isStaff() {
    return groups.stream().anyMatch(Groups.STAFF::contains);
  }
}
