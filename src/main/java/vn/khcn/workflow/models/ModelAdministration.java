package vn.khcn.workflow.models;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.springframework.stereotype.Service;
import vn.khcn.workflow.shared.web.NotFoundException;

/**
 * What administrators do with models at runtime: see every process with its versions and running
 * instances, deploy a validated file, compare two versions, roll back to an earlier version (it is
 * deployed again as the newest) and migrate running instances between versions.
 */
@Service
public class ModelAdministration {

  static final String ADMIN_DEPLOYMENT = "admin";
  /** The most instances one migration request considers. */
  static final int MAX_MIGRATION_INSTANCES = 10_000;
  private static final int PAGE = 1000;

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final ModelValidator validator;
  private final ModelHistory history;

  ModelAdministration(RepositoryService repositoryService, RuntimeService runtimeService,
      ModelValidator validator, ModelHistory history) {
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.validator = validator;
    this.history = history;
  }

  public record VersionView(String id, int version, String versionTag, String deploymentId,
      String resourceName, long runningInstances) {}

  public record ProcessModelView(String key, String name, List<VersionView> versions) {}

  public record DeployResult(String deploymentId, List<String> deployed, List<ModelProblem> problems) {}

  public record Difference(Set<String> added, Set<String> removed, Set<String> changed) {}

  /**
   * A migration plan and what it does with the running instances; {@code waitingIn}: the
   * activities (ids) each instance of {@code notMigratable} waits in that the plan does not map.
   */
  public record MigrationReport(String sourceDefinitionId, String targetDefinitionId,
      List<String> instructions, List<String> migrating, Map<String, String> notMigratable,
      String batchId, Map<String, Set<String>> waitingIn) {}

