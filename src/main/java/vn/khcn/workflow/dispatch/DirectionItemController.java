package vn.khcn.workflow.dispatch;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.khcn.workflow.identity.CurrentUser;

/**
 * GET /api/incoming-documents/{id}/items: the document's numbered items as registered and the
 * direction's items with their units, deadline, periodic reports and status (issue 17), for
 * whoever may see the document.
 */
@RestController
@RequestMapping("/api/incoming-documents")
class DirectionItemController {

  private final DocumentQueries documents;
  private final DirectionItemQueries items;

  DirectionItemController(DocumentQueries documents, DirectionItemQueries items) {
    this.documents = documents;
    this.items = items;
  }

  @GetMapping("/{id}/items")
  @PreAuthorize(IncomingDocumentController.STAFF)
  DirectionItemQueries.ItemsView items(@PathVariable long id, Authentication user) {
    documents.visibleDocument(id, new Viewer(user.getName(), CurrentUser.groupIds(user)));
    return items.items(id);
  }
}
