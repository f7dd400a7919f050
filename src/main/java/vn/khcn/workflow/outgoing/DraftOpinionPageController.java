package vn.khcn.workflow.outgoing;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khcn.workflow.identity.ActorResolver;
import vn.khcn.workflow.outgoing.OpinionInput.AskBody;
import vn.khcn.workflow.outgoing.OpinionInput.OutsideBody;
import vn.khcn.workflow.outgoing.OpinionInput.ResolutionBody;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.ConflictException;
import vn.khcn.workflow.shared.web.InvalidInputException;
import vn.khcn.workflow.shared.web.NotFoundException;
import vn.khcn.workflow.shared.web.PageRefusals;

/**
 * The drafter's opinion forms on /drafts/{id} (issue 19): ask units or people by a due day,
 * accept or explain each opinion, record an outside body's opinion with its incoming document,
 * close the round early, and finish the consolidation. Post-redirect-get; refused input comes
 * back on the page under its field, with what was typed, and nothing is stored.
 */
@Controller
@RequestMapping("/drafts/{id}")
class DraftOpinionPageController {

  private final OutgoingOpinions opinions;
  private final OutgoingQueries queries;
  private final OutgoingWorkflow workflow;
  private final ActorResolver actors;

  DraftOpinionPageController(OutgoingOpinions opinions, OutgoingQueries queries,
      OutgoingWorkflow workflow, ActorResolver actors) {
    this.opinions = opinions;
    this.queries = queries;
    this.workflow = workflow;
    this.actors = actors;
  }

  @ExceptionHandler({AccessDeniedException.class, NotFoundException.class})
  String refused(RuntimeException refused, HttpServletResponse response, Model model) {
    return PageRefusals.page(refused, "", response, model);
  }

  /** Units are ticked, people typed (user ids, separated by commas or lines). */
  @PostMapping("/opinion-requests")
  String ask(@PathVariable long id, @RequestParam(required = false) List<String> units,
      @RequestParam(required = false) String users,
      @RequestParam(required = false) String dueDate,
      @RequestParam(required = false) String note, Authentication user,
      RedirectAttributes redirect) {
    List<String> from = new ArrayList<>(units == null ? List.of() : units);
    if (users != null) {
      Arrays.stream(users.split("[,;\\s]+")).filter(u -> !u.isBlank()).forEach(from::add);
    }
    Map<String, String> typed = new LinkedHashMap<>();
    typed.put("users", users);
    typed.put("dueDate", dueDate);
    typed.put("note", note);
    typed.put("units", String.join(",", units == null ? List.of() : units));
    return act(id, redirect, "ask", typed, "Đã xin ý kiến góp ý.", () -> opinions.request(id,
        new AskBody(from, dueDate, note), actors.of(user.getName()), reader(user)));
  }

  @PostMapping("/opinions/{opinionId}/resolution")
  String resolve(@PathVariable long id, @PathVariable long opinionId,
      @RequestParam(required = false) String accepted,
      @RequestParam(required = false) String explanation, Authentication user,
      RedirectAttributes redirect) {
    Boolean choice = "true".equals(accepted) ? Boolean.TRUE
        : "false".equals(accepted) ? Boolean.FALSE : null;
    Map<String, String> typed = new LinkedHashMap<>();
    typed.put("explanation", explanation);
    return act(id, redirect, "resolution-" + opinionId, typed, "Đã ghi tiếp thu, giải trình.",
        () -> opinions.resolve(id, opinionId, new ResolutionBody(choice, explanation),
            actors.of(user.getName()), reader(user)));
  }

  @PostMapping("/outside-opinions")
  String recordOutside(@PathVariable long id, @RequestParam(required = false) String body,
      @RequestParam(required = false) String incomingDocumentId,
      @RequestParam(required = false) String position,
      @RequestParam(required = false) String text, Authentication user,
      RedirectAttributes redirect) {
    Map<String, String> typed = new LinkedHashMap<>();
    typed.put("body", body);
    typed.put("incomingDocumentId", incomingDocumentId);
    typed.put("position", position);
    typed.put("text", text);
    Long incoming = null;
    if (incomingDocumentId != null && !incomingDocumentId.isBlank()) {
      try {
        incoming = Long.valueOf(incomingDocumentId.strip());
      } catch (NumberFormatException notANumber) {
        return refusedInput(id, redirect, "outside", typed, List.of(new FieldError(
            "incomingDocumentId", "mã văn bản đến phải là một số")));
      }
    }
    OutsideBody outside = new OutsideBody(body, incoming, position, text);
    return act(id, redirect, "outside", typed, "Đã ghi ý kiến của cơ quan ngoài.",
        () -> opinions.recordOutside(id, outside, actors.of(user.getName()), reader(user)));
  }

