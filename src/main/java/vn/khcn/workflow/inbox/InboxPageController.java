package vn.khcn.workflow.inbox;

import vn.khcn.workflow.identity.CurrentUser;
import vn.khcn.workflow.research.ResearchTaskProcess;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.variable.Variables;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khcn.workflow.dispatch.Attachment;
import vn.khcn.workflow.dispatch.AttachmentService;
import vn.khcn.workflow.dispatch.DirectionItemRequests;
import vn.khcn.workflow.dispatch.DocumentQueries;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess.Vars;
import vn.khcn.workflow.dispatch.Viewer;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.shared.process.TaskCompletionContracts;
import vn.khcn.workflow.shared.web.InvalidInputException;
import vn.khcn.workflow.shared.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** /inbox: the directors' inbox page, at phone width, two clicks from list to done. */
@Controller
@RequestMapping("/inbox")
class InboxPageController {

  /** Prefix of the direction form's per-unit date fields: unitDueDate_phong-khtc. */
  static final String UNIT_DUE_DATE_PARAM = "unitDueDate_";

  private final InboxService inbox;
  private final DocumentQueries documents;
  private final AttachmentService attachments;
  private final TaskCompletionContracts contracts;
  private final ClosedTasks closed;
  private final CurrentUser currentUser;
  private final DirectionItemRequests proposals;
  private final vn.khcn.workflow.outgoing.OpinionsAwaited opinionsAwaited;

  InboxPageController(InboxService inbox, DocumentQueries documents,
      AttachmentService attachments, TaskCompletionContracts contracts, ClosedTasks closed,
      CurrentUser currentUser, DirectionItemRequests proposals,
      vn.khcn.workflow.outgoing.OpinionsAwaited opinionsAwaited) {
    this.opinionsAwaited = opinionsAwaited;
    this.currentUser = currentUser;
    this.proposals = proposals;
    this.inbox = inbox;
    this.documents = documents;
    this.attachments = attachments;
    this.contracts = contracts;
    this.closed = closed;
  }

  /**
   * An item that is no longer in the inbox (done by a colleague, ended by the process, an old
   * link): a page saying so, with who and when to those it was for, instead of an error.
   */
  @ExceptionHandler(NotFoundException.class)
  String notInInbox(HttpServletRequest request, HttpServletResponse response,
      Authentication user, Model model) {
    String taskId = taskIdOf(request);
    return closedPage(closed, taskId, user, response, model);
  }

  /** The closed-task page (also of {@link TaskPageController}); 404 when there is none. */
  static String closedPage(ClosedTasks closed, String taskId, Authentication user,
      HttpServletResponse response, Model model) {
    java.util.Optional<ClosedTasks.ClosedTask> found = taskId == null
        ? java.util.Optional.of(ClosedTasks.ClosedTask.UNKNOWN)
        : closed.find(taskId, user.getName(), CurrentUser.groupIds(user));
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    if (found.isEmpty()) {
      return "error/404"; // the task is open: something else under it was not found
    }
    ClosedTasks.ClosedTask task = found.get();
    model.addAttribute("task", task);
    model.addAttribute("directors", CurrentUser.groupIds(user).contains(Groups.LANH_DAO));
    return "task-closed";
  }

