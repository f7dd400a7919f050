package vn.khcn.workflow.reports;

import java.time.Clock;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * /api/reports: the handling report of incoming documents (JSON and XLSX) for the directors and
 * the Office, the research portfolio also for the Science Management Division.
 */
@RestController
@RequestMapping("/api/reports")
class ReportsController {

  static final String HANDLING_READERS = "hasAnyAuthority('lanh-dao','van-phong')";
  static final String RESEARCH_READERS = "hasAnyAuthority('lanh-dao','van-phong','phong-qlkh')";
  static final MediaType XLSX = MediaType.parseMediaType(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final HandlingReports reports;
  private final ResearchPortfolio portfolio;
  private final Clock clock;

  ReportsController(HandlingReports reports, ResearchPortfolio portfolio, Clock clock) {
    this.reports = reports;
    this.portfolio = portfolio;
    this.clock = clock;
  }

  @GetMapping("/handling")
  @PreAuthorize(HANDLING_READERS)
  HandlingReport handling(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String unit) {
    return reports.report(ReportRange.parse(from, to, unit), HandlingReports.OVERDUE_LIMIT);
  }

  @GetMapping("/handling.xlsx")
  @PreAuthorize(HANDLING_READERS)
  ResponseEntity<byte[]> handlingXlsx(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String unit) {
    ReportRange range = ReportRange.parse(from, to, unit);
    byte[] workbook = HandlingWorkbook.of(
        reports.report(range, HandlingReports.OVERDUE_EXPORT_LIMIT), clock.getZone());
    return ResponseEntity.ok().contentType(XLSX)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"bao-cao-xu-ly-"
            + range.from() + "-" + range.to() + ".xlsx\"")
        .body(workbook);
  }

  @GetMapping("/research")
  @PreAuthorize(RESEARCH_READERS)
  ResearchPortfolio.Portfolio research() {
    return portfolio.now();
  }
}
