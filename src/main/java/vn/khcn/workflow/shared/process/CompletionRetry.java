package vn.khcn.workflow.shared.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A person's task completion or claim (or the engine's reading of a task) that loses a race is
 * done again, up to {@link #ATTEMPTS} times, instead of answering 409 or 500. Units working in
 * parallel (a multi-instance subprocess) complete their tasks at the same moment: each completion
 * updates the instance counters of the multi-instance body, so one of two simultaneous
 * completions fails at commit with nothing stored. Done again, it sees the other's commit and
 * succeeds (a task someone else completed meanwhile is then "not found", as it is: 404).
 *
 * <p>A race shows itself in more ways than the engine's optimistic lock (the two-node soak, ADR
 * 0038): our listeners' JPA rows (a unit's assignment) fail their version check; the task's
 * process instance ends in another transaction between the engine's reads of the task and of its
 * executions ("Cannot restore state of process instance", or a {@code NullPointerException}
 * inside the engine); its authorizations are removed by the other completion before the check
 * ({@code AuthorizationException}); a step's variable, or the engine's own ("nrOfCompletedInstances
 * could not be found", a {@code NullValueException}), is gone with the instance; PostgreSQL ends
 * one of two transactions deleting the same executions in opposite order (deadlock, 40P01). Each
 * is done again: on a fresh read the task is gone (404), claimed by someone else (409) or
 * workable. A real refusal fails the same way every time and is answered as before; the engine's
 * authorization refusing the user twice in a row is one (not tried a third time).
 *
 * <p>Only a completion that is its own transaction is retried (Tasklist's engine REST, the
 * inbox): inside a caller's transaction (a service method, a delegate) the caller's transaction
 * is already doomed and the exception goes to the caller. The interceptor runs before the
 * engine's transaction interceptor (Camunda's custom pre-interceptors), so each attempt is a
 * transaction of its own.
 */
@Configuration(proxyBeanMethods = false)
class CompletionRetry {

  static final int ATTEMPTS = 3;

  /** The least pause before a second attempt, in milliseconds (up to 4 × this × attempt). */
  static final long PAUSE_MS = 10;

  /** SQL states of a transaction ended for a concurrent one (deadlock, serialization). */
  static final Set<String> RACE_STATES = Set.of("40P01", "40001");

  private static final Logger log = LoggerFactory.getLogger(CompletionRetry.class);

  @Bean
  ProcessEnginePlugin completionRetryPlugin() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> pre = configuration.getCustomPreCommandInterceptorsTxRequired()
            == null ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        pre.add(new RetryingInterceptor());
        configuration.setCustomPreCommandInterceptorsTxRequired(pre);
      }
    };
  }

  /** Retries a top-level task completion or claim that failed as a lost race does. */
  static final class RetryingInterceptor extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      if (!retried(command)) {
        return next.execute(command);
      }
      boolean contended = false;
      boolean refused = false;
      for (int attempt = 1; ; attempt++) {
        try {
          return next.execute(command);
        } catch (RuntimeException failure) {
          contended |= contention(failure);
          boolean refusedNow = refusal(failure);
          if (!lostRace(failure) || refused && refusedNow) {
            throw failure;
          }
          refused = refusedNow;
          if (attempt >= ATTEMPTS) {
            throw contended ? lostEveryRace(failure) : failure;
          }
          log.info("Task {} failed as a lost race does (attempt {} of {}); done again: {}",
              command instanceof ClaimTaskCmd ? "claim" : "completion", attempt, ATTEMPTS,
              failure.toString());
          pause(attempt, failure);
        }
      }
    }

    /**
     * A short random pause before the next attempt, so that two racers retrying together (two
     * completions of one task deadlocking again and again in the soak) fall apart.
     */
    private static void pause(int attempt, RuntimeException failure) {
      try {
        Thread.sleep(ThreadLocalRandom.current().nextLong(PAUSE_MS, 4 * PAUSE_MS) * attempt);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw failure;
      }
    }

    private static boolean retried(Command<?> command) {
      return (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd
          || command instanceof ClaimTaskCmd || engineRead(command))
          && Context.getCommandContext() == null
          && !TransactionSynchronizationManager.isActualTransactionActive();
    }

    /**
     * The engine's reading commands (Tasklist reading a task's candidates, form, variables while
     * someone completes it): nothing to undo, so done again like a completion.
     */
    private static boolean engineRead(Command<?> command) {
      Class<?> type = command.getClass();
      return type.getSimpleName().startsWith("Get")
          && "org.camunda.bpm.engine.impl.cmd".equals(type.getPackageName());
    }
  }

  /**
   * Whether the failure shows for certain that another transaction changed the same rows: the
   * engine's or JPA's version check, or a deadlock or serialization failure.
   */
  static boolean contention(Throwable failure) {
    return anyCause(failure, cause -> cause instanceof OptimisticLockingException
        || cause instanceof ConcurrencyFailureException
        || cause instanceof jakarta.persistence.OptimisticLockException
        || cause instanceof java.sql.SQLException sql && RACE_STATES.contains(sql.getSQLState()));
  }

  /**
   * Whether the engine refused the authenticated user, without any sign of contention. Once, it
   * may be a race (the task's authorizations removed by a completion that committed between the
   * engine's reads); twice in a row, the task still there, it is a real refusal, answered at once
   * instead of after a third attempt.
   */
  static boolean refusal(Throwable failure) {
    return !contention(failure) && anyCause(failure, AuthorizationException.class::isInstance);
  }

  /**
   * The answer after every attempt lost to others working the same task or instance (at least
   * one attempt failed for certain by contention): an {@link OptimisticLockingException}, the 409
   * "changed by someone else, reload". A refusal of the engine's authorization stays itself.
   */
  static RuntimeException lostEveryRace(RuntimeException last) {
    if (anyCause(last, cause -> cause instanceof AuthorizationException
        || cause instanceof OptimisticLockingException)) {
      return last;
    }
    return new OptimisticLockingException("Lost the race for the same task or instance "
        + ATTEMPTS + " times; last: " + last, last);
  }

  /**
   * Whether the failure is one a concurrent change of the same task or instance causes: a sure
   * {@link #contention}, or what a task or instance gone meanwhile leaves behind.
   */
  static boolean lostRace(Throwable failure) {
    return contention(failure) || anyCause(failure, cause ->
        cause instanceof AuthorizationException
            || cause instanceof NullPointerException
            || cause instanceof MissingVariableException
            || cause instanceof NullValueException && cause.getMessage() != null
                && !cause.getMessage().startsWith("Cannot find task")
            || cause.getMessage() != null
                && cause.getMessage().startsWith("Cannot restore state of process instance"));
  }

  private static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (test.test(cause)) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }
}
