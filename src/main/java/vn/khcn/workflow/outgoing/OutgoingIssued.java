package vn.khcn.workflow.outgoing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * answers once the issue has committed, off the committing thread and in a transaction of its
 * own, so a refusal there never takes the number back; a recalled or replaced reply is taken
 * off that incoming document again (ADR 0033).
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
    List<Runnable> after = new ArrayList<>();
    if (document.getRelation() == OutgoingDocument.Relation.REPLACES) {
      OutgoingDocument original = documents.findForUpdate(document.getRelatedId()).orElseThrow();
      original.replacedBy(document.getId());
      trail.save(new OutgoingTrailEntry(original.getId(), now, clerk,
          OutgoingTrailEntry.Action.REPLACED, "Thay thế bởi văn bản số "
              + document.getNumberSymbol()));
      // the replaced reply first, so the replacement is recorded where it stood
      withdrawal(original, "đã được thay thế bởi văn bản số " + document.getNumberSymbol(),
          clerk).ifPresent(after::add);
    }
    if (document.getReplyToId() != null) {
      long id = document.getId();
      long incoming = document.getReplyToId();
      Long item = document.getReplyToItemId();
      String unit = document.getUnitId();
      String drafter = document.getDrafter();
      String number = document.getNumberSymbol();
      var date = document.getIssuedOn();
      String summary = document.getSummary();
      after.add(() -> ownTransaction.executeWithoutResult(status -> {
        IssuedReplies.Outcome outcome = replies.replyIssued(incoming, item, unit, drafter, number,
            date, summary, clerk);
        trail.save(new OutgoingTrailEntry(id, clock.instant(), clerk,
            OutgoingTrailEntry.Action.REPLY_RECORDED, label(outcome)));
      }));
    }
    if (!after.isEmpty()) {
      afterCommit.run("Reply of outgoing document " + document.getId(),
          () -> after.forEach(Runnable::run));
    }
  }

  /**
   * A recalled document (Art. 18.4) no longer answers the incoming document it replied to: once
   * the recall has committed, that document's trail, assignments and items say so.
   */
  void recalled(OutgoingDocument document, Actor actor) {
    withdrawal(document, "đã bị thu hồi: " + document.getRecallReason(), actor)
        .ifPresent(w -> afterCommit.run("Recall of reply " + document.getId(), w));
  }

  private Optional<Runnable> withdrawal(OutgoingDocument reply, String why, Actor actor) {
    if (reply.getReplyToId() == null || reply.getNumberSymbol() == null) {
      return Optional.empty();
    }
    long id = reply.getId();
    long incoming = reply.getReplyToId();
    String unit = reply.getUnitId();
    String number = reply.getNumberSymbol();
    return Optional.of(() -> ownTransaction.executeWithoutResult(status -> {
      int cleared = replies.replyWithdrawn(incoming, unit, number, why, actor);
      trail.save(new OutgoingTrailEntry(id, clock.instant(), actor,
          OutgoingTrailEntry.Action.REPLY_WITHDRAWN, cleared == 0
              ? "Ghi vào quá trình xử lý của văn bản đến"
              : "Văn bản đến không còn ghi văn bản này là văn bản trả lời (" + cleared
                  + " mục)"));
    }));
  }

  private static String label(IssuedReplies.Outcome outcome) {
    return switch (outcome) {
      case TASK_COMPLETED -> "Hoàn thành việc xử lý của đơn vị bằng văn bản trả lời này";
      case ITEM_NOTED -> "Ghi số, ngày văn bản trả lời vào mục chỉ đạo được trả lời";
      case ASSIGNMENT_NOTED -> "Ghi số, ngày văn bản trả lời vào việc xử lý của đơn vị";
      case TRAIL_ONLY -> "Ghi vào quá trình xử lý của văn bản đến";
      case NOT_FOUND -> "Không còn văn bản đến được trả lời";
    };
  }
}
