package vn.khcn.workflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The engine's authorization checks get the user's groups as given, without the per-command scan
 * of every authorization row (ADR 0037), and decide as before: a grant to one of the groups
 * counts, a group without authorizations adds nothing, a REVOKE still takes away.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AuthorizedGroupsTest {

  @Autowired ProcessEngine engine;
  @Autowired AuthorizationService authorizations;

  @Test
  void theGroupsAreKeptAsGivenAndTheChecksDecideAsBefore() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    List<String> kept = configuration.getCommandExecutorTxRequired().execute(
        (Command<List<String>>) context -> context.getAuthorizationManager()
            .filterAuthenticatedGroupIds(List.of("nhom-khong-quyen", Groups.PHONG_QLKH,
                "nhom-khong-quyen")));
    // the stock manager would drop the group that holds no authorization, after a scan
    assertThat(kept).containsExactly("nhom-khong-quyen", Groups.PHONG_QLKH);

    String resource = "kiem-thu-" + System.nanoTime();
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(Groups.PHONG_QLKH);
    grant.setResource(Resources.TASK);
    grant.setResourceId(resource);
    grant.addPermission(Permissions.READ);
    authorizations.saveAuthorization(grant);
    Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId("cv.khtc");
    revoke.setResource(Resources.TASK);
    revoke.setResourceId(resource);
    revoke.removePermission(Permissions.READ);
    authorizations.saveAuthorization(revoke);
    try {
      assertThat(authorizations.isUserAuthorized("cv.qlkh",
          List.of("nhom-khong-quyen", Groups.PHONG_QLKH), Permissions.READ, Resources.TASK,
          resource)).isTrue();
      assertThat(authorizations.isUserAuthorized("cv.qlkh", List.of("nhom-khong-quyen"),
          Permissions.READ, Resources.TASK, resource)).isFalse();
      assertThat(authorizations.isUserAuthorized("cv.khtc", List.of(Groups.PHONG_QLKH),
          Permissions.READ, Resources.TASK, resource)).as("a user's REVOKE wins").isFalse();
    } finally {
      authorizations.deleteAuthorization(grant.getId());
      authorizations.deleteAuthorization(revoke.getId());
    }
  }
}
