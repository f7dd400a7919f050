package vn.khcn.workflow.filing;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khcn.workflow.filing.FileViews.CaseFile;
import vn.khcn.workflow.filing.FileViews.FileStatus;
import vn.khcn.workflow.filing.FileViews.Plan;
import vn.khcn.workflow.identity.ActorResolver;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.identity.UnitLeaders;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.ConflictException;
import vn.khcn.workflow.shared.web.InvalidInputException;
import vn.khcn.workflow.shared.web.NotFoundException;
import vn.khcn.workflow.shared.web.PageController;

/**
 * The file pages (ADR 0028): /files (the year's list, approval, opening files), /files/{id} (a
 * file with its documents, closing, archive hand-over), /files/due (files due for the archive),
 * /files/unfiled (the year's documents in no file). The same services and rules as the API.
 */
@Controller
@PageController
@RequestMapping("/files")
class FilePageController {

  private final FilePlans plans;
  private final CaseFiles files;
  private final FileQueries queries;
  private final FiledDocuments documents;
  private final UnitLeaders leaders;
  private final ActorResolver actors;
  private final Clock clock;

  FilePageController(FilePlans plans, CaseFiles files, FileQueries queries,
      FiledDocuments documents, UnitLeaders leaders, ActorResolver actors, Clock clock) {
    this.plans = plans;
    this.files = files;
    this.queries = queries;
    this.documents = documents;
    this.leaders = leaders;
    this.actors = actors;
    this.clock = clock;
  }

  @GetMapping
  String plan(@RequestParam(required = false) String year, Authentication user, Model model) {
    Filer filer = filer(user);
    int y = year == null || year.isBlank() ? LocalDate.now(clock).getYear()
        : FileApiController.year(year);
    Plan plan = plans.plan(y);
    model.addAttribute("plan", plan);
    model.addAttribute("year", y);
    model.addAttribute("files", queries.files(y, filer));
    model.addAttribute("mayDraft", filer.draftsPlans());
    model.addAttribute("mayApprove", filer.isDirector() && plan.pending() > 0);
    model.addAttribute("seesAll", filer.seesAllFiles());
    model.addAttribute("units", Groups.UNITS.stream()
        .map(u -> new String[] {u, Groups.nameOf(u)}).toList());
    model.addAttribute("myUnits", filer.groups());
    return "files";
  }

  @PostMapping("/{year}/entries")
  String addEntry(@PathVariable String year, @RequestParam(required = false) String code,
      @RequestParam(required = false) String title,
      @RequestParam(required = false) String unitId,
      @RequestParam(required = false) String retention,
      @RequestParam(required = false) String openerName, Authentication user,
      RedirectAttributes redirect) {
    int y = FileApiController.year(year);
    return act("/files?year=" + y, redirect, "Đã thêm mục vào danh mục (chờ lãnh đạo duyệt).",
        () -> plans.add(y, new EntryInput(code, title, unitId, retention, openerName),
            filer(user)));
  }

  @PostMapping("/{year}/entries/{entryId}/delete")
  String removeEntry(@PathVariable String year, @PathVariable long entryId,
      Authentication user, RedirectAttributes redirect) {
    int y = FileApiController.year(year);
    return act("/files?year=" + y, redirect, "Đã xóa mục chờ duyệt.",
        () -> plans.remove(y, entryId, filer(user)));
  }

  @PostMapping("/{year}/approve")
  String approve(@PathVariable String year, Authentication user, RedirectAttributes redirect) {
    int y = FileApiController.year(year);
    return act("/files?year=" + y, redirect, "Đã duyệt danh mục hồ sơ năm " + y + ".",
        () -> plans.approve(y, filer(user)));
  }

  @PostMapping("/open")
  String open(@RequestParam long entryId, Authentication user, RedirectAttributes redirect) {
    Filer filer = filer(user);
    try {
      long id = files.open(entryId, filer);
      redirect.addFlashAttribute("message", "Đã lập hồ sơ.");
      return "redirect:/files/" + id;
    } catch (ConflictException conflict) {
      redirect.addFlashAttribute("problems", List.of(conflict.getMessage()));
      return "redirect:/files?year=" + plans.entry(entryId).year();
    }
  }

