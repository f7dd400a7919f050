package vn.khcn.workflow.outgoing;

import java.util.List;
import vn.khcn.workflow.dispatch.Urgency;

/** A validated draft's metadata (what {@link DraftRequest} accepted). */
record Draft(String documentType, String summary, List<String> recipients, List<String> copyTo,
    String signer, Urgency urgency, Classification classification, Long replyTo,
    List<RecipientAddress> addresses) {

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
