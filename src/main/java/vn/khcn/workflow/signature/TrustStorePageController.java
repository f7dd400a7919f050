package vn.khcn.workflow.signature;

import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khcn.workflow.shared.web.InvalidInputException;
import vn.khcn.workflow.shared.web.NotFoundException;

/** /admin/trust: the administrators' page over the {@link TrustStore} (camunda-admin only). */
@Controller
@RequestMapping("/admin/trust")
class TrustStorePageController {

  private final TrustStore store;
  private final java.time.Clock clock;

  TrustStorePageController(TrustStore store, java.time.Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @GetMapping
  String page(Model model) {
    model.addAttribute("anchors", store.list());
    model.addAttribute("zone", clock.getZone());
    return "admin-trust";
  }

  @PostMapping
  String add(@RequestParam(name = "file", required = false) MultipartFile file,
      Authentication user, RedirectAttributes redirect) throws IOException {
    try {
      int added = store.add(file == null ? new byte[0] : file.getBytes(), user.getName()).size();
      redirect.addFlashAttribute("message", "Đã thêm " + added + " chứng thư tin cậy.");
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("error", "Không thêm được: "
          + e.fieldErrors().get(0).message() + ".");
    }
    return "redirect:/admin/trust";
  }

  @PostMapping("/{id}/delete")
  String remove(@PathVariable long id, RedirectAttributes redirect) {
    try {
      store.remove(id);
      redirect.addFlashAttribute("message", "Đã xóa chứng thư khỏi kho tin cậy.");
    } catch (NotFoundException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/admin/trust";
  }
}
