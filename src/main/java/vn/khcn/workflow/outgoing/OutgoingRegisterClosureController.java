package vn.khcn.workflow.outgoing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.khcn.workflow.identity.ActorResolver;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.InvalidInputException;

/**
 * Closing a year's outgoing register (ADR 0028): {@code POST
 * /api/outgoing-documents/registers/{year}/close} by the registry, {@code GET …/registers} the
 * closed years with their closing lines.
 */
@RestController
@RequestMapping("/api/outgoing-documents/registers")
class OutgoingRegisterClosureController {

  /** One closed series as the API shows it. */
  record ClosureView(int year, String series, String register, int lastNumber, String closedBy,
      String closedByName, LocalDate closedOn, Instant closedAt, String closingLine) {}

  private final OutgoingRegisterClosures closures;
  private final ActorResolver actors;

  OutgoingRegisterClosureController(OutgoingRegisterClosures closures, ActorResolver actors) {
    this.closures = closures;
    this.actors = actors;
  }

  @GetMapping
  @PreAuthorize("hasAnyAuthority('van-thu','lanh-dao','van-phong')")
  List<ClosureView> closed() {
    return closures.closedYears().stream().flatMap(y -> views(y).stream()).toList();
  }

  @PostMapping("/{year}/close")
  @PreAuthorize("hasAuthority('van-thu')")
  List<ClosureView> close(@PathVariable String year,
      @RequestBody(required = false) Map<String, Object> body, Authentication user) {
    int y = year(year);
    if (body != null && !body.isEmpty()) {
      throw new InvalidInputException(body.keySet().stream().sorted().map(field ->
          new FieldError(field, "khóa sổ không nhận trường nào; người khóa là người đăng nhập"))
          .toList());
    }
    closures.close(y, actors.of(user.getName()));
    return views(y);
  }

  private List<ClosureView> views(int year) {
    return closures.closures(year).stream().map(c -> new ClosureView(c.year(), c.series(),
        OutgoingRegisterClosures.registerName(c.year(), c.classified()), c.lastNumber(),
        c.closedBy(), c.closedByName(), c.closedOn(), c.closedAt(),
        closures.closingLine(c.year(), c.classified()).orElse(null))).toList();
  }

  private static int year(String year) {
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
