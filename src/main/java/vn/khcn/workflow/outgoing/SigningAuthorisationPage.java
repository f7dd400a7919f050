package vn.khcn.workflow.outgoing;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.shared.web.ConflictException;
import vn.khcn.workflow.shared.web.InvalidInputException;
import vn.khcn.workflow.shared.web.NotFoundException;

/**
 * The page of written authorisations to sign "TUQ." (ADR 0032): the Director gives and revokes
 * them with a form; directors see them all, anyone else his own. The same rules as the API.
 */
@Controller
@RequestMapping("/drafts/signing-authorisations")
class SigningAuthorisationPage {

  private final SigningAuthorisations authorisations;
  private final SigningPositions positions;
  private final OutgoingProperties properties;

  SigningAuthorisationPage(SigningAuthorisations authorisations, SigningPositions positions,
      OutgoingProperties properties) {
    this.authorisations = authorisations;
    this.positions = positions;
    this.properties = properties;
  }

  @GetMapping
  String page(Authentication user, Model model) {
    boolean director = positions.director().filter(user.getName()::equals).isPresent();
    boolean leader = OutgoingDocumentController.reader(user).isDirector();
    model.addAttribute("authorisations", leader ? authorisations.all()
        : authorisations.of(user.getName()));
    model.addAttribute("director", director);
    model.addAttribute("types", properties.typeNames());
    model.addAttribute("units", Groups.UNITS);
    return "signing-authorisations";
  }

  @PostMapping
  String create(@RequestParam(required = false) String grantee,
      @RequestParam(required = false) String validFrom,
      @RequestParam(required = false) String validTo,
      @RequestParam(required = false) List<String> documentTypes,
      @RequestParam(required = false) String reference, Authentication user,
      RedirectAttributes redirect) {
    try {
      SigningAuthorisations.Authorisation created = authorisations.create(
          new SigningAuthorisations.Request(grantee, validFrom, validTo, documentTypes,
              reference), user.getName());
      redirect.addFlashAttribute("message", "Đã ghi giấy ủy quyền " + created.reference()
          + " cho " + created.grantee() + " (" + String.join(", ", created.documentTypes())
          + ").");
    } catch (InvalidInputException invalid) {
      redirect.addFlashAttribute("problems", invalid.fieldErrors().stream()
          .map(e -> e.field() + ": " + e.message()).toList());
    } catch (SigningRefusedException denied) {
      redirect.addFlashAttribute("problems", List.of(denied.getMessage()));
    }
    return "redirect:/drafts/signing-authorisations";
  }

  @PostMapping("/{id}/revoke")
  String revoke(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
    try {
      authorisations.revoke(id, user.getName());
      redirect.addFlashAttribute("message", "Đã thu hồi giấy ủy quyền.");
    } catch (SigningRefusedException | ConflictException | NotFoundException refused) {
      redirect.addFlashAttribute("problems", List.of(refused.getMessage()));
    }
    return "redirect:/drafts/signing-authorisations";
  }
}
