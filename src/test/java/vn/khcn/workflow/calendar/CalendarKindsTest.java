package vn.khcn.workflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.support.TestHttp;

/**
 * The kinds of day (V13 and POST /api/holidays), the 2026 announcements and 2027's fixed days, the
 * counting day of Decree 30 Art. 23–24 and GET /api/calendar/add-working-days.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CalendarKindsTest {

  static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");

  @Autowired WorkingCalendar calendar;
  @Autowired HolidayCalendar holidays;
  @Autowired TestRestTemplate rest;

  static LocalDate d(int year, int month, int day) {
    return LocalDate.of(year, month, day);
  }

  @Test
  void newYear2026IsSwappedFridayOffSaturdayTenthWorked() {
    assertThat(calendar.isWorkingDay(d(2026, 1, 1))).isFalse();
    assertThat(calendar.isWorkingDay(d(2026, 1, 2))).as("Fri 2/1 off by swap").isFalse();
    assertThat(calendar.isWorkingDay(d(2026, 1, 10))).as("Sat 10/1 made up").isTrue();
    assertThat(calendar.isWorkingDay(d(2026, 1, 11))).as("Sun 11/1").isFalse();
    // Wed 31/12/2025 + 1 working day: 1/1, 2/1, 3–4/1 skipped
    assertThat(calendar.addWorkingDays(d(2025, 12, 31), 1)).isEqualTo(d(2026, 1, 5));
    // Fri 9/1 + 1: the make-up Saturday counts
    assertThat(calendar.addWorkingDays(d(2026, 1, 9), 1)).isEqualTo(d(2026, 1, 10));
    assertThat(calendar.addWorkingDays(d(2026, 1, 9), 2)).isEqualTo(d(2026, 1, 12));
    assertThat(holidays.list(2026)).filteredOn(h -> h.getDay().equals(d(2026, 1, 2)))
        .singleElement().satisfies(h -> {
          assertThat(h.getKind()).isEqualTo(DayKind.DAY_OFF);
          assertThat(h.getName()).contains("12729/VPCP-KGVX");
        });
    assertThat(holidays.list(2026)).filteredOn(h -> h.getDay().equals(d(2026, 1, 10)))
        .singleElement().extracting(PublicHoliday::getKind).isEqualTo(DayKind.WORKING_DAY);
  }

  @Test
  void nationalDay2026IsOffFromSaturday29AugustToWednesday2September() {
    for (int day = 29; day <= 31; day++) {
      assertThat(calendar.isWorkingDay(d(2026, 8, day))).as("%s/8", day).isFalse();
    }
    assertThat(calendar.isWorkingDay(d(2026, 9, 1))).isFalse();
    assertThat(calendar.isWorkingDay(d(2026, 9, 2))).isFalse();
    assertThat(calendar.addWorkingDays(d(2026, 8, 28), 1)).isEqualTo(d(2026, 9, 3));
  }

  @Test
  void lunarLabelsAndTheFixedDaysOf2027() {
    assertThat(holidays.list(2026)).filteredOn(h -> h.getDay().equals(d(2026, 2, 16)))
        .singleElement().extracting(PublicHoliday::getName).asString().contains("29 tháng Chạp");
    assertThat(holidays.list(2027)).filteredOn(h -> h.getDay().equals(d(2027, 2, 5)))
        .singleElement().extracting(PublicHoliday::getName).asString()
        .contains("29 tháng Chạp", "theo Bộ luật Lao động, chưa có thông báo hoán đổi");
    // 1/1 Fri; Tết 29 Chạp (Fri 5/2) to mùng 4 with Sat/Sun compensated; Giỗ Tổ 10/3 âm = Fri
    // 16/4; 30/4 Fri; 1/5 Sat compensated Mon 3/5; 2/9 Thu and 3/9
    for (LocalDate day : new LocalDate[] {d(2027, 1, 1), d(2027, 2, 5), d(2027, 2, 8),
        d(2027, 2, 9), d(2027, 2, 10), d(2027, 2, 11), d(2027, 4, 16), d(2027, 4, 30),
        d(2027, 5, 3), d(2027, 9, 2), d(2027, 9, 3)}) {
      assertThat(calendar.isWorkingDay(day)).as("%s", day).isFalse();
    }
    assertThat(holidays.list(2027)).allSatisfy(h -> assertThat(h.getName())
        .as("every 2027 day is marked as not announced")
        .containsAnyOf("chưa có thông báo", "2028"));
    assertThat(calendar.hasDataFor(2026)).isTrue();
    assertThat(calendar.hasDataFor(2027)).isTrue();
    assertThat(calendar.hasDataFor(2028)).isFalse();
  }

  @Test
  void whatArrivesAfterOfficeHoursOrOnADayOffCountsFromTheNextWorkingDay() {
    assertThat(calendar.countingDay(at(2026, 3, 10, 16, 59).toInstant())).isEqualTo(d(2026, 3, 10));
    assertThat(calendar.countingDay(at(2026, 3, 10, 17, 1).toInstant())).isEqualTo(d(2026, 3, 11));
    assertThat(calendar.countingDay(at(2026, 3, 14, 9, 0).toInstant())).as("Saturday").isEqualTo(d(2026, 3, 16));
    assertThat(calendar.countingDay(at(2026, 2, 13, 17, 30).toInstant())).as("Friday evening before Tết")
        .isEqualTo(d(2026, 2, 23));
    assertThat(calendar.countingDay(at(2026, 1, 9, 17, 30).toInstant())).as("before the make-up Saturday")
        .isEqualTo(d(2026, 1, 10));
    // "the same day" after hours is the end of the next working day
    assertThat(calendar.endOfWorkingDay(at(2026, 3, 10, 17, 1).toInstant(), 0))
        .isEqualTo(at(2026, 3, 11, 17, 0).toInstant());
    assertThat(calendar.endOfWorkingDay(at(2026, 3, 14, 9, 0).toInstant(), 1)).as("Saturday + 1: Tuesday")
        .isEqualTo(at(2026, 3, 17, 17, 0).toInstant());
  }

  static ZonedDateTime at(int year, int month, int day, int hour, int minute) {
    return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, HCM);
  }

  @Test
  void addWorkingDaysAnswersAnyoneSignedIn() {
    TestHttp http = TestHttp.of(rest);
    TestHttp.Response ok = http.get("cv.qlkh", "/api/calendar/add-working-days?from=2026-02-13&days=1");
    assertThat(ok.status()).as(ok.text()).isEqualTo(200);
    assertThat(ok.body().get("date").asText()).isEqualTo("2026-02-23");
    assertThat(http.get("vanthu", "/api/calendar/add-working-days?from=2026-01-09&days=1").body()
        .get("date").asText()).isEqualTo("2026-01-10");
    assertThat(http.get("giamdoc", "/api/calendar/add-working-days?from=2026-02-17&days=0").body()
        .get("date").asText()).isEqualTo("2026-02-23");
  }

  @Test
  void addWorkingDaysRefusesBadParametersByName() {
    TestHttp http = TestHttp.of(rest);
    for (Map.Entry<String, String> bad : Map.of(
        "?days=1", "from", "?from=2026-02-30&days=1", "from", "?from=13/02/2026&days=1", "from",
        "?from=2026-02-13", "days", "?from=2026-02-13&days=-1", "days",
        "?from=2026-02-13&days=401", "days", "?from=2026-02-13&days=mot", "days",
        "?from=1900-01-01&days=1", "from").entrySet()) {
      TestHttp.Response response = http.get("cv.qlkh", "/api/calendar/add-working-days"
          + bad.getKey());
      assertThat(response.status()).as(bad.getKey() + " " + response.text()).isEqualTo(400);
      assertThat(response.text()).as(bad.getKey()).contains("\"" + bad.getValue() + "\"");
    }
    TestHttp.Response anonymous = http.request("GET",
        "/api/calendar/add-working-days?from=2026-02-13&days=1").header("Accept",
        "application/json").send();
    assertThat(anonymous.status()).isEqualTo(401);
  }

  @Test
  void adminsEnterEachKindOnTheRightDayOnly() {
    TestHttp http = TestHttp.of(rest);
    // a make-up Saturday (2028 has no data, so nothing collides)
    TestHttp.Response workingSaturday = http.post("admin", "/api/holidays", Map.of(
        "day", "2028-01-08", "name", "Làm bù (thử)", "kind", "WORKING_DAY"));
    assertThat(workingSaturday.status()).as(workingSaturday.text()).isEqualTo(201);
    assertThat(workingSaturday.body().get("kind").asText()).isEqualTo("WORKING_DAY");
    TestHttp.Response dayOff = http.post("admin", "/api/holidays", Map.of(
        "day", "2028-01-07", "name", "Nghỉ hoán đổi (thử)", "kind", "DAY_OFF"));
    assertThat(dayOff.status()).as(dayOff.text()).isEqualTo(201);
    try {
      assertThat(calendar.isWorkingDay(d(2028, 1, 8))).isTrue();
      assertThat(calendar.isWorkingDay(d(2028, 1, 7))).isFalse();
      assertThat(calendar.addWorkingDays(d(2028, 1, 6), 1)).isEqualTo(d(2028, 1, 8));
      assertThat(calendar.hasDataFor(2028)).as("a swap is not the year's holidays").isFalse();
    } finally {
      http.delete("admin", "/api/holidays/" + workingSaturday.body().get("id").asLong());
      http.delete("admin", "/api/holidays/" + dayOff.body().get("id").asLong());
    }
    assertThat(calendar.isWorkingDay(d(2028, 1, 8))).isFalse();

    TestHttp.Response weekdayWorking = http.post("admin", "/api/holidays", Map.of(
        "day", "2028-01-05", "name", "Sai", "kind", "WORKING_DAY"));
    assertThat(weekdayWorking.status()).isEqualTo(400);
    assertThat(weekdayWorking.text()).contains("\"kind\"", "thứ Bảy hoặc Chủ nhật");
    TestHttp.Response saturdayOff = http.post("admin", "/api/holidays", Map.of(
        "day", "2028-01-08", "name", "Sai", "kind", "HOLIDAY"));
    assertThat(saturdayOff.status()).isEqualTo(400);
    assertThat(saturdayOff.text()).contains("\"kind\"");
    TestHttp.Response unknownKind = http.post("admin", "/api/holidays", Map.of(
        "day", "2028-01-05", "name", "Sai", "kind", "VACATION"));
    assertThat(unknownKind.status()).isEqualTo(400);
    assertThat(unknownKind.text()).contains("\"kind\"", "VACATION");
    TestHttp.Response extraField = http.post("admin", "/api/holidays", Map.of(
        "day", "2028-01-05", "name", "Sai", "kind", "DAY_OFF", "updatedBy", "someone"));
    assertThat(extraField.status()).isEqualTo(400);
    TestHttp.Response notAdmin = http.post("cv.qlkh", "/api/holidays", Map.of(
        "day", "2028-01-08", "name", "Không được", "kind", "WORKING_DAY"));
    assertThat(notAdmin.status()).isEqualTo(403);
    assertThat(calendar.isWorkingDay(d(2028, 1, 8))).as("nothing stored").isFalse();
    assertThat(calendar.isWorkingDay(d(2028, 1, 5))).as("nothing stored").isTrue();
  }
}
