package vn.khcn.workflow.security;

import vn.khcn.workflow.shared.web.DatabaseOutage;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import vn.khcn.workflow.shared.process.InvalidTaskInputException;

/**
 * Engine REST exception mappers. A task claimed by someone else, or changed concurrently, is a
 * 409 Conflict, not Camunda's default 500 (its ProcessEngineExceptionHandler maps only AuthorizationException to 403
 * and BadUserRequest/Parse/migration validation exceptions to 400). The body keeps Camunda's error
 * shape ({@code type}, {@code message}) so the webapps and clients read it as usual.
 */
public final class EngineRestExceptionMappers {

  /**
   * Every mapper, registered on {@code /engine-rest} ({@link EngineRestConfig}) and on the
   * webapps' engine API ({@link WebappEngineApiProviders}).
   */
  static final List<Class<?>> ALL = List.of(TaskAlreadyClaimed.class,
      OptimisticLocking.class, ConcurrentRowChange.class, JavaSerializationRefused.class,
      InvalidTaskInput.class);

  /** Before Camunda's own mappers of the same exception type (lower value wins in Jersey). */
  static final int OURS_FIRST = 1;

  static final String CLAIMED_MESSAGE =
      "Công việc này đã có người nhận xử lý; hãy tải lại danh sách công việc.";
  static final String CONCURRENT_MESSAGE =
      "Dữ liệu vừa được người khác thay đổi; hãy tải lại và thực hiện lại.";

  @Provider
  @Priority(OURS_FIRST)
  public static final class TaskAlreadyClaimed implements ExceptionMapper<TaskAlreadyClaimedException> {
    @Override
    public Response toResponse(TaskAlreadyClaimedException exception) {
      return conflict(exception, CLAIMED_MESSAGE);
    }
  }

  @Provider
  @Priority(OURS_FIRST)
  public static final class OptimisticLocking implements ExceptionMapper<OptimisticLockingException> {
    @Override
    public Response toResponse(OptimisticLockingException exception) {
      return conflict(exception, CONCURRENT_MESSAGE);
    }
  }

  /**
   * One of our rows a listener writes (a unit's assignment) changed by another transaction
   * meanwhile, past the completion's retries (ADR 0038): nothing stored, 409 as for the engine's
   * own optimistic lock.
   */
  @Provider
  @Priority(OURS_FIRST)
  public static final class ConcurrentRowChange
      implements ExceptionMapper<org.springframework.dao.ConcurrencyFailureException> {
    @Override
    public Response toResponse(org.springframework.dao.ConcurrencyFailureException exception) {
      return conflict(exception, CONCURRENT_MESSAGE);
    }
  }

  /**
   * Task input refused by a listener (see {@link InvalidTaskInput}) reaches here when the task
   * resource wraps it as "Cannot complete task": 400 with the person-readable message.
   * Camunda wraps the engine's refusal of a Java-serialized variable (ENGINE-17007,
   * javaSerializationFormatEnabled=false) in a RestException with status 500; it is bad input, so
   * 400. Every other RestException is answered by Camunda's own handler.
   */
  @Provider
  @Priority(OURS_FIRST)
  public static final class JavaSerializationRefused implements ExceptionMapper<RestException> {
    static final String ENGINE_CODE = "ENGINE-17007";

    @Override
    public Response toResponse(RestException exception) {
      InvalidTaskInputException invalid = invalidInput(exception);
      if (invalid != null) {
        return error(Response.Status.BAD_REQUEST, invalid, invalid.getMessage());
      }
      AuthorizationException denied = cause(exception, AuthorizationException.class);
      if (denied != null && (Object) denied != exception) {
        // a rule of the engine (who may complete, how a process starts), wrapped by a listener
        return error(Response.Status.FORBIDDEN, denied, denied.getMessage());
      }
      OptimisticLockingException concurrent = cause(exception, OptimisticLockingException.class);
      if (concurrent != null) {
        // "Cannot complete task": another completion touched the same instance; nothing stored
        return conflict(concurrent, CONCURRENT_MESSAGE);
      }
      Response known = knownClientError(exception);
      if (known != null) {
        return known;
      }
      if (exception.getMessage() == null || !exception.getMessage().contains(ENGINE_CODE)) {
        return new RestExceptionHandler().toResponse(exception);
      }
      return error(Response.Status.BAD_REQUEST, exception,
          "Không chấp nhận biến tuần tự hóa kiểu Java (application/x-java-serialized-object);"
              + " hãy gửi giá trị dạng JSON.");
    }
  }

