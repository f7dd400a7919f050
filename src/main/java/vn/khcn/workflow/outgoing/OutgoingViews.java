package vn.khcn.workflow.outgoing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.khcn.workflow.dispatch.ReplyTargets.ReplyTarget;

/** What the API and the pages show of outgoing documents. */
final class OutgoingViews {

  /** One document with its versions and trail; number fields are null until it is numbered. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Details(long id, String status, String statusLabel, String documentType, String summary,
      List<String> recipients, List<String> copyTo, String signer, String urgency,
      String urgencyLabel, String classification, String classificationLabel,
      ReplyTarget replyTo, String drafter, String drafterName, String unitId, String unitName,
      Instant createdAt, String signedBy, String signedByName, String authority,
      Instant signedAt, Integer number, String numberSymbol, String series, Integer year,
      LocalDate issuedOn, String issuedBy, Instant issuedAt, List<VersionView> versions,
      List<TrailView> trail, List<RecipientAddress> addresses, List<DeliveryView> deliveries,
      String relation, String relationLabel, Link related, Link replacedBy, List<Link> followUps,
      Instant recalledAt, String recalledBy, String recallReason, boolean digitallySigned,
      List<OpinionRequestView> opinionRequests, List<OpinionView> opinions,
      String signingTitle) {

    /** "KT. GIÁM ĐỐC – PHÓ GIÁM ĐỐC – Phạm Thị Lan" as the paper prints it (ADR 0032). */
    public String signatureLine() {
      if (signedByName == null) {
        return null;
      }
      if (signingTitle != null) {
        return signingTitle.replace("\n", " – ") + " – " + signedByName;
      }
      return (authority == null || authority.isEmpty() ? "" : authority + " ") + signedByName;
    }
  }

  /** Another outgoing document this one is linked with (replacement, correction letter). */
  record Link(long id, String relation, String relationLabel, String status, String statusLabel,
      String numberSymbol, String url) {}

  /** One delivery to one recipient by one channel, with its outcome (ADR 0027). */
  record DeliveryView(long id, String purpose, String purposeLabel, String recipient,
      String channel, String channelLabel, String address, String status, String statusLabel,
      int attempts, Instant createdAt, Instant attemptedAt, Instant deliveredAt,
      String failureReason, String packageFile) {}

  /** One party asked for its opinion in a round; answeredAt null while it owes the answer. */
  record OpinionRequestView(long id, int round, String partyType, String party, String partyName,
      LocalDate dueDate, String note, Instant askedAt, Instant answeredAt) {}

  /** One opinion with the drafter's consolidation (resolution null until accepted/explained). */
  record OpinionView(long id, Long requestId, String from, String outsideBody,
      Long incomingDocumentId, String position, String positionLabel, String text,
      String answeredBy, String answeredByName, Instant answeredAt, String resolution,
      String resolutionLabel, String explanation, List<FileView> files) {}

  record FileView(long id, String fileName, String url) {}

  /** One body version, without its content (downloaded from url). */
  record VersionView(long id, int versionNo, String fileName, String contentType, long sizeBytes,
      String sha256, String note, String uploadedBy, String uploadedByName, Instant uploadedAt,
      String url) {}

  record TrailView(Instant occurredAt, String actor, String actorName, String action,
      String actionLabel, String comment) {}

  /** One line of a list. */
  record Summary(long id, String status, String statusLabel, String documentType,
      String summary, String drafterName, String unitName, Instant createdAt,
      String numberSymbol, LocalDate issuedOn) {}

  /** One line of the outgoing register (Decree 30/2020 App. IV). */
  record RegisterRow(String numberSymbol, String issuedOn, String typeAndSummary, String signer,
      String recipients, String keptBy, int copies, String notes) {}

  private OutgoingViews() {}
}
