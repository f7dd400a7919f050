package vn.khcn.workflow.shared.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A person's task completion that loses an optimistic-locking race is done again, up to
 * {@link #ATTEMPTS} times, instead of answering 409. Units working in parallel (a multi-instance
 * subprocess) complete their tasks at the same moment: each completion updates the instance
 * counters of the multi-instance body, so one of two simultaneous completions fails at commit
 * with nothing stored. Done again, it sees the other's commit and succeeds (a task someone else
 * completed meanwhile is then "not found", as it is).
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

  /** Retries a top-level task completion on {@link OptimisticLockingException}. */
  static final class RetryingInterceptor extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      if (!retried(command)) {
        return next.execute(command);
      }
      for (int attempt = 1; ; attempt++) {
        try {
          return next.execute(command);
        } catch (OptimisticLockingException concurrent) {
          if (attempt >= ATTEMPTS) {
            throw concurrent;
          }
          log.info("Task completion lost an optimistic-locking race (attempt {} of {}); done"
              + " again: {}", attempt, ATTEMPTS, concurrent.getMessage());
        }
      }
    }

    private static boolean retried(Command<?> command) {
      return (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd)
          && Context.getCommandContext() == null
          && !TransactionSynchronizationManager.isActualTransactionActive();
    }
  }
}
