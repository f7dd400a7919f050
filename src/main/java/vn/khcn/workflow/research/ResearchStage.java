package vn.khcn.workflow.research;

/** Where a research task stands in its life (domain.md §B), with the Vietnamese label. */
enum ResearchStage {
  DOSSIER("Kiểm tra hồ sơ"),
  ASSIGNMENT_COUNCIL("Hội đồng giao trực tiếp"),
  REVISION("Hoàn thiện thuyết minh"),
  BUDGET_AND_CONTRACT("Thẩm định kinh phí, hợp đồng"),
  IMPLEMENTATION("Đang thực hiện"),
  MIDTERM_EVALUATION("Đánh giá giữa kỳ"),
  ACCEPTANCE("Nghiệm thu"),
  CLOSURE("Đăng ký kết quả, thanh lý"),
  CLOSED("Đã kết thúc");

  private final String label;

  ResearchStage(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
