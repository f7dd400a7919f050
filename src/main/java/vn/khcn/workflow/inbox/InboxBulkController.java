package vn.khcn.workflow.inbox;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khcn.workflow.identity.CurrentUser;
import vn.khcn.workflow.shared.web.InvalidInputException;

/**
 * Bulk actions of the directors' inbox: {@code POST /api/inbox/bulk} (JSON, one outcome per item)
 * and the list page's form {@code POST /inbox/bulk} (checkboxes; a summary on the list).
 */
@Controller
@PreAuthorize("hasAuthority('lanh-dao')")
class InboxBulkController {

  /**
   * {@code action}: "approve" or "infoOnly"; {@code comment}: the approval's comment;
   * {@code direction}: the "for information" direction (default "Để biết, lưu hồ sơ.").
   */
  record BulkRequest(String action, List<String> taskIds, String comment, String direction) {}

  private final InboxBulk bulk;

  InboxBulkController(InboxBulk bulk) {
    this.bulk = bulk;
  }

  @PostMapping("/api/inbox/bulk")
  @ResponseBody
  InboxBulk.Result act(@RequestBody BulkRequest request, Authentication user) {
    return bulk.act(request.action(), request.taskIds(), text(request), user.getName(),
        CurrentUser.groupIds(user));
  }

  @PostMapping("/inbox/bulk")
  String actFromPage(@RequestParam(required = false) String action,
      @RequestParam(required = false) List<String> taskIds,
      @RequestParam(required = false) String comment, Authentication user,
      RedirectAttributes redirect) {
    try {
      InboxBulk.Result result = bulk.act(action, taskIds, comment, user.getName(),
          CurrentUser.groupIds(user));
      redirect.addFlashAttribute("message", (result.action().equals("approve") ? "Đã duyệt "
          : "Đã cho ý kiến để biết, lưu ") + result.succeeded() + " việc."
          + (result.failed() > 0 ? " " + result.failed() + " việc không làm được." : ""));
      redirect.addFlashAttribute("bulkFailures", result.items().stream()
          .filter(o -> !o.ok()).toList());
    } catch (InvalidInputException refused) {
      redirect.addFlashAttribute("error", refused.fieldErrors().get(0).message());
    }
    return "redirect:/inbox";
  }

  private static String text(BulkRequest request) {
    if (request.comment() != null && request.direction() != null) {
      throw new InvalidInputException(List.of(new vn.khcn.workflow.shared.web.ApiError.FieldError(
          "direction", "chỉ gửi 'comment' khi duyệt hoặc 'direction' khi để biết, không cả hai")));
    }
    return request.comment() != null ? request.comment() : request.direction();
  }
}
