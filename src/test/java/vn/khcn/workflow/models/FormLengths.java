package vn.khcn.workflow.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import vn.khcn.workflow.shared.process.ProcessDescriptor;
import vn.khcn.workflow.shared.process.UserTaskContract;
import vn.khcn.workflow.shared.process.Variable;

/** One of {@link ModelContractTest}'s checks: the forms' text lengths against their variables. */
final class FormLengths {

  private FormLengths() {}

  /**
   * A form lets a person type no more than its variable takes (ADR 0043, 0044): at most 4,000
   * characters for a text, and a long text is one because its form allows more.
   */
  static List<String> problems(BpmnModelInstance model, ProcessDescriptor descriptor,
      Map<String, CamundaForm> forms, Set<String> decisions) {
    List<String> problems = new ArrayList<>();
    for (UserTaskContract contract : descriptor.userTasks()) {
      CamundaForm form = forms.get(contract.formKey());
      if (form == null) {
        continue; // reported by the check of the contract's fields
      }
      contract.inputs().forEach((name, variable) -> {
        Integer maxLength = form.maxLengths().get(name);
        int takes = variable.maxLength();
        if (maxLength != null && maxLength > takes) {
          problems.add(contract.taskKey() + ": form " + form.id() + " lets " + name + " have "
              + maxLength + " characters, its variable takes " + takes);
        }
        if (variable.isLongText() && (maxLength == null || maxLength <= Variable.MAX_TEXT)) {
          problems.add(contract.taskKey() + ": " + name + " is a long text, its form " + form.id()
              + " allows " + maxLength);
        }
      });
    }
    return problems;
  }
}
