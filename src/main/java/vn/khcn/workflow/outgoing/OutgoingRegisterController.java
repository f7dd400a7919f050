package vn.khcn.workflow.outgoing;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.khcn.workflow.papers.PdfRenderer;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.InvalidInputException;

/** Sổ đăng ký văn bản đi (Decree 30/2020 App. IV) for a range of issue dates, as PDF. */
@RestController
@RequestMapping("/api/outgoing-documents")
class OutgoingRegisterController {

  static final int MAX_RANGE_DAYS = 366;

  private final OutgoingQueries queries;
  private final OutgoingRegisterClosures closures;
  private final PdfRenderer pdf;
  private final List<String> agency;

  OutgoingRegisterController(OutgoingQueries queries, OutgoingRegisterClosures closures,
      PdfRenderer pdf,
      @Value("${khcn.agency.parent:Ủy ban nhân dân thành phố Cần Thơ}") String agencyParent,
      @Value("${khcn.agency.name:Sở Khoa học và Công nghệ}") String agencyName) {
    this.queries = queries;
    this.closures = closures;
    this.pdf = pdf;
    Locale vi = Locale.forLanguageTag("vi");
    this.agency = List.of(agencyParent.toUpperCase(vi), agencyName.toUpperCase(vi));
  }

  /** The rows of one calendar year of the range and, once that year is closed, its line. */
  record RegisterYear(int year, List<OutgoingViews.RegisterRow> rows, String closingLine) {}

  @GetMapping("/register.pdf")
  @PreAuthorize("hasAnyAuthority('van-thu','lanh-dao','van-phong')")
  ResponseEntity<byte[]> register(@RequestParam LocalDate from, @RequestParam LocalDate to,
      @RequestParam(defaultValue = "false") boolean classified, Authentication user) {
    if (from.isAfter(to)) {
      throw new InvalidInputException(List.of(new FieldError("from",
          "ngày bắt đầu sau ngày kết thúc")));
    }
    if (ChronoUnit.DAYS.between(from, to) >= MAX_RANGE_DAYS) {
      throw new InvalidInputException(List.of(new FieldError("to",
          "khoảng ngày dài quá một năm (tối đa " + MAX_RANGE_DAYS + " ngày); in từng năm một")));
    }
    if (classified && !OutgoingDocumentController.reader(user).seesAllClassified()) {
      throw new AccessDeniedException("Chỉ văn thư và lãnh đạo in được sổ văn bản mật");
    }
    List<RegisterYear> years = years(from, to, classified);
    byte[] body = OutgoingRegisterPdf.render(pdf, agency,
        classified ? "SỔ ĐĂNG KÝ VĂN BẢN ĐI (VĂN BẢN MẬT)" : "SỔ ĐĂNG KÝ VĂN BẢN ĐI",
        "Từ ngày " + OutgoingQueries.DATE.format(from) + " đến ngày "
            + OutgoingQueries.DATE.format(to), years);
    String name = "so-dang-ky-van-ban-di_" + from + "_" + to + (classified ? "_mat" : "") + ".pdf";
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
            .filename(name, StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(body);
  }

  /** The range year by year: each year's rows, then its closing line when it is closed. */
  private List<RegisterYear> years(LocalDate from, LocalDate to, boolean classified) {
    List<RegisterYear> years = new java.util.ArrayList<>();
    for (int year = from.getYear(); year <= to.getYear(); year++) {
      LocalDate start = year == from.getYear() ? from : LocalDate.of(year, 1, 1);
      LocalDate end = year == to.getYear() ? to : LocalDate.of(year, 12, 31);
      String closing = end.equals(LocalDate.of(year, 12, 31))
          ? closures.closingLine(year, classified).orElse(null) : null;
      years.add(new RegisterYear(year, queries.register(start, end, classified), closing));
    }
    return years;
  }
}
