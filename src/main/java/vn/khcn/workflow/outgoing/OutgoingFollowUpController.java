package vn.khcn.workflow.outgoing;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.khcn.workflow.identity.ActorResolver;
import vn.khcn.workflow.outgoing.OutgoingViews.Details;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.InvalidInputException;

/**
 * Sending and what follows the issue (ADR 0027): the registry (re)sends, the drafting unit
 * drafts a replacement or a correction letter, the registry or a director recalls.
 */
@RestController
@RequestMapping("/api/outgoing-documents")
class OutgoingFollowUpController {

  /** The body of POST …/recall: the reason, nothing else. */
  record RecallRequest(String reason) {}

  private final OutgoingSending sending;
  private final OutgoingAfterIssue afterIssue;
  private final OutgoingQueries queries;
  private final ActorResolver actors;

  OutgoingFollowUpController(OutgoingSending sending, OutgoingAfterIssue afterIssue,
      OutgoingQueries queries, ActorResolver actors) {
    this.sending = sending;
    this.afterIssue = afterIssue;
    this.queries = queries;
    this.actors = actors;
  }

  /** Sends an issued document (first time) or its failed deliveries again; no body. */
  @PostMapping("/{id}/send")
  @PreAuthorize("hasAuthority('van-thu')")
  Details send(@PathVariable long id, @RequestBody(required = false) Map<String, Object> body,
      Authentication user) {
    noFields(body, "gửi văn bản không nhận trường nào; nơi nhận lấy từ văn bản");
    Reader reader = OutgoingDocumentController.reader(user);
    sending.resend(id, actors.of(user.getName()), reader);
    return queries.details(id, reader);
  }

  @PostMapping("/{id}/replacement")
  @PreAuthorize(OutgoingDocumentController.STAFF)
  ResponseEntity<Details> replacement(@PathVariable long id,
      @RequestBody(required = false) Map<String, Object> body, Authentication user) {
    noFields(body, "văn bản thay thế chép nội dung của văn bản gốc; sửa trên dự thảo mới");
    Reader reader = OutgoingDocumentController.reader(user);
    return created(afterIssue.replacement(id, actors.of(user.getName()), reader), reader);
  }

  @PostMapping("/{id}/correction-letter")
  @PreAuthorize(OutgoingDocumentController.STAFF)
  ResponseEntity<Details> correctionLetter(@PathVariable long id,
      @RequestBody(required = false) Map<String, Object> body, Authentication user) {
    noFields(body, "công văn đính chính được tạo từ văn bản gốc; sửa trên dự thảo mới");
    Reader reader = OutgoingDocumentController.reader(user);
    return created(afterIssue.correctionLetter(id, actors.of(user.getName()), reader), reader);
  }

  @PostMapping("/{id}/recall")
  @PreAuthorize("hasAnyAuthority('van-thu','lanh-dao')")
  Details recall(@PathVariable long id, @RequestBody(required = false) RecallRequest request,
      Authentication user) {
    Reader reader = OutgoingDocumentController.reader(user);
    afterIssue.recall(id, request == null ? null : request.reason(), actors.of(user.getName()),
        reader);
    return queries.details(id, reader);
  }

  private ResponseEntity<Details> created(OutgoingDocument document, Reader reader) {
    return ResponseEntity.created(URI.create("/api/outgoing-documents/" + document.getId()))
        .body(queries.details(document.getId(), reader));
  }

  static void noFields(Map<String, Object> body, String message) {
    if (body != null && !body.isEmpty()) {
      List<FieldError> errors = body.keySet().stream().sorted()
          .map(field -> new FieldError(field, message)).toList();
      throw new InvalidInputException(errors);
    }
  }
}
