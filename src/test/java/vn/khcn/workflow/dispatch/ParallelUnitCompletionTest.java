package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khcn.workflow.dispatch.DispatchFixtures.document;
import static vn.khcn.workflow.support.TestHttp.variables;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khcn.workflow.calendar.WorkingCalendar;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess.Tasks;
import vn.khcn.workflow.support.TestHttp;
import vn.khcn.workflow.support.TestHttp.Response;
import vn.khcn.workflow.support.UnitsWithoutHeads;

/**
 * Two units completing their parallel tasks of one document at the same moment (the
 * multi-instance subprocess of incoming-directive): the first completion is held open after the
 * engine wrote it, the second is sent through Tasklist's REST and waits on the first one's row
 * lock, so it read the instance counters before the first committed and loses the optimistic
 * locking race. It used to answer 409; now the completion is done again and both units' results
 * are kept, with the consolidation task once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(UnitsWithoutHeads.class)
class ParallelUnitCompletionTest {

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired PlatformTransactionManager transactions;
  @Autowired JdbcTemplate jdbc;
  @Autowired WorkingCalendar calendar;
  @Autowired Clock clock;

  @Test
  void twoUnitsCompletingAtOnceBothSucceed() throws Exception {
    TestHttp api = TestHttp.of(rest);
    Response created = api.post("vanthu", "/api/incoming-documents",
        document(UUID.randomUUID().toString().substring(0, 8) + "/KH-UBND"));
    assertThat(created.status()).isEqualTo(201);
    long id = created.body().get("id").asLong();
    String pi = created.body().get("processInstanceId").asText();
    String direction = taskService.createTaskQuery().processInstanceId(pi)
        .taskDefinitionKey(Tasks.GIVE_DIRECTION).singleResult().getId();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("direction", "Phòng QLKH chủ trì, Phòng KH-TC phối hợp.");
    body.put("leadUnit", "phong-qlkh");
    body.put("coordinatingUnits", List.of("phong-khtc"));
    body.put("dueDate", calendar.addWorkingDays(LocalDate.now(clock), 10).toString());
    Response directed = api.post("giamdoc", "/api/inbox/" + direction + "/direction", body);
    assertThat(directed.status()).as(directed.text()).isEqualTo(204);
    Task lead = unitTask(pi, "phong-qlkh");
    Task coordinating = unitTask(pi, "phong-khtc");
    taskService.claim(lead.getId(), "cv.qlkh");
    taskService.claim(coordinating.getId(), "cv.khtc");

    CountDownLatch written = new CountDownLatch(1);
    CountDownLatch commit = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> first = pool.submit(() -> new TransactionTemplate(transactions)
          .executeWithoutResult(status -> {
            taskService.complete(lead.getId(), Variables.createVariables()
                .putValue("result", "Kết quả của Phòng QLKH"));
            written.countDown();
            await(commit);
          }));
      assertThat(written.await(60, TimeUnit.SECONDS)).as("the first completion written").isTrue();
      Future<Response> second = pool.submit(() -> api.post("cv.khtc",
          "/engine-rest/task/" + coordinating.getId() + "/complete",
          variables("result", "String", "Kết quả của Phòng KH-TC")));
      waitForALockWait(second);
      commit.countDown();
      first.get(60, TimeUnit.SECONDS);
      Response completed = second.get(60, TimeUnit.SECONDS);

      assertThat(completed.status()).as("the later completion: %s", completed.text())
          .isEqualTo(204);
    } finally {
      commit.countDown();
      pool.shutdownNow();
    }
    assertThat(jdbc.queryForList("select comment_text from document_trail where document_id = ?"
        + " and action = 'UNIT_RESULT'", String.class, id))
        .containsExactlyInAnyOrder("Kết quả của Phòng QLKH", "Kết quả của Phòng KH-TC");
    assertThat(jdbc.queryForObject("select count(*) from document_assignment where document_id = ?"
        + " and completed_at is null", Long.class, id)).as("both units done").isZero();
    assertThat(taskService.createTaskQuery().processInstanceId(pi)
        .taskDefinitionKey(Tasks.CONSOLIDATE_REPORT).count()).isEqualTo(1);
  }

  /** Until the second completion waits on a row the first one holds (H2 names its blocker). */
  private void waitForALockWait(Future<Response> second) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      if (second.isDone()) {
        return; // answered without waiting: the assertions tell what it answered
      }
      Long waiting = jdbc.queryForObject(
          "select count(*) from information_schema.sessions where blocker_id is not null",
          Long.class);
      if (waiting != null && waiting > 0) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the second completion never waited on the first one");
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Task unitTask(String pi, String unit) {
    return taskService.createTaskQuery().processInstanceId(pi)
        .taskDefinitionKey(Tasks.HANDLE_ASSIGNMENT).taskCandidateGroup(unit).singleResult();
  }
}
