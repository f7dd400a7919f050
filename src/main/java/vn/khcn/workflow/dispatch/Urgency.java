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
}
