package vn.khcn.workflow.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Deploys the models in {@code processes/} (BPMN, DMN, Camunda Forms) at start-up, before anything
 * starts a process. Only changed files become new versions (duplicate filtering), so restarting
 * with the same files deploys nothing (ADR 0004). Models are validated first
 * ({@link ModelValidator}); a refused model stops the start-up and deploys nothing.
 */
@Component
@Order(0)
@EnableConfigurationProperties(ProcessModelProperties.class)
public class ProcessModelDeployer implements ApplicationRunner {

  static final String DEPLOYMENT_NAME = "processes";
  static final String DEPLOYMENT_SOURCE = "khcn-filesystem";
  static final String SYSTEM_ACTOR = "system";
  private static final List<String> MODEL_SUFFIXES = List.of(".bpmn", ".dmn", ".form");
  private static final Logger LOG = LoggerFactory.getLogger(ProcessModelDeployer.class);

  private final RepositoryService repositoryService;
  private final ModelValidator validator;
  private final ModelHistory history;
  private final Path directory;

  @org.springframework.beans.factory.annotation.Autowired
  ProcessModelDeployer(RepositoryService repositoryService, ModelValidator validator,
      ModelHistory history, ProcessModelProperties properties) {
    this(repositoryService, validator, history, Path.of(properties.path()));
  }

  ProcessModelDeployer(RepositoryService repositoryService, ModelValidator validator,
      ModelHistory history, Path directory) {
    this.repositoryService = repositoryService;
    this.validator = validator;
    this.history = history;
    this.directory = directory.toAbsolutePath().normalize();
  }

  @Override
  public void run(ApplicationArguments args) {
    deployDirectory(ModelDeployment.Channel.STARTUP);
  }

  /**
   * Validates the directory's models and deploys what changed; returns the names of the resources
   * deployed (empty when nothing changed). Every attempt goes into the model history.
   *
   * @throws ModelRefusedException when a model fails validation: nothing is deployed then
   */
  public synchronized List<String> deployDirectory(ModelDeployment.Channel channel) {
    if (!Files.isDirectory(directory)) {
      throw new IllegalStateException("Process model directory " + directory + " does not exist;"
          + " set khcn.processes.path (env PROCESSES_PATH) to the folder holding the .bpmn files");
    }
    List<Path> files = modelFiles();
    if (files.isEmpty()) {
      LOG.warn("No models found in {}", directory);
      return List.of();
    }
    Map<String, byte[]> resources = new LinkedHashMap<>();
    for (Path file : files) {
      try {
        resources.put(resourceName(file), Files.readAllBytes(file));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read model " + file, e);
      }
    }
    List<ModelProblem> problems = validator.validate(resources);
    if (!problems.isEmpty()) {
      history.record(SYSTEM_ACTOR, channel, resources.keySet(), ModelDeployment.Result.REFUSED,
          null, problems);
      throw new ModelRefusedException(problems);
    }
    DeploymentBuilder deployment = repositoryService.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source(DEPLOYMENT_SOURCE)
        .enableDuplicateFiltering(true);
    resources.forEach((name, content) ->
        deployment.addInputStream(name, new java.io.ByteArrayInputStream(content)));
    long before = repositoryService.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME).count();
    DeploymentWithDefinitions deployed;
    try {
      deployed = deployment.deployWithResult();
    } catch (RuntimeException e) {
      history.record(SYSTEM_ACTOR, channel, resources.keySet(), ModelDeployment.Result.FAILED,
          null, List.of(new ModelProblem("", 0, null, "engine từ chối: " + e.getMessage(),
              "the engine refused: " + e.getMessage())));
      throw e;
    }
    long after = repositoryService.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME).count();
    if (after == before) {
      // every file equals its last deployed version: the engine returned the old deployment
      LOG.info("Models in {} unchanged", directory);
      if (channel == ModelDeployment.Channel.STARTUP) {
        history.record(SYSTEM_ACTOR, channel, resources.keySet(),
            ModelDeployment.Result.UNCHANGED, deployed.getId(), null);
      }
      return List.of();
    }
    List<String> changed = repositoryService.getDeploymentResources(deployed.getId()).stream()
        .map(Resource::getName).sorted().toList();
    LOG.info("Deployed from {}: {}", directory, changed);
    history.record(SYSTEM_ACTOR, channel, changed, ModelDeployment.Result.DEPLOYED,
        deployed.getId(), null);
    return changed;
  }

  /** Names and modification stamps of the model files: what the watcher compares. */
  Map<String, String> fingerprint() {
    Map<String, String> stamps = new java.util.TreeMap<>();
    if (!Files.isDirectory(directory)) {
      return stamps;
    }
    for (Path file : modelFiles()) {
      try {
        stamps.put(resourceName(file), Files.getLastModifiedTime(file).toMillis() + "/"
            + Files.size(file));
      } catch (IOException e) {
        stamps.put(resourceName(file), "unreadable");
      }
    }
    return stamps;
  }

  Path directory() {
    return directory;
  }

  private List<Path> modelFiles() {
    try (Stream<Path> walk = Files.walk(directory)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> MODEL_SUFFIXES.stream().anyMatch(s -> p.getFileName().toString().endsWith(s)))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + directory, e);
    }
  }

  private String resourceName(Path file) {
    return directory.relativize(file).toString().replace('\\', '/');
  }
}
