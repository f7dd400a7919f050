package vn.khcn.workflow.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.identity.EngineAuthentication;

/**
 * Checks HTTP Basic credentials against Camunda's users. Authorities are the user's Camunda group
 * ids as plain strings (no ROLE_ prefix): {@code @PreAuthorize("hasAuthority('van-thu')")}.
 */
@Component
class CamundaAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;
  private final LoginThrottle throttle;

  CamundaAuthenticationProvider(IdentityService identityService, LoginThrottle throttle) {
    this.identityService = identityService;
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    String password = credentials == null ? null : credentials.toString();
    String client = client(authentication);
    java.time.Instant blocked = throttle.blockedUntil(client, userId);
    if (blocked != null) {
      throw new LoginThrottledException(blocked);
    }
    if (userId == null || userId.isBlank() || password == null
        || !identityService.checkPassword(userId, password)) {
      throttle.failed(client, userId);
      throw new BadCredentialsException("Bad credentials");
    }
    throttle.succeeded(client, userId);
    return UsernamePasswordAuthenticationToken.authenticated(userId, null,
        authorities(identityService, userId));
  }

  /** The user's Camunda group ids as authorities (no ROLE_ prefix), read as the system. */
  static List<SimpleGrantedAuthority> authorities(IdentityService identityService, String userId) {
    return EngineAuthentication.withoutAuthentication(identityService,
        () -> identityService.createGroupQuery().groupMember(userId).list().stream()
            .map(Group::getId)
            .map(SimpleGrantedAuthority::new)
            .toList());
  }

  /** The remote address Spring Security recorded for HTTP Basic and the login form. */
  static String client(Authentication authentication) {
    return authentication.getDetails() instanceof WebAuthenticationDetails details
        ? details.getRemoteAddress() : "?";
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
