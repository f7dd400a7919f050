package vn.khcn.workflow.outgoing;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only lookup for other features (files, ADR 0028): an outgoing document if it exists and
 * the person may read it, by the same rules as the outgoing API.
 */
@Component
public class OutgoingReferences {

  /** What another feature shows of an outgoing document. */
  public record OutgoingReference(long id, String status, boolean issued, String documentType,
      String summary, String numberSymbol, LocalDate issuedOn, String unitId,
      boolean classified) {}

  private final OutgoingDocumentRepository documents;

  OutgoingReferences(OutgoingDocumentRepository documents) {
    this.documents = documents;
  }

  /** The document if it exists and userId (in groups) may read it; else empty. */
  @Transactional(readOnly = true)
  public Optional<OutgoingReference> visible(long id, String userId, Set<String> groups) {
    Reader reader = new Reader(userId, groups);
    return documents.findById(id).filter(reader::canRead)
        .map(d -> new OutgoingReference(d.getId(), d.getStatus().name(),
            d.getStatus() == OutgoingStatus.ISSUED, d.getDocumentType(), d.getSummary(),
            d.getNumberSymbol(), d.getIssuedOn(), d.getUnitId(),
            d.getClassification().isClassified()));
  }
}
