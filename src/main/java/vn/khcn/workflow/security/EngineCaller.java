package vn.khcn.workflow.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.khcn.workflow.identity.Groups;

/**
 * Who calls the engine's API: on /engine-rest the HTTP Basic user of Spring Security's context;
 * on the webapps' /camunda/api/engine/engine/{name} the user the webapp's session login stored
 * for that engine (as Camunda's own AuthenticationFilter reads it). Null when nobody is logged in.
 *
 * @param relativePath the path after the engine prefix, e.g. "/task/42/claim"
 */
record EngineCaller(String userId, Set<String> groupIds, String relativePath) {

  /** The engine REST API and the webapps' engine API, with the engine name where given. */
  static final Pattern ENGINE_PATH = Pattern.compile(
      "^(?:/engine-rest(?:/engine/([^/]+))?|/camunda/api/engine/engine/([^/]+))(/.*)$");

  boolean admin() {
    return groupIds.contains(Groups.CAMUNDA_ADMIN);
  }

  /** The path within the engine API, or null when the request is not for it. */
  static String relativePath(HttpServletRequest request) {
    Matcher matcher = ENGINE_PATH.matcher(TaskQueryExpressionGuard.pathOf(request));
    return matcher.matches() ? matcher.group(3) : null;
  }

  /** The caller of an engine API request; null for an anonymous one or another path. */
  static EngineCaller of(HttpServletRequest request) {
    Matcher matcher = ENGINE_PATH.matcher(TaskQueryExpressionGuard.pathOf(request));
    if (!matcher.matches()) {
      return null;
    }
    String webappEngine = matcher.group(2);
    if (webappEngine == null) {
      Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
      if (authentication == null || !authentication.isAuthenticated()
          || authentication instanceof AnonymousAuthenticationToken) {
        return null;
      }
      return new EngineCaller(authentication.getName(), authentication.getAuthorities().stream()
          .map(GrantedAuthority::getAuthority).collect(java.util.stream.Collectors.toSet()),
          matcher.group(3));
    }
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null
        || !(authentications.getAuthenticationForProcessEngine(webappEngine)
            instanceof UserAuthentication user)) {
      return null;
    }
    List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    return new EngineCaller(user.getIdentityId(), Set.copyOf(groups), matcher.group(3));
  }
}
