package vn.khcn.workflow.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.khcn.workflow.identity.EngineAuthentication;

/**
 * Sends {@link Notification}s by mail (Spring Mail, SMTP from the environment; off while SMTP_HOST
 * is empty). Only after the transaction commits, so a rolled-back step sends nothing and a step
 * sends once; on another thread, and a mail failure is logged, never thrown: it cannot undo the
 * workflow step that caused it.
 */
@Component
class MailNotifier {

  private static final Logger LOG = LoggerFactory.getLogger(MailNotifier.class);
  static final int MAX_RECIPIENTS = 500;

  private final ObjectProvider<JavaMailSender> mailSender;
  private final IdentityService identityService;
  private final String host;
  private final String from;
  private final Counter sent;
  private final Counter failed;

  MailNotifier(ObjectProvider<JavaMailSender> mailSender, IdentityService identityService,
      @Value("${spring.mail.host:}") String host,
      @Value("${khcn.mail.from:khcn-workflow@localhost}") String from, MeterRegistry meters) {
    this.mailSender = mailSender;
    this.identityService = identityService;
    this.host = host;
    this.from = from;
    this.sent = Counter.builder("khcn.mail").tag("outcome", "sent")
        .description("Notification mails handed to the SMTP server").register(meters);
    this.failed = Counter.builder("khcn.mail").tag("outcome", "failed")
        .description("Notification mails the SMTP server refused or could not take")
        .register(meters);
  }

  @Async
  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void send(Notification notification) {
    JavaMailSender sender = mailSender.getIfAvailable();
    if (host == null || host.isBlank() || sender == null) {
      LOG.debug("Mail is off (SMTP_HOST unset): {}", notification.subject());
      return;
    }
    Set<String> recipients = recipients(notification);
    if (recipients.isEmpty()) {
      LOG.info("No member with an e-mail address in {} {} for: {}", notification.groups(),
          notification.users(), notification.subject());
      return;
    }
    try {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper mail = new MimeMessageHelper(message, false, "UTF-8");
      mail.setFrom(from);
      mail.setTo(from);
      mail.setBcc(recipients.toArray(String[]::new));
      mail.setSubject(notification.subject());
      mail.setText(notification.body(), false);
      sender.send(message);
      sent.increment();
      LOG.info("Mailed '{}' to {} member(s) of {}", notification.subject(), recipients.size(),
          notification.groups());
    } catch (MailException | MessagingException e) {
      failed.increment();
      LOG.warn("Could not mail '{}' to {}: {}", notification.subject(), notification.groups(),
          e.getMessage());
    }
  }

  private Set<String> recipients(Notification notification) {
    Set<String> emails = new LinkedHashSet<>();
    EngineAuthentication.withoutAuthentication(identityService, () -> {
      for (String group : notification.groups()) {
        for (User user : identityService.createUserQuery().memberOfGroup(group)
            .listPage(0, MAX_RECIPIENTS)) {
          if (user.getEmail() != null && !user.getEmail().isBlank()) {
            emails.add(user.getEmail());
          }
        }
      }
      for (String userId : notification.users()) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (user != null && user.getEmail() != null && !user.getEmail().isBlank()) {
          emails.add(user.getEmail());
        }
      }
      return null;
    });
    return emails;
  }
}
