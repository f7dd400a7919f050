package vn.khcn.workflow.reliability.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One application node: the packaged jar in a JVM of its own, on PostgreSQL (also the benchmark's
 * restart measurement).
 */
public final class AppNode {

  final String name;
  final int port;
  private final Path jar;
  private final Map<String, String> environment;
  private final Path log;
  private final List<String> extraArgs = new ArrayList<>();
  private final List<String> jvmOptions = new ArrayList<>();
  private Path directory = Path.of(".");
  private Process process;
  private long logOffset;

  public AppNode(String name, int port, Path jar, Map<String, String> environment, Path logDir) {
    this.name = name;
    this.port = port;
    this.jar = jar;
    this.environment = environment;
    this.log = logDir.resolve("node-" + name + ".log");
  }

  /** The packaged application (the package phase runs before the integration tests). */
  public static Path packagedJar() throws IOException {
    try (java.util.stream.Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(p -> p.getFileName().toString().matches("khcn-workflow-.*\\.jar"))
          .findFirst().orElseThrow(() -> new IllegalStateException(
              "target/khcn-workflow-*.jar missing: run through Maven (package phase)"));
    }
  }

  /** Further application arguments (e.g. "--khcn.x=y") for the next starts. */
  AppNode with(String... args) {
    extraArgs.addAll(List.of(args));
    return this;
  }

  /**
   * Starts the jar from this folder with these JVM options: the Docker image's layout (ADR 0054)
   * is the jar given by its relative name, started from the folder prepared for it, as the
   * class-data sharing archive recorded the class path.
   */
  public AppNode from(Path directory, String... jvmOptions) {
    this.directory = directory;
    this.jvmOptions.addAll(List.of(jvmOptions));
    return this;
  }

  /** The node's JVM process id (for jcmd). */
  long pid() {
    return process.pid();
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  public void start() throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
        "-Dfile.encoding=UTF-8"));
    command.addAll(jvmOptions);
    String jvmArgs = System.getProperty("reliability.jvmArgs", "").trim();
    if (!jvmArgs.isEmpty()) {
      command.addAll(List.of(jvmArgs.split("\\s+")));
    }
    command.addAll(List.of("-jar", jar.toString(),
        "--server.port=" + port, "--spring.profiles.active=postgres",
        "--khcn.demo.users=true",
        "--camunda.bpm.job-execution.lock-time-in-millis=15000",
        "--camunda.bpm.job-execution.wait-time-in-millis=500",
        "--camunda.bpm.job-execution.max-wait=2000"));
    command.addAll(extraArgs);
    logOffset = Files.exists(log) ? Files.size(log) : 0;
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    process = builder.start();
  }

  /**
   * Starts the nodes and waits until each is healthy, overlapping their starts: the first node
   * alone until its process engine exists (Flyway's and the engine's schemas created: two engines
   * creating the engine's schema at once on an empty database collide on a duplicate key, as
   * docker-compose.yml also avoids), then the others while the first finishes. Returns each
   * node's seconds from the first start to healthy.
   */
  static double[] startAll(List<AppNode> nodes, Duration timeout) throws Exception {
    Instant started = Instant.now();
    nodes.get(0).start();
    if (nodes.size() > 1) {
      nodes.get(0).awaitLogged("ENGINE-00001", timeout);
    }
    for (AppNode node : nodes.subList(1, nodes.size())) {
      node.start();
    }
    double[] seconds = new double[nodes.size()];
    for (int i = 0; i < nodes.size(); i++) {
      Duration left = timeout.minus(Duration.between(started, Instant.now()));
      nodes.get(i).awaitHealthy(left.isNegative() ? Duration.ofSeconds(5) : left);
      seconds[i] = Duration.between(started, Instant.now()).toMillis() / 1000.0;
    }
    return seconds;
  }

  /** Waits until the node's log, since its last start, contains the text. */
  void awaitLogged(String text, Duration timeout) throws Exception {
    Instant start = Instant.now();
    while (Duration.between(start, Instant.now()).compareTo(timeout) < 0) {
      if (!process.isAlive()) {
        throw new IllegalStateException("node " + name + " exited; see " + log);
      }
      byte[] all = Files.readAllBytes(log);
      String since = new String(all, (int) Math.min(logOffset, all.length),
          all.length - (int) Math.min(logOffset, all.length), StandardCharsets.UTF_8);
      if (since.contains(text)) {
        return;
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException("node " + name + " did not log " + text + " within "
        + timeout + "; see " + log);
  }

  /** Waits until /actuator/health answers UP; returns the seconds it took. */
  public double awaitHealthy(Duration timeout) throws Exception {
    Instant start = Instant.now();
    HttpClient http = HttpClient.newHttpClient();
    while (Duration.between(start, Instant.now()).compareTo(timeout) < 0) {
      if (process != null && !process.isAlive()) {
        throw new IllegalStateException("node " + name + " exited; see " + log);
      }
      try {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(
            url("/actuator/health"))).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200 && health.body().contains("UP")) {
          return Duration.between(start, Instant.now()).toMillis() / 1000.0;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("node " + name + " not healthy after " + timeout + "; see "
        + log);
  }

  /** kill -9: the JVM gets no chance to finish anything. */
  void kill() throws InterruptedException {
    if (process != null) {
      process.destroyForcibly();
      process.waitFor();
    }
  }

  public void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }
}