  @GetMapping("/{id:\\d+}")
  String file(@PathVariable long id, Authentication user, Model model) {
    Filer filer = filer(user);
    CaseFile file = queries.file(id, filer);
    boolean open = file.status().equals(FileStatus.OPEN.name());
    model.addAttribute("file", file);
    model.addAttribute("zone", clock.getZone());
    model.addAttribute("today", LocalDate.now(clock));
    model.addAttribute("mayChange", open && filer.memberOf(file.unitId()));
    model.addAttribute("mayClose", open && (file.openedBy().equals(filer.userId())
        || leaders.leads(filer.userId(), file.unitId())));
    model.addAttribute("mayArchive", file.status().equals(FileStatus.CLOSED.name())
        && filer.isRegistry());
    return "file";
  }

  @PostMapping("/{id}/documents")
  String addDocument(@PathVariable long id, @RequestParam(required = false) String kind,
      @RequestParam(required = false) String documentId, Authentication user,
      RedirectAttributes redirect) {
    return act("/files/" + id, redirect, "Đã đưa văn bản vào hồ sơ.",
        () -> files.add(id, FileApiController.kind(kind), number(documentId), filer(user)));
  }

  @PostMapping("/{id}/documents/remove")
  String removeDocument(@PathVariable long id, @RequestParam(required = false) String kind,
      @RequestParam(required = false) String documentId, Authentication user,
      RedirectAttributes redirect) {
    return act("/files/" + id, redirect, "Đã bỏ văn bản khỏi hồ sơ.",
        () -> files.remove(id, FileApiController.kind(kind), number(documentId), filer(user)));
  }

  @PostMapping("/{id}/close")
  String close(@PathVariable long id, @RequestParam(required = false) String endedOn,
      Authentication user, RedirectAttributes redirect) {
    return act("/files/" + id, redirect, "Đã kết thúc hồ sơ.",
        () -> files.close(id, date("endedOn", endedOn), filer(user)));
  }

  @PostMapping("/{id}/archive")
  String archive(@PathVariable long id, @RequestParam(required = false) String receiver,
      @RequestParam(required = false) String archivedOn,
      @RequestParam(required = false) String note, Authentication user,
      RedirectAttributes redirect) {
    return act("/files/" + id, redirect, "Đã ghi nhận việc nộp hồ sơ vào lưu trữ cơ quan.",
        () -> files.archive(id, receiver, date("archivedOn", archivedOn), note, filer(user)));
  }

  @GetMapping("/due")
  String due(@RequestParam(defaultValue = "30") String days, Authentication user,
      Model model) {
    int d = FileApiController.days(days);
    model.addAttribute("days", d);
    model.addAttribute("files", queries.dueForArchive(d, filer(user)));
    return "files-due";
  }

  @GetMapping("/unfiled")
  String unfiled(@RequestParam(required = false) String year, Authentication user,
      Model model) {
    Filer filer = filer(user);
    if (!filer.seesAllFiles()) {
      throw new AccessDeniedException("Báo cáo văn bản chưa vào hồ sơ dành cho Văn thư, Văn"
          + " phòng và Lãnh đạo Sở");
    }
    int y = year == null || year.isBlank() ? LocalDate.now(clock).getYear()
        : FileApiController.year(year);
    model.addAttribute("year", y);
    model.addAttribute("documents", documents.unfiled(y, filer));
    model.addAttribute("limit", FiledDocuments.REPORT_LIMIT);
    return "files-unfiled";
  }

  private Filer filer(Authentication user) {
    return FileApiController.filer(user, actors);
  }

  private static long number(String documentId) {
    try {
      return Long.parseLong(documentId == null ? "" : documentId.strip());
    } catch (NumberFormatException notANumber) {
      throw FileApiController.invalid("documentId", "mã văn bản phải là một số");
    }
  }

  private static LocalDate date(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException bad) {
      throw FileApiController.invalid(field, "ngày phải có dạng yyyy-MM-dd");
    }
  }

  /** An action's outcome shown on the page: done, or why not (nothing stored then). */
  private static String act(String back, RedirectAttributes redirect, String done,
      Runnable action) {
    try {
      action.run();
      redirect.addFlashAttribute("message", done);
    } catch (InvalidInputException invalid) {
      redirect.addFlashAttribute("problems",
          invalid.fieldErrors().stream().map(FieldError::message).toList());
    } catch (ConflictException conflict) {
      redirect.addFlashAttribute("problems", List.of(conflict.getMessage()));
    }
    return "redirect:" + back;
  }
}
