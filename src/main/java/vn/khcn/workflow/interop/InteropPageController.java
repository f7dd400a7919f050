package vn.khcn.workflow.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.khcn.workflow.dispatch.ElectronicRegistry;
import vn.khcn.workflow.dispatch.RegisteredDocument;
import vn.khcn.workflow.dispatch.RegistrationRequest;
import vn.khcn.workflow.identity.ActorResolver;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.ConflictException;
import vn.khcn.workflow.shared.web.InvalidInputException;

/**
 * «Văn bản điện tử đến» (registry clerks): the packages received over the axis, an upload, and
 * per package the check (sender, DocumentId, signature, duplicates, fields as sent), then
 * registration pre-filled from the package or refusal with a reason, and the sender's recall.
 * The services are the API's; a refusal is shown on the page and stores nothing.
 */
@Controller
@RequestMapping("/documents/electronic")
@PreAuthorize("hasAuthority('van-thu')")
class InteropPageController {

  private static final List<String> FIELDS = List.of("issuer", "documentNumber", "issuedOn",
      "documentType", "summary", "signerPosition", "signerName", "pageCount", "urgency",
      "classification", "receivedOn", "language", "documentDueDate", "recipients", "notes");

  private final InteropService service;
  private final ElectronicRegistry registry;
  private final ActorResolver actors;
  private final ObjectMapper json;
  private final Clock clock;

  InteropPageController(InteropService service, ElectronicRegistry registry,
      ActorResolver actors, ObjectMapper json, Clock clock) {
    this.service = service;
    this.registry = registry;
    this.actors = actors;
    this.json = json;
    this.clock = clock;
  }

  @GetMapping
  String list(Model model) {
    model.addAttribute("packages", views(service.recent(200)));
    model.addAttribute("problems", List.of());
    model.addAttribute("zone", clock.getZone());
    return "interop-packages";
  }

  @PostMapping
  String upload(HttpServletRequest request, Authentication user, Model model) throws IOException {
    try {
      MultipartFile file = InteropController.onlyFile(request);
      InteropService.Receipt receipt = service.receive(file.getOriginalFilename(),
          file.getBytes(), ReceivedPackage.Source.UPLOAD, actors.of(user.getName()));
      return "redirect:/documents/electronic/" + receipt.received().getId();
    } catch (InvalidInputException refused) {
      model.addAttribute("packages", views(service.recent(200)));
      model.addAttribute("problems", messages(refused));
      model.addAttribute("zone", clock.getZone());
      return "interop-packages";
    }
  }

  @GetMapping("/{id}")
  String show(@PathVariable long id, Model model) {
    ReceivedPackage received = service.find(id);
    return page(model, received, prefill(received), Map.of(), null);
  }

  @PostMapping("/{id}/register")
  String register(@PathVariable long id, HttpServletRequest request, Authentication user,
      Model model) {
    Map<String, String> values = new LinkedHashMap<>();
    FIELDS.forEach(name -> values.put(name, request.getParameter(name)));
    boolean duplicate = "true".equals(request.getParameter("registerDuplicate"));
    RegistrationRequest form = form(values);
    try {
      RegisteredDocument registered = service.register(id, form, duplicate,
          actors.of(user.getName()));
      return "redirect:/documents/" + registered.id();
    } catch (InvalidInputException invalid) {
      return page(model, service.find(id), form, byField(invalid), null);
    } catch (ConflictException conflict) {
      return page(model, service.find(id), form, Map.of(), conflict);
    }
  }

  @PostMapping("/{id}/refuse")
  String refuse(@PathVariable long id, @RequestParam(required = false) String reason,
      Authentication user, Model model) {
    return decide(id, model, () -> service.refuse(id, reason, actors.of(user.getName())));
  }

  @PostMapping("/{id}/recall")
  String recall(@PathVariable long id, @RequestParam(required = false) String decision,
      @RequestParam(required = false) String reason, Authentication user, Model model) {
    return decide(id, model, () -> service.decideRecall(id, "accept".equals(decision), reason,
        actors.of(user.getName())));
  }

