package vn.khcn.workflow.intake;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import vn.khcn.workflow.shared.web.ApiError;
import vn.khcn.workflow.signature.PadesVerifier;

/**
 * {@code POST /api/incoming-documents/extract} (registry clerks): the fields intake proposes for
 * one received file, sent as the multipart part {@code file} and nothing else. Nothing is stored.
 */
@RestController
class IntakeController {

  private final IntakeService intake;
  private final PadesVerifier signatures;

  IntakeController(IntakeService intake, PadesVerifier signatures) {
    this.intake = intake;
    this.signatures = signatures;
  }

  @PostMapping(path = "/api/incoming-documents/extract")
  @PreAuthorize("hasAuthority('van-thu')")
  ExtractionWithSignatures extract(HttpServletRequest request) throws IOException {
    if (!(request instanceof MultipartHttpServletRequest multipart)) {
      throw new IntakeException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "Gửi tệp dạng multipart/form-data, trong trường «file».");
    }
    List<String> extra = new java.util.ArrayList<>(multipart.getParameterMap().keySet());
    multipart.getFileMap().keySet().stream().filter(name -> !name.equals("file"))
        .forEach(extra::add);
    if (!extra.isEmpty()) {
      throw new IntakeException(HttpStatus.BAD_REQUEST,
          "Trường không được hỗ trợ: " + String.join(", ", extra) + " (chỉ gửi «file»).");
    }
    List<MultipartFile> files = multipart.getFiles("file");
    if (files.isEmpty()) {
      throw new IntakeException(HttpStatus.BAD_REQUEST, "Thiếu tệp: trường «file».");
    }
    if (files.size() > 1) {
      throw new IntakeException(HttpStatus.BAD_REQUEST, "Mỗi lần chỉ đọc một tệp (trường «file»).");
    }
    byte[] content = files.get(0).getBytes();
    return new ExtractionWithSignatures(intake.extract(content), signatures.verify(content));
  }

  /** Intake's refusals as the API's one error body, before the generic handler. */
  @RestControllerAdvice(assignableTypes = IntakeController.class)
  @Order(Ordered.HIGHEST_PRECEDENCE)
  static class Errors {
    private final MeterRegistry meters;

    Errors(MeterRegistry meters) {
      this.meters = meters;
    }

    @ExceptionHandler(IntakeException.class)
    ResponseEntity<ApiError> refused(IntakeException e, HttpServletRequest request) {
      meters.counter("khcn.intake.failures", "status", String.valueOf(e.status().value()))
          .increment();
      return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON)
          .body(ApiError.of(e.status().value(), e.status().getReasonPhrase(), e.getMessage(),
              request.getRequestURI().substring(request.getContextPath().length())));
    }
  }
}
