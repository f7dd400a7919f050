package vn.khcn.workflow.dispatch;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khcn.workflow.identity.ActorResolver;
import vn.khcn.workflow.identity.CurrentUser;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.ConflictException;
import vn.khcn.workflow.shared.web.InvalidInputException;
import vn.khcn.workflow.shared.web.NotFoundException;
import vn.khcn.workflow.shared.web.PageController;
import vn.khcn.workflow.shared.web.PageRefusedException;

/**
 * The registers' pages: /documents/registers (registry clerks and directors) lists the years'
 * registers with their closing state, the clerk asks to close a past year and a director confirms
 * (ADR 0014); /admin/registers (administrators) imports an earlier register from CSV.
 */
@Controller
@PageController
class RegisterPageController {

  private final RegisterClosures closures;
  private final RegisterImport imports;
  private final ActorResolver actors;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  RegisterPageController(RegisterClosures closures, RegisterImport imports, ActorResolver actors,
      JdbcTemplate jdbc, Clock clock) {
    this.closures = closures;
    this.imports = imports;
    this.actors = actors;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** One year's register as the page shows it. */
  record YearRegister(int year, int lastNumber, int lastClassifiedNumber, String state,
      String closingLine, boolean mayRequest, boolean mayConfirm, boolean mayWithdraw) {}

  @GetMapping("/documents/registers")
  String registers(Authentication user, Model model) {
    Set<String> groups = CurrentUser.groupIds(user);
    boolean clerk = groups.contains(Groups.VAN_THU);
    boolean director = groups.contains(Groups.LANH_DAO);
    if (!clerk && !director) {
      throw new PageRefusedException(403, "Sổ đăng ký chỉ dành cho văn thư và lãnh đạo.");
    }
    int thisYear = LocalDate.now(clock).getYear();
    Map<Integer, int[]> last = new TreeMap<>(java.util.Comparator.reverseOrder());
    last.put(thisYear, new int[2]);
    last.put(thisYear - 1, new int[2]);
    jdbc.query("select series, counter_year, last_number from incoming_number_counter"
        + " where counter_year <= ?", row -> {
      int[] numbers = last.computeIfAbsent(row.getInt("counter_year"), y -> new int[2]);
      numbers[NumberSeries.valueOf(row.getString("series")).ordinal()] = row.getInt("last_number");
    }, thisYear);
    List<YearRegister> years = new ArrayList<>();
    last.forEach((year, numbers) -> {
      Optional<RegisterClosures.Closure> closure = closures.closure(year);
      boolean waiting = closure.isPresent() && !closure.get().confirmed();
      String state = closure.isEmpty() ? (year < thisYear ? "Đang mở" : "Đang mở (năm chưa kết thúc)")
          : waiting ? "Chờ lãnh đạo xác nhận khóa sổ" : "Đã khóa";
      years.add(new YearRegister(year, numbers[0], numbers[1], state,
          closure.map(c -> c.closingLine(clock.getZone())).orElse(null),
          clerk && closure.isEmpty() && year < thisYear,
          director && waiting && !closure.get().closedBy().equals(user.getName()),
          waiting));
    });
    model.addAttribute("years", years);
    model.addAttribute("clerk", clerk);
    return "registers";
  }

  /** The clerk's request or the director's confirmation, after the page's confirmation box. */
  @PostMapping("/documents/registers/{year}/close")
  String close(@PathVariable String year, @RequestParam(required = false) String confirm,
      Authentication user, RedirectAttributes redirect) {
    Set<String> groups = CurrentUser.groupIds(user);
    if (!"yes".equals(confirm)) {
      redirect.addFlashAttribute("error", "Hãy đánh dấu ô xác nhận trước khi khóa sổ.");
      return "redirect:/documents/registers";
    }
    try {
      int y = RegisterController.year(year);
      if (groups.contains(Groups.VAN_THU)) {
        closures.request(y, actors.of(user.getName()));
        redirect.addFlashAttribute("message", "Đã đề nghị khóa sổ năm " + y
            + "; chờ lãnh đạo xác nhận. Từ nay không đăng ký thêm vào năm " + y + ".");
      } else if (groups.contains(Groups.LANH_DAO)) {
        RegisterClosures.Closure closed = closures.confirm(y, actors.of(user.getName()));
        redirect.addFlashAttribute("message", closed.closingLine(clock.getZone()));
      } else {
        redirect.addFlashAttribute("error", "Chỉ văn thư và lãnh đạo khóa được sổ.");
      }
    } catch (ConflictException | InvalidInputException refused) {
      redirect.addFlashAttribute("error", message(refused));
    }
    return "redirect:/documents/registers";
  }

  @PostMapping("/documents/registers/{year}/withdraw")
  String withdraw(@PathVariable String year, Authentication user, RedirectAttributes redirect) {
    Set<String> groups = CurrentUser.groupIds(user);
    if (!groups.contains(Groups.VAN_THU) && !groups.contains(Groups.LANH_DAO)) {
      redirect.addFlashAttribute("error", "Chỉ văn thư và lãnh đạo rút được đề nghị khóa sổ.");
      return "redirect:/documents/registers";
    }
    try {
      int y = RegisterController.year(year);
      closures.withdraw(y);
      redirect.addFlashAttribute("message", "Đã rút đề nghị khóa sổ năm " + y + ".");
    } catch (ConflictException | InvalidInputException | NotFoundException refused) {
      redirect.addFlashAttribute("error", message(refused));
    }
    return "redirect:/documents/registers";
  }

  /** The administrators' import form (the /admin/** chain admits administrators only). */
  @GetMapping("/admin/registers")
  String importForm(Model model) {
    model.addAttribute("columns", RegisterImport.COLUMNS);
    model.addAttribute("required", RegisterImport.REQUIRED);
    if (!model.containsAttribute("year")) {
      model.addAttribute("year", LocalDate.now(clock).getYear() - 1);
    }
    return "register-import";
  }

  @PostMapping("/admin/registers/import")
  String importRegister(@RequestParam(required = false) String year,
      @RequestParam(name = "file", required = false) MultipartFile file, Authentication user,
      Model model) throws IOException {
    model.addAttribute("year", year);
    try {
      if (file == null || file.isEmpty()) {
        throw new InvalidInputException(List.of(new FieldError("file", "chưa chọn tệp CSV")));
      }
      RegisterImport.Result result = imports.importRegister(RegisterController.year(year),
          file.getOriginalFilename() == null ? "" : file.getOriginalFilename(), file.getBytes(),
          actors.of(user.getName()));
      model.addAttribute("message", "Đã nhập " + result.imported() + " văn bản vào sổ năm "
          + result.year() + " (số đến lớn nhất " + result.highestNumber()
          + "); văn bản đăng ký tiếp theo nhận số " + result.nextNumber() + ".");
    } catch (InvalidInputException invalid) {
      model.addAttribute("error", "Không nhập dòng nào: hãy sửa các lỗi dưới đây rồi tải lại.");
      model.addAttribute("problems", invalid.fieldErrors());
    } catch (ConflictException conflict) {
      model.addAttribute("error", conflict.getMessage());
    }
    return importForm(model);
  }

  private static String message(RuntimeException refused) {
    if (refused instanceof InvalidInputException invalid) {
      return invalid.fieldErrors().stream().map(FieldError::message)
          .collect(java.util.stream.Collectors.joining("; "));
    }
    return refused.getMessage();
  }
}
