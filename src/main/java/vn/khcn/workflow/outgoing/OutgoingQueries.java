package vn.khcn.workflow.outgoing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.dispatch.ReplyTargets;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.outgoing.OutgoingViews.Details;
import vn.khcn.workflow.outgoing.OutgoingViews.RegisterRow;
import vn.khcn.workflow.outgoing.OutgoingViews.Summary;
import vn.khcn.workflow.outgoing.OutgoingViews.TrailView;
import vn.khcn.workflow.outgoing.OutgoingViews.VersionView;
import vn.khcn.workflow.shared.web.NotFoundException;

/** The read side of outgoing documents: who may read what, details, lists, the register. */
@Service
@Transactional(readOnly = true)
class OutgoingQueries {

  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  /** Which documents a list shows. */
  enum Scope { MINE, UNIT, ALL }

  private final OutgoingDocumentRepository documents;
  private final BodyVersionRepository versions;
  private final OutgoingTrailRepository trail;
  private final ReplyTargets replyTargets;
  private final DeliveryRepository deliveries;
  private final OpinionRequestRepository requests;
  private final OutgoingOpinionRepository opinions;
  private final OpinionFileRepository opinionFiles;

  OutgoingQueries(OutgoingDocumentRepository documents, BodyVersionRepository versions,
      OutgoingTrailRepository trail, ReplyTargets replyTargets, DeliveryRepository deliveries,
      OpinionRequestRepository requests, OutgoingOpinionRepository opinions,
      OpinionFileRepository opinionFiles) {
    this.requests = requests;
    this.opinions = opinions;
    this.opinionFiles = opinionFiles;
    this.documents = documents;
    this.versions = versions;
    this.trail = trail;
    this.replyTargets = replyTargets;
    this.deliveries = deliveries;
  }

  static NotFoundException notFound(long id) {
    return new NotFoundException("Không có văn bản đi số " + id);
  }

  /** 403 unless the reader may read the document. */
  void checkRead(OutgoingDocument document, Reader reader) {
    if (!reader.canRead(document) && !asked(document, reader)) {
      throw new AccessDeniedException("Bạn không thuộc đơn vị soạn thảo văn bản này");
    }
  }

  /** A party asked for its opinion reads the draft it comments on (ADR 0026). */
  private boolean asked(OutgoingDocument document, Reader reader) {
    return reader.isStaff() && requests.findByDocumentIdOrderByRoundNoAscIdAsc(document.getId())
        .stream().anyMatch(r -> r.asks(reader.userId(), reader.groups()));
  }

  OutgoingDocument readable(long id, Reader reader) {
    OutgoingDocument document = documents.findById(id).orElseThrow(() -> notFound(id));
    checkRead(document, reader);
    return document;
  }

  Details details(long id, Reader reader) {
    OutgoingDocument d = readable(id, reader);
    List<VersionView> versionViews = versions.infos(id).stream()
        .map(v -> new VersionView(v.id(), v.versionNo(), v.fileName(), v.contentType(),
            v.sizeBytes(), v.sha256(), v.changeNote(), v.uploadedBy(), v.uploadedByName(),
            v.uploadedAt(), "/api/outgoing-documents/" + id + "/versions/" + v.id()))
        .toList();
    List<TrailView> trailViews = trail.findByDocumentIdOrderByOccurredAtAscIdAsc(id).stream()
        .map(t -> new TrailView(t.getOccurredAt(), t.getActor(), t.getActorName(),
            t.getAction().name(), t.getAction().label(), t.getComment()))
        .toList();
    ReplyTargets.ReplyTarget reply = d.getReplyToId() == null ? null
        : replyTargets.visible(d.getReplyToId(), reader.userId(), reader.groups()).orElse(null);
    return new Details(d.getId(), d.getStatus().name(), d.getStatus().label(),
        d.getDocumentType(), d.getSummary(), d.getRecipients(), d.getCopyTo(),
        d.getProposedSigner(), d.getUrgency().name(), d.getUrgency().label(),
        d.getClassification().name(), d.getClassification().label(), reply, d.getDrafter(),
        d.getDrafterName(), d.getUnitId(), Groups.nameOf(d.getUnitId()), d.getCreatedAt(),
        d.getSignedBy(), d.getSignedByName(),
        d.getAuthority() == null ? null : d.getAuthority().mark(), d.getSignedAt(),
        d.getNumber(), d.getNumberSymbol(), d.getSeries(), d.getYear(), d.getIssuedOn(),
        d.getIssuedBy(), d.getIssuedAt(), versionViews, trailViews, d.getAddresses(),
        deliveries.findByDocumentIdOrderByIdAsc(id).stream().map(OutgoingQueries::view).toList(),
        d.getRelation() == null ? null : d.getRelation().name(),
        d.getRelation() == null ? null : d.getRelation().label(),
        d.getRelatedId() == null ? null : link(d.getRelatedId(), null),
        d.getReplacedById() == null ? null
            : link(d.getReplacedById(), OutgoingDocument.Relation.REPLACES),
        documents.findByRelatedIdOrderByIdAsc(id).stream()
            .map(f -> link(f, f.getRelation())).toList(),
        d.getRecalledAt(), d.getRecalledBy(), d.getRecallReason(), d.isDigitallySigned(),
        OpinionTable.requests(requests.findByDocumentIdOrderByRoundNoAscIdAsc(id)),
        opinions(id), d.getSigningTitle());
  }

