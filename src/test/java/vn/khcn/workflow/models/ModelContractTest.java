package vn.khcn.workflow.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess;
import vn.khcn.workflow.research.AcceptanceProcess;
import vn.khcn.workflow.research.AssignmentCouncilProcess;
import vn.khcn.workflow.research.CompetitiveSelectionProcess;
import vn.khcn.workflow.research.MidtermEvaluationProcess;
import vn.khcn.workflow.research.ResearchTaskProcess;
import vn.khcn.workflow.shared.process.FieldType;
import vn.khcn.workflow.shared.process.ProcessDescriptor;
import vn.khcn.workflow.shared.process.UserTaskContract;

/**
 * The contract between the models in processes/, their Camunda Forms and the descriptors that are
 * the code's only spelling of keys, ids, beans and task inputs (issue 13). Reads the files as
 * deployed, with Camunda's model API and Jackson, without an engine or a Spring context; each check
 * is reported per process.
 */
class ModelContractTest {

  private static final Path PROCESSES = Path.of("processes");
  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  /** {@code ${bean}} or {@code #{bean}}: the bean a delegate expression resolves. */
  private static final Pattern BEAN = Pattern.compile("[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");

  /** Every descriptor, as Spring would create it (their constructors are package-private). */
  static final List<ProcessDescriptor> DESCRIPTORS = Stream.of(
          IncomingDirectiveProcess.class, ResearchTaskProcess.class, AssignmentCouncilProcess.class,
          MidtermEvaluationProcess.class, AcceptanceProcess.class,
          vn.khcn.workflow.dispatch.DirectionItemReportProcess.class,
          CompetitiveSelectionProcess.class,
          vn.khcn.workflow.outgoing.OutgoingDocumentProcess.class)
      .map(ModelContractTest::instantiate)
      .toList();

  @Test
  void everyModelHasExactlyOneDescriptorAndEveryDescriptorAModel() {
    Map<String, Long> descriptorsByKey = DESCRIPTORS.stream()
        .collect(Collectors.groupingBy(ProcessDescriptor::key, TreeMap::new, Collectors.counting()));
    Map<String, Long> once = new TreeMap<>();
    modelKeys().forEach(key -> once.put(key, 1L));

    assertEquals(once, descriptorsByKey,
        "process keys of processes/*.bpmn, each with one descriptor, and no descriptor without a model");
  }

  /** A descriptor added to the code joins this test's list, so its model is checked too. */
  @Test
  void theListedDescriptorsAreEveryDescriptorInTheCode() {
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AssignableTypeFilter(ProcessDescriptor.class));
    Set<String> inCode = scanner.findCandidateComponents("vn.khcn.workflow").stream()
        .map(BeanDefinition::getBeanClassName)
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> listed = DESCRIPTORS.stream().map(d -> d.getClass().getName())
        .collect(Collectors.toCollection(TreeSet::new));

