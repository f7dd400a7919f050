package vn.khcn.workflow.interop;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The folder connector to the interconnection axis ({@code khcn.interop}): packages are picked up
 * from {@code inbox}, status messages written to {@code outbox}; this Department's id and name on
 * the axis (empty: the To of the package answered).
 */
@ConfigurationProperties(prefix = "khcn.interop")
record InteropProperties(Path inbox, Path outbox, boolean watch, Duration pollInterval,
    DataSize maxPackageSize, String organId, String organName) {

  InteropProperties {
    inbox = inbox == null ? Path.of("interop/inbox") : inbox;
    outbox = outbox == null ? Path.of("interop/outbox") : outbox;
    maxPackageSize = maxPackageSize == null ? DataSize.ofMegabytes(20) : maxPackageSize;
    organId = organId == null || organId.isBlank() ? null : organId.strip();
    organName = organName == null || organName.isBlank() ? null : organName.strip();
  }
}
