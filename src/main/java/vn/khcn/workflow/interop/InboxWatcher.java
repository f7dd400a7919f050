package vn.khcn.workflow.interop;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.identity.Actor;
import vn.khcn.workflow.shared.web.InvalidInputException;

/**
 * The folder connector's receiving side (ADR 0017): every file in {@code khcn.interop.inbox} is
 * received like an upload (by the system), then moved to {@code done/} or, refused, to
 * {@code failed/} with a {@code .reason.txt} beside it saying why. Polled like {@code processes/}.
 */
@Component
@EnableConfigurationProperties(InteropProperties.class)
class InboxWatcher {

  private static final Logger LOG = LoggerFactory.getLogger(InboxWatcher.class);
  static final String DONE = "done";
  static final String FAILED = "failed";

  private final InteropService service;
  private final InteropProperties properties;

  InboxWatcher(InteropService service, InteropProperties properties) {
    this.service = service;
    this.properties = properties;
  }

  @Scheduled(initialDelayString = "${khcn.interop.poll-interval:PT10S}",
      fixedDelayString = "${khcn.interop.poll-interval:PT10S}")
  void scheduled() {
    if (properties.watch()) {
      poll();
    }
  }

  /** Receives what lies in the inbox now; the number of packages received. */
  int poll() {
    Path inbox = properties.inbox();
    if (!Files.isDirectory(inbox)) {
      return 0;
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(inbox)) {
      for (Path file : stream) {
        String name = file.getFileName().toString();
        if (Files.isRegularFile(file) && !name.startsWith(".") && !name.endsWith(".part")) {
          files.add(file);
        }
      }
    } catch (IOException e) {
      LOG.error("Cannot list the interop inbox {}", inbox, e);
      return 0;
    }
    files.sort(null);
    int received = 0;
    for (Path file : files) {
      received += receive(file) ? 1 : 0;
    }
    return received;
  }

  private boolean receive(Path file) {
    String reason;
    try {
      if (Files.size(file) > properties.maxPackageSize().toBytes()) {
        reason = "Gói edXML lớn quá " + properties.maxPackageSize().toKilobytes() + " KB.";
      } else {
        service.receive(file.getFileName().toString(), Files.readAllBytes(file),
            ReceivedPackage.Source.INBOX, Actor.SYSTEM);
        move(file, DONE, null);
        return true;
      }
    } catch (InvalidInputException refused) {
      reason = String.join("\n", refused.fieldErrors().stream()
          .map(error -> error.message()).toList());
    } catch (IOException | RuntimeException e) {
      LOG.error("Interop package {} could not be received", file, e);
      reason = "Lỗi khi nhận gói: " + e.getMessage();
    }
    LOG.warn("Interop package {} refused: {}", file.getFileName(), reason);
    move(file, FAILED, reason);
    return false;
  }

  private void move(Path file, String folder, String reason) {
    try {
      Path target = properties.inbox().resolve(folder);
      Files.createDirectories(target);
      Path moved = Files.move(file, target.resolve(file.getFileName()),
          StandardCopyOption.REPLACE_EXISTING);
      if (reason != null) {
        Files.writeString(moved.resolveSibling(moved.getFileName() + ".reason.txt"), reason);
      }
    } catch (IOException e) {
      LOG.error("Cannot move interop package {} to {}/", file, folder, e);
    }
  }
}