    assertEquals(inCode, listed);
  }

  @Test
  void everyModelFileIsNamedAfterItsProcessKey() {
    List<String> problems = new ArrayList<>();
    for (Path file : files(".bpmn")) {
      String stem = file.getFileName().toString().replaceFirst("\\.bpmn$", "");
      List<String> ids = Bpmn.readModelFromFile(file.toFile())
          .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).stream()
          .map(org.camunda.bpm.model.bpmn.instance.Process::getId).toList();
      if (!ids.equals(List.of(stem))) {
        problems.add(file.getFileName() + " holds processes " + ids);
      }
    }
    assertEquals(List.of(), problems);
  }

  @TestFactory
  Stream<DynamicContainer> everyModelKeepsItsDescriptorsContract() {
    Map<String, CamundaForm> forms = files(".form").stream()
        .map(CamundaForm::read)
        .collect(Collectors.toMap(CamundaForm::id, Function.identity()));
    Set<String> decisions = decisionKeysOfDmnFiles();
    return files(".bpmn").stream().map(file -> {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      String key = file.getFileName().toString().replaceFirst("\\.bpmn$", "");
      Optional<ProcessDescriptor> found = DESCRIPTORS.stream()
          .filter(d -> d.key().equals(key)).findFirst();
      Function<Check, DynamicTest> test = check -> dynamicTest(check.name(), () -> {
        ProcessDescriptor descriptor = found.orElseThrow(
            () -> new AssertionError("no descriptor for process " + key));
        assertEquals(List.of(), check.problems(model, descriptor, forms, decisions),
            key + ": " + check.name());
      });
      return dynamicContainer(key, Stream.of(
          new Check("every user task has a contract, every contract a user task",
              ModelContractTest::contractPerUserTask),
          new Check("each contract's form is the task's formRef",
              ModelContractTest::contractFormIsTaskForm),
          new Check("each contract's inputs and views are its form's fields",
              ModelContractTest::contractFieldsAreFormFields),
          new Check("a text field's maxLength is what its variable takes",
              FormLengths::problems),
          new Check("variables the forms' texts, expressions and options read are declared",
              ModelContractTest::formReferencesAreDeclared),
          new Check("delegate expressions name the descriptor's Beans, each of them used",
              ModelContractTest::beansAreTheDelegates),
          new Check("Elements and Tasks constants are element ids of the model",
              ModelContractTest::elementConstantsExist),
          new Check("decisions are declared and exist in processes/",
              ModelContractTest::decisionsDeclared))
          .map(test));
    });
  }

  /** One check of a model against its descriptor: the problems found, each a sentence. */
  private record Check(String name, Checker checker) {
    List<String> problems(BpmnModelInstance model, ProcessDescriptor descriptor,
        Map<String, CamundaForm> forms, Set<String> decisions) {
      return checker.problems(model, descriptor, forms, decisions);
    }
  }

  @FunctionalInterface
  private interface Checker {
    List<String> problems(BpmnModelInstance model, ProcessDescriptor descriptor,
        Map<String, CamundaForm> forms, Set<String> decisions);
  }

  private static List<String> contractPerUserTask(BpmnModelInstance model,
      ProcessDescriptor descriptor, Map<String, CamundaForm> forms, Set<String> decisions) {
    List<String> problems = new ArrayList<>();
    Set<String> userTasks = userTasks(model).keySet();
    Map<String, Long> contracts = descriptor.userTasks().stream()
        .collect(Collectors.groupingBy(UserTaskContract::taskKey, Collectors.counting()));
    userTasks.stream().filter(id -> !contracts.containsKey(id))
        .forEach(id -> problems.add("user task " + id + " has no contract"));
    contracts.forEach((taskKey, count) -> {
      if (!userTasks.contains(taskKey)) {
        problems.add("contract " + taskKey + " names no user task of the model");
      }
      if (count > 1) {
        problems.add(count + " contracts for " + taskKey);
      }
    });
    return problems;
  }

  private static List<String> contractFormIsTaskForm(BpmnModelInstance model,
      ProcessDescriptor descriptor, Map<String, CamundaForm> forms, Set<String> decisions) {
    List<String> problems = new ArrayList<>();
    Map<String, UserTask> userTasks = userTasks(model);
    for (UserTaskContract contract : descriptor.userTasks()) {
      UserTask task = userTasks.get(contract.taskKey());
      if (task != null && !java.util.Objects.equals(contract.formKey(), task.getCamundaFormRef())) {
        problems.add(contract.taskKey() + ": contract form " + contract.formKey()
            + ", model formRef " + task.getCamundaFormRef());
      }
    }
    for (UserTask task : userTasks.values()) {
      if (task.getCamundaFormRef() != null && !forms.containsKey(task.getCamundaFormRef())) {
        problems.add(task.getId() + ": no form " + task.getCamundaFormRef() + " in processes/forms");
      }
    }
    return problems;
  }

  private static List<String> contractFieldsAreFormFields(BpmnModelInstance model,
      ProcessDescriptor descriptor, Map<String, CamundaForm> forms, Set<String> decisions) {
    List<String> problems = new ArrayList<>();
    for (UserTaskContract contract : descriptor.userTasks()) {
      CamundaForm form = forms.get(contract.formKey());
      if (form == null) {
        problems.add(contract.taskKey() + ": no form " + contract.formKey() + " in processes/forms");
        continue;
      }
      Map<String, FieldType> inputs = new TreeMap<>();
      contract.inputs().forEach((name, variable) -> inputs.put(name, variable.fieldType()));
      if (!inputs.equals(new TreeMap<>(form.inputs()))) {
        problems.add(contract.taskKey() + ": contract inputs " + inputs + ", form " + form.id()
            + " has " + new TreeMap<>(form.inputs()));
      }
      if (!new TreeSet<>(contract.views()).equals(form.views())) {
        problems.add(contract.taskKey() + ": contract views " + new TreeSet<>(contract.views())
            + ", form " + form.id() + " has read-only " + form.views());
      }
    }
    return problems;
  }

  /**
   * What a form reads outside its fields (a text's template, a condition, a select's options)
   * is one of its own fields, a task-local copy the descriptor declares, or one of its Vars.
   */
  static List<String> formReferencesAreDeclared(BpmnModelInstance model,
      ProcessDescriptor descriptor, Map<String, CamundaForm> forms, Set<String> decisions) {
    Set<String> declared = new TreeSet<>(descriptor.taskViewCopies());
    declared.addAll(variableNames(descriptor));
    List<String> problems = new ArrayList<>();
    for (UserTaskContract contract : descriptor.userTasks()) {
      CamundaForm form = forms.get(contract.formKey());
      if (form == null) {
        continue; // reported by the check of the contract's fields
      }
      for (String name : form.references()) {
        if (!form.inputs().containsKey(name) && !form.views().contains(name)
            && !declared.contains(name)) {
          problems.add(contract.taskKey() + ": form " + form.id() + " reads " + name
              + ", neither its field nor a variable or task-local copy of the descriptor");
        }
      }
    }
    return problems;
  }

  /** The names of the descriptor's Vars: its Variable constants and String constants. */
  static Set<String> variableNames(ProcessDescriptor descriptor) {
    Set<String> names = new TreeSet<>(constants(descriptor, "Vars"));
    Arrays.stream(descriptor.getClass().getDeclaredClasses())
        .filter(c -> c.getSimpleName().equals("Vars"))
        .flatMap(c -> Arrays.stream(c.getDeclaredFields()))
        .filter(f -> Modifier.isStatic(f.getModifiers()) && Modifier.isPublic(f.getModifiers())
            && vn.khcn.workflow.shared.process.Variable.class.isAssignableFrom(f.getType()))
        .forEach(f -> {
          try {
            names.add(((vn.khcn.workflow.shared.process.Variable<?>) f.get(null)).name());
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
        });
    return names;
  }

  private static List<String> beansAreTheDelegates(BpmnModelInstance model,
      ProcessDescriptor descriptor, Map<String, CamundaForm> forms, Set<String> decisions) {
    List<String> problems = new ArrayList<>();
    Set<String> declared = new TreeSet<>(constants(descriptor, "Beans"));
    Set<String> used = new TreeSet<>();
    for (String expression : delegateExpressions(model.getDocument().getRootElement())) {
      Matcher matcher = BEAN.matcher(expression);
      if (!matcher.matches()) {
        problems.add("delegate expression " + expression + " is not ${bean}");
      } else {
        used.add(matcher.group(1));
      }
    }
    used.stream().filter(bean -> !declared.contains(bean))
        .forEach(bean -> problems.add("bean " + bean + " is not a Beans constant"));
    declared.stream().filter(bean -> !used.contains(bean))
        .forEach(bean -> problems.add("Beans constant " + bean + " is not used by the model"));
    return problems;
  }

  private static List<String> elementConstantsExist(BpmnModelInstance model,
      ProcessDescriptor descriptor, Map<String, CamundaForm> forms, Set<String> decisions) {
    List<String> problems = new ArrayList<>();
    for (String holder : List.of("Elements", "Tasks")) {
      for (String id : constants(descriptor, holder)) {
        if (model.getModelElementById(id) == null) {
          problems.add(holder + " constant " + id + " is no element of the model");
        }
      }
    }
    return problems;
  }

  private static List<String> decisionsDeclared(BpmnModelInstance model,
      ProcessDescriptor descriptor, Map<String, CamundaForm> forms, Set<String> decisions) {
    List<String> problems = new ArrayList<>();
    descriptor.decisionKeys().stream().filter(key -> !decisions.contains(key))
        .forEach(key -> problems.add("decision " + key + " has no DMN in processes/"));
    model.getModelElementsByType(BusinessRuleTask.class).stream()
        .map(BusinessRuleTask::getCamundaDecisionRef)
        .filter(ref -> ref != null && !descriptor.decisionKeys().contains(ref))
        .forEach(ref -> problems.add("decisionRef " + ref + " is not in decisionKeys()"));
    return problems;
  }

  private static Map<String, UserTask> userTasks(BpmnModelInstance model) {
    return model.getModelElementsByType(UserTask.class).stream()
        .collect(Collectors.toMap(UserTask::getId, Function.identity(), (a, b) -> a, TreeMap::new));
  }

  /**
   * Every delegateExpression of the model: service, send and business rule tasks, message events
   * and task or execution listeners.
   */
  private static List<String> delegateExpressions(DomElement element) {
    List<String> expressions = new ArrayList<>();
    for (String value : new String[] {element.getAttribute(CAMUNDA_NS, "delegateExpression"),
        element.getAttribute("delegateExpression")}) {
      if (value != null && !value.isEmpty() && !expressions.contains(value)) {
        expressions.add(value);
      }
    }
    for (DomElement child : element.getChildElements()) {
      expressions.addAll(delegateExpressions(child));
    }
    return expressions;
  }

  /** The values of the descriptor's nested class's public static String constants. */
  private static Set<String> constants(ProcessDescriptor descriptor, String holderName) {
    Set<String> values = new TreeSet<>();
    Arrays.stream(descriptor.getClass().getDeclaredClasses())
        .filter(c -> c.getSimpleName().equals(holderName))
        .flatMap(c -> Arrays.stream(c.getDeclaredFields()))
        .filter(f -> Modifier.isStatic(f.getModifiers()) && Modifier.isPublic(f.getModifiers())
            && f.getType() == String.class)
        .forEach(f -> values.add(read(f)));
    return values;
  }

  private static String read(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Set<String> decisionKeysOfDmnFiles() {
    Set<String> keys = new TreeSet<>();
    for (Path file : files(".dmn")) {
      Dmn.readModelFromFile(file.toFile()).getModelElementsByType(Decision.class)
          .forEach(decision -> keys.add(decision.getId()));
    }
    return keys;
  }

  private static Set<String> modelKeys() {
    Set<String> keys = new TreeSet<>();
    files(".bpmn").forEach(f -> keys.add(f.getFileName().toString().replaceFirst("\\.bpmn$", "")));
    return keys;
  }

  /** The files with this extension in processes/ and its sub-folders, sorted. */
  private static List<Path> files(String extension) {
    try (Stream<Path> paths = Files.walk(PROCESSES)) {
      return paths.filter(p -> p.getFileName().toString().endsWith(extension)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ProcessDescriptor instantiate(Class<? extends ProcessDescriptor> type) {
    try {
      Constructor<? extends ProcessDescriptor> constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
      return constructor.newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create " + type.getSimpleName(), e);
    }
  }
}
