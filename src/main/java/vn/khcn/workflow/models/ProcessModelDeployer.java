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
  private static final List<String> MODEL_SUFFIXES = List.of(".bpmn", ".dmn", ".form");
  private static final Logger LOG = LoggerFactory.getLogger(ProcessModelDeployer.class);

  private final RepositoryService repositoryService;
  private final ModelValidator validator;
  private final Path directory;

  @org.springframework.beans.factory.annotation.Autowired
  ProcessModelDeployer(RepositoryService repositoryService, ModelValidator validator,
      ProcessModelProperties properties) {
    this(repositoryService, validator, Path.of(properties.path()));
  }

  ProcessModelDeployer(RepositoryService repositoryService, ModelValidator validator,
      Path directory) {
    this.repositoryService = repositoryService;
    this.validator = validator;
    this.directory = directory.toAbsolutePath().normalize();
  }

  @Override
  public void run(ApplicationArguments args) {
    deployDirectory();
  }

  /** Deploys what changed in the directory; returns the names of the resources deployed. */
  public List<String> deployDirectory() {
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
      throw new ModelRefusedException(problems);
    }
    DeploymentBuilder deployment = repositoryService.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source(DEPLOYMENT_SOURCE)
        .enableDuplicateFiltering(true);
    resources.forEach((name, content) ->
        deployment.addInputStream(name, new java.io.ByteArrayInputStream(content)));
    long before = repositoryService.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME).count();
    DeploymentWithDefinitions deployed = deployment.deployWithResult();
    long after = repositoryService.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME).count();
    if (after == before) {
      // every file equals its last deployed version: the engine returned the old deployment
      LOG.info("Models in {} unchanged", directory);
      return List.of();
    }
    List<String> changed = repositoryService.getDeploymentResources(deployed.getId()).stream()
        .map(Resource::getName).sorted().toList();
    LOG.info("Deployed from {}: {}", directory, changed);
    return changed;
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
