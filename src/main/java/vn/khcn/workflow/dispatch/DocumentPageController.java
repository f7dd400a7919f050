package vn.khcn.workflow.dispatch;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khcn.workflow.identity.ActorResolver;
import vn.khcn.workflow.identity.CurrentUser;
import vn.khcn.workflow.shared.web.IntakeProposal;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.ConflictException;
import vn.khcn.workflow.shared.web.InvalidInputException;
import vn.khcn.workflow.shared.web.NotFoundException;
import vn.khcn.workflow.shared.web.PageController;
import vn.khcn.workflow.shared.web.PageRefusedException;

/**
 * The registry desk's pages: /documents/new registers an incoming document (the registry only,
 * by the page chain's rule), /documents/{id} shows a document with its files, trail and
 * assignments to the staff who may see it (the API's visibility rules).
 */
@Controller
@PageController
@RequestMapping("/documents")
class DocumentPageController {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(DocumentPageController.class);

  /** The stamp's date as it is written by hand on the paper: 15/3/2024. */
  private static final DateTimeFormatter STAMP_DATE = DateTimeFormatter.ofPattern("d/M/yyyy");
  /** Far more open tasks than one document ever has (the engine refuses unbounded lists). */
  static final int MAX_TASKS = 50;
  /**
   * A task's link: /tasks/{id} leads to the inbox item or to Tasklist while the task is open, and to
   * the closed-task page once someone has done it (a page opened a while ago).
   */
  static final String TASKLIST = "/tasks/";

  private final RegistryDesk desk;
  private final DocumentQueries queries;
  private final AttachmentService attachments;
  private final IncomingDocumentRepository documents;
  private final TaskService taskService;
  private final ActorResolver actors;
  private final IntakeProposal.Log proposals;
  private final Clock clock;
  private final InformedAcknowledgements acknowledgements;

  private final DirectionItemQueries items;

  DocumentPageController(RegistryDesk desk, DocumentQueries queries,
      AttachmentService attachments, IncomingDocumentRepository documents,
      TaskService taskService, ActorResolver actors, IntakeProposal.Log proposals, Clock clock,
      InformedAcknowledgements acknowledgements, DirectionItemQueries items) {
    this.acknowledgements = acknowledgements;
    this.items = items;
    this.desk = desk;
    this.queries = queries;
    this.attachments = attachments;
    this.documents = documents;
    this.taskService = taskService;
    this.actors = actors;
    this.proposals = proposals;
    this.clock = clock;
  }

  @GetMapping("/new")
  String form(@RequestParam(required = false) String replaces, Model model) {
    LocalDate today = LocalDate.now(clock);
    RegistrationRequest empty = new RegistrationRequest(null, null, null, null, null, null, null,
        null, Urgency.NORMAL.name(), Classification.NONE.name(), today.toString(),
        Registration.VIETNAMESE, null, null, null, null, null, replaces);
    return form(model, empty, Map.of(), null);
  }

