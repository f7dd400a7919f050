package vn.khcn.workflow.identity;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.shared.process.ProcessDescriptors;

/**
 * Creates the Department's groups with their Vietnamese names, the Camunda authorizations each
 * group's work needs, and the shared Tasklist filters. Runs in every profile and is idempotent.
 *
 * <ul>
 *   <li>camunda-admin: ALL on every resource type.
 *   <li>every working group: APPLICATION tasklist ACCESS; READ on the process definitions of
 *       {@link ProcessDescriptors}; READ on the standard Tasklist filters. Work on a task comes
 *       from the engine's default task permission for candidates and assignees
 *       ({@code defaultUserPermissionNameForTask: TASK_WORK}).
 *   <li>lanh-dao and phong-qlkh: READ and CREATE_INSTANCE on the decision tables of
 *       {@link ProcessDescriptors}, to evaluate them through the engine REST API.
 *   <li>whatever a feature adds through its {@link FeatureAuthorizations} bean (e.g. van-thu
 *       starting incoming-directive as the logged-in clerk).
 * </ul>
 * Identity reads the features only through these two interfaces, never their classes.
 * Nobody else gets DEPLOYMENT or FILTER CREATE, Cockpit or Admin.
 */
@Component
@Order(IdentityBootstrap.ORDER)
public class IdentityBootstrap implements ApplicationRunner {

  public static final int ORDER = 10;
  static final String TYPE_WORKFLOW = "WORKFLOW";
  static final String TYPE_SYSTEM = "SYSTEM";
  static final String TASKLIST = "tasklist";

  private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

  private final IdentityService identityService;
  private final CamundaAuthorizations authorizations;
  private final TasklistFilters filters;
  private final ProcessDescriptors processes;
  private final List<FeatureAuthorizations> featureAuthorizations;

  IdentityBootstrap(IdentityService identityService, AuthorizationService authorizationService,
      TasklistFilters filters, ProcessDescriptors processes,
      List<FeatureAuthorizations> featureAuthorizations) {
    this.identityService = identityService;
    this.authorizations = new CamundaAuthorizations(authorizationService);
    this.filters = filters;
    this.processes = processes;
    this.featureAuthorizations = List.copyOf(featureAuthorizations);
  }

  @Override
  public void run(ApplicationArguments args) {
    for (String groupId : Groups.ALL) {
      ensureGroup(groupId);
    }
    for (Resources resource : Resources.values()) {
      authorizations.grant(Groups.CAMUNDA_ADMIN, resource, "*", Permissions.ALL);
    }
    for (String groupId : Groups.WORKING) {
      authorizations.grant(groupId, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
      for (String processKey : processes.processKeys()) {
        authorizations.grant(groupId, Resources.PROCESS_DEFINITION, processKey, Permissions.READ);
      }
    }
    for (String decisionKey : processes.decisionKeys()) {
      for (String groupId : List.of(Groups.LANH_DAO, Groups.PHONG_QLKH)) {
        authorizations.grant(groupId, Resources.DECISION_DEFINITION, decisionKey,
            Permissions.READ, Permissions.CREATE_INSTANCE);
      }
    }
    for (FeatureAuthorizations feature : featureAuthorizations) {
      for (FeatureAuthorizations.Grant grant : feature.grants()) {
        authorizations.grant(grant.groupId(), grant.resource(), grant.resourceId(),
            grant.permissions().toArray(Permission[]::new));
      }
    }
    TasklistFilters.STANDARD.forEach(filters::ensure);
    log.info("Identity bootstrap done: {} groups, authorizations and Tasklist filters in place",
        Groups.ALL.size());
  }

  private void ensureGroup(String groupId) {
    String name = Groups.nameOf(groupId);
    String type = Groups.CAMUNDA_ADMIN.equals(groupId) ? TYPE_SYSTEM : TYPE_WORKFLOW;
    Group group = identityService.createGroupQuery().groupId(groupId).singleResult();
    if (group == null) {
      group = identityService.newGroup(groupId);
    } else if (name.equals(group.getName()) && type.equals(group.getType())) {
      return;
    }
    group.setName(name);
    group.setType(type);
    identityService.saveGroup(group);
  }
}
