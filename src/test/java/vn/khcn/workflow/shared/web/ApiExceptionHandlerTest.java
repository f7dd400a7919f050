package vn.khcn.workflow.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** Engine and Spring exceptions become ApiError with the right status and a Vietnamese message. */
class ApiExceptionHandlerTest {

  final ApiExceptionHandler handler = new ApiExceptionHandler();
  final MockHttpServletRequest request =
      new MockHttpServletRequest("POST", "/api/incoming-documents/7/attachments");

  @Test
  void engineExceptionsMapToTheirStatus() {
    assertStatus(handler.engineAuthorization(new AuthorizationException("x"), request), 403);
    assertStatus(handler.alreadyClaimed(new TaskAlreadyClaimedException("t", "u"), request), 409);
    assertStatus(handler.concurrentChange(new OptimisticLockingException("x"), request), 409);
    assertStatus(handler.concurrentChange(new org.springframework.orm
        .ObjectOptimisticLockingFailureException("Assignment", 166L), request), 409);
    assertStatus(handler.engineNotFound(new NotFoundException("x"), request), 404);
    ResponseEntity<ApiError> bad =
        handler.badEngineRequest(new BadUserRequestException("Max results limit"), request);
    assertStatus(bad, 400);
    assertThat(bad.getBody().message()).startsWith("Yêu cầu không hợp lệ");
  }

  @Test
  void aDeadlockOrSerializationFailureTheEngineWrappedIsAConflictOtherDatabaseErrorsAre500() {
    ResponseEntity<ApiError> deadlock = handler.unexpected(new ProcessEngineException(
        "could not execute", new PersistenceException(new java.sql.SQLException(
            "deadlock detected", "40P01"))), request);
    assertStatus(deadlock, 409);
    assertThat(deadlock.getBody().message()).contains("người khác thay đổi");
    assertStatus(handler.unexpected(new ProcessEngineException("x",
        new java.sql.SQLException("could not serialize access", "40001")), request), 409);
    assertStatus(handler.unexpected(new ProcessEngineException("x",
        new java.sql.SQLException("value too long", "22001")), request), 500);
  }

  @Test
  void oversizeUploadIs413() {
    ResponseEntity<ApiError> response =
        handler.tooLarge(new MaxUploadSizeExceededException(20L * 1024 * 1024), request);
    assertStatus(response, 413);
    assertThat(response.getBody().message()).contains("dung lượng");
    assertThat(response.getBody().path()).isEqualTo("/api/incoming-documents/7/attachments");
  }

  @Test
  void anUnreadableMultipartBodyIs400() {
    ResponseEntity<ApiError> response = handler.unreadableMultipart(
        new org.springframework.web.multipart.MultipartException("Failed to parse multipart"),
        request);
    assertStatus(response, 400);
    assertThat(response.getBody().message()).contains("multipart");
  }

  @Test
  void springClientErrorsKeepTheirStatusAndOthersAre500WithoutDetails() {
    assertStatus(handler.unexpected(
        new HttpRequestMethodNotSupportedException(HttpMethod.PATCH.name()), request), 405);
    ResponseEntity<ApiError> unexpected =
        handler.unexpected(new IllegalStateException("secret internals"), request);
    assertStatus(unexpected, 500);
    assertThat(unexpected.getBody().message()).doesNotContain("secret");
  }

  private static void assertStatus(ResponseEntity<ApiError> response, int status) {
    assertThat(response.getStatusCode().value()).isEqualTo(status);
    assertThat(response.getBody().status()).isEqualTo(status);
  }
}
