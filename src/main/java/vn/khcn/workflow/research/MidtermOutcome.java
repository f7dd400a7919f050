package vn.khcn.workflow.research;

/** Outcomes of a mid-term evaluation (TT 04/2015). */
enum MidtermOutcome {
  CONTINUE("Tiếp tục"),
  ADJUST("Điều chỉnh"),
  TERMINATE("Chấm dứt");

  private final String label;

  MidtermOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
