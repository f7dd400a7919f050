package vn.khcn.workflow.operations;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.shared.web.ConflictException;

/**
 * Keeps a person's refused input out of the error log. Camunda logs a command's exception at
 * ERROR with its whole stack ({@code org.camunda.bpm.engine.context}, ENGINE-16004), except a
 * refusal on top (bad request, authorization, concurrent change, task already claimed: DEBUG or
 * INFO). A task listener's refusal reaches it wrapped (ENGINE-03051), so every form a listener
 * refuses (a return without a comment, a reply without its date: answered 400) wrote some 200
 * lines at ERROR, burying the errors an administrator watches for (README "Runbook"). Here
 * Camunda's own rule is applied to the wrapped cause too, with ours that are refusals (a conflict
 * with the stored state, 409) and a completion of a task already completed (404): those events
 * are left out, their one-line message logged at DEBUG. Every other exception is logged as
 * before.
 */
@Component
class RefusalLogFilter extends TurboFilter implements InitializingBean {

  static final String CONTEXT_LOGGER = "org.camunda.bpm.engine.context";
  private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(RefusalLogFilter.class);

  @Override
  public void afterPropertiesSet() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
        && context.getTurboFilterList().stream().noneMatch(RefusalLogFilter.class::isInstance)) {
      setName("refusals");
      start();
      context.addTurboFilter(this);
    }
  }

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format,
      Object[] params, Throwable t) {
    if (level != Level.ERROR || logger == null || !CONTEXT_LOGGER.equals(logger.getName())) {
      return FilterReply.NEUTRAL;
    }
    Throwable thrown = t != null ? t : lastThrowable(params);
    Throwable refusal = refusal(thrown);
    if (refusal == null) {
      return FilterReply.NEUTRAL;
    }
    LOG.debug("Command refused: {}", refusal.getMessage());
    return FilterReply.DENY;
  }

  /**
   * The refusal a wrapped exception carries (the exception itself Camunda judged already), or the
   * exception when it is a completion of a task that is gone (a second click: answered 404).
   */
  static Throwable refusal(Throwable thrown) {
    if (thrown == null) {
      return null;
    }
    if (thrown instanceof NullValueException && thrown.getMessage() != null
        && thrown.getMessage().startsWith("Cannot find task")) {
      return thrown;
    }
    for (Throwable cause = thrown.getCause(); cause != null && cause != cause.getCause();
        cause = cause.getCause()) {
      if (cause instanceof BadUserRequestException || cause instanceof AuthorizationException
          || cause instanceof OptimisticLockingException
          || cause instanceof TaskAlreadyClaimedException || cause instanceof ConflictException) {
        return cause;
      }
    }
    return null;
  }

  private static Throwable lastThrowable(Object[] params) {
    return params != null && params.length > 0 && params[params.length - 1] instanceof Throwable
        thrown ? thrown : null;
  }
}
