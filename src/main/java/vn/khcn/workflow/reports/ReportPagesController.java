package vn.khcn.workflow.reports;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.shared.web.InvalidInputException;

/**
 * /reports/handling, the directors' dashboard, and /reports/research, the research portfolio:
 * tables and charts drawn on the server. Who may open them is set in SecurityConfig (the page
 * chain answers 403 with the Vietnamese error page).
 */
@Controller
class ReportPagesController {

  private final HandlingReports reports;
  private final ResearchPortfolio portfolio;
  private final Clock clock;

  ReportPagesController(HandlingReports reports, ResearchPortfolio portfolio, Clock clock) {
    this.reports = reports;
    this.portfolio = portfolio;
    this.clock = clock;
  }

  @GetMapping("/reports/handling")
  String handling(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String unit,
      Model model, HttpServletResponse response) {
    LocalDate today = LocalDate.now(clock);
    Map<String, String> form = new LinkedHashMap<>();
    form.put("from", from == null ? today.withDayOfYear(1).toString() : from);
    form.put("to", to == null ? today.toString() : to);
    form.put("unit", unit == null ? "" : unit);
    model.addAttribute("form", form);
    model.addAttribute("units", Groups.UNITS.stream()
        .map(u -> Map.entry(u, Groups.nameOf(u))).toList());
    model.addAttribute("zone", clock.getZone());
    ReportRange range;
    try {
      range = ReportRange.parse(form.get("from"), form.get("to"), form.get("unit"));
    } catch (InvalidInputException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("errors", e.fieldErrors());
      return "reports-handling";
    }
    HandlingReport report = reports.report(range, HandlingReports.OVERDUE_LIMIT);
    model.addAttribute("report", report);
    model.addAttribute("xlsxUrl", "/api/reports/handling.xlsx?" + range.query());
    model.addAttribute("weekly", Charts.columns("chart-weekly", "Văn bản đến theo tuần",
        reports.receivedPerWeek(range), " văn bản"));
    model.addAttribute("onTime", Charts.rows("chart-on-time", "Tỷ lệ đúng hạn theo đơn vị",
        report.units().stream().map(r -> r.onTimeRate() == null
            ? new Charts.Bar(r.label(), r.label() + " (chưa có việc xong hoặc quá hạn)", 0, "–")
            : new Charts.Bar(r.label(), r.label(), r.onTimeRate())).toList(), 100d, "%"));
    model.addAttribute("overdueChart", Charts.rows("chart-overdue",
        "Việc quá hạn theo đơn vị", report.units().stream()
            .map(r -> new Charts.Bar(r.label(), r.label(), r.openOverdue())).toList(), null,
        ""));
    model.addAttribute("dueSoon", reports.dueSoon(range));
    model.addAttribute("dueUntil", reports.dueUntil());
    return "reports-handling";
  }

  @GetMapping("/reports/research")
  String research(Model model) {
    ResearchPortfolio.Portfolio p = portfolio.now();
    model.addAttribute("portfolio", p);
    List<Charts.Bar> stages = p.byStage().stream()
        .map(s -> new Charts.Bar(s.label(), s.label(), s.tasks())).toList();
    model.addAttribute("stageChart", Charts.rows("chart-stages", "Nhiệm vụ theo giai đoạn",
        stages, null, ""));
    return "reports-research";
  }
}
