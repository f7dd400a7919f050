package vn.khcn.workflow.research;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.khcn.workflow.identity.CurrentUser;
import vn.khcn.workflow.identity.ActorResolver;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.InvalidInputException;

/** REST API of research tasks (README, "Research tasks"). */
@RestController
@RequestMapping("/api")
class ResearchController {

  static final String STAFF = "hasAnyAuthority('lanh-dao','phong-qlkh','phong-khtc','camunda-admin')";
  static final int MAX_PAGE_SIZE = 100;

  private final ResearchService service;
  private final ResearchQueries queries;
  private final ExpertRepository experts;
  private final RestrictionRepository restrictions;
  private final RestrictionService restrictionService;
  private final RuleRegimes regimes;
  private final ActorResolver actors;
  private final java.time.Clock clock;

  ResearchController(ResearchService service, ResearchQueries queries, ExpertRepository experts,
      RestrictionRepository restrictions, RestrictionService restrictionService,
      RuleRegimes regimes, ActorResolver actors, java.time.Clock clock) {
    this.restrictionService = restrictionService;
    this.regimes = regimes;
    this.clock = clock;
    this.service = service;
    this.queries = queries;
    this.experts = experts;
    this.restrictions = restrictions;
    this.actors = actors;
  }

  @PostMapping(path = "/research-tasks", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize("hasAnyAuthority('phong-qlkh','chu-nhiem')")
  ResponseEntity<ResearchService.Submitted> submit(
      @RequestPart(name = "dossier", required = false) DossierRequest dossier,
      @RequestPart(name = "outline", required = false) MultipartFile outline, Authentication user)
      throws IOException {
    ResearchService.Submitted submitted = service.submit(dossier,
        outline == null ? null : outline.getOriginalFilename(),
        outline == null ? null : outline.getBytes(), actors.of(user.getName()), viewer(user));
    return ResponseEntity.created(URI.create("/api/research-tasks/" + submitted.code()))
        .body(submitted);
  }

  @GetMapping("/research-tasks")
  Page<ResearchQueries.ResearchSummary> list(@RequestParam(required = false) String status,
      @RequestParam(required = false) String stage, @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
      Authentication user) {
    List<FieldError> problems = new java.util.ArrayList<>();
    ResearchStatus statusValue = parse(ResearchStatus.class, "status", status, problems);
    ResearchStage stageValue = parse(ResearchStage.class, "stage", stage, problems);
    if (page < 0) {
      problems.add(new FieldError("page", "trang phải từ 0"));
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      problems.add(new FieldError("size", "cỡ trang từ 1 đến " + MAX_PAGE_SIZE));
    }
    if (q != null && q.length() > 200) {
      problems.add(new FieldError("q", "từ khóa dài quá 200 ký tự"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return queries.page(statusValue, stageValue, q, page, size, viewer(user));
  }

  @GetMapping("/research-tasks/{code}")
  ResearchDetails details(@PathVariable String code, Authentication user) {
    return queries.details(code, viewer(user));
  }

  @PostMapping(path = "/research-tasks/{code}/documents",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<DocumentInfo> addDocument(@PathVariable String code,
      @RequestParam(required = false) String kind,
      @RequestPart(name = "file", required = false) MultipartFile file, Authentication user)
      throws IOException {
    List<FieldError> problems = new java.util.ArrayList<>();
    DocumentKind kindValue = parse(DocumentKind.class, "kind", kind, problems);
    if (kind == null) {
      problems.add(new FieldError("kind", "chọn loại tài liệu: " + names(DocumentKind.class)));
    }
    if (file == null) {
      problems.add(new FieldError("file", "thiếu tệp"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    DocumentInfo saved = service.addDocument(code, kindValue, file.getOriginalFilename(),
        file.getBytes(), actors.of(user.getName()), viewer(user));
    return ResponseEntity.created(URI.create("/api/research-tasks/" + code + "/documents/"
        + saved.id())).body(saved);
  }

  @GetMapping("/research-tasks/{code}/documents/{documentId}")
  ResponseEntity<byte[]> download(@PathVariable String code, @PathVariable long documentId,
      Authentication user) {
    ResearchDocument file = service.download(code, documentId, viewer(user));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.getContentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(file.getFileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(file.getContent());
  }

  /** Body of an extension request. */
  record ExtensionBody(Integer months, String reason) {}

  @PostMapping("/research-tasks/{code}/extension-requests")
  @PreAuthorize("hasAuthority('chu-nhiem')")
  ResponseEntity<ExtensionRequest> requestExtension(@PathVariable String code,
      @RequestBody ExtensionBody body, Authentication user) {
    ExtensionRequest request = service.requestExtension(code, body.months(), body.reason(),
        actors.of(user.getName()), viewer(user));
    return ResponseEntity.status(201).body(request);
  }

  @PostMapping("/research-tasks/{code}/midterm-evaluation")
  @PreAuthorize("hasAuthority('phong-qlkh')")
  ResponseEntity<Void> requestMidterm(@PathVariable String code, Authentication user) {
    service.requestMidterm(code, actors.of(user.getName()));
    return ResponseEntity.accepted().build();
  }

  @GetMapping("/research/experts")
  @PreAuthorize(STAFF)
  List<Expert> experts() {
    return experts.findAllByOrderByFullNameAsc();
  }

  @GetMapping("/research/restrictions")
  @PreAuthorize(STAFF)
  List<Restriction> restrictions() {
    return restrictions.findAllByOrderByIdDesc();
  }

  /** Body of lifting a restriction. */
  record LiftBody(String reason) {}

  @PostMapping("/research/restrictions/{id}/lift")
  @PreAuthorize("hasAuthority('lanh-dao')")
  Restriction liftRestriction(@PathVariable long id, @RequestBody LiftBody body,
      Authentication user) {
    return restrictionService.lift(id, body.reason(), actors.of(user.getName()));
  }

  /** The rules regimes, oldest first (README, "Rule regimes"). */
  @GetMapping("/research/rules")
  @PreAuthorize(STAFF)
  List<RuleRegimeView> rules() {
    return regimes.all().stream().map(RuleRegimeView::of).toList();
  }

  /** An administrator deploys a regime file (as the files in processes/research-rules). */
  @PostMapping(path = "/research/rules", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAuthority('camunda-admin')")
  ResponseEntity<java.util.Map<String, String>> deployRules(@RequestBody byte[] file,
      Authentication user) {
    RuleRegimes.Outcome outcome = regimes.deploy(file, user.getName(), clock.instant());
    String code = RuleRegimeParser.parse(file).code();
    return ResponseEntity.status(outcome == RuleRegimes.Outcome.DEPLOYED ? 201 : 200)
        .body(java.util.Map.of("code", code, "outcome", outcome.name()));
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String field, String value,
      List<FieldError> problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(new FieldError(field, "giá trị '" + value + "' không hợp lệ; chọn một trong: "
          + names(type)));
      return null;
    }
  }

  private static <E extends Enum<E>> String names(Class<E> type) {
    return java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name)
        .collect(Collectors.joining(", "));
  }

  static ResearchQueries.Viewer viewer(Authentication user) {
    return new ResearchQueries.Viewer(user.getName(), CurrentUser.groupIds(user));
  }
}
