package vn.khcn.workflow.outgoing;

/** Độ mật of an outgoing document; classified ones are numbered in their own series (Art. 15). */
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

  boolean isClassified() {
    return this != NONE;
  }
}
