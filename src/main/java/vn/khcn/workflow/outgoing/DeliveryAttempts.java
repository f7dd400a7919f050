package vn.khcn.workflow.outgoing;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khcn.workflow.dispatch.Urgency;
import vn.khcn.workflow.interop.OutgoingPackages;
import vn.khcn.workflow.interop.OutgoingPackages.Business;
import vn.khcn.workflow.interop.OutgoingPackages.DocumentPackage;
import vn.khcn.workflow.notify.MailDelivery;
import vn.khcn.workflow.notify.MailDelivery.Mail;
import vn.khcn.workflow.outgoing.Delivery.Channel;
import vn.khcn.workflow.outgoing.Delivery.Purpose;

/**
 * One attempt at one delivery, in a transaction of its own with the delivery's row locked: a
 * delivery no longer pending (sent meanwhile by another call) is left alone. The outcome, with
 * the reason of a failure, is what the document's page shows.
 */
@Component
class DeliveryAttempts {

  private static final Logger LOG = LoggerFactory.getLogger(DeliveryAttempts.class);

  private final DeliveryRepository deliveries;
  private final OutgoingDocumentRepository documents;
  private final BodyVersionRepository versions;
  private final MailDelivery mail;
  private final OutgoingPackages packages;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;

  DeliveryAttempts(DeliveryRepository deliveries, OutgoingDocumentRepository documents,
      BodyVersionRepository versions, MailDelivery mail, OutgoingPackages packages,
      PlatformTransactionManager transactions, Clock clock) {
    this.deliveries = deliveries;
    this.documents = documents;
    this.versions = versions;
    this.mail = mail;
    this.packages = packages;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /** The package's DocumentId for one agency: the same for the document and its recall. */
  static String packageId(long documentId, String organId) {
    return "skhcn-out-" + documentId + "-" + organId;
  }

  void attempt(long deliveryId) {
    ownTransaction.executeWithoutResult(status -> {
      Delivery delivery = deliveries.findForUpdate(deliveryId).orElse(null);
      if (delivery == null || delivery.getStatus() != Delivery.Status.PENDING) {
        return;
      }
      OutgoingDocument document = documents.findById(delivery.getDocumentId()).orElseThrow();
      try {
        if (delivery.getChannel() == Channel.MAIL) {
          Optional<String> failure = mail.send(mailOf(document, delivery));
          if (failure.isPresent()) {
            delivery.failed(clock.instant(), failure.get());
          } else {
            delivery.sent(clock.instant(), null);
          }
        } else if (delivery.getChannel() == Channel.EDXML) {
          String file = delivery.getPurpose() == Purpose.RECALL
              ? packages.writeRecall(packageId(document.getId(), delivery.getAddress()),
                  document.getRecallReason(), document.getRecalledBy())
              : packages.write(packageOf(document, delivery));
          delivery.sent(clock.instant(), file);
        }
      } catch (RuntimeException e) {
        LOG.warn("Delivery {} of outgoing document {} failed", deliveryId, document.getId(), e);
        delivery.failed(clock.instant(), e.getMessage() == null ? e.getClass().getSimpleName()
            : e.getMessage());
      }
      deliveries.save(delivery);
    });
  }

  private Mail mailOf(OutgoingDocument document, Delivery delivery) {
    String title = document.getDocumentType() + " số " + document.getNumberSymbol() + " ngày "
        + OutgoingQueries.DATE.format(document.getIssuedOn());
    if (delivery.getPurpose() == Purpose.RECALL) {
      return new Mail(delivery.getAddress(), "[Thu hồi] " + title,
          "Sở Khoa học và Công nghệ thu hồi " + title + " (" + document.getSummary() + ").\n"
              + "Lý do: " + document.getRecallReason() + "\n"
              + "Đề nghị Quý cơ quan không sử dụng văn bản này.", null, null, null);
    }
    BodyVersion body = issuedPdf(document);
    String text = "Sở Khoa học và Công nghệ gửi " + title + ".\nTrích yếu: "
        + document.getSummary() + "\nNgười ký: " + signer(document) + "\n"
        + (document.getRelation() == OutgoingDocument.Relation.REPLACES
            ? "Văn bản này thay thế văn bản đã gửi trước.\n" : "")
        + "Văn bản kèm theo thư này.";
    return new Mail(delivery.getAddress(), "[Văn bản đi] " + title + " – " + document.getSummary(),
        text, body.getFileName(), body.getContentType(), body.getContent());
  }

  private DocumentPackage packageOf(OutgoingDocument document, Delivery delivery) {
    BodyVersion body = issuedPdf(document);
    String symbol = document.getNumberSymbol();
    int slash = symbol.indexOf('/');
    String number = slash < 0 ? symbol : symbol.substring(0, slash);
    String notation = slash < 0 ? null : symbol.substring(slash + 1);
    boolean replaces = document.getRelation() == OutgoingDocument.Relation.REPLACES;
    String competence = document.getSigningTitle() != null
        ? document.getSigningTitle().replace('\n', ' ')
        : document.getProposedSigner() == null ? null
        : (document.getAuthority() == null || document.getAuthority().mark().isEmpty() ? ""
            : document.getAuthority().mark() + " ") + document.getProposedSigner();
    return new DocumentPackage(packageId(document.getId(), delivery.getAddress()),
        delivery.getAddress(), placeName(delivery.getRecipient()), number, notation,
        document.getIssuedOn(), document.getDocumentType(), document.getSummary(), competence,
        document.getSignedByName(), priority(document.getUrgency()),
        OutgoingSending.deliverable(document).stream().map(DeliveryAttempts::placeName).toList(),
        replaces ? Business.REPLACEMENT : Business.NEW,
        replaces ? packageId(document.getRelatedId(), delivery.getAddress()) : null,
        body.getFileName(), body.getContentType(), body.getContent());
  }

  /**
   * The issued document: its latest version, the PDF signed (ADR 0033); a document signed before
   * that rule with a DOCX body is not sent as if it were the issued document.
   */
  private BodyVersion issuedPdf(OutgoingDocument document) {
    BodyVersion body = versions.findFirstByDocumentIdOrderByVersionNoDesc(document.getId())
        .orElseThrow(() -> new IllegalStateException("văn bản không có tệp nội dung"));
    if (!OutgoingLifecycle.PDF.equals(body.getContentType())) {
      throw new IllegalStateException("văn bản ban hành không phải tệp PDF đã ký ("
          + body.getFileName() + ")");
    }
    return body;
  }

  private static String signer(OutgoingDocument document) {
    if (document.getSigningTitle() != null) {
      return document.getSigningTitle().replace('\n', ' ') + " " + document.getSignedByName();
    }
    return (document.getAuthority() == null || document.getAuthority().mark().isEmpty() ? ""
        : document.getAuthority().mark() + " ") + document.getSignedByName();
  }

  /** "Kính gửi: Sở Tài chính" → "Sở Tài chính". */
  static String placeName(String line) {
    return line.replaceFirst("(?i)^\\s*(kính gửi|nơi nhận)\\s*:\\s*", "").replaceFirst("^-\\s*",
        "").strip();
  }

  private static int priority(Urgency urgency) {
    return List.of(Urgency.values()).indexOf(urgency);
  }
}
