package vn.khcn.workflow.dispatch;

/** Độ khẩn (Decree 30/2020): the order is the order of urgency, least urgent first. */
public enum Urgency {
  NORMAL("Thường"),
  URGENT("Khẩn"),
  VERY_URGENT("Thượng khẩn"),
  FLASH("Hỏa tốc");

  private final String label;

  Urgency(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /**
   * The task priority of the document's tasks: Camunda's default (50) for a normal document, ten
   * more per degree of urgency. Tasklist's "Độ ưu tiên" and the directors' inbox order by it.
   */
  public int taskPriority() {
    return 50 + 10 * ordinal();
  }
}
