package vn.khcn.workflow.outgoing;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khcn.workflow.identity.ActorResolver;
import vn.khcn.workflow.shared.web.ConflictException;
import vn.khcn.workflow.shared.web.InvalidInputException;

/**
 * The button on the outgoing register (the "Sổ đăng ký văn bản đi" section of /drafts, ADR 0028)
 * with which the registry clerk closes last year's outgoing register, after a confirmation box;
 * the result, or why not, in Vietnamese. The same rules as {@code POST
 * /api/outgoing-documents/registers/{year}/close}.
 */
@Controller
class OutgoingRegisterClosingPage {

  /** What the register section shows about closing last year's register. */
  record Closing(boolean mayClose, int year, String closingLine) {}

  private final OutgoingRegisterClosures closures;
  private final ActorResolver actors;
  private final Clock clock;

  OutgoingRegisterClosingPage(OutgoingRegisterClosures closures, ActorResolver actors,
      Clock clock) {
    this.closures = closures;
    this.actors = actors;
    this.clock = clock;
  }

  @PostMapping("/drafts/registers/close")
  String close(@RequestParam(required = false) String year,
      @RequestParam(required = false) String confirm, Authentication user,
      RedirectAttributes redirect) {
    if (!OutgoingDocumentController.reader(user).isRegistry()) {
      redirect.addFlashAttribute("error", "Chỉ Văn thư khóa sổ đăng ký văn bản đi.");
      return "redirect:/drafts#register";
    }
    if (!"yes".equals(confirm)) {
      redirect.addFlashAttribute("error", "Hãy đánh dấu ô xác nhận trước khi khóa sổ.");
      return "redirect:/drafts#register";
    }
    int y;
    try {
      y = Integer.parseInt(year == null ? "" : year.strip());
    } catch (NumberFormatException notANumber) {
      redirect.addFlashAttribute("error", "Năm khóa sổ không hợp lệ.");
      return "redirect:/drafts#register";
    }
    try {
      closures.close(y, actors.of(user.getName()));
      redirect.addFlashAttribute("message", closures.closingLine(y, false).orElseThrow());
    } catch (ConflictException | InvalidInputException refused) {
      redirect.addFlashAttribute("error", refused.getMessage());
    }
    return "redirect:/drafts#register";
  }

  /** Adds the closing state of last year's register to the drafts pages. */
  @ControllerAdvice(assignableTypes = DraftPageController.class)
  static class Attributes {

    private final OutgoingRegisterClosures closures;
    private final Clock clock;

    Attributes(OutgoingRegisterClosures closures, Clock clock) {
      this.closures = closures;
      this.clock = clock;
    }

    @ModelAttribute
    void closing(Authentication user, Model model) {
      if (user == null) {
        return;
      }
      int year = LocalDate.now(clock).getYear() - 1;
      String line = closures.closingLine(year, false).orElse(null);
      model.addAttribute("registerClosing", new Closing(
          OutgoingDocumentController.reader(user).isRegistry() && line == null, year, line));
    }
  }
}
