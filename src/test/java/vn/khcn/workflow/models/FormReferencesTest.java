package vn.khcn.workflow.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess;
import vn.khcn.workflow.shared.process.FieldType;
import vn.khcn.workflow.shared.process.ProcessDescriptor;
import vn.khcn.workflow.shared.process.UserTaskContract;

/**
 * What {@link FormReferences} reads out of a form's texts and expressions, and that
 * {@link ModelContractTest}'s check names a variable a form reads but no descriptor declares.
 */
class FormReferencesTest {

  @Test
  void templatesReadTheirNamesButNotTheLoopItemsProperties() {
    assertThat(FormReferences.inTemplate("{{#if count(researchDocuments) > 0}}**Tài liệu**"
        + "\n{{#loop researchDocuments}}- [{{label}}]({{url}})\n{{/loop}}{{/if}} {{summary}}"))
        .containsExactly("researchDocuments", "summary");
    assertThat(FormReferences.inExpression("outcome != \"ADJUST\" and unit.name = leadUnit"))
        .containsExactly("leadUnit", "outcome", "unit");
    assertThat(FormReferences.inExpression("infoOnly = true")).containsExactly("infoOnly");
  }

  @Test
  void aFormReadingAnUndeclaredVariableIsReported() {
    ProcessDescriptor directive = ModelContractTest.DESCRIPTORS.stream()
        .filter(d -> d.key().equals(IncomingDirectiveProcess.KEY)).findFirst().orElseThrow();
    UserTaskContract contract = directive.userTasks().iterator().next();
    Map<String, FieldType> inputs = new java.util.TreeMap<>();
    contract.inputs().forEach((name, variable) -> inputs.put(name, variable.fieldType()));
    CamundaForm stray = new CamundaForm(contract.formKey(), inputs, contract.views(),
        Set.of("strayLinks", IncomingDirectiveProcess.Vars.DOCUMENT_ID.name()), Map.of());

    assertThat(ModelContractTest.formReferencesAreDeclared(null, directive,
        Map.of(contract.formKey(), stray), Set.of()))
        .singleElement().asString().contains("reads strayLinks");
  }
}
