package vn.khcn.workflow.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.khcn.workflow.identity.ActorResolver;
import vn.khcn.workflow.identity.CurrentUser;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.InvalidInputException;

/**
 * Correct and recall an incoming document (issue 14), the registry's alone:
 * {@code PATCH /api/incoming-documents/{id}} with the changed fields and a {@code reason},
 * {@code POST /api/incoming-documents/{id}/recall} with a {@code reason}. Replacement is a
 * registration carrying {@code "replaces"} ({@link IncomingDocumentController}).
 */
@RestController
@RequestMapping("/api/incoming-documents")
class DocumentCorrectionController {

  /** The body of the recall: only the reason. */
  record RecallRequest(String reason) {}

  private final DocumentCorrections corrections;
  private final DocumentWithdrawal withdrawal;
  private final DocumentQueries queries;
  private final ActorResolver actors;

  DocumentCorrectionController(DocumentCorrections corrections, DocumentWithdrawal withdrawal,
      DocumentQueries queries, ActorResolver actors) {
    this.corrections = corrections;
    this.withdrawal = withdrawal;
    this.queries = queries;
    this.actors = actors;
  }

  @PatchMapping("/{id}")
  @PreAuthorize("hasAuthority('van-thu')")
  DocumentDetails correct(@PathVariable long id, @RequestBody JsonNode body,
      Authentication user) {
    if (!body.isObject()) {
      throw new InvalidInputException(List.of(new FieldError("body",
          "nội dung phải là một đối tượng JSON gồm các trường cần sửa và lý do (reason)")));
    }
    List<FieldError> errors = new ArrayList<>();
    Map<String, String> changes = new LinkedHashMap<>();
    String reason = null;
    for (Map.Entry<String, JsonNode> field : body.properties()) {
      JsonNode value = field.getValue();
      if (value.isContainerNode()) {
        errors.add(new FieldError(field.getKey(), "phải là một giá trị (chuỗi hoặc số)"));
      } else if ("reason".equals(field.getKey())) {
        reason = value.isNull() ? null : value.asText();
      } else {
        changes.put(field.getKey(), value.isNull() ? null : value.asText());
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    corrections.correct(id, changes, reason, actors.of(user.getName()));
    return queries.details(id, viewer(user));
  }

  @PostMapping("/{id}/recall")
  @PreAuthorize("hasAuthority('van-thu')")
  DocumentDetails recall(@PathVariable long id,
      @RequestBody(required = false) RecallRequest request, Authentication user) {
    withdrawal.recall(id, request == null ? null : request.reason(), actors.of(user.getName()));
    return queries.details(id, viewer(user));
  }

  private static Viewer viewer(Authentication user) {
    return new Viewer(user.getName(), CurrentUser.groupIds(user));
  }
}
