package vn.khcn.workflow.outgoing;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khcn.workflow.identity.ActorResolver;
import vn.khcn.workflow.shared.web.ConflictException;
import vn.khcn.workflow.shared.web.InvalidInputException;
import vn.khcn.workflow.shared.web.NotFoundException;
import vn.khcn.workflow.shared.web.PageRefusals;

/**
 * Opinion requests in the inbox (issue 19): /inbox/opinions lists what waits for the person's
 * answer (directors see the same list on /inbox; unit heads and staff asked come here), and
 * /inbox/opinions/{id} shows the draft's summary and latest body with the answer form, at phone
 * width. The same service and rules as the API: only the party asked, only while the round is
 * open, the actor the person signed in.
 */
@Controller
@RequestMapping("/inbox/opinions")
class OpinionInboxPageController {

  private final OpinionsAwaited awaited;
  private final OutgoingOpinions opinions;
  private final OutgoingQueries queries;
  private final ActorResolver actors;

  OpinionInboxPageController(OpinionsAwaited awaited, OutgoingOpinions opinions,
      OutgoingQueries queries, ActorResolver actors) {
    this.awaited = awaited;
    this.opinions = opinions;
    this.queries = queries;
    this.actors = actors;
  }

  @ExceptionHandler({AccessDeniedException.class, NotFoundException.class})
  String refused(RuntimeException refused, HttpServletResponse response, Model model) {
    return PageRefusals.page(refused, "", response, model);
  }

  @GetMapping
  String list(Authentication user, Model model) {
    Reader reader = OutgoingDocumentController.reader(user);
    model.addAttribute("awaited", awaited.of(reader.userId(), reader.groups()));
    model.addAttribute("director", reader.isDirector());
    return "opinion-inbox";
  }

  @GetMapping("/{id}")
  String item(@PathVariable long id, Authentication user, Model model) {
    Reader reader = OutgoingDocumentController.reader(user);
    OutgoingViews.Details details = queries.details(id, reader); // 403 unless asked or a reader
    Optional<OpinionRequest> open = opinions.openRequestOf(id, reader);
    List<OutgoingViews.OpinionRequestView> mine = details.opinionRequests().stream()
        .filter(r -> requestOf(r, reader)).toList();
    if (mine.isEmpty()) {
      throw new AccessDeniedException("Bạn (và đơn vị của bạn) không được xin ý kiến về dự thảo"
          + " này");
    }
    model.addAttribute("document", details);
    model.addAttribute("request", open.map(r -> mine.stream().filter(v -> v.id() == r.getId())
        .findFirst().orElse(null)).orElse(mine.get(mine.size() - 1)));
    model.addAttribute("open", open.isPresent());
    model.addAttribute("latest", details.versions().isEmpty() ? null
        : details.versions().get(details.versions().size() - 1));
    model.addAttribute("director", reader.isDirector());
    if (!model.containsAttribute("errors")) {
      model.addAttribute("errors", Map.of());
    }
    return "opinion-inbox-item";
  }

  /** The answer: position, text, optional files; extra fields are not read. */
  @PostMapping("/{id}/answer")
  String answer(@PathVariable long id, @RequestParam(required = false) String position,
      @RequestParam(required = false) String text,
      @RequestParam(name = "files", required = false) List<MultipartFile> files,
      Authentication user, RedirectAttributes redirect) throws IOException {
    Reader reader = OutgoingDocumentController.reader(user);
    List<OutgoingOpinions.Upload> uploads = new ArrayList<>();
    for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
      if (!file.isEmpty() || (file.getOriginalFilename() != null
          && !file.getOriginalFilename().isBlank())) { // a file input left empty sends nothing
        uploads.add(new OutgoingOpinions.Upload(file.getOriginalFilename(), file.getBytes()));
      }
    }
    try {
      opinions.answer(id, position, text, uploads, actors.of(user.getName()), reader);
    } catch (InvalidInputException invalid) {
      Map<String, List<String>> errors = new LinkedHashMap<>();
      invalid.fieldErrors().forEach(e -> errors.computeIfAbsent(e.field(),
          f -> new ArrayList<>()).add(e.message()));
      redirect.addFlashAttribute("errors", errors);
      redirect.addFlashAttribute("typedPosition", position);
      redirect.addFlashAttribute("typedText", text);
      return "redirect:/inbox/opinions/" + id;
    } catch (ConflictException conflict) {
      redirect.addFlashAttribute("problems", List.of(conflict.getMessage()));
      return "redirect:/inbox/opinions/" + id;
    }
    redirect.addFlashAttribute("message", "Đã gửi ý kiến góp ý.");
    return reader.isDirector() ? "redirect:/inbox" : "redirect:/inbox/opinions";
  }

  private static boolean requestOf(OutgoingViews.OpinionRequestView request, Reader reader) {
    return "USER".equals(request.partyType()) ? request.party().equals(reader.userId())
        : reader.groups().contains(request.party());
  }
}
