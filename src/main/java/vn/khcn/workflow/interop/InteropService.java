package vn.khcn.workflow.interop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.dispatch.ElectronicRegistry;
import vn.khcn.workflow.dispatch.ElectronicRegistry.ElectronicFile;
import vn.khcn.workflow.dispatch.RegisteredDocument;
import vn.khcn.workflow.dispatch.RegistrationRequest;
import vn.khcn.workflow.identity.Actor;
import vn.khcn.workflow.shared.text.TypedText;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.ConflictException;
import vn.khcn.workflow.shared.web.InvalidInputException;
import vn.khcn.workflow.shared.web.NotFoundException;
import vn.khcn.workflow.shared.web.UploadedFiles;

/**
 * Packages received over the axis (issue 16, ADR 0017): received (status 01) or, for a status
 * message, a sender's recall noted; checked by the clerk, then registered (03) with the package's
 * files and DocumentId, or refused with a reason (02); a recall accepted (15, the registry's
 * recall) or refused (16). Each step in one transaction; a refusal stores nothing.
 */
@Service
class InteropService {

  static final int MAX_REASON = 2000;

  /** What a received file was: a new package, or the sender's recall of one already received. */
  record Receipt(ReceivedPackage received, boolean recall) {}

  private final ReceivedPackageRepository packages;
  private final StatusMessageRepository messages;
  private final StatusOutbox outbox;
  private final ElectronicRegistry registry;
  private final InteropProperties properties;
  private final ObjectMapper json;
  private final Clock clock;

  InteropService(ReceivedPackageRepository packages, StatusMessageRepository messages,
      StatusOutbox outbox, ElectronicRegistry registry, InteropProperties properties,
      ObjectMapper json, Clock clock) {
    this.packages = packages;
    this.messages = messages;
    this.outbox = outbox;
    this.registry = registry;
    this.properties = properties;
    this.json = json;
    this.clock = clock;
  }

