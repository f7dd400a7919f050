package vn.khcn.workflow.dispatch;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khcn.workflow.identity.CurrentUser;
import vn.khcn.workflow.shared.process.InvalidTaskInputException;
import vn.khcn.workflow.shared.web.ConflictException;

/**
 * The document page's form of a unit head: names (or names again) the unit's handler through
 * {@link HandlerAssignmentService}, the same rules as the API; back to the document with what
 * happened or what was wrong.
 */
@Controller
class HandlerPageController {

  private final HandlerAssignmentService service;

  HandlerPageController(HandlerAssignmentService service) {
    this.service = service;
  }

  @PostMapping("/documents/{id}/assignments/{unit}/handler")
  String assign(@PathVariable long id, @PathVariable String unit,
      @RequestParam(required = false) String handler,
      @RequestParam(required = false) String dueDate,
      @RequestParam(required = false) String note, Authentication user,
      RedirectAttributes redirect) {
    List<String> problems;
    try {
      LocalDate due = dueDate == null || dueDate.isBlank() ? null : LocalDate.parse(dueDate);
      HandlerAssignmentService.HandlerView done = service.assign(id, unit,
          new HandlerAssignmentService.HandlerRequest(handler, due, note), user.getName(),
          new Viewer(user.getName(), CurrentUser.groupIds(user)));
      redirect.addFlashAttribute("handlerMessage", done.unitName() + ": đã giao "
          + done.handlerName() + " xử lý.");
      return "redirect:/documents/" + id + "#assignments";
    } catch (DateTimeParseException e) {
      problems = List.of("dueDate: ngày không hợp lệ (" + dueDate + ")");
    } catch (InvalidTaskInputException e) {
      problems = e.problems();
    } catch (ConflictException e) {
      problems = List.of(e.getMessage());
    }
    redirect.addFlashAttribute("handlerProblems", problems);
    redirect.addFlashAttribute("handlerUnit", unit);
    return "redirect:/documents/" + id + "#assignments";
  }
}
