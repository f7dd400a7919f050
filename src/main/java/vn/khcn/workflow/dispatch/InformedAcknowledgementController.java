package vn.khcn.workflow.dispatch;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khcn.workflow.identity.CurrentUser;

/**
 * "Đã xem" of informed units: {@code POST /api/incoming-documents/{id}/assignments/{unit}/seen}
 * (a member of the unit; idempotent), {@code GET /api/incoming-documents/{id}/acknowledgements},
 * and the document page's button ({@code POST /documents/{id}/assignments/{unit}/seen}).
 */
@Controller
class InformedAcknowledgementController {

  private final InformedAcknowledgements acknowledgements;
  private final DocumentQueries documents;

  InformedAcknowledgementController(InformedAcknowledgements acknowledgements,
      DocumentQueries documents) {
    this.acknowledgements = acknowledgements;
    this.documents = documents;
  }

  @PostMapping("/api/incoming-documents/{id}/assignments/{unit}/seen")
  @ResponseBody
  InformedAcknowledgements.Seen markSeen(@PathVariable long id, @PathVariable String unit,
      Authentication user) {
    documents.details(id, viewer(user)); // 404 for a document the user may not see
    return acknowledgements.markSeen(id, unit, user.getName(), CurrentUser.groupIds(user));
  }

  @GetMapping("/api/incoming-documents/{id}/acknowledgements")
  @ResponseBody
  List<InformedAcknowledgements.Seen> list(@PathVariable long id, Authentication user) {
    documents.details(id, viewer(user));
    return acknowledgements.list(id);
  }

  @PostMapping("/documents/{id}/assignments/{unit}/seen")
  String markSeenFromPage(@PathVariable long id, @PathVariable String unit, Authentication user,
      RedirectAttributes redirect) {
    documents.details(id, viewer(user));
    acknowledgements.markSeen(id, unit, user.getName(), CurrentUser.groupIds(user));
    redirect.addFlashAttribute("message", "Đã đánh dấu đã xem.");
    return "redirect:/documents/" + id;
  }

  private static Viewer viewer(Authentication user) {
    return new Viewer(user.getName(), CurrentUser.groupIds(user));
  }
}
