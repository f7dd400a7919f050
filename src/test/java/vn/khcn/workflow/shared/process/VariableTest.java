package vn.khcn.workflow.shared.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;

class VariableTest {

  private final Variable<String> result = Variable.text("result");

  @Test
  void typedTextIsReadInNfcAndStripped() {
    // "Hoà" typed with a combining grave accent arrives decomposed
    assertThat(result.read("  Hoa\u0300 thành  ")).isEqualTo("Ho\u00e0 thành");
    assertThat(result.read("   ")).isNull();
    assertThat(result.read(null)).isNull();
  }

  @Test
  void textNoPersonMeansToTypeIsRefusedNamingTheVariable() {
    for (String bad : List.of("a\u202Eb", "x\u0007y", "broken\uD800")) {
      assertThatThrownBy(() -> result.read(bad))
          .isInstanceOf(InvalidTaskInputException.class)
          .hasMessageContaining("result: chứa")
          .satisfies(e -> assertThat(((InvalidTaskInputException) e).problems()).hasSize(1));
    }
    assertThatThrownBy(() -> result.read("\u200B\u200B"))
        .hasMessageContaining("result: chỉ có ký tự vô hình");
  }

  @Test
  void typedTextLongerThanTheEnginesColumnIsRefusedNamingTheVariable() {
    assertThat(result.read("ý".repeat(Variable.MAX_TEXT))).hasSize(4000);
    assertThatThrownBy(() -> result.read("ý".repeat(Variable.MAX_TEXT + 1)))
        .isInstanceOf(InvalidTaskInputException.class)
        .hasMessageContaining("result: dài quá 4000 ký tự (4001)");
    assertThat(result.read(" ".repeat(10) + "ý".repeat(Variable.MAX_TEXT)))
        .as("counted after stripping").hasSize(4000);
  }

  @Test
  void longTextsMayHaveWhatTheFormsAllowAndAreMarkedForTheEngineToForget() {
    Variable<String> report = Variable.longText("report");
    assertThat(report.read("ý".repeat(Variable.MAX_LONG_TEXT))).hasSize(8000);
    assertThatThrownBy(() -> report.read("ý".repeat(Variable.MAX_LONG_TEXT + 1)))
        .isInstanceOf(InvalidTaskInputException.class)
        .hasMessageContaining("report: dài quá 8000 ký tự (8001)");
    assertThatThrownBy(() -> report.read("a\u202Eb")).hasMessageContaining("report: chứa");
    assertThat(report.fieldType()).isEqualTo(FieldType.TEXT);
    assertThat(report.isLongText()).isTrue();
    assertThat(result.isLongText()).isFalse();
  }

  @Test
  void formValuesAreReadAsTheirTypesWhateverChannelWroteThem() {
    assertThat(Variable.bool("approved").read("true")).isTrue();
    assertThat(Variable.whole("approvedBudget").read(1.5e9)).isEqualTo(1_500_000_000L);
    assertThat(Variable.day("dueDate").read("2026-12-07")).isEqualTo(LocalDate.of(2026, 12, 7));
    assertThat(Variable.textList("coordinatingUnits").read(Spin.JSON("[\"phong-khtc\"]")))
        .containsExactly("phong-khtc");
    assertThatThrownBy(() -> Variable.whole("approvedBudget").read("nhiều"))
        .isInstanceOf(InvalidTaskInputException.class).hasMessageContaining("approvedBudget");
  }

  @Test
  void serverOnlyVariablesCannotBeFormInputs() {
    assertThat(Variable.id("documentId").fieldType()).isNull();
    assertThat(Variable.instanceId("documentId").fieldType()).isNull();
    assertThatThrownBy(() -> UserTaskContract.task("handleAssignment").form("form_x")
        .inputs(Variable.id("documentId")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("documentId");
    assertThatThrownBy(() -> UserTaskContract.task("handleAssignment").form("form_x")
        .inputs(Variable.instanceId("researchTaskId")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("researchTaskId");
  }

  @Test
  void aContractRefusesWhatItsFormDoesNotHaveAndToleratesViews() {
    UserTaskContract contract = UserTaskContract.task("handleAssignment")
        .form("form_handleAssignment", "documentView").inputs(result);
    assertThat(contract.problems(java.util.Map.of("result", "String", "documentView", "String")))
        .isEmpty();
    java.util.Map<String, String> forged = new java.util.LinkedHashMap<>();
    forged.put("result", "Object");
    forged.put("unit", "String");
    assertThat(contract.problems(forged)).containsExactly(
        "result: kiểu Object không được chấp nhận",
        "unit: không thuộc biểu mẫu của công việc này");
  }
}
