package vn.khcn.workflow.dispatch;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import vn.khcn.workflow.identity.CurrentUser;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.InvalidInputException;
import vn.khcn.workflow.shared.web.NotFoundException;
import vn.khcn.workflow.shared.web.Paging;
import vn.khcn.workflow.shared.web.PageController;

/**
 * /documents: the Department's staff find incoming documents (full text with or without
 * diacritics, filters, orders, pages), export what they found as CSV or XLSX, and keep named
 * searches of their own. Bad filters answer 400 on the page itself, naming the fields.
 */
@Controller
@PageController
@RequestMapping("/documents")
class DocumentSearchPageController {

  static final int PAGE_SIZE = 20;
  /** Filters folded away under "Bộ lọc khác" unless one of them is set. */
  private static final java.util.Set<String> ADVANCED = java.util.Set.of("issuer", "year",
      "status", "urgency", "classification", "unit", "overdue", "from", "to", "sort");

  private final DocumentSearch search;
  private final SavedDocumentSearchRepository saved;
  private final Clock clock;

  DocumentSearchPageController(DocumentSearch search, SavedDocumentSearchRepository saved,
      Clock clock) {
    this.search = search;
    this.saved = saved;
    this.clock = clock;
  }

  /**
   * A page number that is not a number, negative, or past the last page leads to the nearest
   * page that exists (like the inbox), with the same filters.
   */
  @GetMapping
  String list(@RequestParam Map<String, String> params, Authentication user, Model model,
      HttpServletResponse response) {
    Viewer viewer = viewer(user);
    DocumentFilter filter;
    try {
      filter = DocumentFilter.parse(params);
    } catch (InvalidInputException invalid) {
      return refused(model, response, params, invalid.fieldErrors(), viewer);
    }
    String pageText = params.getOrDefault("page", "0").strip();
    int page;
    if (!pageText.matches("\\d{1,9}")) {
      return "redirect:" + filter.pageUrl(0);
    }
    page = Integer.parseInt(pageText);
    // the list reaches only its first DocumentSearch.MAX_RESULTS (page 500 of 20)
    page = Math.min(page, Math.min(Paging.MAX_PAGE,
        DocumentSearch.lastReachablePage(PAGE_SIZE)));
    DocumentSearch.Found<DocumentRow> found = search.find(filter, page, PAGE_SIZE, viewer);
    Page<DocumentRow> rows = found.page();
    if (page > 0 && page >= rows.getTotalPages()) {
      return "redirect:" + filter.pageUrl(Math.max(rows.getTotalPages() - 1, 0));
    }
    if (!pageText.equals(Integer.toString(page))) {
      return "redirect:" + filter.pageUrl(page);
    }
    show(model, filter.parameters(), filter, rows, viewer);
    model.addAttribute("total", found.total());
    model.addAttribute("capped", found.capped());
    model.addAttribute("resultsEnd", found.capped() && !rows.hasNext()
        ? DocumentSearch.MAX_RESULTS_TEXT : null);
    return "documents";
  }

  @GetMapping("/export.csv")
  Object exportCsv(@RequestParam Map<String, String> params, Authentication user, Model model,
      HttpServletResponse response) {
    return export(params, user, model, response, "csv");
  }

  @GetMapping("/export.xlsx")
  Object exportXlsx(@RequestParam Map<String, String> params, Authentication user, Model model,
      HttpServletResponse response) {
    return export(params, user, model, response, "xlsx");
  }

  private Object export(Map<String, String> params, Authentication user, Model model,
      HttpServletResponse response, String format) {
    Viewer viewer = viewer(user);
    DocumentFilter filter;
    try {
      filter = DocumentFilter.parse(params);
    } catch (InvalidInputException invalid) {
      return refused(model, response, params, invalid.fieldErrors(), viewer);
    }
    DocumentSearch.Found<DocumentRow> found = search.find(filter, 0, DocumentExport.MAX_ROWS, viewer);
    Page<DocumentRow> rows = found.page();
    if (found.capped() || found.total() > DocumentExport.MAX_ROWS) {
      return refused(model, response, filter.parameters(), List.of(new FieldError("export",
          "kết quả có " + (found.capped() ? "hơn " : "") + found.total() + " văn bản, quá "
              + DocumentExport.MAX_ROWS
              + " văn bản của một lần xuất; hãy thu hẹp bộ lọc (ví dụ theo năm hoặc ngày đến)")),
          viewer);
    }
    boolean csv = format.equals("csv");
    byte[] body = csv ? DocumentExport.csv(rows.getContent())
        : DocumentExport.xlsx(rows.getContent());
    MediaType type = csv ? new MediaType("text", "csv", StandardCharsets.UTF_8)
        : MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("van-ban-den_" + LocalDate.now(clock) + "." + format).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(body);
  }

