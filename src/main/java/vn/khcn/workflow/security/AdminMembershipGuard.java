package vn.khcn.workflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.khcn.workflow.identity.EngineAuthentication;
import vn.khcn.workflow.identity.Groups;

/**
 * CVE-2026-77226 mitigation, part 2: camunda-admin is never left empty. On the engine REST API and
 * the webapps' engine API, refuses with 409 a DELETE of the group, of the last member's
 * membership, or of the user who is its last member.
 */
final class AdminMembershipGuard extends OncePerRequestFilter {

  static final Pattern IDENTITY_PATH = Pattern.compile(
      "^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)"
          + "/(user|group)/([^/]+)(?:/members/([^/]+))?/?$");

  private final IdentityService identityService;
  private final SecurityErrorResponses errors;

  AdminMembershipGuard(IdentityService identityService, SecurityErrorResponses errors) {
    this.identityService = identityService;
    this.errors = errors;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"DELETE".equals(request.getMethod());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    Matcher matcher = IDENTITY_PATH.matcher(TaskQueryExpressionGuard.pathOf(request));
    if (matcher.matches() && wouldEmptyAdminGroup(matcher)) {
      errors.write(request, response, 409, "Conflict",
          "Không thể thực hiện: nhóm \"" + Groups.nameOf(Groups.CAMUNDA_ADMIN)
              + "\" (camunda-admin) phải luôn còn ít nhất một thành viên.");
      return;
    }
    chain.doFilter(request, response);
  }

  private boolean wouldEmptyAdminGroup(Matcher matcher) {
    String kind = matcher.group(1);
    // the path is already decoded (servlet path plus path info)
    String id = matcher.group(2);
    String member = matcher.group(3);
    if ("group".equals(kind)) {
      if (!Groups.CAMUNDA_ADMIN.equals(id)) {
        return false;
      }
      return member == null || isLastAdmin(member);
    }
    return member == null && isLastAdmin(id);
  }

  private boolean isLastAdmin(String userId) {
    return EngineAuthentication.withoutAuthentication(identityService, () -> {
      boolean isAdmin = identityService.createUserQuery()
          .userId(userId).memberOfGroup(Groups.CAMUNDA_ADMIN).count() > 0;
      return isAdmin
          && identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count() <= 1;
    });
  }
}
