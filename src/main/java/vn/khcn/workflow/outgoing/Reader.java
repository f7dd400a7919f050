package vn.khcn.workflow.outgoing;

import java.util.Optional;
import java.util.Set;
import vn.khcn.workflow.identity.Groups;

/** The person signed in, as the outgoing rules see him: his groups decide what he may do. */
record Reader(String userId, Set<String> groups) {

  boolean isStaff() {
    return groups.stream().anyMatch(Groups.STAFF::contains);
  }

  /** The drafter's unit: the first Department unit among his groups. */
  Optional<String> unit() {
    return Groups.UNITS.stream().filter(groups::contains).findFirst();
  }

  boolean isDirector() {
    return groups.contains(Groups.LANH_DAO);
  }

  boolean isRegistry() {
    return groups.contains(Groups.VAN_THU);
  }

  /** The registry and the directors see every classified document (as for incoming ones). */
  boolean seesAllClassified() {
    return isDirector() || isRegistry();
  }

  /** The registry, the directors and the Office print the registers. */
  boolean keepsRegisters() {
    return seesAllClassified() || groups.contains(Groups.VAN_PHONG);
  }

  /**
   * Who reads a document: its drafter, his unit, the directors and the registry; the Office too
   * unless it is classified.
   */
  boolean canRead(OutgoingDocument document) {
    if (!isStaff()) {
      return false;
    }
    if (document.getDrafter().equals(userId) || groups.contains(document.getUnitId())
        || seesAllClassified()) {
      return true;
    }
    return !document.getClassification().isClassified() && groups.contains(Groups.VAN_PHONG);
  }
}
