package vn.khcn.workflow.interop;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import vn.khcn.workflow.dispatch.RegisteredDocument;
import vn.khcn.workflow.dispatch.RegistrationRequest;
import vn.khcn.workflow.identity.ActorResolver;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.InvalidInputException;

/** Electronic documents received over the axis (issue 16): the registry clerks only. */
@RestController
@RequestMapping("/api/interop/packages")
@PreAuthorize("hasAuthority('van-thu')")
class InteropController {

  /** A reason, and nothing else. */
  record ReasonRequest(String reason) {}

  private final InteropService service;
  private final ActorResolver actors;
  private final ObjectMapper json;

  InteropController(InteropService service, ActorResolver actors, ObjectMapper json) {
    this.service = service;
    this.actors = actors;
    this.json = json;
  }

  /** Multipart {@code file}: a document package (201) or the sender's recall (200). */
  @PostMapping
  ResponseEntity<PackageView> upload(HttpServletRequest request, Authentication user)
      throws IOException {
    MultipartFile file = onlyFile(request);
    InteropService.Receipt receipt = service.receive(file.getOriginalFilename(), file.getBytes(),
        ReceivedPackage.Source.UPLOAD, actors.of(user.getName()));
    PackageView view = view(receipt.received());
    return receipt.recall() ? ResponseEntity.ok(view)
        : ResponseEntity.created(URI.create("/api/interop/packages/" + view.id())).body(view);
  }

  @GetMapping
  List<PackageView> list() {
    return service.recent(200).stream().map(this::view).toList();
  }

  @GetMapping("/{id}")
  PackageView get(@PathVariable long id) {
    return view(service.find(id));
  }

  @PostMapping("/{id}/register")
  ResponseEntity<RegisteredDocument> register(@PathVariable long id,
      @RequestBody RegistrationRequest request,
      @RequestParam(name = "registerDuplicate", required = false) Boolean registerDuplicate,
      Authentication user) {
    RegisteredDocument registered = service.register(id, request,
        Boolean.TRUE.equals(registerDuplicate), actors.of(user.getName()));
    return ResponseEntity.created(URI.create("/api/incoming-documents/" + registered.id()))
        .body(registered);
  }

  @PostMapping("/{id}/refuse")
  PackageView refuse(@PathVariable long id, @RequestBody ReasonRequest request,
      Authentication user) {
    return view(service.refuse(id, request.reason(), actors.of(user.getName())));
  }

  @PostMapping("/{id}/recall/accept")
  PackageView acceptRecall(@PathVariable long id, Authentication user) {
    return view(service.decideRecall(id, true, null, actors.of(user.getName())));
  }

  @PostMapping("/{id}/recall/refuse")
  PackageView refuseRecall(@PathVariable long id, @RequestBody ReasonRequest request,
      Authentication user) {
    return view(service.decideRecall(id, false, request.reason(), actors.of(user.getName())));
  }

  private PackageView view(ReceivedPackage received) {
    return PackageView.of(received, service.statuses(received.getId()), json);
  }

  /** The one multipart part {@code file}; anything else is refused (400). */
  static MultipartFile onlyFile(HttpServletRequest request) {
    if (!(request instanceof MultipartHttpServletRequest multipart)) {
      throw new InvalidInputException(List.of(new FieldError("file",
          "gửi gói edXML dạng multipart/form-data, trong trường «file»")));
    }
    List<String> extra = new ArrayList<>(multipart.getParameterMap().keySet());
    extra.remove("_csrf");
    multipart.getFileMap().keySet().stream().filter(name -> !name.equals("file"))
        .forEach(extra::add);
    if (!extra.isEmpty()) {
      throw new InvalidInputException(extra.stream()
          .map(name -> new FieldError(name, "trường không được hỗ trợ (chỉ gửi «file»)")).toList());
    }
    List<MultipartFile> files = multipart.getFiles("file");
    if (files.size() != 1) {
      throw new InvalidInputException(List.of(new FieldError("file",
          files.isEmpty() ? "thiếu gói edXML" : "mỗi lần gửi một gói edXML")));
    }
    return files.get(0);
  }
}