  /** A package from the inbox folder or an upload: stored and acknowledged, or refused (400). */
  @Transactional
  Receipt receive(String fileName, byte[] content, ReceivedPackage.Source source,
      Actor actor) {
    if (content.length > properties.maxPackageSize().toBytes()) {
      throw EdxmlParser.refused("Gói edXML lớn quá " + properties.maxPackageSize().toKilobytes()
          + " KB (" + content.length / 1024 + " KB).");
    }
    EdxmlPackage parsed = EdxmlParser.parse(content, clock.instant());
    List<FieldError> problems = new java.util.ArrayList<>();
    String name = UploadedFiles.safeFileName(fileName == null ? "goi.edxml" : fileName, problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    if (parsed.kind() == EdxmlPackage.Kind.STATUS) {
      return new Receipt(statusReceived(parsed), true);
    }
    Long duplicateOf = packages.findByEdxmlDocumentId(parsed.documentId()).stream()
        .filter(p -> p.getStatus() != PackageStatus.REFUSED).map(ReceivedPackage::getId)
        .findFirst().orElse(null);
    ReceivedPackage received = packages.saveAndFlush(new ReceivedPackage(parsed,
        headerJson(parsed), name, source, content, UploadedFiles.sha256(content), duplicateOf,
        clock.instant(), actor.userId()));
    outbox.send(received, StatusCode.RECEIVED, null, actor);
    return new Receipt(received, false);
  }

  /** The sender's status message: only a recall (13) of a package we have is understood. */
  private ReceivedPackage statusReceived(EdxmlPackage parsed) {
    EdxmlPackage.Status status = parsed.status();
    if (StatusCode.of(status.code()) != StatusCode.RECALL_REQUESTED) {
      throw EdxmlParser.refused("Gói trạng thái mã " + status.code() + " không được xử lý ở đây:"
          + " chỉ nhận đề nghị thu hồi (13) của văn bản đã nhận.");
    }
    ReceivedPackage received = packages.findByEdxmlDocumentId(status.responseFor()).stream()
        .filter(p -> p.getStatus() == PackageStatus.REGISTERED
            || p.getStatus() == PackageStatus.RECEIVED)
        .reduce((first, second) -> second)
        .orElseThrow(() -> EdxmlParser.refused("Đề nghị thu hồi văn bản " + status.responseFor()
            + ": không có văn bản nào đã nhận với mã này."));
    if (parsed.from().id() != null && received.getSenderOrganId() != null
        && !parsed.from().id().equals(received.getSenderOrganId())) {
      throw EdxmlParser.refused("Đề nghị thu hồi văn bản " + status.responseFor()
          + " không đến từ cơ quan đã gửi văn bản (" + received.getSenderOrganId() + ").");
    }
    String reason = status.description() == null ? "(không nêu lý do)" : status.description();
    received.recallRequested(reason, clock.instant());
    if (received.getDocumentId() != null) {
      registry.note(received.getDocumentId(), ElectronicRegistry.Note.RECALL_REQUESTED,
          (received.getSenderOrganName() == null ? "Cơ quan gửi" : received.getSenderOrganName())
              + " đề nghị thu hồi qua trục liên thông: " + reason
              + ". Văn thư xem và quyết định tại «Văn bản điện tử đến».", Actor.SYSTEM);
    }
    return received;
  }

  /** Art. 21: the clerk refuses the package (e.g. sent to the wrong agency); 02 with the reason. */
  @Transactional
  ReceivedPackage refuse(long id, String reasonText, Actor actor) {
    String reason = reason(reasonText);
    ReceivedPackage received = awaiting(id);
    received.refuse(reason, actor.userId(), clock.instant());
    outbox.send(received, StatusCode.REFUSED, reason, actor);
    return received;
  }

  /**
   * Art. 21: the clerk checked the package and registers it with the values confirmed; its files
   * are attached, its DocumentId kept. A package whose DocumentId was registered before is a
   * duplicate (409 with the earlier document) unless registered anyway.
   */
  @Transactional
  RegisteredDocument register(long id, RegistrationRequest request, boolean registerDuplicate,
      Actor actor) {
    ReceivedPackage received = awaiting(id);
    if (!registerDuplicate && !Boolean.TRUE.equals(request.registerDuplicate())) {
      Optional<ReceivedPackage> earlier = packages.findByEdxmlDocumentId(
          received.getEdxmlDocumentId()).stream()
          .filter(p -> p.getDocumentId() != null && !p.getId().equals(received.getId()))
          .findFirst();
      if (earlier.isPresent()) {
        String key = registry.businessKey(earlier.get().getDocumentId());
        throw new ConflictException("Văn bản điện tử mã " + received.getEdxmlDocumentId()
            + " đã được đăng ký: số đến " + key + ". Nếu đây là văn bản gửi lại, hãy đăng ký"
            + " lại với registerDuplicate = true.", Map.of(
                "existingId", earlier.get().getDocumentId(), "existingBusinessKey", key));
      }
    }
    EdxmlPackage parsed = EdxmlParser.parse(received.getContent(), received.getReceivedAt());
    List<ElectronicFile> files = parsed.attachments().stream()
        .map(a -> new ElectronicFile(a.name(), a.content())).toList();
    String receipt = "Mã văn bản điện tử (DocumentId) " + received.getEdxmlDocumentId()
        + ", nơi gửi " + received.getSenderOrganName() + "; "
        + received.getSignatureResult().label().toLowerCase(java.util.Locale.ROOT)
        + (received.getSignatureDetail() == null ? "" : " (" + received.getSignatureDetail() + ")");
    RegisteredDocument registered = registry.register(request, registerDuplicate, files,
        receipt, actor);
    received.registered(registered.id(), actor.userId(), clock.instant());
    outbox.send(received, StatusCode.REGISTERED, "Đã vào sổ văn bản đến, số đến "
        + registered.businessKey(), actor);
    return registered;
  }

  /** The clerk's answer to the sender's recall: 15 (and the document recalled) or 16. */
  @Transactional
  ReceivedPackage decideRecall(long id, boolean accept, String reasonText, Actor actor) {
    ReceivedPackage received = find(id);
    String reason = accept ? null : reason(reasonText);
    if (!received.recallPending()) {
      throw new ConflictException("Không có đề nghị thu hồi nào đang chờ cho gói " + id + ".",
          Map.of("status", received.getStatus().name()));
    }
    if (accept) {
      if (received.getDocumentId() != null) {
        registry.recall(received.getDocumentId(), "Cơ quan gửi thu hồi qua trục liên thông: "
            + received.getRecallReason(), actor);
      }
      received.recallDecided(true);
      outbox.send(received, StatusCode.RECALL_ACCEPTED, null, actor);
    } else {
      received.recallDecided(false);
      if (received.getDocumentId() != null) {
        registry.note(received.getDocumentId(), ElectronicRegistry.Note.RECALL_REFUSED, reason,
            actor);
      }
      outbox.send(received, StatusCode.RECALL_REFUSED, reason, actor);
    }
    return received;
  }

  @Transactional(readOnly = true)
  List<ReceivedPackage> recent(int limit) {
    return packages.findAllNewestFirst(PageRequest.of(0, limit));
  }

  @Transactional(readOnly = true)
  ReceivedPackage find(long id) {
    return packages.findById(id)
        .orElseThrow(() -> new NotFoundException("Không tìm thấy gói văn bản điện tử " + id));
  }

  @Transactional(readOnly = true)
  List<StatusMessage> statuses(long id) {
    return messages.findByPackageId(id);
  }

  private ReceivedPackage awaiting(long id) {
    ReceivedPackage received = find(id);
    if (received.getStatus() != PackageStatus.RECEIVED) {
      throw new ConflictException("Gói văn bản điện tử " + id + " "
          + received.getStatus().label().toLowerCase(java.util.Locale.ROOT)
          + ", không kiểm tra lại được.", Map.of("status", received.getStatus().name()));
    }
    return received;
  }

  private static String reason(String value) {
    String text = TypedText.normalize(value);
    Optional<String> problem = TypedText.problem(text);
    String message = problem.map(p -> "lý do " + p).orElse(text == null || text.isEmpty()
        ? "chưa nhập lý do" : text.length() > MAX_REASON
        ? "lý do dài quá " + MAX_REASON + " ký tự (" + text.length() + ")" : null);
    if (message != null) {
      throw new InvalidInputException(List.of(new FieldError("reason", message)));
    }
    return text;
  }

  private String headerJson(EdxmlPackage parsed) {
    try {
      return json.writeValueAsString(parsed.header());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
