package vn.khcn.workflow.outgoing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.identity.Actor;
import vn.khcn.workflow.shared.web.ConflictException;

/**
 * The steps after drafting, each a transition of the status the model (ADR 0024) will drive:
 * signing (DRAFT to SIGNED) and numbering with registration and issue (SIGNED to ISSUED).
 */
@Service
class OutgoingLifecycle {

  static final String PDF = "application/pdf";
  /** Why a draft whose latest version is a DOCX cannot be signed (ADR 0033). */
  static final String SIGN_NEEDS_PDF = "Văn bản ký ban hành phải là tệp PDF: bản cuối của dự thảo"
      + " là tệp DOCX. Người soạn thảo tải lên bản PDF cuối cùng (xuất từ bản DOCX đã duyệt)"
      + " trước khi ký";

  private final OutgoingDocumentRepository documents;
  private final BodyVersionRepository versions;
  private final OutgoingTrailRepository trail;
  private final OutgoingNumbering numbering;
  private final OutgoingQueries queries;
  private final OutgoingIssued issued;
  private final SigningRules rules;
  private final Clock clock;

  OutgoingLifecycle(OutgoingDocumentRepository documents, BodyVersionRepository versions,
      OutgoingTrailRepository trail, OutgoingNumbering numbering, OutgoingQueries queries,
      OutgoingIssued issued, SigningRules rules, Clock clock) {
    this.rules = rules;
    this.documents = documents;
    this.versions = versions;
    this.trail = trail;
    this.numbering = numbering;
    this.queries = queries;
    this.issued = issued;
    this.clock = clock;
  }

  /**
   * A director (or, with TL./TUQ., the head of a unit) signs a draft someone else drafted, with
   * the authority the signing rules allow him for this document today (ADR 0032).
   */
  @Transactional
  OutgoingDocument sign(long id, SignAuthority authority, Actor signer, Reader reader) {
    OutgoingDocument document = documents.findForUpdate(id)
        .orElseThrow(() -> OutgoingQueries.notFound(id));
    queries.checkRead(document, reader);
    if (!reader.isDirector() && authority != SignAuthority.TL
        && authority != SignAuthority.TUQ) {
      throw new SigningRefusedException("Chỉ Lãnh đạo Sở ký văn bản đi (người đứng đầu đơn vị"
          + " chỉ ký TL. hoặc TUQ. khi được giao)");
    }
    if (document.getDrafter().equals(reader.userId())) {
      throw new AccessDeniedException("Người soạn thảo không tự ký văn bản mình soạn");
    }
    if (document.getStatus() != OutgoingStatus.DRAFT) {
      throw conflict(document, "Văn bản đã " + document.getStatus().label().toLowerCase()
          + ": không ký lại");
    }
    if (versions.countByDocumentId(id) == 0) {
      throw conflict(document, "Dự thảo chưa có bản nội dung (DOCX hoặc PDF) để ký");
    }
    if (!latestIsPdf(id)) {
      throw conflict(document, SIGN_NEEDS_PDF);
    }
    Instant now = clock.instant();
    String title = rules.titleOrRefuse(signer.userId(), authority, document.getUnitId(),
        document.getDocumentType(), LocalDate.ofInstant(now, clock.getZone()),
        SigningRefusedException::new);
    document.sign(signer, authority, title, now);
    trail.save(new OutgoingTrailEntry(id, now, signer, OutgoingTrailEntry.Action.SIGNED,
        authority == SignAuthority.NONE ? null : "Ký với thẩm quyền " + authority.mark()));
    return document;
  }

  /**
   * The registry numbers a signed document, registers and issues it today (Art. 15-16). The
   * series' counter row is locked last, just before the transaction records the number.
   */
  @Transactional
  OutgoingDocument number(long id, Actor clerk, Reader reader) {
    if (!reader.isRegistry()) {
      throw new AccessDeniedException("Chỉ Văn thư cấp số văn bản đi");
    }
    OutgoingDocument document = documents.findForUpdate(id)
        .orElseThrow(() -> OutgoingQueries.notFound(id));
    queries.checkRead(document, reader);
    if (document.getStatus() == OutgoingStatus.DRAFT) {
      throw conflict(document, "Văn bản chưa được ký: chưa cấp số được");
    }
    if (document.getStatus() == OutgoingStatus.ISSUED) {
      throw conflict(document, "Văn bản đã được cấp số " + document.getNumberSymbol());
    }
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, clock.getZone());
    OutgoingNumbering.Assigned assigned = numbering.next(document.getDocumentType(),
        document.getClassification(), document.getUnitId(), today);
    document.issue(assigned.series(), assigned.year(), assigned.number(),
        assigned.numberSymbol(), today, clerk, now);
    documents.saveAndFlush(document);
    trail.save(new OutgoingTrailEntry(id, now, clerk, OutgoingTrailEntry.Action.NUMBERED,
        "Số, ký hiệu " + assigned.numberSymbol()));
    issued.issued(document, clerk);
    return document;
  }

  /** Whether the latest body version, the one signed and issued (ADR 0033), is a PDF. */
  boolean latestIsPdf(long id) {
    List<BodyVersionRepository.VersionInfo> infos = versions.infos(id);
    return !infos.isEmpty()
        && PDF.equals(infos.get(infos.size() - 1).contentType());
  }

  private static ConflictException conflict(OutgoingDocument document, String message) {
    return new ConflictException(message, Map.of("status", document.getStatus().name()));
  }
}