  private static String taskIdOf(HttpServletRequest request) {
    Object variables = request.getAttribute(
        org.springframework.web.servlet.HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    return variables instanceof java.util.Map<?, ?> map && map.get("taskId") instanceof String id
        ? id : null;
  }

  /** Completes with what the task's form allows (the contract check of every completion path). */
  private void complete(String taskId, Authentication user,
      org.camunda.bpm.engine.variable.VariableMap variables) {
    inbox.complete(taskId, user.getName(), CurrentUser.groupIds(user),
        contracts.admit(taskId, variables));
  }

  /**
   * A page number typed by hand outside 0..39, or not a number, leads to the nearest page that
   * exists rather than to an error (the JSON API answers 400 instead).
   */
  @GetMapping
  String list(@RequestParam(defaultValue = "0") String page, Authentication user, Model model) {
    int number;
    try {
      number = Integer.parseInt(page.strip());
    } catch (NumberFormatException notANumber) {
      return "redirect:/inbox";
    }
    if (number < 0) {
      return "redirect:/inbox";
    }
    if (number > InboxService.MAX_PAGE) {
      return "redirect:/inbox?page=" + InboxService.MAX_PAGE;
    }
    InboxService.InboxPage items = inbox.items(user.getName(), CurrentUser.groupIds(user),
        number);
    model.addAttribute("items", items.items());
    model.addAttribute("page", items.page());
    model.addAttribute("hasMore", items.hasMore());
    model.addAttribute("pageSize", items.pageSize());
    model.addAttribute("overdue", items.items().stream().filter(InboxItem::overdue).count());
    // bulk (InboxBulk): the action each item's kind takes; covered items: whose they are
    java.util.Map<String, String> kinds = InboxBulk.kinds();
    model.addAttribute("bulkKinds", kinds);
    model.addAttribute("bulkable", items.items().stream()
        .anyMatch(i -> kinds.containsKey(i.taskDefinitionKey())));
    java.util.Map<String, String> coveredFor = new java.util.HashMap<>();
    items.items().stream().filter(i -> i.assignee() != null && !i.assignee().equals(user.getName()))
        .forEach(i -> coveredFor.put(i.taskId(), currentUser.fullName(i.assignee())));
    model.addAttribute("coveredFor", coveredFor);
    // drafts the director is asked to comment on (candidate-user tasks, not in the read model)
    model.addAttribute("awaited", opinionsAwaited.of(user.getName(), CurrentUser.groupIds(user)));
    return "inbox";
  }

  @GetMapping("/{taskId}")
  String item(@PathVariable String taskId, Authentication user, Model model) {
    Set<String> groups = CurrentUser.groupIds(user);
    InboxItem item = inbox.item(taskId, user.getName(), groups);
    model.addAttribute("item", item);
    model.addAttribute("view", inbox.view(taskId));
    model.addAttribute("units", Groups.UNITS.stream()
        .map(id -> new String[] {id, Groups.nameOf(id)}).toList());
    model.addAttribute("suggestedDueDate", inbox.variable(taskId, Vars.DUE_DATE.name()));
    if (item.documentId() != null && IncomingDirectiveProcess.Tasks.GIVE_DIRECTION.equals(
        item.taskDefinitionKey())) {
      model.addAttribute("proposals", proposals.proposals(item.documentId()));
    }
    model.addAttribute("researchDocuments", inbox.documentLinks(taskId));
    model.addAttribute("approvals", InboxController.APPROVALS);
    model.addAttribute("appointments", InboxController.APPOINTMENTS);
    model.addAttribute("experts", inbox.options(taskId, ResearchTaskProcess.Vars.EXPERT_OPTIONS));
    if (item.documentId() != null) {
      model.addAttribute("document", documents.details(item.documentId(),
          new Viewer(user.getName(), groups)));
    }
    return "inbox-item";
  }

  /** Attachments of the item's document, downloaded with the page's own login. */
  @GetMapping("/{taskId}/attachments/{attachmentId}")
  ResponseEntity<byte[]> attachment(@PathVariable String taskId, @PathVariable long attachmentId,
      Authentication user) {
    Set<String> groups = CurrentUser.groupIds(user);
    InboxItem item = inbox.item(taskId, user.getName(), groups);
    if (item.documentId() == null) {
      throw new NotFoundException("Việc này không gắn với văn bản nào");
    }
    Attachment file = attachments.download(item.documentId(), attachmentId,
        new Viewer(user.getName(), groups));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.getContentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(file.getFileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(file.getContent());
  }

  @PostMapping("/{taskId}/direction")
  String direct(@PathVariable String taskId, @RequestParam(required = false) String direction,
      @RequestParam(defaultValue = "false") boolean infoOnly,
      @RequestParam(required = false) String leadUnit,
      @RequestParam(required = false) List<String> coordinatingUnits,
      @RequestParam(required = false) List<String> informedUnits,
      @RequestParam(required = false) String dueDate,
      @RequestParam org.springframework.util.MultiValueMap<String, String> params,
      Authentication user, RedirectAttributes redirect) {
    // each unit's own deadline comes as unitDueDate_<unit> (a date field per unit)
    java.util.Map<String, String> unitDueDates = new java.util.TreeMap<>();
    params.forEach((name, values) -> {
      String value = values.isEmpty() ? null : values.get(0);
      if (name.startsWith(UNIT_DUE_DATE_PARAM) && value != null && !value.isBlank()) {
        unitDueDates.put(name.substring(UNIT_DUE_DATE_PARAM.length()), value);
      }
    });
    List<DirectionItemRequests.Item> items = DirectionItemForm.items(params);
    java.util.Map<String, Object> typed = typed(direction, leadUnit, coordinatingUnits,
        informedUnits, dueDate, null);
    typed.put("unitDueDates", unitDueDates);
    redirect.addFlashAttribute("typed", typed);
    return act(taskId, user, redirect, "Đã cho ý kiến chỉ đạo.", () -> complete(taskId, user, InboxController.directionVariables(
            new InboxController.DirectionRequest(direction, infoOnly, leadUnit, coordinatingUnits,
                informedUnits, dueDate, unitDueDates, items))));
  }

  @PostMapping("/{taskId}/approval")
  String approve(@PathVariable String taskId, @RequestParam boolean approved,
      @RequestParam(required = false) String comment,
      @RequestParam(required = false) String authority, Authentication user,
      RedirectAttributes redirect) {
    redirect.addFlashAttribute("typed", typed(null, null, null, null, null, comment));
    org.camunda.bpm.engine.variable.VariableMap variables = Variables.createVariables()
        .putValue(Vars.APPROVED.name(), approved)
        .putValue(Vars.COMMENT.name(), comment == null || comment.isBlank() ? null : comment);
    if (authority != null) { // the signer's approval of an outgoing document only
      variables.putValue("authority", authority);
    }
    return act(taskId, user, redirect, approved ? "Đã duyệt." : "Đã trả lại để hoàn thiện.",
        () -> complete(taskId, user, variables));
  }

  @PostMapping("/{taskId}/council")
  String appointCouncil(@PathVariable String taskId, @RequestParam(required = false) String chair,
      @RequestParam(required = false) String viceChair,
      @RequestParam(required = false) String secretary,
      @RequestParam(required = false) String reviewer1,
      @RequestParam(required = false) String reviewer2,
      @RequestParam(required = false) List<String> members, Authentication user,
      RedirectAttributes redirect) {
    return act(taskId, user, redirect, "Đã thành lập hội đồng.", () -> complete(taskId, user, InboxController.councilVariables(
            new InboxController.CouncilRequest(chair, viceChair, secretary, reviewer1, reviewer2,
                members))));
  }

  @PostMapping("/{taskId}/replacement")
  String appointReplacement(@PathVariable String taskId,
      @RequestParam(required = false) String replacement, Authentication user,
      RedirectAttributes redirect) {
    return act(taskId, user, redirect, "Đã chỉ định thành viên thay thế.", () -> complete(taskId, user, Variables.createVariables()
            .putValue("replacement", replacement == null || replacement.isBlank() ? null
                : replacement)));
  }

  private String act(String taskId, Authentication user, RedirectAttributes redirect,
      String done, Runnable action) {
    try {
      action.run();
      redirect.addFlashAttribute("message", done);
      return "redirect:/inbox";
    } catch (BadUserRequestException | InvalidInputException refused) {
      // back to the item, what was typed kept, each problem named by its field's label
      redirect.addFlashAttribute("problems", PageProblems.of(refused));
      return "redirect:/inbox/" + taskId;
    } catch (org.camunda.bpm.engine.AuthorizationException denied) {
      if (denied.getUserId() != null) {
        throw denied; // the engine's own refusal: 403
      }
      // a rule's refusal with its reason (e.g. the signing rules, ADR 0032), shown on the item
      redirect.addFlashAttribute("problems", PageProblems.of(denied));
      return "redirect:/inbox/" + taskId;
    }
  }

  /** What the director typed, shown again when the action is refused. */
  private static java.util.Map<String, Object> typed(String direction, String leadUnit,
      List<String> coordinatingUnits, List<String> informedUnits, String dueDate, String comment) {
    java.util.Map<String, Object> typed = new java.util.HashMap<>();
    typed.put("direction", direction);
    typed.put("leadUnit", leadUnit);
    typed.put("coordinatingUnits", coordinatingUnits == null ? List.of() : coordinatingUnits);
    typed.put("informedUnits", informedUnits == null ? List.of() : informedUnits);
    typed.put("dueDate", dueDate);
    typed.put("comment", comment);
    return typed;
  }
}
