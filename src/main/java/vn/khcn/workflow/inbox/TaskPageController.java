package vn.khcn.workflow.inbox;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.khcn.workflow.identity.CurrentUser;
import vn.khcn.workflow.shared.web.NotFoundException;

/**
 * /tasks/{taskId}: the link to one task that our pages give (the document page's open tasks).
 * An open task leads to where it is done (the directors' inbox for what waits there, Tasklist
 * otherwise); a task already done or ended shows the closed-task page instead of Tasklist's error.
 */
@Controller
class TaskPageController {

  static final String TASKLIST = "/camunda/app/tasklist/default/#/?task=";

  private final InboxService inbox;
  private final ClosedTasks closed;

  TaskPageController(InboxService inbox, ClosedTasks closed) {
    this.inbox = inbox;
    this.closed = closed;
  }

  @GetMapping("/tasks/{taskId}")
  String task(@PathVariable String taskId, Authentication user, HttpServletResponse response,
      Model model) {
    if (!taskId.matches("[A-Za-z0-9-]{1,64}")) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      return "error/404";
    }
    Set<String> groups = CurrentUser.groupIds(user);
    if (closed.find(taskId, user.getName(), groups).isPresent()) {
      return InboxPageController.closedPage(closed, taskId, user, response, model);
    }
    if (groups.contains(vn.khcn.workflow.identity.Groups.LANH_DAO)) {
      try {
        inbox.item(taskId, user.getName(), groups);
        return "redirect:/inbox/" + taskId;
      } catch (NotFoundException notInInbox) {
        // someone else's task, or one a director does in Tasklist: Tasklist decides
      }
    }
    return "redirect:" + TASKLIST + taskId;
  }
}
