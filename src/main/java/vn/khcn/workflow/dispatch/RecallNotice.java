package vn.khcn.workflow.dispatch;

import vn.khcn.workflow.dispatch.DocumentDetails.TrailView;

/**
 * Whether the sender asked, over the interconnection axis, to recall a registered document (edXML
 * status 13) and the clerk has not answered yet: the document page shows it above everything else
 * until the recall is accepted (the document is recalled) or refused (status 16 noted).
 */
final class RecallNotice {

  private RecallNotice() {}

  /** The trail entry of the pending recall request, or null when none is pending. */
  static TrailView pending(DocumentDetails document) {
    if (document.status() == DocumentStatus.RECALLED) {
      return null;
    }
    TrailView last = null;
    for (TrailView entry : document.trail()) {
      switch (entry.action()) {
        case RECALL_REQUESTED, RECALL_REFUSED, RECALLED -> last = entry;
        default -> { }
      }
    }
    return last != null && last.action() == TrailAction.RECALL_REQUESTED ? last : null;
  }
}
