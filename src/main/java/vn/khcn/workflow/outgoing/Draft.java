package vn.khcn.workflow.outgoing;

import java.util.List;
import vn.khcn.workflow.dispatch.Urgency;

/**
 * A validated draft's metadata (what {@link DraftRequest} accepted); {@code replyToItem} is a
 * direction item of the incoming document {@code replyTo} (ADR 0033).
 */
record Draft(String documentType, String summary, List<String> recipients, List<String> copyTo,
    String signer, Urgency urgency, Classification classification, Long replyTo,
    List<RecipientAddress> addresses, Long replyToItem) {

  /** A draft answering an incoming document as a whole (or nothing). */
  Draft(String documentType, String summary, List<String> recipients, List<String> copyTo,
      String signer, Urgency urgency, Classification classification, Long replyTo,
      List<RecipientAddress> addresses) {
    this(documentType, summary, recipients, copyTo, signer, urgency, classification, replyTo,
        addresses, null);
  }

  Draft {
    addresses = addresses == null ? List.of() : List.copyOf(addresses);
  }

  /** A draft whose recipients have no address (sent on paper). */
  Draft(String documentType, String summary, List<String> recipients, List<String> copyTo,
      String signer, Urgency urgency, Classification classification, Long replyTo) {
    this(documentType, summary, recipients, copyTo, signer, urgency, classification, replyTo,
        List.of());
  }
}
