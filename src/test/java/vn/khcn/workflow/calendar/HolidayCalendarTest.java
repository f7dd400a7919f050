package vn.khcn.workflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HolidayCalendarTest {

  static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");

  @Autowired WorkingCalendar calendar;
  @Autowired TestRestTemplate rest;

  @Test
  void tet2026IsSkipped() {
    LocalDate lastBeforeTet = LocalDate.of(2026, 2, 13); // Friday
    assertThat(calendar.isWorkingDay(lastBeforeTet)).isTrue();
    for (int day = 16; day <= 20; day++) {
      assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, day))).as("Tết day %s", day).isFalse();
    }
    assertThat(calendar.addWorkingDays(lastBeforeTet, 1)).isEqualTo(LocalDate.of(2026, 2, 23));
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 17), 0))
        .as("0 days on a holiday is the next working day").isEqualTo(LocalDate.of(2026, 2, 23));
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 12), 3)).isEqualTo(LocalDate.of(2026, 2, 24));
  }

  @Test
  void weekendsAndOtherHolidaysAreSkipped() {
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 11, 28), 0)).isEqualTo(LocalDate.of(2026, 11, 30));
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 11, 27), 1)).isEqualTo(LocalDate.of(2026, 11, 30));
    // 30/4 and 1/5 2026 are Thursday and Friday
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 4, 29), 1)).isEqualTo(LocalDate.of(2026, 5, 4));
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 2))).isFalse();
  }

  @Test
  void endOfWorkingDayIsFivePmInTheDepartmentsTimeZone() {
    Instant fridayMorning = ZonedDateTime.of(2026, 2, 13, 9, 0, 0, 0, HCM).toInstant();
    assertThat(calendar.endOfWorkingDay(fridayMorning, 1))
        .isEqualTo(ZonedDateTime.of(2026, 2, 23, 17, 0, 0, 0, HCM).toInstant());
    assertThat(calendar.endOfWorkingDay(fridayMorning, 0))
        .isEqualTo(ZonedDateTime.of(2026, 2, 13, 17, 0, 0, 0, HCM).toInstant());
  }

  @Test
  void adminsKeepHolidaysAndTheCalendarFollowsAtOnce() throws Exception {
    LocalDate substitute = LocalDate.of(2027, 12, 31); // a Friday, not seeded
    assertThat(calendar.isWorkingDay(substitute)).isTrue();

    ResponseEntity<String> created = rest.withBasicAuth("admin", "demo").postForEntity("/api/holidays",
        Map.of("day", substitute.toString(), "name", "Nghỉ bù Tết Dương lịch 2028"), String.class);
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    long id = new ObjectMapper().readTree(created.getBody()).get("id").asLong();
    assertThat(calendar.isWorkingDay(substitute)).isFalse();

    ResponseEntity<String> duplicate = rest.withBasicAuth("admin", "demo").postForEntity("/api/holidays",
        Map.of("day", substitute.toString(), "name", "Trùng"), String.class);
    assertThat(duplicate.getStatusCode().value()).isEqualTo(409);
    ResponseEntity<String> noName = rest.withBasicAuth("admin", "demo").postForEntity("/api/holidays",
        Map.of("day", "2027-12-30"), String.class);
    assertThat(noName.getStatusCode().value()).isEqualTo(400);
    assertThat(noName.getBody()).contains("name");
    assertThat(rest.withBasicAuth("vanthu", "demo").postForEntity("/api/holidays",
        Map.of("day", "2027-12-30", "name", "Không được"), String.class).getStatusCode().value())
        .isEqualTo(403);

    JsonNode list = new ObjectMapper().readTree(rest.withBasicAuth("cv.qlkh", "demo")
        .getForObject("/api/holidays?year=2027", String.class));
    assertThat(list).extracting(h -> h.get("day").asText()).contains("2027-02-08", substitute.toString());

    rest.withBasicAuth("admin", "demo").exchange("/api/holidays/" + id, HttpMethod.DELETE,
        HttpEntity.EMPTY, Void.class);
    assertThat(calendar.isWorkingDay(substitute)).isTrue();
  }
}
