package vn.khcn.workflow.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import vn.khcn.workflow.identity.EngineAuthentication;

/**
 * One HTTP session for our pages, /api and the Camunda webapps (ADR 0006). Our login stores the
 * Camunda webapps' {@link UserAuthentication} for the default engine next to Spring's security
 * context, built like Camunda's own login resource does (groups, tenants, the applications the
 * user may open), so Tasklist, Cockpit and Admin take the person as logged in; the other way
 * round, {@link CamundaSessionBridgeFilter} reads it back for our chains.
 */
final class SharedSession {

  private SharedSession() {}

  /** Our login's success: the webapps' authentication stored, then the saved request or "/". */
  static AuthenticationSuccessHandler loginSuccessHandler(ProcessEngine engine) {
    return new SavedRequestAwareAuthenticationSuccessHandler() {
      @Override
      public void onAuthenticationSuccess(HttpServletRequest request,
          HttpServletResponse response, Authentication authentication)
          throws ServletException, IOException {
        logInWebapps(request, authentication, engine);
        super.onAuthenticationSuccess(request, response, authentication);
      }
    };
  }

  /** After our /login: the same person logged into the webapps, in the (renewed) session. */
  static void logInWebapps(HttpServletRequest request, Authentication authentication,
      ProcessEngine engine) {
    IdentityService identityService = engine.getIdentityService();
    String userId = authentication.getName();
    List<String> groupIds = authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority).toList();
    UserAuthentication webapps = EngineAuthentication.withoutAuthentication(identityService,
        () -> AuthenticationUtil.createAuthentication(engine, userId, groupIds,
            AuthenticationUtil.getTenantsOfUser(engine, userId)));
    HttpSession session = request.getSession();
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    authentications.addOrReplace(webapps);
    AuthenticationUtil.updateSession(session, authentications);
  }

  /** The user the webapps' login put in the session for the engine, if any. */
  static String webappUser(HttpServletRequest request, String engineName) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    org.camunda.bpm.webapp.impl.security.auth.Authentication found =
        authentications.getAuthenticationForProcessEngine(engineName);
    return found instanceof UserAuthentication user ? user.getIdentityId() : null;
  }
}
