package vn.khcn.workflow.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.interop.EdxmlPackage.Organ;

/**
 * Outgoing documents to other agencies on the axis (ADR 0027): an edXML document package
 * (MessageHeader with the header fields, the issued file attached) or the notice of its recall
 * (Status 13), written to the outbox the folder connector shares with status messages (ADR
 * 0017). The package needs this Department's id on the axis ({@code khcn.interop.organ-id}).
 */
@Component
public class OutgoingPackages {

  /** What edXML's Bussiness/BussinessDocType says of a package. */
  public enum Business {
    NEW("0"), REPLACEMENT("3");

    private final String code;

    Business(String code) {
      this.code = code;
    }

    String code() {
      return code;
    }
  }

  /**
   * One outgoing document for one agency.
   *
   * @param documentId the package's DocumentId, unique per document and recipient
   * @param priority edXML's Priority: 0 normal, 1 urgent, 2 very urgent, 3 flash
   * @param replaces DocumentId of the package this one replaces (Business.REPLACEMENT)
   */
  public record DocumentPackage(String documentId, String toOrganId, String toOrganName,
      String codeNumber, String codeNotation, LocalDate promulgationDate, String documentType,
      String subject, String signerCompetence, String signerName, int priority,
      List<String> toPlaces, Business business, String replaces, String fileName,
      String contentType, byte[] file) {}

  private final InteropProperties properties;
  private final Clock clock;
  private final ZoneId zone;
  private final String place;

  OutgoingPackages(InteropProperties properties, Clock clock,
      @Value("${khcn.time-zone}") ZoneId zone,
      @Value("${khcn.interop.place:Cần Thơ}") String place) {
    this.properties = properties;
    this.clock = clock;
    this.zone = zone;
    this.place = place;
  }

  /** Whether a package can go to this agency: it has an id, and so has this Department. */
  public boolean canBuild(String toOrganId) {
    return properties.organId() != null && toOrganId != null && !toOrganId.isBlank();
  }

  /** Why no package can be built, for the delivery's record; null when one can. */
  public String whyNot(String toOrganId) {
    if (toOrganId == null || toOrganId.isBlank()) {
      return "nơi nhận không có mã định danh trên trục liên thông";
    }
    return properties.organId() == null
        ? "chưa cấu hình mã định danh của Sở trên trục liên thông (INTEROP_ORGAN_ID)" : null;
  }

  /** Writes the document's package to the outbox; the file's name. */
  public String write(DocumentPackage document) {
    requireUs();
    byte[] xml = OutgoingPackageFiles.write(document, us(), place, clock.instant(), zone);
    return store("out-" + safe(document.documentId()) + ".edxml", xml);
  }

  /** Writes the notice that an earlier package is recalled (Status 13 with the reason). */
  public String writeRecall(String documentId, String reason, String staff) {
    requireUs();
    Instant now = clock.instant();
    // the answered package is our own: ResponseFor and From both name this Department
    byte[] xml = StatusFiles.write(documentId, us(), us(), StatusCode.RECALL_REQUESTED, reason,
        staff, now, zone);
    return store("out-" + safe(documentId) + "-recall.edxml", xml);
  }

  private Organ us() {
    return new Organ(properties.organId(), properties.organName());
  }

  private void requireUs() {
    if (properties.organId() == null) {
      throw new IllegalStateException(whyNot("-"));
    }
  }

  private static String safe(String id) {
    return id.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private String store(String fileName, byte[] xml) {
    try {
      Files.createDirectories(properties.outbox());
      Path temporary = properties.outbox().resolve(fileName + ".part");
      Files.write(temporary, xml);
      Files.move(temporary, properties.outbox().resolve(fileName),
          StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return fileName;
    } catch (IOException e) {
      throw new UncheckedIOException("Không ghi được gói edXML vào thư mục gửi: " + e.getMessage(),
          e);
    }
  }
}
