package vn.khcn.workflow.dispatch;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import vn.khcn.workflow.identity.CurrentUser;

/**
 * The unit head names the handler of the unit's work, or names another (the processing slip's
 * second part): {@code POST} or {@code PUT /api/incoming-documents/{id}/assignments/{unit}/handler}
 * with {@code {"handler", "dueDate", "note"}}.
 */
@RestController
@RequestMapping("/api/incoming-documents/{id}/assignments/{unit}/handler")
class HandlerAssignmentController {

  private final HandlerAssignmentService service;

  HandlerAssignmentController(HandlerAssignmentService service) {
    this.service = service;
  }

  @RequestMapping(method = {RequestMethod.POST, RequestMethod.PUT})
  @PreAuthorize(IncomingDocumentController.STAFF)
  HandlerAssignmentService.HandlerView assign(@PathVariable long id, @PathVariable String unit,
      @RequestBody HandlerAssignmentService.HandlerRequest request, Authentication user) {
    return service.assign(id, unit, request, user.getName(),
        new Viewer(user.getName(), CurrentUser.groupIds(user)));
  }
}
