package vn.khcn.workflow.calendar;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.InvalidInputException;

/**
 * The calendar's listed days (holidays, days off by swap, make-up working days): anyone signed in
 * reads them, administrators keep them.
 */
@RestController
@RequestMapping("/api/holidays")
class HolidayController {

  /** {@code kind}: HOLIDAY (when absent), DAY_OFF or WORKING_DAY. */
  record HolidayRequest(LocalDate day, String name, String kind) {}

  record HolidayView(Long id, LocalDate day, String name, DayKind kind, String updatedBy) {
    static HolidayView of(PublicHoliday h) {
      return new HolidayView(h.getId(), h.getDay(), h.getName(), h.getKind(), h.getUpdatedBy());
    }
  }

  private final HolidayCalendar calendar;

  HolidayController(HolidayCalendar calendar) {
    this.calendar = calendar;
  }

  @GetMapping
  List<HolidayView> list(@RequestParam(required = false) Integer year) {
    return calendar.list(year).stream().map(HolidayView::of).toList();
  }

  @PostMapping
  @PreAuthorize("hasAuthority('camunda-admin')")
  ResponseEntity<HolidayView> create(@RequestBody HolidayRequest request, Authentication user) {
    PublicHoliday saved = calendar.create(request.day(), request.name(),
        kind(request.kind()), user.getName());
    return ResponseEntity.created(URI.create("/api/holidays/" + saved.getId()))
        .body(HolidayView.of(saved));
  }

  @PutMapping("/{id}")
  @PreAuthorize("hasAuthority('camunda-admin')")
  HolidayView update(@PathVariable long id, @RequestBody HolidayRequest request,
      Authentication user) {
    return HolidayView.of(calendar.update(id, request.day(), request.name(),
        kind(request.kind()), user.getName()));
  }

  private static DayKind kind(String kind) {
    if (kind == null) {
      return null;
    }
    try {
      return DayKind.valueOf(kind);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(List.of(new FieldError("kind", "loại ngày '" + kind
          + "' không hợp lệ; chọn HOLIDAY (nghỉ lễ), DAY_OFF (nghỉ hoán đổi) hoặc WORKING_DAY"
          + " (làm bù)")));
    }
  }

  @DeleteMapping("/{id}")
  @PreAuthorize("hasAuthority('camunda-admin')")
  ResponseEntity<Void> delete(@PathVariable long id) {
    calendar.delete(id);
    return ResponseEntity.noContent().build();
  }
}
