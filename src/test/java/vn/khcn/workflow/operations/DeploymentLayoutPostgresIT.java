package vn.khcn.workflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import vn.khcn.workflow.reliability.cluster.AppNode;
import vn.khcn.workflow.support.PostgresTestDatabase;

/**
 * The layout the Docker image runs (ADR 0054): {@code docker/prepare-layout.sh} extracts the
 * packaged jar and records a class-data sharing archive; the Dockerfile's entrypoint, run from
 * that folder on PostgreSQL, must start the application with the archive mapped. {@code
 * -Xshare:on} makes a JVM that cannot map it fail instead of starting without it.
 */
@ExtendWith(PostgresTestDatabase.class)
class DeploymentLayoutPostgresIT {

  private static final Path DOCKERFILE = Path.of("Dockerfile");

  @TempDir
  Path temp;

  @Test
  void theImagesEntrypointStartsFromThePreparedLayoutWithItsArchive() throws Exception {
    Path layout = temp.resolve("application");
    Path preparation = temp.resolve("prepare.log");
    Process prepare = new ProcessBuilder("sh", "docker/prepare-layout.sh",
        AppNode.packagedJar().toString(), layout.toString()).directory(new File("."))
        .redirectErrorStream(true).redirectOutput(preparation.toFile()).start();
    assertThat(prepare.waitFor(5, TimeUnit.MINUTES)).as("preparation finished").isTrue();
    assertThat(prepare.exitValue()).as("preparation: %s", Files.readString(preparation))
        .isZero();
    assertThat(layout.resolve("khcn-workflow.jar")).isRegularFile();
    assertThat(layout.resolve("khcn-workflow.jsa")).isNotEmptyFile();
    try (Stream<Path> libraries = Files.list(layout.resolve("lib"))) {
      assertThat(libraries.map(p -> p.getFileName().toString()))
          .anyMatch(name -> name.startsWith("camunda-engine-"))
          .noneMatch(name -> name.startsWith("commons-logging-"));
    }

    List<String> entrypoint = entrypoint();
    assertThat(entrypoint).as("the image's entrypoint").startsWith("java")
        .contains("-XX:SharedArchiveFile=khcn-workflow.jsa").endsWith("-jar", "khcn-workflow.jar");
    assertThat(workdir()).as("the folder the image starts from").isEqualTo("/app/application");

    Map<String, String> database = new HashMap<>();
    PostgresTestDatabase.register((name, value) -> database.put(name, String.valueOf(value.get())));
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xshare:on");
    command.addAll(entrypoint.subList(1, entrypoint.size()));
    command.add("--server.port=" + port);
    Path log = temp.resolve("app.log");
    ProcessBuilder builder = new ProcessBuilder(command).directory(layout.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(Map.of("SPRING_PROFILES_ACTIVE", "postgres",
        "DB_URL", database.get("spring.datasource.url"),
        "DB_USER", database.get("spring.datasource.username"),
        "DB_PASSWORD", database.get("spring.datasource.password"),
        "PROCESSES_PATH", Path.of("processes").toAbsolutePath().toString(),
        "PROCESSES_WATCH", "false", "JOB_EXECUTION_ENABLED", "false",
        // as docker-compose.yml requires: the first administrator of an empty database
        "ADMIN_USER", "admin", "ADMIN_PASSWORD", "layout-test-admin"));
    Process app = builder.start();
    try {
      String health = awaitHealth(app, port, log);
      assertThat(health).contains("\"UP\"");
      HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + "/login")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).isEqualTo(200);
      assertThat(login.body()).contains("Đăng nhập");
      assertThat(Files.readString(log)).doesNotContain("Unable to use shared archive")
          .contains("Deployed from " + Path.of("processes").toAbsolutePath());
    } finally {
      app.destroy();
      if (!app.waitFor(30, TimeUnit.SECONDS)) {
        app.destroyForcibly().waitFor();
      }
    }
  }

  private static String awaitHealth(Process app, int port, Path log) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      if (!app.isAlive()) {
        throw new AssertionError("the application exited: " + tail(log));
      }
      try {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(
            "http://127.0.0.1:" + port + "/actuator/health")).timeout(Duration.ofSeconds(5))
            .build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return health.body();
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError("not healthy within 3 minutes: " + tail(log));
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  /** The Dockerfile's ENTRYPOINT, its exec form read as the JSON array it is. */
  static List<String> entrypoint() throws IOException {
    String line = instruction("ENTRYPOINT");
    return List.of(new ObjectMapper().readValue(line, String[].class));
  }

  /** The last WORKDIR of the Dockerfile: the folder the entrypoint runs in. */
  static String workdir() throws IOException {
    return instruction("WORKDIR");
  }

  private static String instruction(String name) throws IOException {
    String found = null;
    for (String line : Files.readAllLines(DOCKERFILE)) {
      if (line.startsWith(name + " ")) {
        found = line.substring(name.length() + 1).trim();
      }
    }
    assertThat(found).as("%s in the Dockerfile", name).isNotNull();
    return found;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
