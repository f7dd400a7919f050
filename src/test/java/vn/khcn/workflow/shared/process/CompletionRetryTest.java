package vn.khcn.workflow.shared.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.junit.jupiter.api.Test;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/**
 * A completion or claim that fails as a lost race does is done again (ADR 0038); a real refusal
 * is answered at once, and nothing but completions and claims is retried.
 */
class CompletionRetryTest {

  /** The engine behind the interceptor: fails with the given exceptions in turn, then succeeds. */
  static final class Engine extends CommandInterceptor {
    final Deque<RuntimeException> failures;
    int calls;

    Engine(RuntimeException... failures) {
      this.failures = new ArrayDeque<>(List.of(failures));
    }

    @Override
    public <T> T execute(Command<T> command) {
      calls++;
      if (!failures.isEmpty()) {
        throw failures.poll();
      }
      return null;
    }
  }

  static final Command<?> COMPLETE = new CompleteTaskCmd("task-1", null);
  static final Command<?> CLAIM = new ClaimTaskCmd("task-1", "cv.qlkh");

  static Engine run(Command<?> command, RuntimeException... failures) {
    Engine engine = new Engine(failures);
    CompletionRetry.RetryingInterceptor retrying = new CompletionRetry.RetryingInterceptor();
    retrying.setNext(engine);
    retrying.execute(command);
    return engine;
  }

  @Test
  void theRacesOfTwoNodesAreDoneAgain() {
    assertThat(run(COMPLETE, new OptimisticLockingException("instance changed")).calls)
        .isEqualTo(2);
    assertThat(run(COMPLETE, new ProcessEngineException("listener failed",
        new ObjectOptimisticLockingFailureException("Assignment", 166L))).calls)
        .as("a listener's JPA row changed meanwhile").isEqualTo(2);
    assertThat(run(COMPLETE, new ProcessEngineException("Cannot restore state of process"
        + " instance p-1: list of executions is empty")).calls)
        .as("the instance ended meanwhile").isEqualTo(2);
    assertThat(run(COMPLETE, new NullPointerException("processInstance is null"),
        new AuthorizationException("cv.qlkh", "TASK_WORK", "Task", "task-1")).calls)
        .as("its authorizations removed meanwhile").isEqualTo(3);
    assertThat(run(CLAIM, new OptimisticLockingException("claimed meanwhile")).calls)
        .isEqualTo(2);
    assertThat(run(COMPLETE, new ProcessEngineException("listener failed",
        new MissingVariableException("documentId"))).calls)
        .as("a variable gone with the instance").isEqualTo(2);
    assertThat(run(COMPLETE, new ProcessEngineException("persistence layer",
        new java.sql.BatchUpdateException("deadlock detected", "40P01", new int[0]))).calls)
        .as("a deadlock PostgreSQL broke").isEqualTo(2);
    assertThat(run(COMPLETE, new NullValueException("The variable \"nrOfCompletedInstances\""
        + " could not be found in execution with id e-1: value is null")).calls)
        .as("the engine's own variable gone with the instance").isEqualTo(2);
    assertThat(run(new org.camunda.bpm.engine.impl.cmd.GetIdentityLinksForTaskCmd("task-1"),
        new NullPointerException("execution is null")).calls)
        .as("Tasklist reading a task's candidates while it is completed").isEqualTo(2);
  }

  @Test
  void whatTheRetryFindsIsTheAnswer() {
    NullValueException gone = new NullValueException("Cannot find task with id task-1");
    Engine engine = new Engine(new AuthorizationException("cv.qlkh", "TASK_WORK", "Task",
        "task-1"), gone);
    CompletionRetry.RetryingInterceptor retrying = new CompletionRetry.RetryingInterceptor();
    retrying.setNext(engine);
    assertThatThrownBy(() -> retrying.execute(COMPLETE)).isSameAs(gone);
    assertThat(engine.calls).isEqualTo(2);
  }

  @Test
  void racesLostOnEveryAttemptAreAConflict() {
    Engine storm = new Engine(new OptimisticLockingException("task changed"),
        new OptimisticLockingException("task changed"),
        new NullPointerException("processInstance is null"));
    CompletionRetry.RetryingInterceptor retrying = new CompletionRetry.RetryingInterceptor();
    retrying.setNext(storm);
    assertThatThrownBy(() -> retrying.execute(COMPLETE))
        .isInstanceOf(OptimisticLockingException.class)
        .hasRootCauseInstanceOf(NullPointerException.class);
    assertThat(storm.calls).isEqualTo(CompletionRetry.ATTEMPTS);

    NullPointerException bug = new NullPointerException("a defect");
    Engine defect = new Engine(bug, bug, bug);
    retrying.setNext(defect);
    assertThatThrownBy(() -> retrying.execute(COMPLETE))
        .as("no contention seen: the failure itself").isSameAs(bug);
  }

  @Test
  void aRealRefusalIsAnsweredAsItIs() {
    AuthorizationException denied = new AuthorizationException("vanthu", "TASK_WORK", "Task",
        "task-1");
    Engine always = new Engine(denied, denied, denied, denied);
    CompletionRetry.RetryingInterceptor retrying = new CompletionRetry.RetryingInterceptor();
    retrying.setNext(always);
    assertThatThrownBy(() -> retrying.execute(COMPLETE)).isSameAs(denied);
    assertThat(always.calls).as("refused twice in a row: a real refusal, no third attempt")
        .isEqualTo(2);

    Engine claimed = new Engine(denied, new OptimisticLockingException("task changed"), denied);
    retrying.setNext(claimed);
    assertThatThrownBy(() -> retrying.execute(CLAIM)).isSameAs(denied);
    assertThat(claimed.calls).as("a refusal after a lost race may still be one: tried again")
        .isEqualTo(CompletionRetry.ATTEMPTS);

    Engine duplicate = new Engine(new ProcessEngineException("persistence layer",
        new java.sql.SQLException("duplicate key", "23505")));
    retrying.setNext(duplicate);
    assertThatThrownBy(() -> retrying.execute(COMPLETE))
        .isInstanceOf(ProcessEngineException.class);
    assertThat(duplicate.calls).as("another SQL failure is no race").isEqualTo(1);

    Engine bad = new Engine(new BadUserRequestException("variable not declared"));
    retrying.setNext(bad);
    assertThatThrownBy(() -> retrying.execute(COMPLETE))
        .isInstanceOf(BadUserRequestException.class);
    assertThat(bad.calls).isEqualTo(1);

    Engine other = new Engine(new OptimisticLockingException("not a task command"));
    retrying.setNext(other);
    assertThatThrownBy(() -> retrying.execute((Command<Object>) context -> null))
        .isInstanceOf(OptimisticLockingException.class);
    assertThat(other.calls).as("only completions, claims and the engine's reads").isEqualTo(1);

    NullValueException gone = new NullValueException("Cannot find task with id task-1");
    Engine done = new Engine(gone, gone, gone);
    retrying.setNext(done);
    assertThatThrownBy(() -> retrying.execute(COMPLETE)).isSameAs(gone);
    assertThat(done.calls).as("a task found gone is the answer").isEqualTo(1);
  }
}
