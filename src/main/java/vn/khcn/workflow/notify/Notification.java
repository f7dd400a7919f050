package vn.khcn.workflow.notify;

import java.util.Collection;
import java.util.List;

/**
 * Something people must hear about: sent by mail to the members of the groups and to the named
 * users after the transaction that caused it commits, once. Published with Spring's
 * ApplicationEventPublisher.
 */
public record Notification(Collection<String> groups, Collection<String> users, String subject,
    String body) {

  public Notification {
    groups = List.copyOf(groups);
    users = List.copyOf(users);
  }

  /** To the members of the groups. */
  public Notification(Collection<String> groups, String subject, String body) {
    this(groups, List.of(), subject, body);
  }
}