  @PostMapping("/new")
  String register(@ModelAttribute RegistrationRequest request,
      @RequestParam(name = "files", required = false) List<MultipartFile> files,
      @RequestParam(name = IntakeProposal.PARAMETER, required = false) String proposalJson,
      @RequestParam(name = "itemsJson", required = false) String itemsJson,
      Authentication user, Model model, RedirectAttributes redirect,
      HttpServletResponse response) throws IOException {
    model.addAttribute("itemsJson", itemsJson);
    IntakeProposal proposal;
    try {
      proposal = proposals.parse(proposalJson);
    } catch (InvalidInputException badProposal) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return form(model, request, byField(badProposal.fieldErrors()), null);
    }
    if (proposal != null) {
      model.addAttribute("intakeProposal", proposalJson);
    }
    List<RegistryDesk.Upload> uploads = new ArrayList<>();
    for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
      boolean nothingPicked = (file.getOriginalFilename() == null
          || file.getOriginalFilename().isEmpty()) && file.isEmpty();
      if (!nothingPicked) {
        uploads.add(new RegistryDesk.Upload(file.getOriginalFilename(), file.getBytes()));
      }
    }
    List<FieldError> problems = new ArrayList<>(RegistryDesk.fileProblems(uploads));
    List<DocumentItems.ItemText> items = List.of();
    List<FieldError> itemProblems = new ArrayList<>();
    try {
      items = DocumentItems.validate(DocumentItems.fromJson(itemsJson), itemProblems);
    } catch (InvalidInputException invalid) {
      itemProblems.addAll(invalid.fieldErrors());
    }
    // shown together above the form under "items" (the items are a hidden field)
    itemProblems.forEach(p -> problems.add(new FieldError("items", "các mục của văn bản ("
        + p.field() + "): " + p.message())));
    Registration valid = null;
    try {
      valid = request.validate(LocalDate.now(clock));
    } catch (InvalidInputException invalid) {
      problems.addAll(0, invalid.fieldErrors());
    }
    if (!problems.isEmpty()) {
      return form(model, request, byField(problems), null);
    }
    try {
      RegisteredDocument registered = desk.register(valid,
          Boolean.TRUE.equals(request.registerDuplicate()), request.replacesId(),
          actors.of(user.getName()),
          viewer(user), uploads, items);
      if (proposal != null) {
        try {
          proposals.record(registered.id(), proposal, finalValues(valid), user.getName());
        } catch (org.springframework.dao.DataAccessException notLogged) {
          // the document is registered; only the measure of intake misses this one
          log.warn("intake proposal of document {} not logged: {}", registered.id(),
              notLogged.getMessage());
        }
      }
      redirect.addFlashAttribute("registered", true);
      return "redirect:/documents/" + registered.id();
    } catch (DuplicateDocumentException duplicate) {
      return form(model, request, Map.of(), duplicate);
    } catch (RegisterClosures.RegisterClosedException closed) {
      return form(model, request, Map.of("receivedOn", List.of(closed.getMessage())), null);
    } catch (ConflictException withdrawn) {
      return form(model, request, Map.of("replaces", List.of(withdrawn.getMessage())), null);
    } catch (InvalidInputException invalid) {
      return form(model, request, byField(invalid.fieldErrors()), null);
    }
  }

  /** The registered values of the fields intake may propose, as the correction log keeps them. */
  private static Map<String, String> finalValues(Registration r) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("issuer", r.issuer());
    values.put("documentNumber", r.documentNumber());
    values.put("issuedOn", r.issuedOn() == null ? null : r.issuedOn().toString());
    values.put("documentType", r.documentType());
    values.put("summary", r.summary());
    values.put("signerPosition", r.signerPosition());
    values.put("signerName", r.signerName());
    values.put("pageCount", r.pageCount() == null ? null : r.pageCount().toString());
    values.put("urgency", r.urgency() == null ? null : r.urgency().name());
    values.put("classification", r.classification() == null ? null : r.classification().name());
    values.put("recipients", r.recipients());
    return values;
  }

  private String form(Model model, RegistrationRequest request, Map<String, List<String>> errors,
      DuplicateDocumentException duplicate) {
    model.addAttribute("form", request);
    model.addAttribute("errors", errors);
    model.addAttribute("today", LocalDate.now(clock).toString());
    model.addAttribute("urgencies", Urgency.values());
    model.addAttribute("classifications", Classification.values());
    model.addAttribute("replacing", replacing(request.replaces()));
    if (duplicate != null) {
      model.addAttribute("duplicateId", duplicate.existingId());
      model.addAttribute("duplicateKey", duplicate.existingBusinessKey());
    }
    return "document-new";
  }

  /** The earlier document a registration replaces, shown above the form; null if none. */
  private IncomingDocument replacing(String replaces) {
    try {
      return replaces == null || replaces.isBlank() ? null
          : documents.findById(Long.parseLong(replaces.strip())).orElse(null);
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }

  private static Map<String, List<String>> byField(List<FieldError> problems) {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    for (FieldError problem : problems) {
      errors.computeIfAbsent(problem.field(), f -> new ArrayList<>()).add(problem.message());
    }
    return errors;
  }

  @GetMapping("/{id}")
  String details(@PathVariable String id, Authentication user, Model model) {
    long documentId = documentId(id);
    Viewer viewer = viewer(user);
    DocumentDetails document = visible(documentId, viewer);
    model.addAttribute("document", document);
    model.addAttribute("items", items.items(documentId));
    model.addAttribute("zone", clock.getZone());
    model.addAttribute("stamp", "ĐẾN Số: " + document.incomingNumber() + " Ngày: "
        + STAMP_DATE.format(document.receivedOn()));
    model.addAttribute("tasks", openTasks(document, user.getName(), viewer.groups()));
    boolean registry = viewer.groups().contains(vn.khcn.workflow.identity.Groups.VAN_THU);
    model.addAttribute("mayRegister", registry);
    model.addAttribute("mayChange", registry && document.status() != DocumentStatus.RECALLED
        && document.status() != DocumentStatus.REPLACED);
    model.addAttribute("replacesKey", businessKey(document.replacesId()));
    model.addAttribute("replacedByKey", businessKey(document.replacedById()));
    model.addAttribute("mayPrintStamp", viewer.keepsRegisters());
    model.addAttribute("seen", acknowledgements.of(documentId));
    model.addAttribute("myGroups", viewer.groups());
    model.addAttribute("recallRequest", RecallNotice.pending(document));
    return "document";
  }

  private String businessKey(Long documentId) {
    return documentId == null ? null
        : documents.findById(documentId).map(IncomingDocument::getBusinessKey).orElse(null);
  }

  /**
   * Attachments downloaded with the page's own session login, under the same visibility; with
   * {@code view}, a PDF opens in the browser (inline, sandboxed: no script of the file runs, no
   * form posts, and it is its own origin), any other type is downloaded.
   */
  @GetMapping("/{id}/attachments/{attachmentId}")
  ResponseEntity<byte[]> attachment(@PathVariable String id, @PathVariable String attachmentId,
      @RequestParam(required = false) String view, Authentication user) {
    long documentId = documentId(id);
    visible(documentId, viewer(user));
    Attachment file;
    try {
      file = attachments.download(documentId, documentId(attachmentId), viewer(user));
    } catch (NotFoundException missing) {
      throw new PageRefusedException(404, "Không tìm thấy tệp đính kèm này.");
    }
    boolean inline = view != null && MediaType.APPLICATION_PDF_VALUE.equals(file.getContentType());
    ResponseEntity.BodyBuilder response = ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.getContentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, (inline ? ContentDisposition.inline()
            : ContentDisposition.attachment())
            .filename(file.getFileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff");
    if (inline) {
      response.header("Content-Security-Policy", PDF_CSP);
    }
    return response.body(file.getContent());
  }

  /** The policy of a PDF shown inline: a sandbox of its own, framed by no other page. */
  static final String PDF_CSP = "sandbox; frame-ancestors 'none'";

  /**
   * The document's details; a document that does not exist is 404, one the viewer may not see
   * (classified, not assigned to their unit) 403, and neither page shows anything of it.
   */
  private DocumentDetails visible(long id, Viewer viewer) {
    try {
      return queries.details(id, viewer);
    } catch (NotFoundException hidden) {
      if (documents.existsById(id)) {
        throw new PageRefusedException(403, "Bạn không có quyền xem văn bản này.");
      }
      throw new PageRefusedException(404, "Không tìm thấy văn bản đến này.");
    }
  }

  private static long documentId(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException notANumber) {
      throw new PageRefusedException(404, "Không tìm thấy văn bản đến này.");
    }
  }

  /** Open tasks of the document that this person may act on, linked into Tasklist. */
  private List<TaskLink> openTasks(DocumentDetails document, String userId, Set<String> groups) {
    if (document.processInstanceId() == null) {
      return List.of();
    }
    List<Task> tasks = new ArrayList<>(taskService.createTaskQuery()
        .processInstanceId(document.processInstanceId()).active().taskAssignee(userId)
        .orderByTaskCreateTime().asc().listPage(0, MAX_TASKS));
    if (!groups.isEmpty()) {
      tasks.addAll(taskService.createTaskQuery().processInstanceId(document.processInstanceId())
          .active().taskCandidateGroupIn(List.copyOf(groups)).orderByTaskCreateTime().asc()
          .listPage(0, MAX_TASKS));
    }
    return tasks.stream().map(t -> new TaskLink(t.getName(), TASKLIST + t.getId(),
        t.getDueDate() == null ? null : t.getDueDate().toInstant(),
        t.getAssignee() == null ? null : actors.of(t.getAssignee()).fullName())).toList();
  }

  /** A Tasklist task the viewer may open. */
  record TaskLink(String name, String url, java.time.Instant due, String assignee) {}

  private static Viewer viewer(Authentication user) {
    return new Viewer(user.getName(), CurrentUser.groupIds(user));
  }
}
