package vn.khcn.workflow.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.support.TestHttp;

/**
 * The research portfolio: the numbers grow by exactly what a fixture adds (other tests of the
 * shared context own research tasks too), councils of the next 30 days, what is late; who may
 * read it; the home page's links to the reports.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ResearchPortfolioTest {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;

  TestHttp api;
  String marker;
  LocalDate today;

  @BeforeEach
  void setUp() {
    api = TestHttp.of(rest);
    marker = "BC-" + UUID.randomUUID().toString().substring(0, 8);
    today = LocalDate.now(clock);
  }

  long task(String suffix, String stage, long requested, Long approved, Long contracted,
      LocalDate start, LocalDate end) {
    String code = marker + "-" + suffix;
    jdbc.update("insert into research_task (code, title, field, host_organisation, investigator,"
        + " investigator_name, duration_months, requested_budget, stage, status, approved_budget,"
        + " contract_amount, contract_start, contract_end, submitted_by, submitted_at,"
        + " search_text, version) values (?, ?, 'Nông nghiệp', 'Trường Đại học Cần Thơ',"
        + " 'cn.baocao', 'Người thử báo cáo', 24, ?, ?, 'ACTIVE', ?, ?, ?, ?, 'chunhiem', ?, ?, 0)",
        code, "Nhiệm vụ " + code, requested, stage, approved, contracted,
        start == null ? null : Date.valueOf(start), end == null ? null : Date.valueOf(end),
        clock.instant().atOffset(ZoneOffset.UTC), code.toLowerCase());
    return jdbc.queryForObject("select id from research_task where code = ?", Long.class, code);
  }

  void council(long task, String kind, LocalDate meeting) {
    jdbc.update("insert into council (research_task_id, kind, status, appointed_by, appointed_at,"
        + " meeting_date, meetings_held, version) values (?, ?, 'APPOINTED', 'giamdoc', ?, ?,"
        + " 0, 0)", task, kind, clock.instant().atOffset(ZoneOffset.UTC), Date.valueOf(meeting));
  }

  void progressReport(long task) {
    jdbc.update("insert into research_report (research_task_id, kind, content, submitted_by,"
        + " submitted_at) values (?, 'PROGRESS', 'Báo cáo tiến độ', 'chunhiem', ?)", task,
        clock.instant().atOffset(ZoneOffset.UTC));
  }

  static JsonNode stage(JsonNode portfolio, String stage, String status) {
    for (JsonNode row : portfolio.get("byStageAndStatus")) {
      if (row.get("stage").asText().equals(stage) && row.get("status").asText().equals(status)) {
        return row;
      }
    }
    return null;
  }

  static long value(JsonNode row, String field) {
    return row == null ? 0 : row.get(field).asLong();
  }

  @Test
  void thePortfolioGrowsByWhatTheFixtureAddsAndListsCouncilsAndLateItems() {
    JsonNode before = api.get("giamdoc", "/api/reports/research").body();

    // running for 13 months with one progress report: the second (month 12) is late
    long running = task("1", "IMPLEMENTATION", 1_000_000_000L, 900_000_000L, 850_000_000L,
        today.minusMonths(13), today.plusMonths(11));
    progressReport(running);
    // contract ended 10 days ago without the final dossier; its one report is in
    long ended = task("2", "IMPLEMENTATION", 300_000_000L, 300_000_000L, 280_000_000L,
        today.minusMonths(7), today.minusDays(10));
    progressReport(ended);
    // missing dossier items asked for, due two days ago
    long dossier = task("3", "DOSSIER", 500_000_000L, null, null, null, null);
    jdbc.update("update research_task set missing_items = 'Thuyết minh', resubmit_due_at = ?"
        + " where id = ?", clock.instant().minus(2, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC),
        dossier);
    long acceptance = task("4", "ACCEPTANCE", 200_000_000L, 200_000_000L, 190_000_000L,
        today.minusMonths(30), today.minusMonths(1));
    jdbc.update("update research_task set final_dossier_at = ? where id = ?",
        clock.instant().atOffset(ZoneOffset.UTC), acceptance);
    council(acceptance, "ACCEPTANCE", today.plusDays(10));
    council(running, "ASSIGNMENT", today.plusDays(31));

    TestHttp.Response response = api.get("cv.qlkh", "/api/reports/research");
    assertThat(response.status()).as(response.text()).isEqualTo(200);
    JsonNode after = response.body();
    assertThat(after.get("tasks").asLong() - before.get("tasks").asLong()).isEqualTo(4);
    JsonNode implementation = stage(after, "IMPLEMENTATION", "ACTIVE");
    JsonNode implementationBefore = stage(before, "IMPLEMENTATION", "ACTIVE");
    assertThat(implementation.get("stageLabel").asText()).isEqualTo("Đang thực hiện");
    assertThat(value(implementation, "tasks") - value(implementationBefore, "tasks"))
        .isEqualTo(2);
    assertThat(value(implementation, "requested") - value(implementationBefore, "requested"))
        .isEqualTo(1_300_000_000L);
    assertThat(value(implementation, "approved") - value(implementationBefore, "approved"))
        .isEqualTo(1_200_000_000L);
    assertThat(value(implementation, "contracted") - value(implementationBefore, "contracted"))
        .isEqualTo(1_130_000_000L);
    assertThat(value(stage(after, "DOSSIER", "ACTIVE"), "tasks")
        - value(stage(before, "DOSSIER", "ACTIVE"), "tasks")).isEqualTo(1);
    JsonNode budget = after.get("budget");
    JsonNode budgetBefore = before.get("budget");
    assertThat(budget.get("requested").asLong() - budgetBefore.get("requested").asLong())
        .isEqualTo(2_000_000_000L);
    assertThat(budget.get("approved").asLong() - budgetBefore.get("approved").asLong())
        .isEqualTo(1_400_000_000L);
    assertThat(budget.get("approvedTasks").asLong() - budgetBefore.get("approvedTasks").asLong())
        .isEqualTo(3);
    assertThat(budget.get("contracted").asLong() - budgetBefore.get("contracted").asLong())
        .isEqualTo(1_320_000_000L);
    assertThat(budget.get("contractedTasks").asLong()
        - budgetBefore.get("contractedTasks").asLong()).isEqualTo(3);
    assertThat(after.get("note").asText()).contains("không được lưu");

    List<String> councils = new ArrayList<>();
    after.get("councils").forEach(c -> {
      if (c.get("taskCode").asText().startsWith(marker)) {
        councils.add(c.get("taskCode").asText() + " " + c.get("kind").asText() + " "
            + c.get("meetingDate").asText());
      }
    });
    assertThat(councils).containsExactly(marker + "-4 Hội đồng nghiệm thu " + today.plusDays(10));

    List<String> late = new ArrayList<>();
    after.get("late").forEach(l -> {
      if (l.get("taskCode").asText().startsWith(marker)) {
        late.add(l.get("taskCode").asText() + " " + l.get("what").asText() + " "
            + l.get("dueOn").asText());
      }
    });
    assertThat(late).containsExactlyInAnyOrder(
        marker + "-1 Báo cáo định kỳ lần 2 " + today.minusMonths(13).plusMonths(12),
        marker + "-2 Hồ sơ nghiệm thu " + today.minusDays(10),
        marker + "-3 Hồ sơ bổ sung " + today.minusDays(2));

    TestHttp.Session division = api.session();
    division.login("cv.qlkh", TestHttp.PASSWORD);
    TestHttp.Response page = division.get("/reports/research");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.text()).contains(marker + "-4", "Hội đồng nghiệm thu", "Hồ sơ bổ sung",
        "id=\"chart-stages\"", "<rect class=\"bar\"", "Kinh phí được phê duyệt")
        .doesNotContain("<script", "style=");
  }

  @Test
  void onlyDirectorsTheOfficeAndTheScienceDivisionReadThePortfolio() {
    for (String user : List.of("vanthu", "cv.khtc", "cv.qlcn", "chunhiem", "hd.chutich")) {
      assertThat(api.get(user, "/api/reports/research").status()).as(user).isEqualTo(403);
      TestHttp.Session session = api.session();
      session.login(user, TestHttp.PASSWORD);
      assertThat(session.get("/reports/research").status()).as(user).isEqualTo(403);
    }
    for (String user : List.of("giamdoc", "cv.vp", "cv.qlkh")) {
      assertThat(api.get(user, "/api/reports/research").status()).as(user).isEqualTo(200);
    }
    // the Science Division reads the portfolio, not the handling report
    assertThat(api.get("cv.qlkh", "/api/reports/handling?from=2026-01-01&to=2026-01-31")
        .status()).isEqualTo(403);
    TestHttp.Session division = api.session();
    division.login("cv.qlkh", TestHttp.PASSWORD);
    assertThat(division.get("/reports/handling").status()).isEqualTo(403);
  }

  @Test
  void theHomePageLinksToTheReportsEachMayOpen() {
    assertThat(home("giamdoc")).contains("href=\"/reports/handling\"",
        "href=\"/reports/research\"");
    assertThat(home("cv.vp")).contains("href=\"/reports/handling\"",
        "href=\"/reports/research\"");
    assertThat(home("cv.qlkh")).contains("href=\"/reports/research\"")
        .doesNotContain("href=\"/reports/handling\"");
    assertThat(home("vanthu")).doesNotContain("/reports/");
    assertThat(home("cv.qlcn")).doesNotContain("/reports/");
  }

  String home(String user) {
    TestHttp.Session session = api.session();
    session.login(user, TestHttp.PASSWORD);
    TestHttp.Response page = session.get("/");
    assertThat(page.status()).isEqualTo(200);
    return page.text();
  }
}