  /**
   * A task listener that refuses what a person entered throws {@link InvalidTaskInputException};
   * the engine wraps every task-listener exception in a ProcessEngineException (ENGINE-03051),
   * which Camunda answers with 500. Unwrapped, it is the 400 it is. Anything else goes to
   * Camunda's own handler unchanged.
   */
  @Provider
  @Priority(OURS_FIRST)
  public static final class InvalidTaskInput implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException exception) {
      InvalidTaskInputException invalid = invalidInput(exception);
      if (invalid != null) {
        return error(Response.Status.BAD_REQUEST, invalid, invalid.getMessage());
      }
      AuthorizationException denied = cause(exception, AuthorizationException.class);
      if (denied != null && denied != exception) {
        // a rule of the engine (who may complete, how a process starts), wrapped by a listener
        return error(Response.Status.FORBIDDEN, denied, denied.getMessage());
      }
      OptimisticLockingException concurrent = cause(exception, OptimisticLockingException.class);
      if (concurrent != null) {
        return conflict(concurrent, CONCURRENT_MESSAGE);
      }
      Response known = knownClientError(exception);
      if (known != null) {
        return known;
      }
      if (DatabaseOutage.isOutage(exception)) {
        return error(Response.Status.SERVICE_UNAVAILABLE, exception, DatabaseOutage.MESSAGE);
      }
      return new ProcessEngineExceptionHandler().toResponse(exception);
    }
  }

  static final String PROCESS_TASK_DELETE = "The task cannot be deleted because";
  static final String PROCESS_TASK_MESSAGE = "Không thể xóa công việc thuộc một quy trình đang chạy;"
      + " công việc kết thúc khi được hoàn thành hoặc khi quy trình bị hủy.";

  /**
   * Engine refusals that Camunda answers with 500 but are the client's doing: a decision
   * evaluated with a value of the wrong type (DMN-01005 and the like: 400); the deletion of a
   * task of a running process (403); a unique key violated by two identical requests at once,
   * e.g. one user claiming a task from two tabs, both inserting the same authorization, or a
   * deadlock of two completions of one task that outlasted the retries (409).
   */
  static Response knownClientError(Exception exception) {
    Throwable dmn = dmnFailure(exception);
    if (dmn != null) {
      return error(Response.Status.BAD_REQUEST, exception,
          "Dữ liệu gửi vào bảng quyết định không hợp lệ (sai kiểu hoặc sai giá trị): "
              + dmn.getMessage());
    }
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof org.camunda.bpm.engine.exception.NullValueException
          && cause.getMessage() != null && cause.getMessage().startsWith("Cannot find task")) {
        // e.g. the same task completed twice: it is gone, nothing changed
        return error(Response.Status.NOT_FOUND, exception,
            "Không tìm thấy công việc; có thể công việc đã được hoàn thành.");
      }
      if (cause instanceof org.springframework.dao.ConcurrencyFailureException rowChanged) {
        // one of our rows a listener writes changed meanwhile, past the retries (ADR 0038)
        return conflict(rowChanged, CONCURRENT_MESSAGE);
      }
      if (cause instanceof vn.khcn.workflow.shared.web.ConflictException conflict) {
        // a listener's refusal of what contradicts the stored state (a late ballot)
        return error(Response.Status.CONFLICT, conflict, conflict.getMessage());
      }
      if (cause.getMessage() != null && cause.getMessage().startsWith(PROCESS_TASK_DELETE)) {
        return error(Response.Status.FORBIDDEN, exception, PROCESS_TASK_MESSAGE);
      }
      if (cause instanceof java.sql.SQLIntegrityConstraintViolationException
          || cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
              && sql.getSQLState().startsWith("23")
          || vn.khcn.workflow.shared.web.ConcurrentTransaction.isRollback(cause)) {
        // 23: a unique key; 40: a deadlock or serialization failure the retries did not outlast
        return conflict(exception, CONCURRENT_MESSAGE);
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }

  private static Throwable dmnFailure(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof org.camunda.bpm.dmn.engine.DmnEngineException
          || cause.getClass().getSimpleName().equals("FeelException")) {
        return cause;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }

  /** The task input refusal in an exception's cause chain, if any. */
  static InvalidTaskInputException invalidInput(Throwable exception) {
    return cause(exception, InvalidTaskInputException.class);
  }

  /** The first exception of the type in the cause chain, if any. */
  static <T extends Throwable> T cause(Throwable exception, Class<T> type) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }

  private static Response conflict(Exception exception, String message) {
    return error(Response.Status.CONFLICT, exception, message);
  }

  private static Response error(Response.Status status, Exception exception, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", exception.getClass().getSimpleName());
    body.put("message", message);
    body.put("code", 0);
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
        .entity(body)
        .build();
  }

  private EngineRestExceptionMappers() {}
}
