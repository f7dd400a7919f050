package vn.khcn.workflow.dispatch;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khcn.workflow.identity.CurrentUser;
import vn.khcn.workflow.shared.process.InvalidTaskInputException;
import vn.khcn.workflow.shared.web.ConflictException;
import vn.khcn.workflow.shared.web.PageController;

/**
 * The document page's form of a unit head: names (or names again) the unit's handler through
 * {@link HandlerAssignmentService}, the same rules as the API. Done: back to the document with
 * what happened. Refused: the document page again with what was wrong, naming the form's fields
 * (400 invalid input, 409 not at that stage), or the refusal page (403 not the unit's head or
 * deputy, 404 a document or unit not to be seen); nothing stored.
 */
@Controller
@PageController
class HandlerPageController {

  private final HandlerAssignmentService service;
  private final DocumentPageController documentPage;

  HandlerPageController(HandlerAssignmentService service, DocumentPageController documentPage) {
    this.service = service;
    this.documentPage = documentPage;
  }

  @PostMapping("/documents/{id}/assignments/{unit}/handler")
  String assign(@PathVariable long id, @PathVariable String unit,
      @RequestParam(required = false) String handler,
      @RequestParam(required = false) String dueDate,
      @RequestParam(required = false) String note, Authentication user,
      RedirectAttributes redirect, Model model, HttpServletResponse response) {
    int status;
    List<String> problems;
    try {
      LocalDate due = dueDate == null || dueDate.isBlank() ? null : LocalDate.parse(dueDate);
      HandlerAssignmentService.HandlerView done = service.assign(id, unit,
          new HandlerAssignmentService.HandlerRequest(handler, due, note), user.getName(),
          new Viewer(user.getName(), CurrentUser.groupIds(user)), UnitHandlers.Fields.PAGE);
      redirect.addFlashAttribute("handlerMessage", done.unitName() + ": đã giao "
          + done.handlerName() + " xử lý.");
      return "redirect:/documents/" + id + "#assignments";
    } catch (DateTimeParseException e) {
      status = HttpServletResponse.SC_BAD_REQUEST;
      problems = List.of(UnitHandlers.Fields.PAGE.dueDate() + ": ngày không hợp lệ (" + dueDate
          + ")");
    } catch (InvalidTaskInputException e) {
      status = HttpServletResponse.SC_BAD_REQUEST;
      problems = e.problems();
    } catch (ConflictException e) {
      status = HttpServletResponse.SC_CONFLICT;
      problems = List.of(e.getMessage());
    } // AccessDeniedException (403) and NotFoundException (404): the refusal page (PageRefusals)
    String page = documentPage.details(String.valueOf(id), user, model);
    model.addAttribute("handlerProblems", problems);
    model.addAttribute("handlerUnit", unit);
    response.setStatus(status);
    return page;
  }
}