  @PostMapping("/opinion-round/close")
  String closeRound(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
    return act(id, redirect, "close", Map.of(), "Đã đóng vòng lấy ý kiến.",
        () -> opinions.closeRound(id, actors.of(user.getName()), reader(user)));
  }

  /** Completes the consolidation task (the drafter's): the draft goes on to the content check. */
  @PostMapping("/consolidation")
  String consolidate(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
    Reader reader = reader(user);
    return act(id, redirect, "consolidation", Map.of(),
        "Đã hoàn thành tổng hợp ý kiến, dự thảo được trình kiểm tra nội dung.", () -> {
          OutgoingDocument document = queries.readable(id, reader);
          if (!document.getDrafter().equals(reader.userId())) {
            throw new AccessDeniedException("Chỉ người soạn thảo tổng hợp ý kiến");
          }
          workflow.completeConsolidation(id);
        });
  }

  /** What the draft page shows of these forms to this reader. */
  static void fill(Model model, OutgoingViews.Details details, Reader reader,
      OutgoingWorkflow workflow) {
    long id = details.id();
    boolean drafter = details.status().equals(OutgoingStatus.DRAFT.name())
        && details.drafter().equals(reader.userId());
    model.addAttribute("mayResolve", drafter);
    model.addAttribute("mayAskOpinions", drafter
        && workflow.openTask(id, OutgoingDocumentProcess.Tasks.DRAFT).isPresent());
    model.addAttribute("mayCloseRound", drafter
        && workflow.openTask(id, OutgoingDocumentProcess.Tasks.GIVE_OPINION).isPresent());
    model.addAttribute("mayConsolidate", drafter
        && workflow.openTask(id, OutgoingDocumentProcess.Tasks.CONSOLIDATE).isPresent());
    model.addAttribute("opinionUnits", vn.khcn.workflow.identity.Groups.UNITS.stream()
        .map(u -> new String[] {u, vn.khcn.workflow.identity.Groups.nameOf(u)}).toList());
    for (String name : List.of("opinionErrors", "opinionTyped")) {
      if (!model.containsAttribute(name)) {
        model.addAttribute(name, Map.of());
      }
    }
    if (!model.containsAttribute("opinionForm")) {
      model.addAttribute("opinionForm", "");
    }
  }

  private static Reader reader(Authentication user) {
    return OutgoingDocumentController.reader(user);
  }

  /**
   * Runs the action; refused input goes back to the form named {@code form} with its field
   * errors and what was typed, a conflict as a message; 403/404 as the refusal page.
   */
  private static String act(long id, RedirectAttributes redirect, String form,
      Map<String, String> typed, String done, Runnable action) {
    try {
      action.run();
      redirect.addFlashAttribute("message", done);
    } catch (InvalidInputException invalid) {
      return refusedInput(id, redirect, form, typed, invalid.fieldErrors());
    } catch (ConflictException conflict) {
      redirect.addFlashAttribute("problems", List.of(conflict.getMessage()));
      redirect.addFlashAttribute("opinionForm", form);
    }
    return "redirect:/drafts/" + id + "#opinions";
  }

  private static String refusedInput(long id, RedirectAttributes redirect, String form,
      Map<String, String> typed, List<FieldError> problems) {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    for (FieldError e : problems) {
      String field = e.field().replaceAll("\\[\\d+]$", "");
      errors.computeIfAbsent(field, f -> new ArrayList<>()).add(e.message());
    }
    redirect.addFlashAttribute("opinionForm", form);
    redirect.addFlashAttribute("opinionErrors", errors);
    redirect.addFlashAttribute("opinionTyped", typed);
    redirect.addFlashAttribute("problems", problems.stream().map(FieldError::message).toList());
    return "redirect:/drafts/" + id + "#opinions";
  }
}
