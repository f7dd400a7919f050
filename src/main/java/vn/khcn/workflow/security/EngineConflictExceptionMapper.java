package vn.khcn.workflow.security;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;

/**
 * Engine REST: a task claimed by someone else, or changed concurrently, is a 409 Conflict, not
 * Camunda's default 500 (its ProcessEngineExceptionHandler maps only AuthorizationException to 403
 * and BadUserRequest/Parse/migration validation exceptions to 400). The body keeps Camunda's error
 * shape ({@code type}, {@code message}) so the webapps and clients read it as usual.
 */
public final class EngineConflictExceptionMapper {

  static final String CLAIMED_MESSAGE =
      "Công việc này đã có người nhận xử lý; hãy tải lại danh sách công việc.";
  static final String CONCURRENT_MESSAGE =
      "Dữ liệu vừa được người khác thay đổi; hãy tải lại và thực hiện lại.";

  @Provider
  public static final class TaskAlreadyClaimed implements ExceptionMapper<TaskAlreadyClaimedException> {
    @Override
    public Response toResponse(TaskAlreadyClaimedException exception) {
      return conflict(exception, CLAIMED_MESSAGE);
    }
  }

  @Provider
  public static final class OptimisticLocking implements ExceptionMapper<OptimisticLockingException> {
    @Override
    public Response toResponse(OptimisticLockingException exception) {
      return conflict(exception, CONCURRENT_MESSAGE);
    }
  }

  private static Response conflict(Exception exception, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", exception.getClass().getSimpleName());
    body.put("message", message);
    body.put("code", 0);
    return Response.status(Response.Status.CONFLICT)
        .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
        .entity(body)
        .build();
  }

  private EngineConflictExceptionMapper() {}
}
