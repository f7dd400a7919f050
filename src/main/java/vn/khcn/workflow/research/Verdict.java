package vn.khcn.workflow.research;

/** Outputs of decision council-verdict. */
public enum Verdict {
  ASSIGN("Giao"),
  ASSIGN_AFTER_REVISION("Giao sau khi chỉnh sửa thuyết minh"),
  REJECT("Không giao");

  private final String label;

  Verdict(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
