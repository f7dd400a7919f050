package vn.khcn.workflow.research;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.khcn.workflow.shared.process.FieldType;
import vn.khcn.workflow.shared.process.ProcessDescriptor;
import vn.khcn.workflow.shared.process.UserTaskContract;

/**
 * The four research descriptors' completion contracts are their forms: one contract per user task
 * of the model, naming the task's form; every editable field an input of the field's type, every
 * read-only field a view.
 */
class ResearchContractsTest {

  static final List<ProcessDescriptor> DESCRIPTORS = List.of(new ResearchTaskProcess(),
      new AssignmentCouncilProcess(), new MidtermEvaluationProcess(), new AcceptanceProcess());
  static final Pattern USER_TASK = Pattern.compile(
      "<bpmn:userTask id=\"([^\"]+)\"[^>]*camunda:formRef=\"([^\"]+)\"");

  @Test
  void everyUserTaskHasTheContractOfItsForm() throws IOException {
    for (ProcessDescriptor descriptor : DESCRIPTORS) {
      String bpmn = Files.readString(Path.of("processes", descriptor.key() + ".bpmn"));
      Matcher task = USER_TASK.matcher(bpmn);
      Set<String> keys = new HashSet<>();
      while (task.find()) {
        keys.add(task.group(1));
        UserTaskContract contract = descriptor.contract(task.group(1)).orElseThrow(() ->
            new AssertionError(descriptor.key() + " has no contract for " + task.group(0)));
        assertThat(contract.formKey()).as(contract.taskKey()).isEqualTo(task.group(2));
        Form form = form(task.group(2));
        Map<String, FieldType> inputs = new HashMap<>();
        contract.inputs().forEach((name, variable) -> inputs.put(name, variable.fieldType()));
        assertThat(inputs).as("inputs of %s", contract.taskKey()).isEqualTo(form.inputs());
        assertThat(contract.views()).as("views of %s", contract.taskKey())
            .isEqualTo(form.views());
      }
      assertThat(descriptor.userTasks()).extracting(UserTaskContract::taskKey)
          .as("no contract without a user task").containsExactlyInAnyOrderElementsOf(keys);
    }
  }

  record Form(Map<String, FieldType> inputs, Set<String> views) {}

  static Form form(String id) throws IOException {
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.list(Path.of("processes", "forms"))) {
      for (Path file : files.toList()) {
        JsonNode form = json.readTree(file.toFile());
        if (id.equals(form.path("id").asText())) {
          Form result = new Form(new HashMap<>(), new HashSet<>());
          collect(form.path("components"), result);
          return result;
        }
      }
    }
    throw new AssertionError("no form " + id);
  }

  private static void collect(JsonNode components, Form form) {
    for (JsonNode component : components) {
      collect(component.path("components"), form);
      if (!component.hasNonNull("key")) {
        continue;
      }
      String key = component.get("key").asText();
      if (component.path("readonly").asBoolean() || component.path("disabled").asBoolean()) {
        form.views().add(key);
        continue;
      }
      String type = component.path("type").asText();
      FieldType fieldType = FieldType.ofFormComponent(type);
      Set<String> values = new HashSet<>();
      component.path("values").forEach(v -> values.add(v.path("value").asText()));
      if (("radio".equals(type) || "select".equals(type)) && values.equals(Set.of("true",
          "false"))) {
        fieldType = FieldType.BOOLEAN;
      }
      form.inputs().put(key, fieldType);
    }
  }
}
