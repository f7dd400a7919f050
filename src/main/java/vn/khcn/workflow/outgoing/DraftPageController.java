package vn.khcn.workflow.outgoing;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import vn.khcn.workflow.dispatch.Urgency;
import vn.khcn.workflow.identity.ActorResolver;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.ConflictException;
import vn.khcn.workflow.shared.web.InvalidInputException;
import vn.khcn.workflow.shared.web.NotFoundException;
import vn.khcn.workflow.shared.web.PageRefusals;

/**
 * The drafting pages: /drafts (my and my unit's outgoing documents), /drafts/new (a new draft),
 * /drafts/{id} (the draft with its versions and trail; upload for the drafter, sign for the
 * directors, number for the registry). The same services and rules as the API.
 */
@Controller
@RequestMapping("/drafts")
class DraftPageController {

  private final OutgoingDrafts drafts;
  private final OutgoingLifecycle lifecycle;
  private final OutgoingQueries queries;
  private final OutgoingProperties properties;
  private final ActorResolver actors;
  private final Clock clock;
  private final OutgoingWorkflow workflow;
  private final OutgoingOpinions opinions;

  DraftPageController(OutgoingDrafts drafts, OutgoingLifecycle lifecycle,
      OutgoingQueries queries, OutgoingProperties properties, ActorResolver actors, Clock clock,
      OutgoingWorkflow workflow, OutgoingOpinions opinions) {
    this.workflow = workflow;
    this.opinions = opinions;
    this.drafts = drafts;
    this.lifecycle = lifecycle;
    this.queries = queries;
    this.properties = properties;
    this.actors = actors;
    this.clock = clock;
  }

  @ExceptionHandler({AccessDeniedException.class, NotFoundException.class})
  String refused(RuntimeException refused, HttpServletResponse response, Model model) {
    return PageRefusals.page(refused, "", response, model);
  }

  @GetMapping
  String list(Authentication user, Model model) {
    Reader reader = OutgoingDocumentController.reader(user);
    model.addAttribute("mine", queries.list(OutgoingQueries.Scope.MINE, reader));
    model.addAttribute("unit", queries.list(OutgoingQueries.Scope.UNIT, reader));
    model.addAttribute("all", reader.keepsRegisters()
        ? queries.list(OutgoingQueries.Scope.ALL, reader) : List.of());
    model.addAttribute("mayDraft", reader.unit().isPresent());
    model.addAttribute("keepsRegisters", reader.keepsRegisters());
    model.addAttribute("today", java.time.LocalDate.now(clock));
    return "drafts";
  }

  @GetMapping("/new")
  String form(Model model) {
    return form(model, new DraftRequest(null, null, List.of(), List.of(), null,
        Urgency.NORMAL.name(), Classification.NONE.name(), null), "", "", List.of());
  }

  @PostMapping("/new")
  String create(@RequestParam(required = false) String documentType,
      @RequestParam(required = false) String summary,
      @RequestParam(required = false) String recipients,
      @RequestParam(required = false) String copyTo,
      @RequestParam(required = false) String signer,
      @RequestParam(required = false) String urgency,
      @RequestParam(required = false) String classification,
      @RequestParam(required = false) String replyTo,
      Authentication user, Model model, RedirectAttributes redirect) {
    Long reply = null;
    List<FieldError> replyProblem = List.of();
    if (replyTo != null && !replyTo.isBlank()) {
      try {
        reply = Long.valueOf(replyTo.strip());
      } catch (NumberFormatException notANumber) {
        replyProblem = List.of(new FieldError("replyTo", "mã văn bản đến phải là một số"));
      }
    }
    DraftRequest request = new DraftRequest(documentType, summary, lines(recipients),
        lines(copyTo), signer, urgency, classification, reply);
    if (!replyProblem.isEmpty()) {
      return form(model, request, recipients, copyTo, replyProblem);
    }
    try {
      OutgoingDocument created = drafts.create(request, actors.of(user.getName()),
          OutgoingDocumentController.reader(user));
      redirect.addFlashAttribute("message", "Đã tạo dự thảo. Hãy tải lên bản nội dung.");
      return "redirect:/drafts/" + created.getId();
    } catch (InvalidInputException invalid) {
      return form(model, request, recipients, copyTo, invalid.fieldErrors());
    }
  }

