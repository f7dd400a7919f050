package vn.khcn.workflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.shared.process.ProcessDescriptors;

/**
 * The bootstrap learns the processes from the descriptors and the extra grants from the
 * features' {@link FeatureAuthorizations} beans, never from the features' classes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FeatureAuthorizationsTest {

  @Autowired AuthorizationService authorizationService;
  @Autowired ProcessDescriptors processes;
  @Autowired List<FeatureAuthorizations> features;

  boolean granted(String group, Permission permission, Resource resource, String id) {
    return authorizationService.isUserAuthorized("x", List.of(group), permission, resource, id);
  }

  @Test
  void everyDescribedProcessIsReadableByEveryWorkingGroup() {
    assertThat(processes.processKeys()).contains("incoming-directive", "research-task",
        "assignment-council", "midterm-evaluation", "acceptance");
    for (String key : processes.processKeys()) {
      for (String group : Groups.WORKING) {
        assertThat(granted(group, Permissions.READ, Resources.PROCESS_DEFINITION, key))
            .as(group + " reads " + key).isTrue();
      }
    }
  }

  @Test
  void describedDecisionsAreEvaluableByDirectorsAndScienceManagementOnly() {
    assertThat(processes.decisionKeys()).contains("council-verdict", "acceptance-grade");
    for (String key : processes.decisionKeys()) {
      for (String group : Groups.WORKING) {
        boolean expected = Groups.LANH_DAO.equals(group) || Groups.PHONG_QLKH.equals(group);
        assertThat(granted(group, Permissions.CREATE_INSTANCE, Resources.DECISION_DEFINITION,
            key)).as(group + " evaluates " + key).isEqualTo(expected);
      }
    }
  }

  @Test
  void everyGrantAFeatureContributesIsInPlace() {
    assertThat(features).isNotEmpty();
    for (FeatureAuthorizations feature : features) {
      for (FeatureAuthorizations.Grant grant : feature.grants()) {
        for (Permission permission : grant.permissions()) {
          assertThat(granted(grant.groupId(), permission, grant.resource(),
              grant.resourceId())).as(grant.toString()).isTrue();
        }
      }
    }
  }
}
