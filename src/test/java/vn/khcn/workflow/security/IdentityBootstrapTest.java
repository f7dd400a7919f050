package vn.khcn.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import vn.khcn.workflow.identity.AdminPresenceCheck;
import vn.khcn.workflow.identity.DemoUsers;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.identity.IdentityBootstrap;
import vn.khcn.workflow.identity.TasklistFilters;

/** Groups, demo users, authorizations and filters exist once, however often the bootstrap runs. */
class IdentityBootstrapTest extends SecurityTestSupport {

  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired FilterService filterService;
  @Autowired IdentityBootstrap identityBootstrap;
  @Autowired DemoUsers demoUsers;
  @Autowired AdminPresenceCheck adminPresenceCheck;

  @Test
  void groupsHaveTheirVietnameseNamesAndTypes() {
    assertThat(identityService.createGroupQuery().groupId(Groups.PHONG_KHTC).singleResult()
        .getName()).isEqualTo("Phòng Kế hoạch – Tài chính");
    for (String groupId : Groups.ALL) {
      var group = identityService.createGroupQuery().groupId(groupId).singleResult();
      assertThat(group.getName()).isEqualTo(Groups.nameOf(groupId));
      assertThat(group.getType())
          .isEqualTo(Groups.CAMUNDA_ADMIN.equals(groupId) ? "SYSTEM" : "WORKFLOW");
    }
  }

  @Test
  void demoUsersExistWithTheirGroupsNamesAndEmails() {
    assertThat(DemoUsers.USERS).hasSize(23);
    for (DemoUsers.DemoUser demo : DemoUsers.USERS) {
      User user = identityService.createUserQuery().userId(demo.id()).singleResult();
      assertThat(user).as(demo.id()).isNotNull();
      assertThat(user.getEmail()).isEqualTo(demo.id() + "@sokhcn.example.vn");
      assertThat(identityService.createUserQuery().userId(demo.id())
          .memberOfGroup(demo.groupId()).count()).as(demo.id()).isEqualTo(1);
      assertThat(identityService.checkPassword(demo.id(), "demo")).isTrue();
    }
    User clerk = identityService.createUserQuery().userId("vanthu").singleResult();
    assertThat(clerk.getFirstName() + " " + clerk.getLastName()).isEqualTo("Nguyễn Thị Thu Hà");
    assertThat(identityService.createUserQuery().memberOfGroup(Groups.HOI_DONG).count())
        .isEqualTo(9);
  }

  @Test
  void eachGroupGetsWhatItsWorkNeedsAndNoMore() {
    for (String groupId : Groups.WORKING) {
      List<String> groups = List.of(groupId);
      assertThat(authorizationService.isUserAuthorized("x", groups, Permissions.ACCESS,
          Resources.APPLICATION, "tasklist")).as(groupId).isTrue();
      assertThat(authorizationService.isUserAuthorized("x", groups, Permissions.ACCESS,
          Resources.APPLICATION, "cockpit")).as(groupId).isFalse();
      assertThat(authorizationService.isUserAuthorized("x", groups, Permissions.ACCESS,
          Resources.APPLICATION, "admin")).as(groupId).isFalse();
      assertThat(authorizationService.isUserAuthorized("x", groups, Permissions.READ,
          Resources.PROCESS_DEFINITION, "incoming-directive")).as(groupId).isTrue();
      assertThat(authorizationService.isUserAuthorized("x", groups, Permissions.CREATE,
          Resources.DEPLOYMENT)).as(groupId).isFalse();
      assertThat(authorizationService.isUserAuthorized("x", groups, Permissions.CREATE,
          Resources.FILTER)).as(groupId).isFalse();
      assertThat(authorizationService.isUserAuthorized("x", groups, Permissions.CREATE,
          Resources.USER)).as(groupId).isFalse();
      boolean clerk = Groups.VAN_THU.equals(groupId);
      assertThat(authorizationService.isUserAuthorized("x", groups, Permissions.CREATE_INSTANCE,
          Resources.PROCESS_DEFINITION, "incoming-directive")).as(groupId).isEqualTo(clerk);
      assertThat(authorizationService.isUserAuthorized("x", groups, Permissions.CREATE,
          Resources.PROCESS_INSTANCE)).as(groupId).isEqualTo(clerk);
    }
    List<String> admins = List.of(Groups.CAMUNDA_ADMIN);
    for (Resources resource : Resources.values()) {
      var grant = authorizationService.createAuthorizationQuery().groupIdIn(admins.get(0))
          .resourceType(resource).resourceId("*").singleResult();
      assertThat(grant).as(resource.name()).isNotNull();
      assertThat(grant.isPermissionGranted(Permissions.ALL)).as(resource.name()).isTrue();
    }
  }

  @Test
  void tasklistFiltersAreSharedAndReadableByWorkingGroups() {
    for (String name : List.of(TasklistFilters.MY_TASKS, TasklistFilters.UNIT_TASKS)) {
      List<Filter> filters = filterService.createFilterQuery().filterName(name).list();
      assertThat(filters).as(name).hasSize(1);
      Filter filter = filters.get(0);
      assertThat(filter.getOwner()).isNull();
      assertThat(filter.getProperties()).containsKeys("description", "priority", "variables");
      assertThat(filter.getProperties().get("variables").toString())
          .contains("incomingNumber", "Số đến", "summary", "Trích yếu", "urgency", "Độ khẩn");
      for (String groupId : Groups.WORKING) {
        assertThat(authorizationService.isUserAuthorized("x", List.of(groupId), Permissions.READ,
            Resources.FILTER, filter.getId())).as(groupId + " " + name).isTrue();
      }
    }
    Filter unit = filterService.createFilterQuery().filterName(TasklistFilters.UNIT_TASKS)
        .singleResult();
    org.camunda.bpm.engine.impl.TaskQueryImpl query = unit.getQuery();
    assertThat(query.getExpressions()).containsEntry("taskCandidateGroupIn",
        "${currentUserGroups()}");
    assertThat(query.isUnassigned()).isTrue();
    Filter mine = filterService.createFilterQuery().filterName(TasklistFilters.MY_TASKS)
        .singleResult();
    assertThat(((org.camunda.bpm.engine.impl.TaskQueryImpl) mine.getQuery()).getExpressions())
        .containsEntry("taskAssignee", "${currentUser()}");
  }

  @Test
  void runningTheBootstrapAgainChangesNothing() {
    long authorizations = authorizationService.createAuthorizationQuery().count();
    long filters = filterService.createFilterQuery().count();
    long users = identityService.createUserQuery().count();
    long groups = identityService.createGroupQuery().count();
    long memberships = identityService.createUserQuery().memberOfGroup(Groups.HOI_DONG).count();
    List<String> filterIds = filterService.createFilterQuery().list().stream()
        .map(Filter::getId).sorted().toList();

    var args = new DefaultApplicationArguments();
    identityBootstrap.run(args);
    demoUsers.run(args);
    adminPresenceCheck.run(args);
    identityBootstrap.run(args);

    assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
    assertThat(filterService.createFilterQuery().count()).isEqualTo(filters);
    assertThat(identityService.createUserQuery().count()).isEqualTo(users);
    assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
    assertThat(identityService.createUserQuery().memberOfGroup(Groups.HOI_DONG).count())
        .isEqualTo(memberships);
    assertThat(filterService.createFilterQuery().list().stream().map(Filter::getId).sorted()
        .toList()).isEqualTo(filterIds);
  }
}
