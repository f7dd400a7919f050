package vn.khcn.workflow.outgoing;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khcn.workflow.dispatch.IssuedReplies;
import vn.khcn.workflow.identity.Actor;
import vn.khcn.workflow.shared.tx.AfterCommitExecutor;

/**
 * What the issue of a document changes elsewhere (ADR 0027): a replacement marks its original
 * replaced (in the numbering transaction); a reply is recorded on the incoming document it
 * answers once the issue has committed, in a transaction of its own, so a refusal there never
 * takes the number back.
 */
@Component
class OutgoingIssued {

  private final OutgoingDocumentRepository documents;
  private final OutgoingTrailRepository trail;
  private final IssuedReplies replies;
  private final TransactionTemplate ownTransaction;
  private final AfterCommitExecutor afterCommit;
  private final Clock clock;

  OutgoingIssued(OutgoingDocumentRepository documents, OutgoingTrailRepository trail,
      IssuedReplies replies, PlatformTransactionManager transactions,
      AfterCommitExecutor afterCommit, Clock clock) {
    this.afterCommit = afterCommit;
    this.documents = documents;
    this.trail = trail;
    this.replies = replies;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  void issued(OutgoingDocument document, Actor clerk) {
    Instant now = clock.instant();
    if (document.getRelation() == OutgoingDocument.Relation.REPLACES) {
      OutgoingDocument original = documents.findForUpdate(document.getRelatedId()).orElseThrow();
      original.replacedBy(document.getId());
      trail.save(new OutgoingTrailEntry(original.getId(), now, clerk,
          OutgoingTrailEntry.Action.REPLACED, "Thay thế bởi văn bản số "
              + document.getNumberSymbol()));
    }
    if (document.getReplyToId() != null) {
      long id = document.getId();
      long incoming = document.getReplyToId();
      String unit = document.getUnitId();
      String drafter = document.getDrafter();
      String number = document.getNumberSymbol();
      var date = document.getIssuedOn();
      String summary = document.getSummary();
      afterCommit.run("Reply of outgoing document " + id, () -> ownTransaction
          .executeWithoutResult(status -> {
            IssuedReplies.Outcome outcome = replies.replyIssued(incoming, unit, drafter, number,
                date, summary, clerk);
            trail.save(new OutgoingTrailEntry(id, clock.instant(), clerk,
                OutgoingTrailEntry.Action.REPLY_RECORDED, label(outcome)));
          }));
    }
  }

  private static String label(IssuedReplies.Outcome outcome) {
    return switch (outcome) {
      case TASK_COMPLETED -> "Hoàn thành việc xử lý của đơn vị bằng văn bản trả lời này";
      case ASSIGNMENT_NOTED -> "Ghi số, ngày văn bản trả lời vào việc xử lý của đơn vị";
      case TRAIL_ONLY -> "Ghi vào quá trình xử lý của văn bản đến";
      case NOT_FOUND -> "Không còn văn bản đến được trả lời";
    };
  }
}
