package vn.khcn.workflow.dispatch;

import java.util.Set;
import vn.khcn.workflow.identity.Groups;

/** The person reading documents: may they see classified ones, and which units are theirs. */
public record Viewer(String userId, Set<String> groups) {

  /** The registry and the directors see every classified document; units only those assigned. */
  boolean seesAllClassified() {
    return groups.contains(Groups.VAN_THU) || groups.contains(Groups.LANH_DAO);
  }

  /** The registry, the directors and the Office print and sign the registers (PDF papers). */
  boolean keepsRegisters() {
    return groups.contains(Groups.VAN_THU) || groups.contains(Groups.LANH_DAO)
        || groups.contains(Groups.VAN_PHONG);
  }

  boolean isStaff() {
    return groups.stream().anyMatch(Groups.STAFF::contains);
  }
}
