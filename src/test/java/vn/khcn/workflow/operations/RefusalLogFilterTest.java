package vn.khcn.workflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.khcn.workflow.shared.process.InvalidTaskInputException;
import vn.khcn.workflow.shared.web.ConflictException;

class RefusalLogFilterTest {

  final LoggerContext context = new LoggerContext();
  final ListAppender<ILoggingEvent> appended = new ListAppender<>();
  Logger engineContext;

  @BeforeEach
  void setUp() {
    RefusalLogFilter filter = new RefusalLogFilter();
    filter.start();
    context.addTurboFilter(filter);
    appended.setContext(context);
    appended.start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appended);
    engineContext = context.getLogger(RefusalLogFilter.CONTEXT_LOGGER);
  }

  /** As Camunda's ContextLogger logs ENGINE-16004: the message's argument, then the exception. */
  void logAsCamunda(Throwable thrown) {
    engineContext.error("ENGINE-16004 Exception while closing command context: {}",
        thrown.getMessage(), thrown);
  }

  static ProcessEngineException wrapped(Throwable cause) {
    return new ProcessEngineException("ENGINE-03051 There was an exception while invoking the"
        + " TaskListener. Message: '" + cause.getMessage() + "'",
        new ProcessEngineException("Exception while invoking TaskListener", cause));
  }

  @Test
  void aListenersRefusalOfWhatAPersonEnteredIsNotAnError() {
    logAsCamunda(wrapped(new InvalidTaskInputException(List.of(
        "replyDate: chưa nhập ngày của văn bản trả lời"))));
    logAsCamunda(wrapped(new AuthorizationException("Công việc đang do cv.qlkh xử lý")));
    logAsCamunda(wrapped(new ConflictException("Hội đồng đã kết luận", java.util.Map.of())));
    logAsCamunda(new NullValueException("Cannot find task with id 42: task is null"));

    assertThat(appended.list).isEmpty();
  }

  @Test
  void everythingElseIsLoggedAsBefore() {
    logAsCamunda(wrapped(new IllegalStateException("No assignment of phong-qlkh")));
    logAsCamunda(new ProcessEngineException("ENGINE-03005 connection refused"));
    logAsCamunda(new NullValueException("Cannot find process definition with id 7"));
    engineContext.warn("a warning", wrapped(new InvalidTaskInputException(List.of("x: y"))));
    context.getLogger("vn.khcn.workflow").error("ours",
        wrapped(new InvalidTaskInputException(List.of("x: y"))));

    assertThat(appended.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
        "ENGINE-16004 Exception while closing command context: ENGINE-03051 There was an"
            + " exception while invoking the TaskListener. Message: 'No assignment of phong-qlkh'",
        "ENGINE-16004 Exception while closing command context: ENGINE-03005 connection refused",
        "ENGINE-16004 Exception while closing command context: Cannot find process definition"
            + " with id 7",
        "a warning", "ours");
  }
}
