package vn.khcn.workflow.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * /api and /engine-rest: a request with an Authorization header is HTTP Basic only (its own
 * credentials, no session, no CSRF); without one, the browser session of our login (or the
 * webapps' login, see {@link CamundaSessionBridgeFilter}) is read. Nothing is ever written to a
 * session here: these paths never create one.
 */
final class ApiSecurityContextRepository implements SecurityContextRepository {

  private final HttpSessionSecurityContextRepository session;
  private final RequestAttributeSecurityContextRepository request =
      new RequestAttributeSecurityContextRepository();

  ApiSecurityContextRepository() {
    session = new HttpSessionSecurityContextRepository();
    session.setAllowSessionCreation(false);
  }

  static boolean basic(HttpServletRequest request) {
    return request.getHeader("Authorization") != null;
  }

  @Override
  @Deprecated
  public SecurityContext loadContext(HttpRequestResponseHolder holder) {
    return loadDeferredContext(holder.getRequest()).get();
  }

  @Override
  public org.springframework.security.core.context.DeferredSecurityContext loadDeferredContext(
      HttpServletRequest http) {
    return basic(http) ? request.loadDeferredContext(http) : session.loadDeferredContext(http);
  }

  @Override
  public void saveContext(SecurityContext context, HttpServletRequest http,
      HttpServletResponse response) {
    request.saveContext(context, http, response);
  }

  @Override
  public boolean containsContext(HttpServletRequest http) {
    return basic(http) ? request.containsContext(http) : session.containsContext(http);
  }

  /** Writes by session need the CSRF token; Basic and anonymous requests do not. */
  static boolean needsCsrfToken(HttpServletRequest http) {
    String method = http.getMethod();
    boolean safe = "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)
        || "TRACE".equals(method);
    return !safe && !basic(http) && http.getRequestedSessionId() != null
        && http.isRequestedSessionIdValid();
  }
}
