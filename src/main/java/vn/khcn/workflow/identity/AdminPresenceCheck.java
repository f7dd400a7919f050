package vn.khcn.workflow.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The camunda-admin group is never empty at start-up: when it has no member, the user from
 * {@code khcn.admin.user}/{@code khcn.admin.password} (env ADMIN_USER/ADMIN_PASSWORD) is created
 * (or, if that user exists, made a member); with neither, start-up fails. Runs after
 * {@link DemoUsers}, which provides {@code admin} in the demo and test profiles.
 */
@Component
@Order(AdminPresenceCheck.ORDER)
public class AdminPresenceCheck implements ApplicationRunner {

  public static final int ORDER = 30;

  private static final Logger log = LoggerFactory.getLogger(AdminPresenceCheck.class);

  private final IdentityService identityService;
  private final String adminUser;
  private final String adminPassword;

  AdminPresenceCheck(IdentityService identityService,
      @Value("${khcn.admin.user:}") String adminUser,
      @Value("${khcn.admin.password:}") String adminPassword) {
    this.identityService = identityService;
    this.adminUser = adminUser == null ? "" : adminUser.trim();
    this.adminPassword = adminPassword == null ? "" : adminPassword;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count() > 0) {
      return;
    }
    if (adminUser.isEmpty() || adminPassword.isBlank()) {
      throw new IllegalStateException("The group " + Groups.CAMUNDA_ADMIN + " has no member and no"
          + " first administrator is configured: set the environment variables ADMIN_USER and"
          + " ADMIN_PASSWORD (properties khcn.admin.user / khcn.admin.password) and start again.");
    }
    User user = identityService.createUserQuery().userId(adminUser).singleResult();
    if (user == null) {
      user = identityService.newUser(adminUser);
      user.setFirstName("Quản trị");
      user.setLastName("hệ thống");
      user.setPassword(adminPassword);
      identityService.saveUser(user);
      log.info("Created the first administrator '{}' from ADMIN_USER", adminUser);
    } else {
      log.warn("User '{}' exists already; made a member of {} with its current password",
          adminUser, Groups.CAMUNDA_ADMIN);
    }
    identityService.createMembership(adminUser, Groups.CAMUNDA_ADMIN);
  }
}
