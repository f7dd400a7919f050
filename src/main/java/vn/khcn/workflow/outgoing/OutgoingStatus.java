package vn.khcn.workflow.outgoing;

/**
 * Where an outgoing document stands. Each status is the state a step of the intended model
 * (ADR 0024) leaves the document in: the model drives the transitions, the statuses stay.
 */
enum OutgoingStatus {
  /** Drafting: the body may change (new versions), nobody has signed. */
  DRAFT("Dự thảo"),
  /** Signed by the person with authority; waiting for the registry's number. */
  SIGNED("Đã ký"),
  /** Numbered, registered and issued by the registry; nothing changes any more. */
  ISSUED("Đã ban hành");

  private final String label;

  OutgoingStatus(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }
}
