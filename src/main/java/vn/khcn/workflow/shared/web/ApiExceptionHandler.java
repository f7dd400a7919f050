package vn.khcn.workflow.shared.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Turns exceptions of our /api controllers (package vn.khcn.workflow) into {@link ApiError} with a
 * Vietnamese message. Feature teams add handlers for their own exceptions here (or in their own
 * advice with a higher precedence than this one's {@code LOWEST_PRECEDENCE}).
 */
@RestControllerAdvice(basePackages = "vn.khcn.workflow")
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<ApiError> engineAuthorization(AuthorizationException e, HttpServletRequest r) {
    return error(HttpStatus.FORBIDDEN, "Bạn không có quyền thực hiện thao tác này.", r);
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<ApiError> accessDenied(AccessDeniedException e, HttpServletRequest r) {
    return error(HttpStatus.FORBIDDEN, "Bạn không có quyền thực hiện thao tác này.", r);
  }

  @ExceptionHandler(AuthenticationException.class)
  ResponseEntity<ApiError> notAuthenticated(AuthenticationException e, HttpServletRequest r) {
    return error(HttpStatus.UNAUTHORIZED, "Cần đăng nhập để thực hiện thao tác này.", r);
  }

  @ExceptionHandler(TaskAlreadyClaimedException.class)
  ResponseEntity<ApiError> alreadyClaimed(TaskAlreadyClaimedException e, HttpServletRequest r) {
    return error(HttpStatus.CONFLICT,
        "Công việc này đã có người nhận xử lý; hãy tải lại danh sách công việc.", r);
  }

  /** The engine's or our own rows changed by someone else meanwhile (JPA version check). */
  @ExceptionHandler({OptimisticLockingException.class,
      org.springframework.dao.ConcurrencyFailureException.class})
  ResponseEntity<ApiError> concurrentChange(Exception e, HttpServletRequest r) {
    return error(HttpStatus.CONFLICT,
        "Dữ liệu vừa được người khác thay đổi; hãy tải lại và thực hiện lại.", r);
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ApiError> engineNotFound(NotFoundException e, HttpServletRequest r) {
    return error(HttpStatus.NOT_FOUND, "Không tìm thấy đối tượng được yêu cầu.", r);
  }

  @ExceptionHandler(BadUserRequestException.class)
  ResponseEntity<ApiError> badEngineRequest(BadUserRequestException e, HttpServletRequest r) {
    return error(HttpStatus.BAD_REQUEST, "Yêu cầu không hợp lệ: " + e.getMessage(), r);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e, HttpServletRequest r) {
    Throwable cause = e.getCause();
    if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = fieldPath(mapping);
      return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
          .body(ApiError.invalid("Dữ liệu gửi lên không hợp lệ.", path(r),
              List.of(new ApiError.FieldError(field, reason(mapping)))));
    }
    String message = cause instanceof JsonParseException
        ? "Nội dung JSON sai cú pháp (dòng " + ((JsonParseException) cause).getLocation().getLineNr()
            + ", cột " + ((JsonParseException) cause).getLocation().getColumnNr() + ")."
        : "Không đọc được nội dung yêu cầu: cần JSON hợp lệ.";
    return error(HttpStatus.BAD_REQUEST, message, r);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e,
      HttpServletRequest r) {
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
        .body(ApiError.invalid("Tham số \"" + e.getName() + "\" không hợp lệ.", path(r),
            List.of(new ApiError.FieldError(e.getName(),
                "Giá trị \"" + e.getValue() + "\" không đúng kiểu dữ liệu."))));
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest r) {
    return error(HttpStatus.PAYLOAD_TOO_LARGE, "Tệp gửi lên vượt quá dung lượng cho phép.", r);
  }

  /** A multipart body that cannot be read (no boundary, truncated): the client's fault. */
  @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
  ResponseEntity<ApiError> unreadableMultipart(
      org.springframework.web.multipart.MultipartException e, HttpServletRequest r) {
    return error(HttpStatus.BAD_REQUEST,
        "Nội dung multipart/form-data gửi lên bị hỏng hoặc thiếu ranh giới (boundary).", r);
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e, HttpServletRequest r) {
    List<ApiError.FieldError> fields = e.getBindingResult().getFieldErrors().stream()
        .map(f -> new ApiError.FieldError(f.getField(), f.getDefaultMessage()))
        .toList();
    List<ApiError.FieldError> global = e.getBindingResult().getGlobalErrors().stream()
        .map(g -> new ApiError.FieldError(g.getObjectName(), g.getDefaultMessage()))
        .toList();
    List<ApiError.FieldError> all = new java.util.ArrayList<>(fields);
    all.addAll(global);
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
        .body(ApiError.invalid("Dữ liệu gửi lên không hợp lệ.", path(r), all));
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<ApiError> violations(ConstraintViolationException e, HttpServletRequest r) {
    List<ApiError.FieldError> fields = e.getConstraintViolations().stream()
        .map(v -> new ApiError.FieldError(leafName(v), v.getMessage()))
        .toList();
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
        .body(ApiError.invalid("Dữ liệu gửi lên không hợp lệ.", path(r), fields));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiError> unexpected(Exception e, HttpServletRequest r) {
    if (e instanceof ErrorResponse response) {
      // Spring MVC's own client errors (404, 405, 415, missing parameter, ...) keep their status
      HttpStatusCode status = response.getStatusCode();
      return error(status, messageFor(status), r);
    }
    if (DatabaseOutage.isOutage(e)) {
      log.warn("Database unreachable on {} {}: {}", r.getMethod(), path(r), e.getMessage());
      return error(HttpStatus.SERVICE_UNAVAILABLE, DatabaseOutage.MESSAGE, r);
    }
    if (ConcurrentTransaction.rolledBack(e)) {
      // a deadlock or serialization failure the engine passed on wrapped (not retried, or past
      // the retries): the other transaction won; nothing of this one was stored
      log.info("Transaction rolled back for a concurrent one on {} {}: {}", r.getMethod(),
          path(r), e.toString());
      return concurrentChange(e, r);
    }
    log.error("Unexpected error on {} {}", r.getMethod(), path(r), e);
    return error(HttpStatus.INTERNAL_SERVER_ERROR,
        "Hệ thống gặp lỗi ngoài dự kiến; vui lòng thử lại hoặc báo quản trị viên.", r);
  }

  private static String messageFor(HttpStatusCode status) {
    return switch (status.value()) {
      case 400 -> "Yêu cầu không hợp lệ.";
      case 404 -> "Không tìm thấy địa chỉ hoặc đối tượng được yêu cầu.";
      case 405 -> "Phương thức HTTP này không được hỗ trợ ở địa chỉ này.";
      case 406 -> "Không thể trả về dữ liệu theo định dạng yêu cầu.";
      case 415 -> "Định dạng nội dung gửi lên không được hỗ trợ.";
      default -> status.is5xxServerError()
          ? "Hệ thống gặp lỗi ngoài dự kiến; vui lòng thử lại hoặc báo quản trị viên."
          : "Yêu cầu không được chấp nhận.";
    };
  }

  private static String reason(JsonMappingException e) {
    if (e instanceof UnrecognizedPropertyException) {
      return "Trường không được hỗ trợ.";
    }
    if (e instanceof InvalidFormatException invalid) {
      return "Giá trị \"" + invalid.getValue() + "\" không đúng định dạng.";
    }
    if (e instanceof MismatchedInputException) {
      return "Sai kiểu dữ liệu.";
    }
    return "Giá trị không hợp lệ.";
  }

  private static String fieldPath(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String leafName(ConstraintViolation<?> violation) {
    String name = null;
    for (Path.Node node : violation.getPropertyPath()) {
      name = node.getName();
    }
    return name == null ? violation.getPropertyPath().toString() : name;
  }

  private static ResponseEntity<ApiError> error(HttpStatusCode status, String message,
      HttpServletRequest request) {
    HttpStatus resolved = HttpStatus.resolve(status.value());
    String reason = resolved == null ? String.valueOf(status.value()) : resolved.getReasonPhrase();
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
        .body(ApiError.of(status.value(), reason, message, path(request)));
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