  /** Saves the posted filters under a name, for the person posting only. */
  @PostMapping("/saved")
  String save(@RequestParam Map<String, String> params, Authentication user, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    Viewer viewer = viewer(user);
    List<FieldError> errors = new ArrayList<>();
    DocumentFilter filter = null;
    try {
      filter = DocumentFilter.parse(params);
    } catch (InvalidInputException invalid) {
      errors.addAll(invalid.fieldErrors());
    }
    String name = params.get("name") == null ? "" : params.get("name").strip();
    if (name.isEmpty()) {
      errors.add(new FieldError("name", "hãy đặt tên cho tìm kiếm cần lưu"));
    } else if (name.length() > SavedDocumentSearch.MAX_NAME) {
      errors.add(new FieldError("name", "tên tìm kiếm dài quá " + SavedDocumentSearch.MAX_NAME
          + " ký tự"));
    } else if (name.chars().anyMatch(Character::isISOControl)) {
      errors.add(new FieldError("name", "tên tìm kiếm có ký tự điều khiển"));
    } else if (saved.existsByOwnerIdAndName(user.getName(), name)) {
      errors.add(new FieldError("name", "bạn đã có một tìm kiếm tên «" + name + "»"));
    }
    if (saved.countByOwnerId(user.getName()) >= SavedDocumentSearch.MAX_PER_OWNER) {
      errors.add(new FieldError("name", "mỗi người lưu được tối đa "
          + SavedDocumentSearch.MAX_PER_OWNER + " tìm kiếm; hãy xóa bớt"));
    }
    if (!errors.isEmpty()) {
      return refused(model, response, params, errors, viewer);
    }
    saved.save(new SavedDocumentSearch(user.getName(), name, filter.query(), clock.instant()));
    redirect.addFlashAttribute("message", "Đã lưu tìm kiếm «" + name + "».");
    return "redirect:" + filter.url("/documents");
  }

  /** Runs one of the person's own saved searches; another person's is "not found". */
  @GetMapping("/saved/{id}")
  String run(@PathVariable long id, Authentication user) {
    SavedDocumentSearch search = own(id, user);
    return "redirect:/documents" + (search.getFilterQuery().isEmpty() ? ""
        : "?" + search.getFilterQuery());
  }

  @PostMapping("/saved/{id}/delete")
  String delete(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
    SavedDocumentSearch search = own(id, user);
    saved.delete(search);
    redirect.addFlashAttribute("message", "Đã xóa tìm kiếm «" + search.getName() + "».");
    return "redirect:/documents";
  }

  private SavedDocumentSearch own(long id, Authentication user) {
    viewer(user);
    return saved.findByIdAndOwnerId(id, user.getName())
        .orElseThrow(() -> new NotFoundException("Không tìm thấy tìm kiếm đã lưu có mã " + id));
  }

  private String refused(Model model, HttpServletResponse response, Map<String, String> form,
      List<FieldError> errors, Viewer viewer) {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("errors", errors);
    show(model, form, DocumentFilter.NONE, Page.empty(), viewer);
    model.addAttribute("refused", true);
    return "documents";
  }

  private void show(Model model, Map<String, String> form, DocumentFilter filter,
      Page<DocumentRow> rows, Viewer viewer) {
    model.addAttribute("form", form);
    model.addAttribute("advanced", form.entrySet().stream().anyMatch(e -> ADVANCED.contains(e.getKey())
        && e.getValue() != null && !e.getValue().isBlank()));
    model.addAttribute("filterParams", filter.parameters());
    model.addAttribute("rows", rows.getContent());
    model.addAttribute("total", rows.getTotalElements());
    model.addAttribute("capped", false);
    model.addAttribute("page", rows.getPageable().isPaged() ? rows.getNumber() : 0);
    model.addAttribute("totalPages", rows.getTotalPages());
    model.addAttribute("prevUrl", rows.hasPrevious() ? filter.pageUrl(rows.getNumber() - 1) : null);
    model.addAttribute("nextUrl", rows.hasNext() ? filter.pageUrl(rows.getNumber() + 1) : null);
    model.addAttribute("csvUrl", filter.url("/documents/export.csv"));
    model.addAttribute("xlsxUrl", filter.url("/documents/export.xlsx"));
    model.addAttribute("exportLimit", DocumentExport.MAX_ROWS);
    model.addAttribute("saved", saved.findByOwnerIdOrderByNameAscIdAsc(viewer.userId()));
    model.addAttribute("statuses", Arrays.stream(DocumentStatus.values())
        .map(s -> new String[] {s.name(), s.label()}).toList());
    model.addAttribute("urgencies", Arrays.stream(Urgency.values())
        .map(u -> new String[] {u.name(), u.label()}).toList());
    model.addAttribute("classifications", Arrays.stream(Classification.values())
        .map(c -> new String[] {c.name(), c.label()}).toList());
    model.addAttribute("sorts", Arrays.stream(DocumentFilter.Sort.values())
        .map(s -> new String[] {s.name(), s.label()}).toList());
    model.addAttribute("units", Groups.UNITS.stream()
        .map(id -> new String[] {id, Groups.nameOf(id)}).toList());
    model.addAttribute("mayPrintRegisters", viewer.keepsRegisters());
    model.addAttribute("mayPrintClassified", viewer.seesAllClassified());
  }

  private static Viewer viewer(Authentication user) {
    Viewer viewer = new Viewer(user.getName(), CurrentUser.groupIds(user));
    if (!DocumentSearch.maySearch(viewer.groups())) {
      throw new AccessDeniedException("Chỉ cán bộ của Sở tìm được văn bản đến");
    }
    return viewer;
  }
}
