package vn.khcn.workflow.dispatch;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khcn.workflow.identity.ActorResolver;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.ConflictException;
import vn.khcn.workflow.shared.web.InvalidInputException;
import vn.khcn.workflow.shared.web.PageController;
import vn.khcn.workflow.shared.web.PageRefusedException;

/**
 * The registry's "Sửa thông tin" and "Thu hồi" pages of a document (issue 14), the registry only
 * (the page chain's rule): the correction form prefilled with the registered values and a
 * required reason, the recall's confirmation with its reason. The services are the API's; a
 * refusal is shown next to its field and stores nothing.
 */
@Controller
@PageController
@RequestMapping("/documents/{id}")
class DocumentCorrectionPageController {

  private final DocumentCorrections corrections;
  private final DocumentWithdrawal withdrawal;
  private final IncomingDocumentRepository documents;
  private final ActorResolver actors;
  private final Clock clock;

  DocumentCorrectionPageController(DocumentCorrections corrections, DocumentWithdrawal withdrawal,
      IncomingDocumentRepository documents, ActorResolver actors, Clock clock) {
    this.corrections = corrections;
    this.withdrawal = withdrawal;
    this.documents = documents;
    this.actors = actors;
    this.clock = clock;
  }

  @GetMapping("/correct")
  String correctForm(@PathVariable String id, Model model) {
    IncomingDocument document = document(id);
    if (document.isWithdrawn()) {
      return "redirect:/documents/" + document.getId();
    }
    return correctForm(model, document, DocumentCorrections.inputs(document.registration()), null,
        Map.of(), null);
  }

  @PostMapping("/correct")
  String correct(@PathVariable String id, @RequestParam(required = false) String reason,
      HttpServletRequest request, Authentication user, Model model, RedirectAttributes redirect) {
    IncomingDocument document = document(id);
    Map<String, String> values = new LinkedHashMap<>();
    for (CorrectableField field : CorrectableField.ALL) {
      String value = request.getParameter(field.name());
      if (value != null) {
        values.put(field.name(), value);
      }
    }
    Map<String, String> shown = new LinkedHashMap<>(
        DocumentCorrections.inputs(document.registration()));
    shown.putAll(values);
    try {
      corrections.correct(document.getId(), values, reason, actors.of(user.getName()));
    } catch (InvalidInputException invalid) {
      return correctForm(model, document, shown, reason, byField(invalid.fieldErrors()), null);
    } catch (ConflictException conflict) {
      return correctForm(model, document, shown, reason, Map.of(), conflict.getMessage());
    }
    redirect.addFlashAttribute("changed", "Đã sửa thông tin văn bản.");
    return "redirect:/documents/" + document.getId();
  }

  private String correctForm(Model model, IncomingDocument document, Map<String, String> values,
      String reason, Map<String, List<String>> errors, String conflict) {
    model.addAttribute("document", document);
    model.addAttribute("form", DocumentCorrections.request(values));
    model.addAttribute("reason", reason);
    model.addAttribute("errors", errors);
    model.addAttribute("conflict", conflict);
    model.addAttribute("correcting", true);
    model.addAttribute("today", LocalDate.now(clock).toString());
    model.addAttribute("urgencies", Urgency.values());
    model.addAttribute("classifications", Classification.values());
    return "document-correct";
  }

  @GetMapping("/recall")
  String recallForm(@PathVariable String id, Model model) {
    IncomingDocument document = document(id);
    if (document.isWithdrawn()) {
      return "redirect:/documents/" + document.getId();
    }
    return recallForm(model, document, null, Map.of(), null);
  }

  @PostMapping("/recall")
  String recall(@PathVariable String id, @RequestParam(required = false) String reason,
      Authentication user, Model model, RedirectAttributes redirect) {
    IncomingDocument document = document(id);
    try {
      withdrawal.recall(document.getId(), reason, actors.of(user.getName()));
    } catch (InvalidInputException invalid) {
      return recallForm(model, document, reason, byField(invalid.fieldErrors()), null);
    } catch (ConflictException conflict) {
      return recallForm(model, document, reason, Map.of(), conflict.getMessage());
    }
    redirect.addFlashAttribute("changed", "Đã thu hồi văn bản; công việc đang xử lý đã dừng.");
    return "redirect:/documents/" + document.getId();
  }

  private static String recallForm(Model model, IncomingDocument document, String reason,
      Map<String, List<String>> errors, String conflict) {
    model.addAttribute("document", document);
    model.addAttribute("reason", reason);
    model.addAttribute("errors", errors);
    model.addAttribute("conflict", conflict);
    return "document-recall";
  }

  private IncomingDocument document(String id) {
    try {
      return documents.findById(Long.parseLong(id)).orElseThrow(() ->
          new PageRefusedException(404, "Không tìm thấy văn bản đến này."));
    } catch (NumberFormatException notANumber) {
      throw new PageRefusedException(404, "Không tìm thấy văn bản đến này.");
    }
  }

  static Map<String, List<String>> byField(List<FieldError> problems) {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    for (FieldError problem : problems) {
      errors.computeIfAbsent(problem.field(), f -> new ArrayList<>()).add(problem.message());
    }
    return errors;
  }
}
