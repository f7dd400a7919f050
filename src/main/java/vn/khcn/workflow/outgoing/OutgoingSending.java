package vn.khcn.workflow.outgoing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.identity.Actor;
import vn.khcn.workflow.interop.OutgoingPackages;
import vn.khcn.workflow.outgoing.Delivery.Channel;
import vn.khcn.workflow.outgoing.Delivery.Purpose;
import vn.khcn.workflow.shared.tx.AfterCommitExecutor;
import vn.khcn.workflow.shared.web.ConflictException;

/**
 * Sending an issued document (Decree 30/2020 Art. 18, ADR 0027): one delivery per recipient
 * line and channel — mail to an e-mail address, an edXML package to an agency's id on the axis,
 * the paper copy otherwise (and always for a classified document). The deliveries are recorded
 * in the caller's transaction and attempted once it has committed, off the committing thread
 * (ADR 0033), each in its own transaction with its row locked, so sending twice sends nothing twice and a failure stays on record for
 * the registry to send again.
 */
@Service
public class OutgoingSending {

  private final OutgoingDocumentRepository documents;
  private final DeliveryRepository deliveries;
  private final OutgoingTrailRepository trail;
  private final OutgoingPackages packages;
  private final DeliveryAttempts attempts;
  private final AfterCommitExecutor afterCommit;
  private final Clock clock;

  OutgoingSending(OutgoingDocumentRepository documents, DeliveryRepository deliveries,
      OutgoingTrailRepository trail, OutgoingPackages packages, DeliveryAttempts attempts,
      AfterCommitExecutor afterCommit, Clock clock) {
    this.afterCommit = afterCommit;
    this.documents = documents;
    this.deliveries = deliveries;
    this.trail = trail;
    this.packages = packages;
    this.attempts = attempts;
    this.clock = clock;
  }

  /**
   * Sends an issued document to its recipients, once: the model's last service task. A second
   * call finds the deliveries recorded and sends nothing again (a delivery still pending is
   * attempted).
   */
  @Transactional
  public void send(long documentId) {
    send(documentId, Actor.SYSTEM);
  }

  @Transactional
  List<Delivery> send(long documentId, Actor actor) {
    OutgoingDocument document = documents.findForUpdate(documentId)
        .orElseThrow(() -> OutgoingQueries.notFound(documentId));
    requireIssued(document);
    List<Delivery> existing = deliveries.findByDocumentIdAndPurposeOrderByIdAsc(documentId,
        Purpose.ISSUE);
    if (!existing.isEmpty()) {
      attemptPending(existing);
      return existing;
    }
    List<Delivery> planned = plan(document, Purpose.ISSUE);
    trail.save(new OutgoingTrailEntry(documentId, clock.instant(), actor,
        OutgoingTrailEntry.Action.SENT, summary(planned)));
    attemptPending(planned);
    return planned;
  }

  /** The registry sends the failed (and still pending) deliveries again; 409 unless issued. */
  @Transactional
  List<Delivery> resend(long documentId, Actor clerk, Reader reader) {
    if (!reader.isRegistry()) {
      throw new AccessDeniedException("Chỉ Văn thư gửi văn bản đi");
    }
    OutgoingDocument document = documents.findForUpdate(documentId)
        .orElseThrow(() -> OutgoingQueries.notFound(documentId));
    requireIssued(document);
    List<Delivery> all = deliveries.findByDocumentIdOrderByIdAsc(documentId);
    if (all.stream().noneMatch(d -> d.getPurpose() == Purpose.ISSUE)) {
      return send(documentId, clerk);
    }
    List<Delivery> again = all.stream().filter(Delivery::isRetryable).toList();
    if (again.isEmpty()) {
      throw new ConflictException("Không có nơi nhận nào gửi lỗi để gửi lại",
          Map.of("status", document.getStatus().name()));
    }
    again.forEach(Delivery::retry);
    deliveries.saveAllAndFlush(again);
    trail.save(new OutgoingTrailEntry(documentId, clock.instant(), clerk,
        OutgoingTrailEntry.Action.RESENT, again.size() + " nơi nhận: "
            + String.join("; ", again.stream().map(Delivery::getRecipient).toList())));
    attemptPending(again);
    return again;
  }

