package vn.khcn.workflow.bench;

import static vn.khcn.workflow.bench.BenchSupport.OUT;
import static vn.khcn.workflow.bench.BenchSupport.PASSWORD;
import static vn.khcn.workflow.bench.BenchSupport.USER;
import static vn.khcn.workflow.bench.BenchSupport.round;
import static vn.khcn.workflow.bench.BenchSupport.url;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import khcnbench.BareCamundaStarter;
import vn.khcn.workflow.KhcnWorkflowApplication;
import vn.khcn.workflow.reliability.cluster.AppNode;

/**
 * Start-up times, each in a JVM of its own until {@code /actuator/health} answers UP: the
 * application and the bare Camunda starter (webapps and REST, no application code), both from the
 * same class path (the bench's, without the test classes) on an empty database of their own, and
 * the packaged application restarted on the database the run filled.
 */
final class Startups {

  private Startups() {}

  /** Seconds until the application, first start on the empty database, is UP. */
  static double application(String db) throws Exception {
    return launch("app-first-start", KhcnWorkflowApplication.class.getName(), List.of(
        "--spring.profiles.active=postgres", "--spring.datasource.url=" + url(db),
        "--spring.datasource.username=" + USER, "--spring.datasource.password=" + PASSWORD,
        "--khcn.demo.users=true", "--khcn.demo.documents=false",
        "--khcn.processes.watch=false", "--camunda.bpm.job-execution.enabled=false"));
  }

  /** Seconds until the bare Camunda starter, first start on the empty database, is UP. */
  static double bareStarter(String db) throws Exception {
    String excluded = String.join(",",
        "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
        "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration",
        "org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.security.servlet."
            + "ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration",
        "org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration");
    // no application.yaml: a configuration name nobody uses; everything on the command line
    return launch("bare-starter", BareCamundaStarter.class.getName(), List.of(
        "--spring.config.name=bench-bare-starter", "--spring.autoconfigure.exclude=" + excluded,
        "--spring.datasource.url=" + url(db), "--spring.datasource.username=" + USER,
        "--spring.datasource.password=" + PASSWORD, "--springdoc.api-docs.enabled=false",
        "--camunda.bpm.database.schema-update=true", "--camunda.bpm.admin-user.id=demo",
        "--camunda.bpm.admin-user.password=demo", "--camunda.bpm.job-execution.enabled=false",
        "--camunda.bpm.auto-deployment-enabled=false"));
  }

  /** Seconds from launching the packaged jar on the run's database until it reports UP. */
  static double restartPackaged(String db) throws Exception {
    return restart(new AppNode("bench-restart", freePort(), AppNode.packagedJar(), Map.of("DB_URL",
        url(db), "DB_USER", USER, "DB_PASSWORD", PASSWORD), OUT));
  }

  /**
   * Restarts on the run's database as the packaged jar, then as the Docker image starts the
   * application (ADR 0054): extracted without and with its class-data sharing archive; {@code
   * rounds} times in turn, so that a machine slowing down weighs on each the same.
   */
  static Map<String, Object> restartsByLayout(String db, int rounds) throws Exception {
    Path layout = prepareLayout();
    Map<String, String> environment = Map.of("DB_URL", url(db), "DB_USER", USER,
        "DB_PASSWORD", PASSWORD, "PROCESSES_PATH", Path.of("processes").toAbsolutePath()
            .toString());
    Path jar = Path.of("khcn-workflow.jar");
    Map<String, List<Double>> seconds = new LinkedHashMap<>();
    for (int round = 0; round < rounds; round++) {
      seconds.computeIfAbsent("packaged_s", k -> new ArrayList<>()).add(restartPackaged(db));
      seconds.computeIfAbsent("extracted_s", k -> new ArrayList<>()).add(restart(
          new AppNode("bench-restart-extracted", freePort(), jar, environment, OUT)
              .from(layout)));
      seconds.computeIfAbsent("extracted_archive_s", k -> new ArrayList<>()).add(restart(
          new AppNode("bench-restart-archive", freePort(), jar, environment, OUT)
              .from(layout, "-Xshare:on", "-XX:SharedArchiveFile=khcn-workflow.jsa")));
    }
    Map<String, Object> figures = new LinkedHashMap<>(seconds);
    seconds.forEach((name, values) -> figures.put(name.replace("_s", "_median_s"),
        round(values.stream().sorted().toList().get(values.size() / 2))));
    figures.put("archive_mb", Files.size(layout.resolve("khcn-workflow.jsa")) / (1024 * 1024));
    return figures;
  }

  /** {@code docker/prepare-layout.sh} run on the packaged jar into target/bench/layout. */
  static Path prepareLayout() throws Exception {
    Path layout = OUT.resolve("layout").toAbsolutePath();
    if (Files.exists(layout)) {
      try (var files = Files.walk(layout)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Path log = OUT.resolve("prepare-layout.log");
    Process prepare = new ProcessBuilder("sh", "docker/prepare-layout.sh",
        AppNode.packagedJar().toString(), layout.toString()).directory(new File("."))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!prepare.waitFor(10, java.util.concurrent.TimeUnit.MINUTES) || prepare.exitValue() != 0) {
      throw new IllegalStateException("docker/prepare-layout.sh failed; see " + log);
    }
    return layout;
  }

  private static double restart(AppNode node) throws Exception {
    node.start();
    try {
      return round(node.awaitHealthy(Duration.ofMinutes(3)));
    } finally {
      node.stop();
    }
  }

  private static double launch(String name, String mainClass, List<String> args)
      throws Exception {
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
        "-Dfile.encoding=UTF-8", "-cp", classPath(), mainClass, "--server.port=" + port));
    command.addAll(args);
    Path log = OUT.resolve("startup-" + name + ".log");
    Process process = new ProcessBuilder(command).directory(new File("."))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long start = System.nanoTime();
    try {
      HttpClient http = HttpClient.newHttpClient();
      while (System.nanoTime() - start < Duration.ofMinutes(10).toNanos()) {
        if (!process.isAlive()) {
          throw new IllegalStateException(name + " exited; see " + log);
        }
        try {
          HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(
              "http://127.0.0.1:" + port + "/actuator/health")).timeout(Duration.ofSeconds(5))
              .build(), HttpResponse.BodyHandlers.ofString());
          if (health.statusCode() == 200 && health.body().contains("UP")) {
            return round((System.nanoTime() - start) / 1e9);
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        Thread.sleep(200);
      }
      throw new IllegalStateException(name + " not UP after 10 minutes; see " + log);
    } finally {
      process.destroy();
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  /**
   * The bench's class path without the test classes (their spring.factories would hook a test
   * observer into every start), plus a folder holding only the bare starter's class.
   */
  private static String classPath() throws Exception {
    String full = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    Path testClasses = Path.of("target", "test-classes").toAbsolutePath().normalize();
    Path starterDir = OUT.resolve("bare-starter-classes").toAbsolutePath();
    String resource = BareCamundaStarter.class.getName().replace('.', '/') + ".class";
    Path target = starterDir.resolve(resource);
    Files.createDirectories(target.getParent());
    Files.copy(testClasses.resolve(resource), target, StandardCopyOption.REPLACE_EXISTING);
    List<String> entries = Arrays.stream(full.split(File.pathSeparator))
        .filter(e -> !e.isBlank() && !Path.of(e).toAbsolutePath().normalize().equals(testClasses))
        .collect(Collectors.toCollection(ArrayList::new));
    entries.add(starterDir.toString());
    return String.join(File.pathSeparator, entries);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
