package vn.khcn.workflow.dispatch;

import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only lookup for other features: the incoming document an outgoing document replies to,
 * if it exists and the person may see it (the same rules as the incoming API).
 */
@Component
public class ReplyTargets {

  /** What a reply shows of the incoming document it answers. */
  public record ReplyTarget(long id, String businessKey, String issuer, String documentNumber,
      String summary) {}

  private final DocumentQueries queries;
  private final IncomingDocumentRepository documents;
  private final DirectionItemRepository items;

  ReplyTargets(DocumentQueries queries, IncomingDocumentRepository documents,
      DirectionItemRepository items) {
    this.items = items;
    this.queries = queries;
    this.documents = documents;
  }

  /** The incoming document if it exists and userId (in groups) may see it; else empty. */
  @Transactional(readOnly = true)
  public Optional<ReplyTarget> visible(long incomingId, String userId, Set<String> groups) {
    Viewer viewer = new Viewer(userId, groups);
    return documents.findById(incomingId)
        .filter(d -> queries.canSee(d, viewer))
        .map(d -> new ReplyTarget(d.getId(), d.getBusinessKey(), d.getIssuer(),
            d.getDocumentNumber(), d.getSummary()));
  }

  /**
   * The label of direction item {@code itemId} when it is an item of incoming document
   * {@code incomingId} given to {@code unit} (leading or co-ordinating); else empty (ADR 0033).
   */
  @Transactional(readOnly = true)
  public Optional<String> itemOf(long incomingId, long itemId, String unit) {
    return items.findById(itemId)
        .filter(i -> i.getDocumentId() == incomingId && i.units().contains(unit))
        .map(DirectionItem::getLabel);
  }
}