  /** The document's opinions with their files, oldest first. */
  List<OutgoingViews.OpinionView> opinions(long id) {
    return OpinionTable.opinions(id, requests.findByDocumentIdOrderByRoundNoAscIdAsc(id),
        opinions.findByDocumentIdOrderByAnsweredAtAscIdAsc(id), opinionFiles);
  }

  private OutgoingViews.Link link(long id, OutgoingDocument.Relation relation) {
    return documents.findById(id).map(d -> link(d, relation)).orElse(null);
  }

  private static OutgoingViews.Link link(OutgoingDocument d, OutgoingDocument.Relation relation) {
    return new OutgoingViews.Link(d.getId(), relation == null ? null : relation.name(),
        relation == null ? null : relation.label(), d.getStatus().name(), d.getStatus().label(),
        d.getNumberSymbol(), "/api/outgoing-documents/" + d.getId());
  }

  private static OutgoingViews.DeliveryView view(Delivery v) {
    return new OutgoingViews.DeliveryView(v.getId(), v.getPurpose().name(),
        v.getPurpose().label(), v.getRecipient(), v.getChannel().name(), v.getChannel().label(),
        v.getAddress(), v.getStatus().name(), v.getStatus().label(), v.getAttempts(),
        v.getCreatedAt(), v.getAttemptedAt(), v.getDeliveredAt(), v.getFailureReason(),
        v.getPackageFile());
  }

  /** The reader's own drafts, his units' documents, or (registry, directors, Office) all. */
  List<Summary> list(Scope scope, Reader reader) {
    List<OutgoingDocument> found = switch (scope) {
      case MINE -> documents.findTop200ByDrafterOrderByIdDesc(reader.userId());
      case UNIT -> documents.findTop200ByUnitIdInOrderByIdDesc(
          reader.groups().stream().filter(Groups::isUnit).toList());
      case ALL -> reader.keepsRegisters() ? documents.findTop200ByOrderByIdDesc()
          : documents.findTop200ByUnitIdInOrderByIdDesc(
              reader.groups().stream().filter(Groups::isUnit).toList());
    };
    return found.stream().filter(reader::canRead)
        .map(d -> new Summary(d.getId(), d.getStatus().name(), d.getStatus().label(),
            d.getDocumentType(), d.getSummary(), d.getDrafterName(), Groups.nameOf(d.getUnitId()),
            d.getCreatedAt(), d.getNumberSymbol(), d.getIssuedOn()))
        .toList();
  }

  /** A version's file, if the reader may read the document. */
  BodyVersion version(long id, long versionId, Reader reader) {
    readable(id, reader);
    return versions.findByIdAndDocumentId(versionId, id)
        .orElseThrow(() -> new NotFoundException("Không có bản dự thảo " + versionId));
  }

  /**
   * The register's rows from..to (App. IV): the classified series only for the registry and the
   * directors, and then only it; everything else otherwise.
   */
  List<RegisterRow> register(LocalDate from, LocalDate to, boolean classified) {
    List<RegisterRow> rows = new ArrayList<>();
    for (OutgoingDocument d : documents.findIssued(from, to)) {
      if (d.getClassification().isClassified() != classified) {
        continue;
      }
      String signer = (d.getAuthority() == null || d.getAuthority() == SignAuthority.NONE ? ""
          : d.getAuthority().mark() + " ") + d.getSignedByName();
      List<String> sentTo = new ArrayList<>(d.getRecipients());
      sentTo.addAll(d.getCopyTo());
      String notes = d.getClassification().isClassified() ? d.getClassification().label() : "";
      if (d.getUrgency() != vn.khcn.workflow.dispatch.Urgency.NORMAL) {
        notes = (notes.isEmpty() ? "" : notes + "; ") + d.getUrgency().label();
      }
      rows.add(new RegisterRow(d.getNumberSymbol(), DATE.format(d.getIssuedOn()),
          d.getDocumentType() + " – " + d.getSummary(), signer, String.join("; ", sentTo),
          "Văn thư; " + Groups.nameOf(d.getUnitId()) + " (" + d.getDrafterName() + ")",
          sentTo.size(), notes));
    }
    return rows;
  }
}
