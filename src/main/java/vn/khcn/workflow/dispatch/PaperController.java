package vn.khcn.workflow.dispatch;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.khcn.workflow.identity.CurrentUser;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.papers.PdfRenderer;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.InvalidInputException;

/**
 * The papers a Department prints and signs (Decree 30/2020, App. IV), as PDF: the incoming
 * register, the tracking register, a document's processing slip and its «ĐẾN» stamp.
 */
@RestController
@RequestMapping("/api/incoming-documents")
class PaperController {

  /** The registry, the directors and the Office keep and sign the registers. */
  static final String REGISTER_KEEPERS = "hasAnyAuthority('van-thu','lanh-dao','van-phong')";
  /** A register covers at most a year: longer ranges are printed a year at a time. */
  static final int MAX_RANGE_DAYS = 366;

  private final RegisterPapers papers;
  private final PdfRenderer pdf;
  private final Clock clock;
  private final String agencyParent;
  private final String agencyName;

  PaperController(RegisterPapers papers, PdfRenderer pdf, Clock clock,
      @Value("${khcn.agency.parent:Ủy ban nhân dân thành phố Cần Thơ}") String agencyParent,
      @Value("${khcn.agency.name:Sở Khoa học và Công nghệ}") String agencyName) {
    this.papers = papers;
    this.pdf = pdf;
    this.clock = clock;
    this.agencyParent = agencyParent;
    this.agencyName = agencyName;
  }

  @GetMapping("/register.pdf")
  @PreAuthorize(REGISTER_KEEPERS)
  ResponseEntity<byte[]> register(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "false") boolean classified, Authentication user) {
    Range range = range(from, to, List.of());
    if (classified && !viewer(user).seesAllClassified()) {
      throw new AccessDeniedException("Chỉ văn thư và lãnh đạo in được sổ văn bản mật");
    }
    byte[] body = RegisterPdf.render(pdf, agency(),
        classified ? "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN (VĂN BẢN MẬT)" : "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN",
        period(range), papers.register(range.from(), range.to(), classified));
    return file("so-dang-ky-van-ban-den_" + range.from() + "_" + range.to()
        + (classified ? "_mat" : "") + ".pdf", body);
  }

  @GetMapping("/tracking.pdf")
  @PreAuthorize(REGISTER_KEEPERS)
  ResponseEntity<byte[]> tracking(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String unit,
      Authentication user) {
    List<FieldError> unitProblem = unit != null && !unit.isBlank() && !Groups.isUnit(unit)
        ? List.of(new FieldError("unit", "'" + unit + "' không phải là đơn vị của Sở"))
        : List.of();
    Range range = range(from, to, unitProblem);
    Optional<String> onlyUnit = unit == null || unit.isBlank() ? Optional.empty() : Optional.of(unit);
    byte[] body = TrackingPdf.render(pdf, agency(), period(range),
        onlyUnit.map(Groups::nameOf).orElse(""),
        papers.tracking(range.from(), range.to(), onlyUnit, viewer(user)));
    return file("so-theo-doi-van-ban-den_" + range.from() + "_" + range.to()
        + onlyUnit.map(u -> "_" + u).orElse("") + ".pdf", body);
  }

  @GetMapping("/{id}/slip.pdf")
  @PreAuthorize(IncomingDocumentController.STAFF)
  ResponseEntity<byte[]> slip(@PathVariable long id, Authentication user) {
    RegisterPapers.Slip slip = papers.slip(id, viewer(user));
    byte[] body = pdf.render("slip", Map.of("agency", agency(), "slip", slip));
    return file("phieu-giai-quyet_" + slip.number().replace('/', '-') + ".pdf", body);
  }

  @GetMapping("/{id}/stamp.pdf")
  @PreAuthorize(REGISTER_KEEPERS)
  ResponseEntity<byte[]> stamp(@PathVariable long id, Authentication user) {
    RegisterPapers.Stamp stamp = papers.stamp(id, viewer(user));
    byte[] body = pdf.render("stamp", Map.of("agency", agency(), "stamp", stamp));
    return file("dau-den_" + stamp.number() + ".pdf", body);
  }

  private record Range(LocalDate from, LocalDate to) {}

  /** The agency's two heading lines, in capitals as on a paper's heading. */
  private List<String> agency() {
    Locale vi = Locale.forLanguageTag("vi");
    return List.of(agencyParent.toUpperCase(vi), agencyName.toUpperCase(vi));
  }

  private static String period(Range range) {
    return "Từ ngày " + DocumentFormats.date(range.from()) + " đến ngày "
        + DocumentFormats.date(range.to());
  }

  /** Both dates required, ISO (yyyy-MM-dd), in order, at most a year apart, not in the future. */
  private Range range(String from, String to, List<FieldError> earlier) {
    List<FieldError> errors = new ArrayList<>(earlier);
    LocalDate start = day("from", "ngày bắt đầu", from, errors);
    LocalDate end = day("to", "ngày kết thúc", to, errors);
    if (start != null && end != null) {
      if (start.isAfter(end)) {
        errors.add(new FieldError("from", "ngày bắt đầu sau ngày kết thúc"));
      } else if (ChronoUnit.DAYS.between(start, end) >= MAX_RANGE_DAYS) {
        errors.add(new FieldError("to", "khoảng ngày dài quá một năm (tối đa " + MAX_RANGE_DAYS
            + " ngày); in từng năm một"));
      }
      if (start.isAfter(LocalDate.now(clock))) {
        errors.add(new FieldError("from", "ngày bắt đầu sau ngày hôm nay"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new Range(start, end);
  }

  private static LocalDate day(String field, String label, String value,
      List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, "chưa nhập " + label));
      return null;
    }
    try {
      LocalDate day = LocalDate.parse(value.strip());
      if (day.getYear() < 1945 || day.getYear() > 9999) {
        errors.add(new FieldError(field, label + " phải từ năm 1945 đến năm 9999"));
        return null;
      }
      return day;
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, label + " không đúng dạng năm-tháng-ngày (yyyy-MM-dd)"));
      return null;
    }
  }

  private static ResponseEntity<byte[]> file(String name, byte[] body) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
            .filename(name, StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(body);
  }

  private static Viewer viewer(Authentication user) {
    return new Viewer(user.getName(), CurrentUser.groupIds(user));
  }
}
