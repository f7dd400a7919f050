package vn.khcn.workflow.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.khcn.workflow.support.PostgresTestDatabase;
import vn.khcn.workflow.support.TestHttp.Response;

/**
 * The year's research code counter when two nodes submit the year's first dossiers at once (the
 * reliability soak found it answering 500): the other node's first dossier has created the
 * year's counter row and not yet committed; ours finds no row to count on, waits on the other's,
 * meets the unique key and must still take the next code, with nothing half stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(PostgresTestDatabase.class)
class ResearchCodeCounterPostgresIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.register(registry);
  }

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired DataSource dataSource;
  @Autowired Clock clock;

  @Test
  void aFirstDossierMeetingAnotherNodesFirstOfTheYearTakesTheNextCode() throws Exception {
    ResearchApi api = new ResearchApi(rest, taskService);
    int year = LocalDate.now(clock).getYear();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Connection other = dataSource.getConnection();
        Connection watcher = dataSource.getConnection()) {
      other.setAutoCommit(false);
      int last = last(other, year);
      // the other node's first dossier of the year: the row (re)created, not yet committed
      update(other, "delete from research_code_counter where code_year = ?", year);
      update(other, "insert into research_code_counter (code_year, last_number) values (?, "
          + (last + 1) + ")", year);

      Future<Response> ours = pool.submit(() -> api.submit("cv.qlkh", ResearchApi.dossier(
          "Ứng dụng công nghệ sinh học trong nhân giống lúa " + UUID.randomUUID(),
          ResearchFlowTest.HOST, "chunhiem"), "thuyet-minh.pdf", ResearchApi.PDF));
      awaitWaitingOnALock(watcher);
      other.commit();

      Response created = ours.get(60, TimeUnit.SECONDS);
      assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
      assertThat(created.body().get("code").asText())
          .isEqualTo(String.format("DT-%d-%02d", year, last + 2));
      assertThat(last(watcher, year)).isEqualTo(last + 2);
    } finally {
      pool.shutdownNow();
    }
  }

  private static int last(Connection connection, int year) throws Exception {
    try (PreparedStatement select = connection.prepareStatement(
        "select last_number from research_code_counter where code_year = ?")) {
      select.setInt(1, year);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? rows.getInt(1) : 0;
      }
    }
  }

  private static void update(Connection connection, String sql, int year) throws Exception {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setInt(1, year);
      statement.executeUpdate();
    }
  }

  /** Until a session of this database waits for a lock (ours, on the other's row). */
  private static void awaitWaitingOnALock(Connection watcher) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      try (Statement sql = watcher.createStatement(); ResultSet rows = sql.executeQuery(
          "select count(*) from pg_stat_activity where datname = current_database()"
              + " and wait_event_type = 'Lock'")) {
        rows.next();
        if (rows.getInt(1) > 0) {
          return;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the submission never waited on the other node's counter row");
  }
}