  @GetMapping("/{id}")
  String draft(@PathVariable long id, Authentication user, Model model) {
    Reader reader = OutgoingDocumentController.reader(user);
    OutgoingViews.Details details = queries.details(id, reader);
    boolean draft = details.status().equals(OutgoingStatus.DRAFT.name());
    model.addAttribute("document", details);
    model.addAttribute("zone", clock.getZone());
    model.addAttribute("mayUpload", draft && details.drafter().equals(reader.userId()));
    // a draft the model drives is signed and numbered through its tasks (ADR 0026)
    boolean driven = workflow.driven(id);
    // what is signed, sent and shown as issued is the latest version, a PDF (ADR 0033)
    OutgoingViews.VersionView latest = details.versions().isEmpty() ? null
        : details.versions().get(details.versions().size() - 1);
    boolean pdf = latest != null && OutgoingLifecycle.PDF.equals(latest.contentType());
    model.addAttribute("pdfNeeded", draft && latest != null && !pdf
        ? OutgoingLifecycle.SIGN_NEEDS_PDF + "." : null);
    model.addAttribute("issuedFile", !draft && pdf ? latest : null);
    model.addAttribute("maySign", !driven && draft && reader.isDirector()
        && !details.drafter().equals(reader.userId()) && pdf);
    model.addAttribute("mayNumber", !driven && details.status().equals(
        OutgoingStatus.SIGNED.name()) && reader.isRegistry());
    model.addAttribute("mayAnswer", opinions.openRequestOf(id, reader).isPresent());
    DraftOpinionPageController.fill(model, details, reader, workflow);
    model.addAttribute("authorities", SignAuthority.values());
    boolean live = details.status().equals(OutgoingStatus.ISSUED.name())
        && details.recalledAt() == null && details.replacedBy() == null;
    model.addAttribute("maySend", live && reader.isRegistry());
    model.addAttribute("mayFollowUp", live && reader.unit().isPresent()
        && (details.drafter().equals(reader.userId()) || reader.groups().contains(details.unitId())));
    model.addAttribute("mayRecall", live && (reader.isRegistry() || reader.isDirector()));
    return "draft";
  }

  @PostMapping("/{id}/versions")
  String upload(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
      @RequestParam(required = false) String note, Authentication user,
      RedirectAttributes redirect) throws IOException {
    return act(id, redirect, "Đã lưu bản dự thảo mới.", () -> drafts.addVersion(id,
        file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes(),
        note, actors.of(user.getName()), OutgoingDocumentController.reader(user)));
  }

  @PostMapping("/{id}/sign")
  String sign(@PathVariable long id, @RequestParam(required = false) String authority,
      Authentication user, RedirectAttributes redirect) throws IOException {
    return act(id, redirect, "Đã ký văn bản.", () -> notDriven(id).sign(id,
        OutgoingDocumentController.authority(authority), actors.of(user.getName()),
        OutgoingDocumentController.reader(user)));
  }

  @PostMapping("/{id}/number")
  String number(@PathVariable long id, Authentication user, RedirectAttributes redirect)
      throws IOException {
    return act(id, redirect, "Đã cấp số và ban hành văn bản.", () -> notDriven(id).number(id,
        actors.of(user.getName()), OutgoingDocumentController.reader(user)));
  }

  /** An asked party's answer from the draft page (the same as the API and the task). */
  @PostMapping("/{id}/opinions")
  String answer(@PathVariable long id, @RequestParam(required = false) String position,
      @RequestParam(required = false) String text, Authentication user,
      RedirectAttributes redirect) throws IOException {
    return act(id, redirect, "Đã gửi ý kiến góp ý.", () -> opinions.answer(id, position, text,
        List.of(), actors.of(user.getName()), OutgoingDocumentController.reader(user)));
  }

  private OutgoingLifecycle notDriven(long id) {
    if (workflow.driven(id)) {
      throw new ConflictException("Văn bản đi theo quy trình: ký, cấp số ở công việc của quy trình"
          + " (hộp việc, Tasklist)", Map.of("step", "process"));
    }
    return lifecycle;
  }

  /** An action's outcome shown on the draft page: done, or why not (nothing stored then). */
  private interface Action {
    void run() throws IOException;
  }

  private static String act(long id, RedirectAttributes redirect, String done, Action action)
      throws IOException {
    try {
      action.run();
      redirect.addFlashAttribute("message", done);
    } catch (InvalidInputException invalid) {
      redirect.addFlashAttribute("problems",
          invalid.fieldErrors().stream().map(FieldError::message).toList());
    } catch (ConflictException conflict) {
      redirect.addFlashAttribute("problems", List.of(conflict.getMessage()));
    }
    return "redirect:/drafts/" + id;
  }

  private String form(Model model, DraftRequest request, String recipients, String copyTo,
      List<FieldError> problems) {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    for (FieldError e : problems) {
      String field = e.field().replaceAll("\\[\\d+]$", "");
      errors.computeIfAbsent(field, f -> new java.util.ArrayList<>()).add(e.message());
    }
    model.addAttribute("form", request);
    model.addAttribute("recipientsText", recipients == null ? "" : recipients);
    model.addAttribute("copyToText", copyTo == null ? "" : copyTo);
    model.addAttribute("errors", errors);
    model.addAttribute("types", properties.typeNames());
    model.addAttribute("urgencies", Urgency.values());
    model.addAttribute("classifications", Classification.values());
    return "draft-new";
  }

  /** One recipient a line; empty lines dropped. */
  private static List<String> lines(String text) {
    if (text == null) {
      return List.of();
    }
    return Arrays.stream(text.split("\\R")).filter(l -> !l.isBlank()).toList();
  }
}