  /** Every process key with its versions, newest first, and how many instances run on each. */
  public List<ProcessModelView> processes() {
    Map<String, List<ProcessDefinition>> byKey = new LinkedHashMap<>();
    for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery()
        .orderByProcessDefinitionKey().asc().orderByProcessDefinitionVersion().desc()
        .listPage(0, 2000)) {
      byKey.computeIfAbsent(definition.getKey(), k -> new ArrayList<>()).add(definition);
    }
    List<ProcessModelView> views = new ArrayList<>();
    byKey.forEach((key, definitions) -> views.add(new ProcessModelView(key,
        definitions.get(0).getName(), definitions.stream().map(d -> new VersionView(d.getId(),
            d.getVersion(), d.getVersionTag(), d.getDeploymentId(), d.getResourceName(),
            runtimeService.createProcessInstanceQuery().processDefinitionId(d.getId()).count()))
            .toList())));
    return views;
  }

  /** Validates and deploys files as an administrator; nothing is deployed when one is refused. */
  public DeployResult deploy(Map<String, byte[]> resources, String actor) {
    List<ModelProblem> problems = validator.validate(resources);
    if (!problems.isEmpty()) {
      history.record(actor, ModelDeployment.Channel.REST, resources.keySet(),
          ModelDeployment.Result.REFUSED, null, problems);
      return new DeployResult(null, List.of(), problems);
    }
    var builder = repositoryService.createDeployment().name(ADMIN_DEPLOYMENT)
        .source("khcn-admin").enableDuplicateFiltering(true);
    resources.forEach((name, content) -> builder.addInputStream(name,
        new ByteArrayInputStream(content)));
    DeploymentWithDefinitions deployed;
    try {
      deployed = builder.deployWithResult();
    } catch (ParseException e) {
      List<ModelProblem> engineProblems = new ArrayList<>();
      // getResorceReports: sic, Camunda 7 spells it so
      for (ResourceReport report : e.getResorceReports()) {
        for (Problem problem : report.getErrors()) {
          engineProblems.add(new ModelProblem(report.getResourceName(), problem.getLine(),
              problem.getMainElementId(), "engine không đọc được mô hình: " + problem.getMessage(),
              "the engine cannot parse the model: " + problem.getMessage()));
        }
      }
      if (engineProblems.isEmpty()) {
        engineProblems.add(new ModelProblem("", 0, null, "engine không đọc được mô hình: "
            + e.getMessage(), "the engine cannot parse the model: " + e.getMessage()));
      }
      history.record(actor, ModelDeployment.Channel.REST, resources.keySet(),
          ModelDeployment.Result.REFUSED, null, engineProblems);
      return new DeployResult(null, List.of(), engineProblems);
    }
    List<String> names = repositoryService.getDeploymentResources(deployed.getId()).stream()
        .map(r -> r.getName()).toList();
    history.record(actor, ModelDeployment.Channel.REST, resources.keySet(),
        ModelDeployment.Result.DEPLOYED, deployed.getId(), null);
    return new DeployResult(deployed.getId(), names, List.of());
  }

  /** What changed from one version to another: flow elements by id, with type, name and attributes. */
  public Difference difference(String key, int fromVersion, int toVersion) {
    return compare(elements(definition(key, fromVersion)), elements(definition(key, toVersion)));
  }

  private static Difference compare(Map<String, String> from, Map<String, String> to) {
    Set<String> added = new TreeSet<>(to.keySet());
    added.removeAll(from.keySet());
    Set<String> removed = new TreeSet<>(from.keySet());
    removed.removeAll(to.keySet());
    Set<String> changed = new TreeSet<>();
    for (String id : from.keySet()) {
      if (to.containsKey(id) && !Objects.equals(from.get(id), to.get(id))) {
        changed.add(id);
      }
    }
    return new Difference(added, removed, changed);
  }

  /** Deploys the BPMN of an earlier version again, so that it becomes the newest version. */
  public DeployResult rollback(String key, int version, String actor) {
    ProcessDefinition definition = definition(key, version);
    byte[] content = read(definition);
    return deploy(Map.of(definition.getResourceName(), content), actor);
  }

  /**
   * The migration plan from one version to another (default: the newest), mapping equal
   * activities, validated by the engine, and which running instances it can and cannot move:
   * shown to the administrator before anything runs.
   */
  public MigrationReport plan(String key, int fromVersion, Integer toVersion) {
    return prepare(key, fromVersion, toVersion).report(null);
  }

  /**
   * Migrates, as a batch, the instances the plan can move; instances waiting in an activity the
   * plan does not map are listed and left untouched.
   */
  public MigrationReport migrate(String key, int fromVersion, Integer toVersion) {
    Prepared prepared = prepare(key, fromVersion, toVersion);
    String batchId = null;
    if (!prepared.migrating.isEmpty()) {
      Batch batch = runtimeService.newMigration(prepared.plan)
          .processInstanceIds(prepared.migrating).executeAsync();
      batchId = batch.getId();
    }
    return prepared.report(batchId);
  }

  private record Prepared(ProcessDefinition source, ProcessDefinition target, MigrationPlan plan,
      List<String> instructions, List<String> migrating, Map<String, String> notMigratable,
      Map<String, Set<String>> waitingIn) {

    MigrationReport report(String batchId) {
      return new MigrationReport(source.getId(), target.getId(), instructions, migrating,
          notMigratable, batchId, waitingIn);
    }
  }

  private Prepared prepare(String key, int fromVersion, Integer toVersion) {
    ProcessDefinition source = definition(key, fromVersion);
    ProcessDefinition target = toVersion == null
        ? repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
            .latestVersion().singleResult()
        : definition(key, toVersion);
    if (source.getId().equals(target.getId())) {
      throw new vn.khcn.workflow.shared.web.InvalidInputException(List.of(
          new vn.khcn.workflow.shared.web.ApiError.FieldError("toVersion",
              "phiên bản đích trùng phiên bản nguồn")));
    }
    MigrationPlan plan;
    try {
      plan = runtimeService.createMigrationPlan(source.getId(), target.getId())
          .mapEqualActivities().updateEventTriggers().build();
    } catch (MigrationPlanValidationException e) {
      throw new vn.khcn.workflow.shared.web.InvalidInputException(List.of(
          new vn.khcn.workflow.shared.web.ApiError.FieldError("toVersion",
              "kế hoạch chuyển phiên bản không hợp lệ: " + e.getMessage())));
    }
    Set<String> mapped = new LinkedHashSet<>();
    List<String> instructions = new ArrayList<>();
    for (MigrationInstruction instruction : plan.getInstructions()) {
      mapped.add(instruction.getSourceActivityId());
      instructions.add(instruction.getSourceActivityId() + " → " + instruction.getTargetActivityId());
    }
    List<String> migrating = new ArrayList<>();
    Map<String, String> notMigratable = new LinkedHashMap<>();
    Map<String, Set<String>> unmapped = new LinkedHashMap<>();
    for (ProcessInstance instance : instancesOf(source.getId())) {
      Set<String> waitingIn = new TreeSet<>();
      collectLeaves(runtimeService.getActivityInstance(instance.getId()), waitingIn);
      waitingIn.removeAll(mapped);
      if (waitingIn.isEmpty()) {
        migrating.add(instance.getId());
      } else {
        notMigratable.put(instance.getId(), "đang ở bước không có trong phiên bản đích / waiting in"
            + " activities the target does not have: " + waitingIn);
        unmapped.put(instance.getId(), waitingIn);
      }
    }
    return new Prepared(source, target, plan, instructions, migrating, notMigratable, unmapped);
  }

  /**
   * What uploaded BPMN files would change against the newest deployed version of each process
   * they define (files defining a new process key are listed with everything added).
   */
  public Map<String, Difference> differenceToLatest(Map<String, byte[]> resources) {
    Map<String, Difference> differences = new LinkedHashMap<>();
    for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
      if (!resource.getKey().endsWith(".bpmn")) {
        continue;
      }
      Map<String, Map<String, String>> uploaded = elementsByProcess(resource.getValue());
      uploaded.forEach((key, elements) -> {
        ProcessDefinition latest = repositoryService.createProcessDefinitionQuery()
            .processDefinitionKey(key).latestVersion().singleResult();
        Map<String, String> current = latest == null ? Map.of()
            : elementsByProcess(read(latest)).getOrDefault(key, Map.of());
        differences.put(key + (latest == null ? " (mới)" : " (so với phiên bản "
            + latest.getVersion() + ")"), compare(current, elements));
      });
    }
    return differences;
  }

  /** Instances of a definition, read in pages below the engine's query limit. */
  private List<ProcessInstance> instancesOf(String definitionId) {
    List<ProcessInstance> all = new ArrayList<>();
    for (int first = 0; first < MAX_MIGRATION_INSTANCES; first += PAGE) {
      List<ProcessInstance> page = runtimeService.createProcessInstanceQuery()
          .processDefinitionId(definitionId).orderByProcessInstanceId().asc()
          .listPage(first, PAGE);
      all.addAll(page);
      if (page.size() < PAGE) {
        break;
      }
    }
    return all;
  }

  private static void collectLeaves(ActivityInstance instance, Collection<String> into) {
    if (instance.getChildActivityInstances().length == 0 && instance.getChildTransitionInstances().length == 0) {
      into.add(instance.getActivityId());
      return;
    }
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      if (!child.getActivityId().equals(instance.getActivityId())) {
        into.add(child.getActivityId());
      }
      collectLeaves(child, into);
    }
    for (var transition : instance.getChildTransitionInstances()) {
      into.add(transition.getActivityId());
    }
  }

  private ProcessDefinition definition(String key, int version) {
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(key).processDefinitionVersion(version).singleResult();
    if (definition == null) {
      throw new NotFoundException("Không có quy trình " + key + " phiên bản " + version);
    }
    return definition;
  }

  private byte[] read(ProcessDefinition definition) {
    try (InputStream in = repositoryService.getResourceAsStream(definition.getDeploymentId(),
        definition.getResourceName())) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Flow elements (anything with an id inside the process) described without diagram layout. */
  private Map<String, String> elements(ProcessDefinition definition) {
    return elementsByProcess(read(definition)).getOrDefault(definition.getKey(), Map.of());
  }

  private static Map<String, Map<String, String>> elementsByProcess(byte[] bpmn) {
    Map<String, Map<String, String>> byProcess = new LinkedHashMap<>();
    BpmnXml.processes(bpmn).forEach((processId, process) -> {
      Map<String, String> elements = new LinkedHashMap<>();
      collect(process, elements);
      byProcess.put(processId, elements);
    });
    return byProcess;
  }

  private static void collect(Element parent, Map<String, String> into) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element child) {
        if (child.hasAttribute("id")) {
          into.put(child.getAttribute("id"), describe(child));
        }
        collect(child, into);
      }
    }
  }

  /** An element as text: its tag, sorted attributes, text and children. */
  private static String describe(Element element) {
    StringBuilder text = new StringBuilder(element.getLocalName());
    NamedNodeMap attributes = element.getAttributes();
    Map<String, String> sorted = new java.util.TreeMap<>();
    for (int i = 0; i < attributes.getLength(); i++) {
      sorted.put(attributes.item(i).getNodeName(), attributes.item(i).getNodeValue());
    }
    text.append(sorted);
    for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element child) {
        text.append('[').append(describe(child)).append(']');
      } else if (node.getNodeType() == Node.TEXT_NODE && !node.getNodeValue().isBlank()) {
        text.append(node.getNodeValue().strip());
      }
    }
    return text.toString();
  }
}
