package vn.khcn.workflow.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.khcn.workflow.dispatch.ElectronicRegistry;
import vn.khcn.workflow.identity.Actor;
import vn.khcn.workflow.interop.EdxmlPackage.Organ;

/**
 * Status messages back to a package's sender: recorded once per code in the caller's transaction
 * (and in the document's trail), written as an edXML file to the outbox only once that
 * transaction has committed, so a refused step sends nothing. A connector to a real axis endpoint
 * would read the outbox (ADR 0017).
 */
@Component
class StatusOutbox {

  private static final Logger LOG = LoggerFactory.getLogger(StatusOutbox.class);

  private final StatusMessageRepository messages;
  private final ElectronicRegistry registry;
  private final InteropProperties properties;
  private final Clock clock;
  private final ZoneId zone;

  StatusOutbox(StatusMessageRepository messages, ElectronicRegistry registry,
      InteropProperties properties, Clock clock, @Value("${khcn.time-zone}") ZoneId zone) {
    this.messages = messages;
    this.registry = registry;
    this.properties = properties;
    this.clock = clock;
    this.zone = zone;
  }

  /** Sends the status unless this package already had it; true if sent now. */
  boolean send(ReceivedPackage received, StatusCode code, String description, Actor staff) {
    boolean sent = messages.findByPackageId(received.getId()).stream()
        .anyMatch(m -> m.code() == code);
    if (sent) {
      return false;
    }
    StatusMessage message = messages.saveAndFlush(new StatusMessage(received.getId(), code,
        description, staff.fullName(), clock.instant(), "pending"));
    String fileName = StatusFiles.fileName(message.getId(), code);
    message.named(fileName);
    Organ us = new Organ(
        properties.organId() != null ? properties.organId() : received.getReceiverOrganId(),
        properties.organName() != null ? properties.organName() : received.getReceiverOrganName());
    byte[] xml = StatusFiles.write(received.getEdxmlDocumentId(),
        new Organ(received.getSenderOrganId(), received.getSenderOrganName()), us, code,
        description, staff.fullName(), message.getCreatedAt(), zone);
    if (received.getDocumentId() != null) {
      registry.note(received.getDocumentId(), ElectronicRegistry.Note.STATUS_SENT,
          code.code() + " – " + code.label() + (description == null ? "" : ": " + description),
          staff);
    }
    afterCommit(() -> write(fileName, xml));
    return true;
  }

  private void write(String fileName, byte[] xml) {
    try {
      Files.createDirectories(properties.outbox());
      Path temporary = properties.outbox().resolve(fileName + ".part");
      Files.write(temporary, xml);
      Files.move(temporary, properties.outbox().resolve(fileName),
          StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Status message " + fileName + " could not be written to "
          + properties.outbox(), e);
    }
  }

  /**
   * Runs the action once the current transaction has committed (now, without one). A failure is
   * logged, never thrown: the step it follows has committed and must not look failed to its caller.
   */
  static void afterCommit(Runnable action) {
    Runnable guarded = () -> {
      try {
        action.run();
      } catch (RuntimeException e) {
        LOG.error("Interop status after commit failed", e);
      }
    };
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      guarded.run();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        guarded.run();
      }
    });
  }
}
