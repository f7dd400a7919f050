package vn.khcn.workflow.outgoing;

import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.identity.Actor;

/**
 * Sending an issued document (the model's last service task). This version only records that
 * the document waits to be sent; the sending itself (mail, edXML outbox, paper) replaces it.
 */
@Service
public class OutgoingSending {

  private final OutgoingTrailRepository trail;
  private final Clock clock;

  OutgoingSending(OutgoingTrailRepository trail, Clock clock) {
    this.trail = trail;
    this.clock = clock;
  }

  @Transactional
  public void send(long documentId) {
    trail.save(new OutgoingTrailEntry(documentId, clock.instant(), Actor.SYSTEM,
        OutgoingTrailEntry.Action.AWAITING_SENDING, "Đã phát hành, chờ gửi"));
  }
}
