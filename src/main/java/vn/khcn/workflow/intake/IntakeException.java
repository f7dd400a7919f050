package vn.khcn.workflow.intake;

import org.springframework.http.HttpStatus;

/** A file intake refuses, with the status and the Vietnamese message the clerk reads. */
class IntakeException extends RuntimeException {

  private final HttpStatus status;

  IntakeException(HttpStatus status, String message) {
    super(message);
    this.status = status;
  }

  HttpStatus status() {
    return status;
  }

  static IntakeException ocrMissing() {
    return new IntakeException(HttpStatus.UNPROCESSABLE_ENTITY,
        "Chưa cài OCR (tesseract-ocr, tesseract-ocr-vie): tệp ảnh và PDF quét chưa đọc được;"
        + " hãy nhập tay hoặc nhờ quản trị viên cài đặt.");
  }
}
