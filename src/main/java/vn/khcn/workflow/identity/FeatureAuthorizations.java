package vn.khcn.workflow.identity;

import java.util.List;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/**
 * Camunda authorizations a feature's work needs beyond what {@link IdentityBootstrap} grants every
 * working group (tasklist access, READ on every process definition a descriptor declares). A
 * feature contributes them as a Spring bean of this type, so identity never names a feature's
 * process keys and the dependency runs from the feature to identity only.
 */
public interface FeatureAuthorizations {

  /** The grants, each idempotent: a permission already granted is not added again. */
  List<Grant> grants();

  /** GRANT of permissions on one resource (id or "*") to one group. */
  record Grant(String groupId, Resource resource, String resourceId, List<Permission> permissions) {

    public Grant {
      permissions = List.copyOf(permissions);
    }

    public static Grant of(String groupId, Resource resource, String resourceId,
        Permission... permissions) {
      return new Grant(groupId, resource, resourceId, List.of(permissions));
    }
  }
}
