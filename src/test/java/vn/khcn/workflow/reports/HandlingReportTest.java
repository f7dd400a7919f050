package vn.khcn.workflow.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khcn.workflow.reports.HandlingFixture.at;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.calendar.WorkingCalendar;
import vn.khcn.workflow.reports.HandlingFixture.Doc;
import vn.khcn.workflow.support.TestHttp;

/**
 * The handling report against a fixture with known numbers around the 2026 holidays (Giỗ Tổ
 * moved to Mon 27/4, 30/4 and 1/5): deadlines counted in working days by the calendar, one duty
 * done on time, one late, one open within its deadline, one open past it; informed units and
 * documents outside the range not counted. Then who may read it, bad parameters, the workbook,
 * the dashboard page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HandlingReportTest {

  static final String RANGE = "from=2026-04-20&to=2026-05-08";
  private static Fixture fixture;

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired WorkingCalendar calendar;
  @Autowired Clock clock;

  TestHttp api;

  /** What the fixture wrote: the documents whose numbers the tests look for. */
  record Fixture(Doc a, Doc b, Doc c, Doc outside, Doc dueSoon, Doc dueLater, Instant bDue) {}

  @BeforeEach
  void setUp() {
    api = TestHttp.of(rest);
    synchronized (HandlingReportTest.class) {
      if (fixture == null) {
        fixture = seed(new HandlingFixture(jdbc));
      }
    }
  }

  private Fixture seed(HandlingFixture f) {
    // A: Fri 24/4, urgent, directed two hours after registration; 3 working days: 28, 29/4, 4/5
    Doc a = f.document(LocalDate.of(2026, 4, 24), at("2026-04-24T08:00"),
        at("2026-04-24T10:00"), "URGENT", "Kế hoạch ứng dụng trí tuệ nhân tạo");
    Instant aDue = calendar.endOfWorkingDay(at("2026-04-24T10:00"), 3);
    assertThat(aDue).as("the deadline skips Giỗ Tổ, 30/4, 1/5 and the weekends")
        .isEqualTo(at("2026-05-04T17:00"));
    // on time although eight calendar days after the direction: the holidays do not count
    f.duty(a, "phong-qlcn", "LEAD", at("2026-04-24T10:00"), aDue, at("2026-05-04T16:00"));
    f.duty(a, "phong-khtc", "COORDINATING", at("2026-04-24T10:00"), aDue,
        at("2026-05-05T09:00"));
    f.duty(a, "van-phong", "INFORMED", at("2026-04-24T10:00"), null, null);
    // B: Tue 28/4, normal, directed a day later; the lead is still open past 7/5
    Doc b = f.document(LocalDate.of(2026, 4, 28), at("2026-04-28T09:00"),
        at("2026-04-29T09:00"), "NORMAL", "Báo cáo tình hình đổi mới sáng tạo");
    Instant bDue = calendar.endOfWorkingDay(at("2026-04-28T09:00"), 5);
    assertThat(bDue).isEqualTo(at("2026-05-07T17:00"));
    f.duty(b, "phong-qlcn", "LEAD", at("2026-04-29T09:00"), bDue, null);
    f.duty(b, "phong-khtc", "COORDINATING", at("2026-04-29T09:00"),
        clock.instant().plus(400, ChronoUnit.DAYS), null);
    // C: 6/5, not directed yet
    Doc c = f.document(LocalDate.of(2026, 5, 6), at("2026-05-06T14:00"), null, "FLASH",
        "Công văn hỏa tốc chờ chỉ đạo");
    // outside the range (Sun 19/4): not counted, though overdue
    Doc outside = f.document(LocalDate.of(2026, 4, 19), at("2026-04-20T08:00"),
        at("2026-04-20T09:00"), "NORMAL", "Văn bản ngoài khoảng báo cáo");
    f.duty(outside, "phong-qlcn", "LEAD", at("2026-04-20T09:00"), at("2026-04-22T17:00"), null);
    // due within the next five working days, and later (the dashboard's due list)
    Doc dueSoon = f.document(LocalDate.of(2026, 4, 19), at("2026-04-20T08:00"),
        at("2026-04-20T09:00"), "NORMAL", "Việc sắp đến hạn");
    f.duty(dueSoon, "phong-qlkh", "LEAD", at("2026-04-20T09:00"),
        calendar.endOfWorkingDay(clock.instant(), 2), null);
    Doc dueLater = f.document(LocalDate.of(2026, 4, 19), at("2026-04-20T08:00"),
        at("2026-04-20T09:00"), "NORMAL", "Việc còn xa hạn");
    f.duty(dueLater, "phong-qlkh", "LEAD", at("2026-04-20T09:00"),
        calendar.endOfWorkingDay(clock.instant(), 8), null);
    return new Fixture(a, b, c, outside, dueSoon, dueLater, bDue);
  }

  static JsonNode row(JsonNode rows, String key) {
    for (JsonNode r : rows) {
      if (r.get("key").asText().equals(key)) {
        return r;
      }
    }
    throw new AssertionError("no row " + key + " in " + rows);
  }

  /** duties, on time, late, open on time, open overdue. */
  static void counts(JsonNode row, int duties, int onTime, int late, int open, int overdue) {
    assertThat(List.of(row.get("duties").asInt(), row.get("doneOnTime").asInt(),
        row.get("doneLate").asInt(), row.get("openOnTime").asInt(),
        row.get("openOverdue").asInt())).as(row.toString())
        .containsExactly(duties, onTime, late, open, overdue);
  }

  @Test
  void everyNumberOfTheReportMatchesTheFixture() {
    TestHttp.Response response = api.get("giamdoc", "/api/reports/handling?" + RANGE);
    assertThat(response.status()).as(response.text()).isEqualTo(200);
    JsonNode report = response.body();

    JsonNode documents = report.get("documents");
    assertThat(documents.get("received").asInt()).isEqualTo(3);
    assertThat(documents.get("awaitingDirection").asInt()).isEqualTo(1);
    assertThat(documents.get("directed").asInt()).isEqualTo(2);
    // (2 h + 24 h) / 2 = 13 h
    assertThat(documents.get("averageDaysToDirection").asDouble()).isEqualTo(0.5);

    JsonNode units = report.get("units");
    assertThat(units).hasSize(4);
    JsonNode qlcn = row(units, "phong-qlcn");
    counts(qlcn, 2, 1, 0, 0, 1);
    assertThat(qlcn.get("label").asText()).isEqualTo("Phòng Quản lý công nghệ");
    assertThat(qlcn.get("onTimeRate").asDouble()).isEqualTo(50.0);
    assertThat(qlcn.get("averageDaysToDirection").asDouble()).isEqualTo(0.5);
    // 24/4 08:00 → 4/5 16:00: 10 days 8 hours
    assertThat(qlcn.get("averageDaysToCompletion").asDouble()).isEqualTo(10.3);
    JsonNode khtc = row(units, "phong-khtc");
    counts(khtc, 2, 0, 1, 1, 0);
    assertThat(khtc.get("onTimeRate").asDouble()).isEqualTo(0.0);
    // 24/4 08:00 → 5/5 09:00: 11 days 1 hour
    assertThat(khtc.get("averageDaysToCompletion").asDouble()).isEqualTo(11.0);
    JsonNode office = row(units, "van-phong");
    counts(office, 0, 0, 0, 0, 0);
    assertThat(office.has("onTimeRate")).as("no rate without duties").isFalse();
    counts(row(units, "phong-qlkh"), 0, 0, 0, 0, 0);

    JsonNode total = report.get("total");
    counts(total, 4, 1, 1, 1, 1);
    assertThat(total.get("onTimeRate").asDouble()).isEqualTo(33.3);
    assertThat(total.get("averageDaysToCompletion").asDouble()).isEqualTo(10.7);

    JsonNode urgencies = report.get("urgencies");
    assertThat(urgencies).hasSize(4);
    counts(row(urgencies, "URGENT"), 2, 1, 1, 0, 0);
    assertThat(row(urgencies, "URGENT").get("label").asText()).isEqualTo("Khẩn");
    counts(row(urgencies, "NORMAL"), 2, 0, 0, 1, 1);
    counts(row(urgencies, "VERY_URGENT"), 0, 0, 0, 0, 0);
    counts(row(urgencies, "FLASH"), 0, 0, 0, 0, 0);

    assertThat(report.get("overdueTotal").asInt()).isEqualTo(1);
    JsonNode overdue = report.get("overdue");
    assertThat(overdue).hasSize(1);
    JsonNode late = overdue.get(0);
    assertThat(late.get("incomingNumber").asText()).isEqualTo(fixture.b().key());
    assertThat(late.get("unitId").asText()).isEqualTo("phong-qlcn");
    assertThat(Instant.parse(late.get("dueAt").asText())).isEqualTo(fixture.bDue());
    assertThat(late.get("daysOverdue").asLong()).isEqualTo(ChronoUnit.DAYS.between(
        LocalDate.of(2026, 5, 7), LocalDate.now(clock)));
  }

  @Test
  void oneUnitsReportCountsOnlyThatUnit() {
    JsonNode report = api.get("cv.vp", "/api/reports/handling?" + RANGE + "&unit=phong-khtc")
        .body();
    assertThat(report.get("units")).hasSize(1);
    counts(row(report.get("units"), "phong-khtc"), 2, 0, 1, 1, 0);
    counts(report.get("total"), 2, 0, 1, 1, 0);
    counts(row(report.get("urgencies"), "URGENT"), 1, 0, 1, 0, 0);
    assertThat(report.get("overdue")).isEmpty();
  }

  @Test
  void onlyDirectorsAndTheOfficeReadTheReport() {
    for (String user : List.of("vanthu", "cv.qlcn", "cv.qlkh", "chunhiem", "admin")) {
      assertThat(api.get(user, "/api/reports/handling?" + RANGE).status()).as(user)
          .isEqualTo(403);
      assertThat(api.download(user, "/api/reports/handling.xlsx?" + RANGE).statusCode())
          .as(user).isEqualTo(403);
      TestHttp.Session session = api.session();
      session.login(user, TestHttp.PASSWORD);
      TestHttp.Response page = session.get("/reports/handling");
      assertThat(page.status()).as(user).isEqualTo(403);
      assertThat(page.text()).doesNotContain("Theo đơn vị");
    }
    assertThat(api.request("GET", "/api/reports/handling?" + RANGE).send().status())
        .isEqualTo(401);
    assertThat(api.get("phogiamdoc", "/api/reports/handling?" + RANGE).status()).isEqualTo(200);
  }

  @Test
  void badParametersAnswer400NamingThemInVietnamese() {
    TestHttp.Response missing = api.get("giamdoc", "/api/reports/handling");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(fields(missing)).containsExactlyInAnyOrder("from", "to");
    assertThat(missing.text()).contains("chưa nhập ngày bắt đầu");

    TestHttp.Response bad = api.get("giamdoc", "/api/reports/handling?from=2026-02-30&to=hôm-nay"
        .replace("ô", "%C3%B4"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(fields(bad)).containsExactlyInAnyOrder("from", "to");
    assertThat(bad.text()).contains("ngày bắt đầu không hợp lệ", "ngày kết thúc không hợp lệ");

    TestHttp.Response reversed = api.get("giamdoc",
        "/api/reports/handling?from=2026-05-08&to=2026-04-20");
    assertThat(reversed.status()).isEqualTo(400);
    assertThat(fields(reversed)).containsExactly("from");
    assertThat(reversed.text()).contains("sau ngày kết thúc");

    TestHttp.Response unit = api.get("giamdoc", "/api/reports/handling?" + RANGE
        + "&unit=phong-xyz");
    assertThat(unit.status()).isEqualTo(400);
    assertThat(fields(unit)).containsExactly("unit");
    assertThat(unit.text()).contains("không có đơn vị");
    // a group that is not a unit is no unit either
    assertThat(api.get("giamdoc", "/api/reports/handling?" + RANGE + "&unit=lanh-dao").status())
        .isEqualTo(400);
    assertThat(api.download("giamdoc", "/api/reports/handling.xlsx?from=x&to=2026-01-01")
        .statusCode()).isEqualTo(400);

    TestHttp.Session director = api.session();
    director.login("giamdoc", TestHttp.PASSWORD);
    TestHttp.Response page = director.get("/reports/handling?from=2026-05-08&to=2026-04-20");
    assertThat(page.status()).isEqualTo(400);
    assertThat(page.text()).contains("data-field=\"from\"", "sau ngày kết thúc")
        .doesNotContain("<svg");
  }

  static List<String> text(Row row) {
    List<String> cells = new ArrayList<>();
    row.forEach(cell -> cells.add(cell.getStringCellValue()));
    return cells;
  }

  static Row find(Sheet sheet, String label) {
    for (Row row : sheet) {
      if (row.getCell(0) != null && label.equals(row.getCell(0).getStringCellValue())) {
        return row;
      }
    }
    throw new AssertionError("no row " + label + " in " + sheet.getSheetName());
  }

  static List<String> fields(TestHttp.Response response) {
    List<String> fields = new ArrayList<>();
    response.body().get("fieldErrors").forEach(e -> fields.add(e.get("field").asText()));
    return fields;
  }

  @Test
  void theWorkbookHoldsTheThreeViewsWithVietnameseHeaders() throws Exception {
    HttpResponse<byte[]> download = api.download("cv.vp", "/api/reports/handling.xlsx?" + RANGE);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
        .contains("bao-cao-xu-ly-2026-04-20-2026-05-08.xlsx");
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
      assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
      Sheet units = workbook.getSheet("Theo đơn vị");
      assertThat(text(units.getRow(0))).containsExactly("Đơn vị", "Số việc được giao",
          "Xong đúng hạn", "Xong quá hạn", "Đang xử lý trong hạn", "Đang xử lý quá hạn",
          "Tỷ lệ đúng hạn (%)", "Số ngày TB đến khi chỉ đạo", "Số ngày TB đến khi xong");
      Row qlcn = find(units, "Phòng Quản lý công nghệ");
      assertThat(qlcn.getCell(1).getNumericCellValue()).isEqualTo(2);
      assertThat(qlcn.getCell(2).getNumericCellValue()).isEqualTo(1);
      assertThat(qlcn.getCell(5).getNumericCellValue()).isEqualTo(1);
      assertThat(qlcn.getCell(6).getNumericCellValue()).isEqualTo(50.0);
      Row total = find(units, "Tổng cộng");
      assertThat(total.getCell(1).getNumericCellValue()).isEqualTo(4);
      assertThat(total.getCell(3).getNumericCellValue()).isEqualTo(1);
      assertThat(find(units, "Văn phòng Sở").getCell(6).getStringCellValue()).isEqualTo("–");

      Sheet urgency = workbook.getSheet("Theo độ khẩn");
      assertThat(urgency.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Độ khẩn");
      assertThat(find(urgency, "Khẩn").getCell(3).getNumericCellValue()).isEqualTo(1);
      assertThat(find(urgency, "Hỏa tốc").getCell(1).getNumericCellValue()).isEqualTo(0);

      Sheet overdue = workbook.getSheet("Quá hạn");
      assertThat(text(overdue.getRow(0))).containsExactly("Số đến", "Số, ký hiệu", "Trích yếu",
          "Độ khẩn", "Đơn vị", "Hạn xử lý", "Số ngày quá hạn");
      Row late = overdue.getRow(1);
      assertThat(late.getCell(0).getStringCellValue()).isEqualTo(fixture.b().key());
      assertThat(late.getCell(2).getStringCellValue())
          .isEqualTo("Báo cáo tình hình đổi mới sáng tạo");
      assertThat(late.getCell(4).getStringCellValue()).isEqualTo("Phòng Quản lý công nghệ");
      assertThat(late.getCell(5).getStringCellValue()).isEqualTo("07/05/2026 17:00");
      assertThat(overdue.getRow(2)).as("one overdue duty only").isNull();
    }
  }

  @Test
  void theDashboardShowsTablesChartsAndTheDueList() {
    TestHttp.Session director = api.session();
    director.login("giamdoc", TestHttp.PASSWORD);
    TestHttp.Response page = director.get("/reports/handling?" + RANGE);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.text()).contains("id=\"chart-weekly\"", "id=\"chart-on-time\"",
        "id=\"chart-overdue\"", "<rect class=\"bar\"", "Theo đơn vị", "Theo độ khẩn",
        "href=\"/api/reports/handling.xlsx?" + RANGE.replace("&", "&amp;") + "\"")
        .doesNotContain("<script", "style=");
    // three weeks of 20/4, 27/4 and 4/5: 1, 1 and 1 documents
    assertThat(page.text()).contains("Tuần từ 20/04/2026: 1 văn bản",
        "Tuần từ 27/04/2026: 1 văn bản", "Tuần từ 04/05/2026: 1 văn bản");
    String due = page.text().substring(page.text().indexOf("id=\"due-soon\""),
        page.text().indexOf("id=\"overdue\""));
    assertThat(due).contains(fixture.dueSoon().key()).doesNotContain(fixture.dueLater().key());
    assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'");

    TestHttp.Session office = api.session();
    office.login("cv.vp", TestHttp.PASSWORD);
    assertThat(office.get("/reports/handling").status()).as("the default range").isEqualTo(200);
  }
}
