package vn.khcn.workflow.filing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.khcn.workflow.filing.FileViews.Approval;
import vn.khcn.workflow.filing.FileViews.CaseFile;
import vn.khcn.workflow.filing.FileViews.DocumentKind;
import vn.khcn.workflow.filing.FileViews.Entry;
import vn.khcn.workflow.filing.FileViews.FileSummary;
import vn.khcn.workflow.filing.FileViews.Plan;
import vn.khcn.workflow.filing.FileViews.Unfiled;
import vn.khcn.workflow.identity.ActorResolver;
import vn.khcn.workflow.identity.CurrentUser;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.InvalidInputException;

/** The files API (ADR 0028): lists of files, files, documents in files, the archive. */
@RestController
@RequestMapping("/api/files")
class FileApiController {

  record OpenRequest(Long entryId) {}

  record DocumentRequest(String kind, Long documentId) {}

  record CloseRequest(LocalDate endedOn) {}

  record ArchiveRequest(String receiver, LocalDate archivedOn, String note) {}

  private final FilePlans plans;
  private final CaseFiles files;
  private final FileQueries queries;
  private final FiledDocuments documents;
  private final ActorResolver actors;

  FileApiController(FilePlans plans, CaseFiles files, FileQueries queries,
      FiledDocuments documents, ActorResolver actors) {
    this.plans = plans;
    this.files = files;
    this.queries = queries;
    this.documents = documents;
    this.actors = actors;
  }

  /** The person signed in, if he is Department staff (403 otherwise). */
  static Filer filer(Authentication user, ActorResolver actors) {
    Filer filer = new Filer(actors.of(user.getName()), CurrentUser.groupIds(user));
    if (!filer.isStaff()) {
      throw new AccessDeniedException("Chỉ cán bộ của Sở làm việc với hồ sơ");
    }
    return filer;
  }

  @GetMapping("/plans/{year}")
  Plan plan(@PathVariable String year, Authentication user) {
    filer(user, actors);
    return plans.plan(year(year));
  }

  @PostMapping("/plans/{year}/entries")
  ResponseEntity<Entry> addEntry(@PathVariable String year, @RequestBody EntryInput body,
      Authentication user) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(plans.add(year(year), body, filer(user, actors)));
  }

  @PutMapping("/plans/{year}/entries/{entryId}")
  Entry updateEntry(@PathVariable String year, @PathVariable long entryId,
      @RequestBody EntryInput body, Authentication user) {
    return plans.update(year(year), entryId, body, filer(user, actors));
  }

  @DeleteMapping("/plans/{year}/entries/{entryId}")
  ResponseEntity<Void> removeEntry(@PathVariable String year, @PathVariable long entryId,
      Authentication user) {
    plans.remove(year(year), entryId, filer(user, actors));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/plans/{year}/approve")
  Approval approve(@PathVariable String year,
      @RequestBody(required = false) Map<String, Object> body, Authentication user) {
    Filer filer = filer(user, actors);
    noFields(body, "duyệt danh mục không nhận trường nào; người duyệt là người đăng nhập,"
        + " ngày duyệt là hôm nay");
    return plans.approve(year(year), filer);
  }

  @GetMapping
  List<FileSummary> files(@RequestParam String year, Authentication user) {
    return queries.files(year(year), filer(user, actors));
  }

  @PostMapping
  ResponseEntity<CaseFile> open(@RequestBody OpenRequest body, Authentication user) {
    Filer filer = filer(user, actors);
    if (body == null || body.entryId() == null) {
      throw invalid("entryId", "mục của danh mục hồ sơ là bắt buộc");
    }
    long id = files.open(body.entryId(), filer);
    return ResponseEntity.status(HttpStatus.CREATED)
        .header("Location", "/api/files/" + id).body(queries.file(id, filer));
  }

  @GetMapping("/{id}")
  CaseFile file(@PathVariable long id, Authentication user) {
    return queries.file(id, filer(user, actors));
  }

  @PostMapping("/{id}/documents")
  CaseFile addDocument(@PathVariable long id, @RequestBody DocumentRequest body,
      Authentication user) {
    Filer filer = filer(user, actors);
    if (body == null || body.documentId() == null) {
      throw invalid("documentId", "mã văn bản là bắt buộc");
    }
    files.add(id, kind(body.kind()), body.documentId(), filer);
    return queries.file(id, filer);
  }

  @DeleteMapping("/{id}/documents/{kind}/{documentId}")
  ResponseEntity<Void> removeDocument(@PathVariable long id, @PathVariable String kind,
      @PathVariable long documentId, Authentication user) {
    files.remove(id, kind(kind), documentId, filer(user, actors));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/close")
  CaseFile close(@PathVariable long id, @RequestBody CloseRequest body, Authentication user) {
    Filer filer = filer(user, actors);
    files.close(id, body == null ? null : body.endedOn(), filer);
    return queries.file(id, filer);
  }

  @PostMapping("/{id}/archive")
  CaseFile archive(@PathVariable long id, @RequestBody ArchiveRequest body,
      Authentication user) {
    Filer filer = filer(user, actors);
    ArchiveRequest in = body == null ? new ArchiveRequest(null, null, null) : body;
    files.archive(id, in.receiver(), in.archivedOn(), in.note(), filer);
    return queries.file(id, filer);
  }

  /** Closed files due for the archive within days days (default 30), or overdue. */
  @GetMapping("/due-for-archive")
  List<FileSummary> due(@RequestParam(defaultValue = "30") String days, Authentication user) {
    return queries.dueForArchive(days(days), filer(user, actors));
  }

  /** The year's documents in no file (registry, directors, Office). */
  @GetMapping("/unfiled")
  List<Unfiled> unfiled(@RequestParam String year, Authentication user) {
    Filer filer = filer(user, actors);
    if (!filer.seesAllFiles()) {
      throw new AccessDeniedException("Báo cáo văn bản chưa vào hồ sơ dành cho Văn thư, Văn"
          + " phòng và Lãnh đạo Sở");
    }
    return documents.unfiled(year(year), filer);
  }

  static int year(String year) {
    try {
      int y = Integer.parseInt(year.strip());
      if (y >= 2000 && y <= 2999) {
        return y;
      }
    } catch (NumberFormatException | NullPointerException notANumber) {
      // reported below
    }
    throw invalid("year", "năm phải là số từ 2000 đến 2999");
  }

  static int days(String days) {
    try {
      int d = Integer.parseInt(days.strip());
      if (d >= 0 && d <= 3660) {
        return d;
      }
    } catch (NumberFormatException | NullPointerException notANumber) {
      // reported below
    }
    throw invalid("days", "số ngày phải là số từ 0 đến 3660");
  }

  static DocumentKind kind(String kind) {
    try {
      return DocumentKind.valueOf(kind == null ? "" : kind.strip());
    } catch (IllegalArgumentException unknown) {
      throw invalid("kind", "loại văn bản phải là INCOMING (văn bản đến) hoặc OUTGOING"
          + " (văn bản đi)");
    }
  }

  private static void noFields(Map<String, Object> body, String message) {
    if (body != null && !body.isEmpty()) {
      throw new InvalidInputException(body.keySet().stream().sorted()
          .map(field -> new FieldError(field, message)).toList());
    }
  }

  static InvalidInputException invalid(String field, String message) {
    return new InvalidInputException(List.of(new FieldError(field, message)));
  }
}
