package vn.khcn.workflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;

/** Start-up with an empty camunda-admin group: the configured first administrator or a failure. */
class AdminPresenceCheckTest {

  final IdentityService identityService = mock(IdentityService.class, RETURNS_DEEP_STUBS);

  @Test
  void failsStartUpWhenNoAdministratorExistsAndNoneIsConfigured() {
    when(identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count())
        .thenReturn(0L);
    AdminPresenceCheck check = new AdminPresenceCheck(identityService, "", "");
    assertThatThrownBy(() -> check.run(new DefaultApplicationArguments()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ADMIN_USER")
        .hasMessageContaining("ADMIN_PASSWORD");
    verify(identityService, never()).createMembership(org.mockito.ArgumentMatchers.anyString(),
        org.mockito.ArgumentMatchers.anyString());
  }

  @Test
  void createsTheConfiguredAdministratorWhenTheGroupIsEmpty() {
    when(identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count())
        .thenReturn(0L);
    when(identityService.createUserQuery().userId("quantri").singleResult()).thenReturn(null);
    User user = mock(User.class);
    when(identityService.newUser("quantri")).thenReturn(user);
    new AdminPresenceCheck(identityService, "quantri", "mật-khẩu-mạnh")
        .run(new DefaultApplicationArguments());
    verify(user).setPassword("mật-khẩu-mạnh");
    verify(identityService).saveUser(user);
    verify(identityService).createMembership("quantri", Groups.CAMUNDA_ADMIN);
  }

  @Test
  void leavesAnExistingAdministratorAlone() {
    when(identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count())
        .thenReturn(1L);
    new AdminPresenceCheck(identityService, "", "").run(new DefaultApplicationArguments());
    verify(identityService, never()).newUser(org.mockito.ArgumentMatchers.anyString());
    assertThat(AdminPresenceCheck.ORDER).isGreaterThan(DemoUsers.ORDER)
        .isGreaterThan(IdentityBootstrap.ORDER);
  }
}
