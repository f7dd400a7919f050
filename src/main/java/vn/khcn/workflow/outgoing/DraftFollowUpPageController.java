package vn.khcn.workflow.outgoing;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
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
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.ConflictException;
import vn.khcn.workflow.shared.web.InvalidInputException;
import vn.khcn.workflow.shared.web.NotFoundException;
import vn.khcn.workflow.shared.web.PageRefusals;

/** The draft page's forms after issue: send again, replacement, correction letter, recall. */
@Controller
@RequestMapping("/drafts")
class DraftFollowUpPageController {

  private final OutgoingSending sending;
  private final OutgoingAfterIssue afterIssue;
  private final ActorResolver actors;

  DraftFollowUpPageController(OutgoingSending sending, OutgoingAfterIssue afterIssue,
      ActorResolver actors) {
    this.sending = sending;
    this.afterIssue = afterIssue;
    this.actors = actors;
  }

  @ExceptionHandler({AccessDeniedException.class, NotFoundException.class})
  String refused(RuntimeException refused, HttpServletResponse response, Model model) {
    return PageRefusals.page(refused, "", response, model);
  }

  @PostMapping("/{id}/send")
  String send(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
    Reader reader = OutgoingDocumentController.reader(user);
    if (!reader.isRegistry()) {
      throw new AccessDeniedException("Chỉ Văn thư gửi văn bản đi");
    }
    return act(id, id, redirect, "Đã gửi văn bản tới các nơi nhận; kết quả ở bảng dưới.",
        () -> sending.resend(id, actors.of(user.getName()), reader).size());
  }

  @PostMapping("/{id}/replacement")
  String replacement(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
    return act(id, null, redirect, "Đã tạo dự thảo văn bản thay thế.", () -> afterIssue
        .replacement(id, actors.of(user.getName()), OutgoingDocumentController.reader(user))
        .getId());
  }

  @PostMapping("/{id}/correction-letter")
  String correction(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
    return act(id, null, redirect, "Đã tạo dự thảo công văn đính chính.", () -> afterIssue
        .correctionLetter(id, actors.of(user.getName()), OutgoingDocumentController.reader(user))
        .getId());
  }

  @PostMapping("/{id}/recall")
  String recall(@PathVariable long id, @RequestParam(required = false) String reason,
      Authentication user, RedirectAttributes redirect) {
    Reader reader = OutgoingDocumentController.reader(user);
    if (!reader.isRegistry() && !reader.isDirector()) {
      throw new AccessDeniedException("Chỉ Văn thư hoặc Lãnh đạo Sở thu hồi văn bản đi");
    }
    return act(id, id, redirect, "Đã thu hồi văn bản và báo các nơi nhận.",
        () -> afterIssue.recall(id, reason, actors.of(user.getName()), reader).getId());
  }

  private interface Action {
    long run();
  }

  /** Done: to the page of {@code target} (the new draft when null); refused: back, with why. */
  private static String act(long id, Long target, RedirectAttributes redirect, String done,
      Action action) {
    try {
      long result = action.run();
      redirect.addFlashAttribute("message", done);
      return "redirect:/drafts/" + (target == null ? result : target);
    } catch (InvalidInputException invalid) {
      redirect.addFlashAttribute("problems",
          invalid.fieldErrors().stream().map(FieldError::message).toList());
    } catch (ConflictException conflict) {
      redirect.addFlashAttribute("problems", List.of(conflict.getMessage()));
    }
    return "redirect:/drafts/" + id;
  }
}
