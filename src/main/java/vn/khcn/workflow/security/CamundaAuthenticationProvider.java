package vn.khcn.workflow.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.identity.EngineAuthentication;

/**
 * Checks HTTP Basic credentials against Camunda's users. Authorities are the user's Camunda group
 * ids as plain strings (no ROLE_ prefix): {@code @PreAuthorize("hasAuthority('van-thu')")}.
 */
@Component
class CamundaAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;

  CamundaAuthenticationProvider(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    String password = credentials == null ? null : credentials.toString();
    if (userId == null || userId.isBlank() || password == null
        || !identityService.checkPassword(userId, password)) {
      throw new BadCredentialsException("Bad credentials");
    }
    List<SimpleGrantedAuthority> authorities = EngineAuthentication.withoutAuthentication(
        identityService,
        () -> identityService.createGroupQuery().groupMember(userId).list().stream()
            .map(Group::getId)
            .map(SimpleGrantedAuthority::new)
            .toList());
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
