package vn.khcn.workflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.khcn.workflow.identity.EngineAuthentication;

/**
 * A person who logged in through the Camunda webapps (Tasklist's login form) is logged in for our
 * pages and /api too: when the session holds the webapps' authentication for the default engine
 * but no Spring security context, this establishes one with the user's groups as authorities
 * (the same as {@link CamundaAuthenticationProvider} gives) and keeps it in the session. Requests
 * carrying an Authorization header are left to HTTP Basic.
 */
final class CamundaSessionBridgeFilter extends OncePerRequestFilter {

  static final String ENGINE = "default";

  private final IdentityService identityService;
  private final HttpSessionSecurityContextRepository sessionContexts =
      new HttpSessionSecurityContextRepository();

  CamundaSessionBridgeFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    Authentication current = SecurityContextHolder.getContext().getAuthentication();
    if ((current == null || current instanceof AnonymousAuthenticationToken)
        && request.getHeader("Authorization") == null) {
      String userId = SharedSession.webappUser(request, ENGINE);
      if (userId != null && exists(userId)) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(userId, null,
            CamundaAuthenticationProvider.authorities(identityService, userId)));
        SecurityContextHolder.setContext(context);
        sessionContexts.saveContext(context, request, response);
      }
    }
    chain.doFilter(request, response);
  }

  private boolean exists(String userId) {
    return EngineAuthentication.withoutAuthentication(identityService,
        () -> identityService.createUserQuery().userId(userId).count() == 1);
  }
}
