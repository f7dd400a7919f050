package vn.khcn.workflow.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Deploys every file of processes/ (BPMN, DMN, forms) once per test class on the bare engine of
 * the class's {@link ProcessEngineExtension}, ends what a test left running after each test and
 * removes the deployment after the class. Register it after the engine, so it is undone first:
 *
 * <pre>
 * &#64;RegisterExtension &#64;Order(1)
 * static ProcessEngineExtension engine = ProcessEngineExtension.builder()
 *     .configurationResource("model-tests.cfg.xml").build();
 * &#64;RegisterExtension &#64;Order(2)
 * static DeployedProcessModels models = new DeployedProcessModels(engine);
 * </pre>
 * Each class needs its own engine extension: one instance shared by two classes keeps the engine
 * the first class closed.
 */
public final class DeployedProcessModels
    implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {

  public static final Path PROCESSES = Path.of("processes");

  private final ProcessEngineExtension engine;
  private String deploymentId;

  public DeployedProcessModels(ProcessEngineExtension engine) {
    this.engine = engine;
  }

  public String deploymentId() {
    return deploymentId;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (deploymentId == null) {
      deploymentId = deploy(engine.getProcessEngine(), "model-tests");
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    var runtime = engine.getProcessEngine().getRuntimeService();
    List<String> running = runtime.createProcessInstanceQuery().rootProcessInstances().list()
        .stream().map(ProcessInstance::getId).toList();
    if (!running.isEmpty()) {
      runtime.deleteProcessInstances(running, "test done", true, true);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (deploymentId != null) {
      engine.getProcessEngine().getRepositoryService().deleteDeployment(deploymentId, true);
      deploymentId = null;
    }
  }

  /** Deploys every file under processes/ with its relative path as resource name. */
  public static String deploy(ProcessEngine processEngine, String name) {
    DeploymentBuilder deployment = processEngine.getRepositoryService().createDeployment()
        .name(name);
    try (Stream<Path> files = Files.walk(PROCESSES)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        deployment.addInputStream(PROCESSES.relativize(file).toString().replace('\\', '/'),
            new ByteArrayInputStream(Files.readAllBytes(file)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return deployment.deploy().getId();
  }
}
