package vn.khcn.workflow.dispatch;

import vn.khcn.workflow.identity.CurrentUser;
import vn.khcn.workflow.identity.ActorResolver;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.ConflictException;
import vn.khcn.workflow.shared.web.InvalidInputException;

/** The incoming-document API (văn bản đến). */
@RestController
@RequestMapping("/api")
class IncomingDocumentController {

  static final String STAFF = "hasAnyAuthority('lanh-dao','van-thu','van-phong','phong-qlkh',"
      + "'phong-khtc','phong-qlcn')";
  static final int MAX_PAGE_SIZE = 100;

  private final RegistrationService registration;
  private final DocumentQueries queries;
  private final AttachmentService attachments;
  private final ActorResolver actors;
  private final Clock clock;

  IncomingDocumentController(RegistrationService registration, DocumentQueries queries,
      AttachmentService attachments, ActorResolver actors, Clock clock) {
    this.registration = registration;
    this.queries = queries;
    this.attachments = attachments;
    this.actors = actors;
    this.clock = clock;
  }

  @PostMapping("/incoming-documents")
  @PreAuthorize("hasAuthority('van-thu')")
  ResponseEntity<RegisteredDocument> register(@RequestBody RegistrationRequest request,
      @RequestParam(name = "registerDuplicate", required = false) Boolean registerDuplicateParam,
      Authentication user) {
    Registration valid = request.validate(LocalDate.now(clock));
    boolean registerDuplicate = Boolean.TRUE.equals(request.registerDuplicate())
        || Boolean.TRUE.equals(registerDuplicateParam);
    try {
      RegisteredDocument registered = registration.register(valid, registerDuplicate,
          request.replacesId(), actors.of(user.getName()), request.validItems());
      return ResponseEntity.created(URI.create("/api/incoming-documents/" + registered.id()))
          .body(registered);
    } catch (DuplicateDocumentException duplicate) {
      throw new ConflictException(duplicate.getMessage(), Map.of(
          "existingId", duplicate.existingId(),
          "existingBusinessKey", duplicate.existingBusinessKey()));
    }
  }

  @GetMapping("/incoming-documents/{id}")
  @PreAuthorize(STAFF)
  DocumentDetails details(@PathVariable long id, Authentication user) {
    return queries.details(id, viewer(user));
  }

  @GetMapping("/incoming-documents")
  @PreAuthorize(STAFF)
  Page<DocumentSummary> search(@RequestParam(required = false) Integer year,
      @RequestParam(required = false) DocumentStatus status,
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size,
      Authentication user) {
    List<FieldError> errors = new java.util.ArrayList<>();
    if (page < 0) {
      errors.add(new FieldError("page", "số trang phải từ 0 trở lên"));
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      errors.add(new FieldError("size", "cỡ trang phải từ 1 đến " + MAX_PAGE_SIZE));
    } else if (page >= 0 && !DocumentSearch.withinResults(page, size)) {
      errors.add(new FieldError("page", "chỉ xem được " + DocumentSearch.MAX_RESULTS_TEXT
          + " văn bản đầu tiên (số trang cuối với cỡ trang " + size + " là "
          + DocumentSearch.lastReachablePage(size) + "); hãy lọc theo năm, trạng thái hoặc"
          + " từ khóa"));
    }
    if (q != null && q.length() > 200) {
      errors.add(new FieldError("q", "chuỗi tìm kiếm dài quá 200 ký tự"));
    }
    if (year != null && (year < 1945 || year > 9999)) {
      errors.add(new FieldError("year", "năm phải từ 1945 đến 9999"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return queries.search(year, status, q, page, size, viewer(user));
  }

  @PostMapping(path = "/incoming-documents/{id}/attachments",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize(STAFF)
  ResponseEntity<DocumentDetails.AttachmentView> upload(@PathVariable long id,
      @RequestPart("file") MultipartFile file, Authentication user) throws IOException {
    Attachment saved = attachments.add(id, file.getOriginalFilename(), file.getBytes(),
        actors.of(user.getName()), viewer(user));
    String url = "/api/incoming-documents/" + id + "/attachments/" + saved.getId();
    return ResponseEntity.created(URI.create(url)).body(new DocumentDetails.AttachmentView(
        saved.getId(), saved.getFileName(), saved.getContentType(), saved.getSizeBytes(),
        saved.getSha256(), saved.getUnitId(), saved.getUploadedBy(), saved.getUploadedAt(), url,
        attachments.signaturesOf(saved.getId())));
  }

  @GetMapping("/incoming-documents/{id}/attachments/{attachmentId}")
  @PreAuthorize(STAFF)
  ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId,
      Authentication user) {
    Attachment file = attachments.download(id, attachmentId, viewer(user));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.getContentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(file.getFileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(file.getContent());
  }

  /** Sổ đăng ký văn bản đến for a date range; the classified register only for registry/directors. */
  @GetMapping(path = "/incoming-documents/register.csv")
  @PreAuthorize("hasAnyAuthority('van-thu','lanh-dao','van-phong')")
  ResponseEntity<byte[]> register(@RequestParam LocalDate from, @RequestParam LocalDate to,
      @RequestParam(defaultValue = "false") boolean classified, Authentication user) {
    if (from.isAfter(to)) {
      throw new InvalidInputException(List.of(new FieldError("from", "ngày bắt đầu sau ngày kết thúc")));
    }
    if (classified && !viewer(user).seesAllClassified()) {
      throw new org.springframework.security.access.AccessDeniedException(
          "Chỉ văn thư và lãnh đạo xem được sổ văn bản mật");
    }
    String name = "so-van-ban-den_" + from + "_" + to + (classified ? "_mat" : "") + ".csv";
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name).build().toString())
        .body(queries.registerCsv(from, to, classified));
  }

  private static Viewer viewer(Authentication user) {
    return new Viewer(user.getName(), CurrentUser.groupIds(user));
  }
}
