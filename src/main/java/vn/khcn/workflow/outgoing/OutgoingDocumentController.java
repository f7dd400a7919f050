package vn.khcn.workflow.outgoing;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import vn.khcn.workflow.identity.ActorResolver;
import vn.khcn.workflow.identity.CurrentUser;
import vn.khcn.workflow.outgoing.OutgoingViews.Details;
import vn.khcn.workflow.outgoing.OutgoingViews.Summary;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.InvalidInputException;

/** The outgoing-document API (văn bản đi): drafts, body versions, signing, numbering. */
@RestController
@RequestMapping("/api/outgoing-documents")
class OutgoingDocumentController {

  static final String STAFF = "hasAnyAuthority('lanh-dao','van-thu','van-phong','phong-qlkh',"
      + "'phong-khtc','phong-qlcn')";

  /** The body of POST …/sign: the authority the director signs with ("KT.", "TL.", "TUQ."). */
  record SignRequest(String authority) {}

  private final OutgoingDrafts drafts;
  private final OutgoingLifecycle lifecycle;
  private final OutgoingQueries queries;
  private final ActorResolver actors;
  private final OutgoingWorkflow workflow;

  OutgoingDocumentController(OutgoingDrafts drafts, OutgoingLifecycle lifecycle,
      OutgoingQueries queries, ActorResolver actors, OutgoingWorkflow workflow) {
    this.workflow = workflow;
    this.drafts = drafts;
    this.lifecycle = lifecycle;
    this.queries = queries;
    this.actors = actors;
  }

  @PostMapping
  @PreAuthorize(STAFF)
  ResponseEntity<Details> create(@RequestBody DraftRequest request, Authentication user) {
    OutgoingDocument created = drafts.create(request, actors.of(user.getName()), reader(user));
    return ResponseEntity.created(URI.create("/api/outgoing-documents/" + created.getId()))
        .body(queries.details(created.getId(), reader(user)));
  }

  @GetMapping("/{id}")
  @PreAuthorize(STAFF)
  Details details(@PathVariable long id, Authentication user) {
    return queries.details(id, reader(user));
  }

  /** scope: mine (my drafts), unit (my units' documents, the default) or all. */
  @GetMapping
  @PreAuthorize(STAFF)
  List<Summary> list(@RequestParam(defaultValue = "unit") String scope, Authentication user) {
    return queries.list(scope(scope), reader(user));
  }

  @PostMapping(path = "/{id}/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize(STAFF)
  ResponseEntity<Details> addVersion(@PathVariable long id,
      @RequestPart(name = "file", required = false) MultipartFile file,
      @RequestParam(name = "note", required = false) String note, Authentication user)
      throws IOException {
    if (file == null) {
      throw new InvalidInputException(List.of(new FieldError("file", "chưa chọn tệp dự thảo")));
    }
    BodyVersion saved = drafts.addVersion(id, file.getOriginalFilename(), file.getBytes(), note,
        actors.of(user.getName()), reader(user));
    return ResponseEntity.created(URI.create("/api/outgoing-documents/" + id + "/versions/"
        + saved.getId())).body(queries.details(id, reader(user)));
  }

  @GetMapping("/{id}/versions/{versionId}")
  @PreAuthorize(STAFF)
  ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long versionId,
      Authentication user) {
    BodyVersion version = queries.version(id, versionId, reader(user));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(version.getContentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(version.getFileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(version.getContent());
  }

  /** Directors, and heads of units who sign TL./TUQ. (the signing rules decide, ADR 0032). */
  @PostMapping("/{id}/sign")
  @PreAuthorize(STAFF)
  Details sign(@PathVariable long id, @RequestBody(required = false) SignRequest request,
      Authentication user) {
    refuseWhenDriven(id, "ký");
    lifecycle.sign(id, authority(request == null ? null : request.authority()),
        actors.of(user.getName()), reader(user));
    return queries.details(id, reader(user));
  }

  @PostMapping("/{id}/number")
  @PreAuthorize("hasAuthority('van-thu')")
  Details number(@PathVariable long id,
      @RequestBody(required = false) Map<String, Object> body, Authentication user) {
    if (body != null && !body.isEmpty()) {
      throw new InvalidInputException(body.keySet().stream().sorted().map(field ->
          new FieldError(field, "cấp số không nhận trường nào; số do hệ thống cấp")).toList());
    }
    refuseWhenDriven(id, "cấp số");
    lifecycle.number(id, actors.of(user.getName()), reader(user));
    return queries.details(id, reader(user));
  }

  /**
   * A draft the model drives is signed and numbered through its tasks (the inbox, Tasklist), so
   * its checks cannot be skipped; these endpoints serve drafts made before the model.
   */
  private void refuseWhenDriven(long id, String what) {
    if (workflow.driven(id)) {
      throw new vn.khcn.workflow.shared.web.ConflictException("Văn bản đi theo quy trình: " + what
          + " ở công việc của quy trình (hộp việc, Tasklist) sau các bước kiểm tra",
          Map.of("step", "process"));
    }
  }

  static SignAuthority authority(String mark) {
    SignAuthority authority = SignAuthority.ofMark(mark);
    if (authority == null) {
      throw new InvalidInputException(List.of(new FieldError("authority",
          "thẩm quyền ký phải là KT., TL., TUQ. hoặc để trống (ký với tư cách thủ trưởng)")));
    }
    return authority;
  }

  static OutgoingQueries.Scope scope(String scope) {
    try {
      return OutgoingQueries.Scope.valueOf(scope.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw new InvalidInputException(List.of(new FieldError("scope",
          "phạm vi phải là mine (của tôi), unit (của đơn vị) hoặc all (tất cả)")));
    }
  }

  static Reader reader(Authentication user) {
    return new Reader(user.getName(), CurrentUser.groupIds(user));
  }
}
