package vn.khcn.workflow.outgoing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The opinion requests waiting for a person's answer (asked himself, or a unit he belongs to),
 * while their round is open: what the inbox lists beside its tasks (issue 19). Requests asking a
 * person are candidate-user tasks, which the inbox's read model does not index, so the list
 * comes from the requests themselves.
 */
@Service
public class OpinionsAwaited {

  /** One request as the inbox lists it; {@code url} is its item page. */
  public record Awaited(long documentId, String documentType, String summary, int round,
      String partyName, LocalDate dueDate, boolean overdue, String url) {}

  private final OpinionRequestRepository requests;
  private final OutgoingDocumentRepository documents;
  private final OutgoingWorkflow workflow;
  private final java.time.Clock clock;

  OpinionsAwaited(OpinionRequestRepository requests, OutgoingDocumentRepository documents,
      OutgoingWorkflow workflow, java.time.Clock clock) {
    this.requests = requests;
    this.documents = documents;
    this.workflow = workflow;
    this.clock = clock;
  }

  /** The open requests the user may answer, one per document, earliest due first. */
  @Transactional(readOnly = true)
  public List<Awaited> of(String userId, Collection<String> groups) {
    List<String> parties = new ArrayList<>(groups);
    parties.add(userId);
    LocalDate today = LocalDate.now(clock);
    List<Awaited> awaited = new ArrayList<>();
    java.util.Set<Long> seen = new java.util.HashSet<>();
    for (OpinionRequest r : requests.findByAnsweredAtIsNullAndPartyIdInOrderByDueDateAscIdAsc(
        parties)) {
      if (!r.asks(userId, java.util.Set.copyOf(groups)) || seen.contains(r.getDocumentId())
          || !workflow.opinionTaskOpen(r.getDocumentId(), r.getId())) {
        continue;
      }
      documents.findById(r.getDocumentId()).filter(d -> d.getStatus() == OutgoingStatus.DRAFT)
          .ifPresent(d -> {
            seen.add(d.getId());
            awaited.add(new Awaited(d.getId(), d.getDocumentType(), d.getSummary(),
                r.getRoundNo(), r.getPartyName(), r.getDueDate(), today.isAfter(r.getDueDate()),
                "/inbox/opinions/" + d.getId()));
          });
    }
    return awaited;
  }
}
