package vn.khcn.workflow.dispatch;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.khcn.workflow.identity.ActorResolver;
import vn.khcn.workflow.identity.CurrentUser;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.InvalidInputException;

/**
 * The incoming registers of the years (ADR 0014): closing a year's register (the registry clerk
 * asks, a director confirms, either withdraws a request not yet confirmed) and importing an earlier
 * register (administrators).
 */
@RestController
@RequestMapping("/api/incoming-documents/registers")
class RegisterController {

  private final RegisterClosures closures;
  private final RegisterImport imports;
  private final ActorResolver actors;
  private final Clock clock;

  RegisterController(RegisterClosures closures, RegisterImport imports, ActorResolver actors,
      Clock clock) {
    this.closures = closures;
    this.imports = imports;
    this.actors = actors;
    this.clock = clock;
  }

  /** The closings of every year (confirmed or waiting), with their closing lines. */
  @GetMapping
  @PreAuthorize("hasAnyAuthority('van-thu','lanh-dao','van-phong')")
  List<ClosureView> closings() {
    return closures.all().stream().map(this::view).toList();
  }

  /**
   * The clerk's POST asks to close the year's registers (202, waiting); a director's POST
   * confirms the clerk's request (200, closed).
   */
  @PostMapping("/{year}/close")
  @PreAuthorize("hasAnyAuthority('van-thu','lanh-dao')")
  ResponseEntity<List<ClosureView>> close(@PathVariable String year,
      @RequestBody(required = false) Map<String, Object> body, Authentication user) {
    int y = year(year);
    if (body != null && !body.isEmpty()) {
      throw new InvalidInputException(body.keySet().stream().sorted().map(field ->
          new FieldError(field, "khóa sổ không nhận trường nào; người khóa là người đăng nhập"))
          .toList());
    }
    if (CurrentUser.groupIds(user).contains(Groups.VAN_THU)) {
      closures.request(y, actors.of(user.getName()));
      return ResponseEntity.status(HttpStatus.ACCEPTED).body(views(y));
    }
    closures.confirm(y, actors.of(user.getName()));
    return ResponseEntity.ok(views(y));
  }

  /** Withdraws a request not yet confirmed (the clerk or a director). */
  @DeleteMapping("/{year}/close")
  @PreAuthorize("hasAnyAuthority('van-thu','lanh-dao')")
  ResponseEntity<Void> withdraw(@PathVariable String year) {
    closures.withdraw(year(year));
    return ResponseEntity.noContent().build();
  }

  /** An earlier register of the year as CSV (columns: {@link RegisterImport#COLUMNS}). */
  @PostMapping(path = "/{year}/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize("hasAuthority('camunda-admin')")
  ResponseEntity<RegisterImport.Result> importRegister(@PathVariable String year,
      @RequestPart("file") MultipartFile file, Authentication user) throws IOException {
    RegisterImport.Result result = imports.importRegister(year(year),
        file.getOriginalFilename() == null ? "" : file.getOriginalFilename(), file.getBytes(),
        actors.of(user.getName()));
    return ResponseEntity.status(HttpStatus.CREATED).body(result);
  }

  /** A closing as the API shows it. */
  record ClosureView(int year, boolean classified, String register, String status,
      int lastNumber, String closedBy, String closedByName, java.time.Instant requestedAt,
      String confirmedBy, String confirmedByName, java.time.Instant closedAt,
      String closingLine) {}

  private List<ClosureView> views(int year) {
    return List.of(closures.closure(year, false), closures.closure(year, true)).stream()
        .flatMap(java.util.Optional::stream).map(this::view).toList();
  }

  private ClosureView view(RegisterClosures.Closure c) {
    return new ClosureView(c.year(), c.classified(), c.registerName(),
        c.confirmed() ? "CLOSED" : "REQUESTED", c.lastNumber(), c.closedBy(), c.closedByName(),
        c.requestedAt(), c.confirmedBy(), c.confirmedByName(), c.closedAt(),
        c.closingLine(clock.getZone()));
  }

  static int year(String year) {
    try {
      int y = Integer.parseInt(year);
      if (y >= 1945 && y <= 9999) {
        return y;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw new InvalidInputException(List.of(new FieldError("year",
        "năm phải là số từ 1945 đến 9999")));
  }
}
