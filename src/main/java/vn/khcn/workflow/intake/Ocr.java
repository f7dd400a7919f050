package vn.khcn.workflow.intake;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Optical character recognition with the Tesseract command line and its Vietnamese model
 * (Debian: tesseract-ocr, tesseract-ocr-vie), run locally: {@code tesseract <image> - -l vie}.
 * Not installed: {@link #available()} is false and intake answers 422 for scans.
 */
@Component
class Ocr {

  private static final Logger log = LoggerFactory.getLogger(Ocr.class);

  private final String command;
  private final long timeoutSeconds;
  private volatile Boolean available;

  Ocr(@Value("${khcn.intake.tesseract:tesseract}") String command,
      @Value("${khcn.intake.ocr-timeout-seconds:120}") long timeoutSeconds) {
    this.command = command;
    this.timeoutSeconds = timeoutSeconds;
  }

  /** Whether tesseract runs and has the Vietnamese model; asked once. */
  boolean available() {
    Boolean known = available;
    if (known == null) {
      known = probe();
      available = known;
    }
    return known;
  }

  private boolean probe() {
    try {
      Process process = new ProcessBuilder(command, "--list-langs").redirectErrorStream(true)
          .start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      boolean finished = process.waitFor(20, TimeUnit.SECONDS);
      boolean vie = finished && process.exitValue() == 0
          && out.lines().map(String::strip).anyMatch("vie"::equals);
      if (!vie) {
        log.info("OCR unavailable: '{} --list-langs' lists no 'vie' model", command);
      }
      return vie;
    } catch (IOException e) {
      log.info("OCR unavailable: {} not found ({})", command, e.getMessage());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The text of one page image (written to a temporary PNG, removed afterwards). */
  String read(BufferedImage page) throws IOException {
    Path file = Files.createTempFile("khcn-ocr-", ".png");
    try {
      ImageIO.write(page, "png", file.toFile());
      return run(file.toFile());
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private String run(File image) throws IOException {
    Process process = new ProcessBuilder(List.of(command, image.getAbsolutePath(), "-", "-l", "vie",
        "--psm", "3")).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("tesseract took longer than " + timeoutSeconds + " s");
      }
      if (process.exitValue() != 0) {
        throw new IOException("tesseract exited with " + process.exitValue());
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
