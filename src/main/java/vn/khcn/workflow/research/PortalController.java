package vn.khcn.workflow.research;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khcn.workflow.identity.ActorResolver;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.InvalidInputException;
import vn.khcn.workflow.shared.web.PageController;

/**
 * /portal: the investigators' portal (chu-nhiem, session login). The investigator is always the
 * signed-in user; a dossier goes to the same service as POST /api/research-tasks, work items are
 * completed through the tasks' contracts, an extension request through the same rules as the API.
 */
@Controller
@PageController(back = "/portal")
@RequestMapping("/portal")
class PortalController {

  static final Set<String> DOSSIER_FIELDS = Set.of("title", "field", "hostOrganisation",
      "hostOrganisationCode", "durationMonths", "requestedBudget", "callId");
  static final Set<String> WORK_FIELDS = Set.of("text");
  static final Set<String> EXTENSION_FIELDS = Set.of("months", "reason");

  private final PortalService portal;
  private final ResearchService service;
  private final InvestigatorAccounts accounts;
  private final ActorResolver actors;
  private final SelectionCallService calls;
  private final Clock clock;

  PortalController(PortalService portal, ResearchService service, InvestigatorAccounts accounts,
      ActorResolver actors, SelectionCallService calls, Clock clock) {
    this.calls = calls;
    this.portal = portal;
    this.service = service;
    this.accounts = accounts;
    this.actors = actors;
    this.clock = clock;
  }

  @GetMapping
  String page(Authentication user, Model model) {
    model.addAttribute("tasks", portal.mine(ResearchController.viewer(user)));
    model.addAttribute("userName", actors.of(user.getName()).fullName());
    model.addAttribute("organisation", accounts.organisationOf(user.getName()).orElse(null));
    model.addAttribute("today", LocalDate.now(clock));
    model.addAttribute("zone", clock.getZone());
    model.addAttribute("maxDuration", DossierRequest.MAX_DURATION_MONTHS);
    model.addAttribute("openCalls", calls.list().stream()
        .filter(c -> "OPEN".equals(c.status())
            && !c.dossierDeadline().isBefore(LocalDate.now(clock))).toList());
    return "portal";
  }

  /** A new dossier of the signed-in investigator, with the proposal outline. */
  @PostMapping("/dossiers")
  String submit(@RequestParam MultiValueMap<String, String> params,
      @RequestParam(name = "outline", required = false) MultipartFile outline,
      Authentication user, RedirectAttributes redirect) throws IOException {
    Optional<String> organisation = accounts.organisationOf(user.getName());
    DeskPages.onlyFields(params.keySet(), organisation.isPresent()
        ? Set.of("title", "field", "hostOrganisationCode", "durationMonths", "requestedBudget",
            "callId")
        : DOSSIER_FIELDS);
    List<FieldError> problems = new ArrayList<>();
    Integer duration = DeskPages.whole(params.getFirst("durationMonths"), "durationMonths",
        problems);
    Integer callId = DeskPages.whole(params.getFirst("callId"), "callId", problems);
    Long budget = null;
    String typedBudget = params.getFirst("requestedBudget");
    if (typedBudget != null && !typedBudget.isBlank()) {
      try {
        budget = Long.valueOf(typedBudget.strip().replace(".", "").replace(" ", ""));
      } catch (NumberFormatException e) {
        problems.add(new FieldError("requestedBudget", "nhập số tiền bằng đồng, chỉ gồm chữ số"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    byte[] content = picked(outline) ? outline.getBytes() : null;
    DossierRequest dossier = new DossierRequest(params.getFirst("title"),
        params.getFirst("field"), organisation.orElse(params.getFirst("hostOrganisation")),
        params.getFirst("hostOrganisationCode"), user.getName(), duration, budget,
        callId == null ? null : callId.longValue());
    ResearchService.Submitted submitted = service.submit(dossier,
        content == null ? null : outline.getOriginalFilename(), content,
        actors.of(user.getName()), ResearchController.viewer(user));
    redirect.addFlashAttribute("message", "Đã nộp hồ sơ, mã nhiệm vụ " + submitted.code()
        + ". Phòng Quản lý khoa học sẽ kiểm tra tính hợp lệ.");
    return "redirect:/portal#" + submitted.code();
  }

  /** One of the investigator's work items of the task: a file and a text. */
  @PostMapping("/{code}/work/{work}")
  String work(@PathVariable String code, @PathVariable String work,
      @RequestParam MultiValueMap<String, String> params,
      @RequestParam(name = "file", required = false) MultipartFile file, Authentication user,
      RedirectAttributes redirect) throws IOException {
    PortalService.Work kind = PortalService.Work.ofPath(work);
    DeskPages.onlyFields(params.keySet(), WORK_FIELDS);
    boolean hasFile = picked(file);
    portal.work(code, kind, params.getFirst("text"), hasFile ? file.getOriginalFilename() : null,
        hasFile ? file.getBytes() : null, actors.of(user.getName()),
        ResearchController.viewer(user));
    redirect.addFlashAttribute("message", "Đã gửi: " + kind.what + " (" + code + ").");
    return "redirect:/portal#" + code;
  }

  @PostMapping("/{code}/extension")
  String extension(@PathVariable String code, @RequestParam MultiValueMap<String, String> params,
      Authentication user, RedirectAttributes redirect) {
    DeskPages.onlyFields(params.keySet(), EXTENSION_FIELDS);
    List<FieldError> problems = new ArrayList<>();
    Integer months = DeskPages.whole(params.getFirst("months"), "months", problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    service.requestExtension(code, months, params.getFirst("reason"), actors.of(user.getName()),
        ResearchController.viewer(user));
    redirect.addFlashAttribute("message", "Đã gửi đề nghị gia hạn " + months + " tháng ("
        + code + "); lãnh đạo Sở sẽ quyết định.");
    return "redirect:/portal#" + code;
  }

  static boolean picked(MultipartFile file) {
    return file != null && !(file.isEmpty() && (file.getOriginalFilename() == null
        || file.getOriginalFilename().isEmpty()));
  }
}