  /** The clerk's decision on the package, or its refusal shown on the package's page. */
  private String decide(long id, Model model, Runnable decision) {
    try {
      decision.run();
      return "redirect:/documents/electronic/" + id;
    } catch (InvalidInputException invalid) {
      ReceivedPackage received = service.find(id);
      return page(model, received, prefill(received), byField(invalid), null);
    } catch (ConflictException conflict) {
      ReceivedPackage received = service.find(id);
      return page(model, received, prefill(received), Map.of(), conflict);
    }
  }

  private String page(Model model, ReceivedPackage received, RegistrationRequest form,
      Map<String, List<String>> errors, ConflictException conflict) {
    model.addAllAttributes(registry.formChoices());
    model.addAttribute("zone", clock.getZone());
    model.addAttribute("pkg", PackageView.of(received, service.statuses(received.getId()), json));
    model.addAttribute("headerRows", headerRows(header(received).path("fields")));
    model.addAttribute("recallPending", received.recallPending());
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("correcting", true); // the package's files are attached, none picked
    model.addAttribute("conflict", conflict == null ? null : conflict.getMessage());
    model.addAttribute("duplicateId", conflict == null ? null
        : conflict.details().get("existingId"));
    model.addAttribute("documentKey", received.getDocumentId() == null ? null
        : registry.businessKey(received.getDocumentId()));
    return "interop-package";
  }

  /** The registration form as the package fills it; the clerk checks and corrects it. */
  private RegistrationRequest prefill(ReceivedPackage received) {
    JsonNode fields = header(received).path("fields");
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : FIELDS) {
      JsonNode value = fields.path(name).path("value");
      if (value.isArray()) {
        List<String> parts = new ArrayList<>();
        value.forEach(v -> parts.add(v.asText()));
        values.put(name, String.join("; ", parts));
      } else if (!value.isMissingNode() && !value.isNull()) {
        values.put(name, value.asText());
      }
    }
    values.put("receivedOn", LocalDate.now(clock).toString());
    return form(values);
  }

  private static RegistrationRequest form(Map<String, String> v) {
    return new RegistrationRequest(v.get("issuer"), v.get("documentNumber"), v.get("issuedOn"),
        v.get("documentType"), v.get("summary"), v.get("signerPosition"), v.get("signerName"),
        v.get("pageCount"), v.get("urgency"), v.get("classification"), v.get("receivedOn"),
        v.get("language"), v.get("documentDueDate"), v.get("recipients"), v.get("notes"), null,
        null, null);
  }

  private JsonNode header(ReceivedPackage received) {
    try {
      return json.readTree(received.getHeaderJson());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<PackageView> views(List<ReceivedPackage> packages) {
    return packages.stream().map(p -> PackageView.of(p, List.of(), json)).toList();
  }

  /** One field as the package sent it. */
  record HeaderRow(String label, String value) {}

  private static final Map<String, String> LABELS = Map.ofEntries(
      Map.entry("issuer", "Cơ quan ban hành"), Map.entry("documentNumber", "Số, ký hiệu"),
      Map.entry("issuedOn", "Ngày ban hành"), Map.entry("place", "Địa danh"),
      Map.entry("documentType", "Loại văn bản"), Map.entry("summary", "Trích yếu"),
      Map.entry("signerCompetence", "Thẩm quyền ký"), Map.entry("signerPosition", "Chức vụ người ký"),
      Map.entry("signerName", "Người ký"), Map.entry("urgency", "Độ khẩn"),
      Map.entry("recipients", "Nơi nhận"), Map.entry("pageCount", "Số trang"));

  private static List<HeaderRow> headerRows(JsonNode fields) {
    List<HeaderRow> rows = new ArrayList<>();
    LABELS.keySet().stream().sorted().forEach(name -> {
      JsonNode value = fields.path(name).path("value");
      if (!value.isMissingNode() && !value.isNull()) {
        rows.add(new HeaderRow(LABELS.get(name), value.isArray()
            ? String.join("; ", java.util.stream.StreamSupport.stream(value.spliterator(), false)
                .map(JsonNode::asText).toList()) : value.asText()));
      }
    });
    return rows;
  }

  private static List<String> messages(InvalidInputException refused) {
    return refused.fieldErrors().stream().map(FieldError::message).toList();
  }

  private static Map<String, List<String>> byField(InvalidInputException refused) {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    refused.fieldErrors().forEach(e ->
        errors.computeIfAbsent(e.field(), k -> new ArrayList<>()).add(e.message()));
    return errors;
  }
}
