package vn.khcn.workflow.identity;

import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The person behind the current /api request, read from the Spring Security context (HTTP Basic
 * against Camunda's users; authorities are the user's Camunda group ids).
 */
@Component
public class CurrentUser {

  private final ActorResolver actors;

  CurrentUser(ActorResolver actors) {
    this.actors = actors;
  }

  /** The Camunda user id; throws when the request is not authenticated. */
  public String userId() {
    return authentication().getName();
  }

  /** The user's Camunda group ids. */
  public Set<String> groupIds() {
    return groupIds(authentication());
  }

  /** The Camunda group ids of an authenticated request (its authorities). */
  public static Set<String> groupIds(Authentication authentication) {
    return authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .collect(Collectors.toUnmodifiableSet());
  }

  public boolean hasGroup(String groupId) {
    return groupIds().contains(groupId);
  }

  /** "Nguyễn Thị Thu Hà" (first name, then last name); the user id when no name is recorded. */
  public String fullName() {
    return fullName(userId());
  }

  /**
   * Full name of any user, for trails and views; the id itself when unknown or unnamed. Kept for
   * a few minutes, as every recorded step's actor ({@link ActorResolver}).
   */
  public String fullName(String userId) {
    return actors.of(userId).fullName();
  }

  static String fullName(User user, String fallback) {
    if (user == null) {
      return fallback;
    }
    String first = user.getFirstName() == null ? "" : user.getFirstName().trim();
    String last = user.getLastName() == null ? "" : user.getLastName().trim();
    String name = (first + " " + last).trim();
    return name.isEmpty() ? fallback : name;
  }

  private static Authentication authentication() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken) {
      throw new AuthenticationCredentialsNotFoundException("No authenticated user");
    }
    return authentication;
  }
}
