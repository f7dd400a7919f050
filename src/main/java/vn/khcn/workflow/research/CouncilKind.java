package vn.khcn.workflow.research;

/** The two councils of a research task. */
enum CouncilKind {
  /** Council for direct assignment or selection (hội đồng giao trực tiếp / tuyển chọn). */
  ASSIGNMENT("Hội đồng giao trực tiếp"),
  /** Acceptance council (hội đồng nghiệm thu). */
  ACCEPTANCE("Hội đồng nghiệm thu");

  private final String label;

  CouncilKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
