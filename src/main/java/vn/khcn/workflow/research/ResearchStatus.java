package vn.khcn.workflow.research;

/** Whether a research task is still running and, once closed, how it ended. */
enum ResearchStatus {
  ACTIVE("Đang xử lý"),
  NOT_ASSIGNED("Không giao"),
  TERMINATED("Chấm dứt"),
  ARCHIVED("Đã lưu hồ sơ"),
  ARCHIVED_FAILED("Lưu hồ sơ – không đạt");

  private final String label;

  ResearchStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