  /**
   * The notice of a recall to everyone the document was delivered to, by the same channels
   * (paper stays paper); recorded in the recall's transaction, attempted after it commits.
   */
  List<Delivery> recallNotices(OutgoingDocument document) {
    List<Delivery> notices = new ArrayList<>();
    Instant now = clock.instant();
    for (Delivery sent : deliveries.findByDocumentIdAndPurposeOrderByIdAsc(document.getId(),
        Purpose.ISSUE)) {
      notices.add(new Delivery(document.getId(), Purpose.RECALL, sent.getRecipient(),
          sent.getChannel(), sent.getAddress(), sent.getChannel() == Channel.PAPER
              ? "thông báo thu hồi gửi giấy" : null, now));
    }
    List<Delivery> saved = deliveries.saveAllAndFlush(notices);
    attemptPending(saved);
    return saved;
  }

  private List<Delivery> plan(OutgoingDocument document, Purpose purpose) {
    Instant now = clock.instant();
    List<Delivery> planned = new ArrayList<>();
    List<RecipientAddress> addresses = document.getAddresses();
    for (String line : deliverable(document)) {
      RecipientAddress address = addresses.stream().filter(a -> a.recipient().equals(line))
          .findFirst().orElse(null);
      if (document.getClassification().isClassified()) {
        planned.add(new Delivery(document.getId(), purpose, line, Channel.PAPER, null,
            "văn bản mật: chỉ gửi bản giấy", now));
        continue;
      }
      String organId = address == null ? null : address.organId();
      String email = address == null ? null : address.email();
      if (organId != null && packages.canBuild(organId)) {
        planned.add(new Delivery(document.getId(), purpose, line, Channel.EDXML, organId, null,
            now));
      }
      if (email != null) {
        planned.add(new Delivery(document.getId(), purpose, line, Channel.MAIL, email, null, now));
      }
      if ((organId == null || !packages.canBuild(organId)) && email == null) {
        planned.add(new Delivery(document.getId(), purpose, line, Channel.PAPER, null,
            organId == null ? "không có địa chỉ điện tử" : packages.whyNot(organId), now));
      }
    }
    return deliveries.saveAllAndFlush(planned);
  }

  /** Kính gửi and Nơi nhận, without "Như trên" (the same as Kính gửi) and the file copies. */
  static List<String> deliverable(OutgoingDocument document) {
    List<String> lines = new ArrayList<>(document.getRecipients());
    for (String copy : document.getCopyTo()) {
      String lower = copy.toLowerCase(Locale.ROOT).strip();
      if (!lower.startsWith("như trên") && !lower.startsWith("lưu") && !lines.contains(copy)) {
        lines.add(copy);
      }
    }
    return lines;
  }

  private void attemptPending(List<Delivery> list) {
    List<Long> pending = list.stream().filter(d -> d.getStatus() == Delivery.Status.PENDING)
        .map(Delivery::getId).toList();
    if (!pending.isEmpty()) {
      afterCommit.run("Outgoing delivery", () -> pending.forEach(attempts::attempt));
    }
  }

  private static String summary(List<Delivery> planned) {
    long mail = planned.stream().filter(d -> d.getChannel() == Channel.MAIL).count();
    long edxml = planned.stream().filter(d -> d.getChannel() == Channel.EDXML).count();
    long paper = planned.stream().filter(d -> d.getChannel() == Channel.PAPER).count();
    return planned.stream().map(Delivery::getRecipient).distinct().count() + " nơi nhận: "
        + mail + " thư điện tử, " + edxml + " gói edXML, " + paper + " bản giấy";
  }

  private static void requireIssued(OutgoingDocument document) {
    if (document.getStatus() != OutgoingStatus.ISSUED) {
      throw new ConflictException("Văn bản chưa được cấp số, ban hành: chưa gửi được",
          Map.of("status", document.getStatus().name()));
    }
    if (document.getRecalledAt() != null) {
      throw new ConflictException("Văn bản đã bị thu hồi: không gửi nữa",
          Map.of("status", document.getStatus().name()));
    }
  }
}
