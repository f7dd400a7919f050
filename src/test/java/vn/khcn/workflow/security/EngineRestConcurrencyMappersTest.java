package vn.khcn.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/**
 * A row of ours changed by another transaction during a completion (the two-node soak, ADR 0038)
 * is a 409 with the Vietnamese "changed by someone else" message on /engine-rest, however the
 * engine or its REST layer wrapped it; an unrelated failure still goes to Camunda's handler.
 */
class EngineRestConcurrencyMappersTest {

  static final ObjectOptimisticLockingFailureException ROW_CHANGED =
      new ObjectOptimisticLockingFailureException("vn.khcn.workflow.dispatch.Assignment", 166L);

  @Test
  void aRowChangedMeanwhileIsAConflictHoweverItIsWrapped() {
    assertConflict(new EngineRestExceptionMappers.ConcurrentRowChange().toResponse(ROW_CHANGED));
    assertConflict(new EngineRestExceptionMappers.InvalidTaskInput().toResponse(
        new ProcessEngineException("ENGINE-03051 There was an exception while invoking the"
            + " TaskListener", ROW_CHANGED)));
    assertConflict(new EngineRestExceptionMappers.JavaSerializationRefused().toResponse(
        new RestException(Response.Status.INTERNAL_SERVER_ERROR, ROW_CHANGED,
            "Cannot complete task t-1")));
  }

  @Test
  void aDeadlockThatOutlastedTheRetriesIsAConflict() {
    assertConflict(new EngineRestExceptionMappers.InvalidTaskInput().toResponse(
        new ProcessEngineException("An exception occurred in the persistence layer",
            new java.sql.BatchUpdateException("deadlock detected", "40P01", new int[0]))));
  }

  @Test
  void anUnrelatedFailureKeepsCamundasAnswer() {
    Response other = new EngineRestExceptionMappers.InvalidTaskInput().toResponse(
        new ProcessEngineException("something else"));
    assertThat(other.getStatus()).isEqualTo(500);
  }

  static void assertConflict(Response response) {
    assertThat(response.getStatus()).isEqualTo(409);
    assertThat(((Map<?, ?>) response.getEntity()).get("message"))
        .isEqualTo(EngineRestExceptionMappers.CONCURRENT_MESSAGE);
  }
}
