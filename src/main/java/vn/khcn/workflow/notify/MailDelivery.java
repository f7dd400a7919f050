package vn.khcn.workflow.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * One mail to one outside address, sent now, with its outcome: the delivery of an outgoing
 * document (ADR 0027), whose record names the reason of a failure. Unlike
 * {@link Notification}s it is not sent after a commit on another thread: the caller decides
 * when, and records what happened. Failures count in {@code khcn.mail{outcome=failed}}.
 */
@Component
public class MailDelivery {

  /** A mail with an optional attachment (name, content type and bytes, or all null). */
  public record Mail(String to, String subject, String body, String attachmentName,
      String attachmentType, byte[] attachment) {}

  private final ObjectProvider<JavaMailSender> mailSender;
  private final String host;
  private final String from;
  private final Counter sent;
  private final Counter failed;

  MailDelivery(ObjectProvider<JavaMailSender> mailSender,
      @Value("${spring.mail.host:}") String host,
      @Value("${khcn.mail.from:khcn-workflow@localhost}") String from, MeterRegistry meters) {
    this.mailSender = mailSender;
    this.host = host;
    this.from = from;
    // the same meters as the notifications' (same name and tags)
    this.sent = Counter.builder("khcn.mail").tag("outcome", "sent")
        .description("Notification mails handed to the SMTP server").register(meters);
    this.failed = Counter.builder("khcn.mail").tag("outcome", "failed")
        .description("Notification mails the SMTP server refused or could not take")
        .register(meters);
  }

  /** Sends the mail; empty when the SMTP server took it, else why not (Vietnamese). */
  public Optional<String> send(Mail mail) {
    JavaMailSender sender = mailSender.getIfAvailable();
    if (host == null || host.isBlank() || sender == null) {
      failed.increment();
      return Optional.of("chưa cấu hình máy chủ thư (SMTP_HOST)");
    }
    try {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, mail.attachment() != null,
          "UTF-8");
      helper.setFrom(from);
      helper.setTo(mail.to());
      helper.setSubject(mail.subject());
      helper.setText(mail.body(), false);
      if (mail.attachment() != null) {
        helper.addAttachment(mail.attachmentName(), new ByteArrayResource(mail.attachment()),
            mail.attachmentType());
      }
      sender.send(message);
      sent.increment();
      return Optional.empty();
    } catch (MailException | MessagingException e) {
      failed.increment();
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return Optional.of("máy chủ thư không nhận: " + reason);
    }
  }
}
