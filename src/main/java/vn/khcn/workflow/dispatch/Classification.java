package vn.khcn.workflow.dispatch;

/** Độ mật. Classified documents (anything but NONE) are numbered in their own series. */
enum Classification {
  NONE("Thường"),
  CONFIDENTIAL("Mật"),
  SECRET("Tối mật"),
  TOP_SECRET("Tuyệt mật");

  private final String label;

  Classification(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean isClassified() {
    return this != NONE;
  }

  NumberSeries series() {
    return isClassified() ? NumberSeries.CLASSIFIED : NumberSeries.REGULAR;
  }
}
