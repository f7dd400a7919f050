package vn.khcn.workflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.context.WebApplicationContext;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.notify.Notification;

/**
 * From 1 November administrators are warned when next year has no holidays: on the home page, and
 * by one mail a year. The seed has 2026 and 2027, so the clock is set into 2027.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CalendarWarningTest {

  static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");

  @Autowired WorkingCalendar calendar;
  @Autowired CalendarWarning warning;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired WebApplicationContext context;
  @Autowired Clock clock;

  final List<Object> published = new ArrayList<>();
  final ApplicationEventPublisher events = published::add;

  static Clock on(int year, int month, int day) {
    return Clock.fixed(ZonedDateTime.of(year, month, day, 9, 0, 0, 0, HCM).toInstant(), HCM);
  }

  CalendarWarning warningOn(Clock day) {
    return new CalendarWarning(calendar, jdbc, transactions, events, day, "http://khcn.test");
  }

  @BeforeEach
  @AfterEach
  void forgetEarlierWarnings() {
    jdbc.update("delete from calendar_warning where warned_year = 2028");
  }

  @Test
  void theWarningStartsOnTheFirstOfNovemberWhenNextYearHasNoHolidays() {
    assertThat(warningOn(on(2027, 10, 31)).missingYear()).isEmpty();
    assertThat(warningOn(on(2027, 11, 1)).missingYear()).contains(2028);
    assertThat(warningOn(on(2027, 12, 31)).missingYear()).contains(2028);
    assertThat(warningOn(on(2026, 11, 1)).missingYear()).as("2027 is seeded").isEmpty();
    assertThat(warningOn(on(2028, 1, 2)).missingYear()).as("not before November").isEmpty();
  }

  @Test
  void theAdministratorsAreMailedOnceAYear() {
    assertThat(warningOn(on(2027, 10, 31)).warnOnce()).isFalse();
    assertThat(published).isEmpty();

    assertThat(warningOn(on(2027, 11, 1)).warnOnce()).isTrue();
    assertThat(warningOn(on(2027, 11, 2)).warnOnce()).as("already sent this year").isFalse();
    assertThat(published).singleElement().isInstanceOfSatisfying(Notification.class, mail -> {
      assertThat(mail.groups()).containsExactly(Groups.CAMUNDA_ADMIN);
      assertThat(mail.subject()).contains("2028");
      assertThat(mail.body()).contains("http://khcn.test/api/holidays");
    });
    assertThat(jdbc.queryForObject("select count(*) from calendar_warning where warned_year = 2028",
        Integer.class)).isEqualTo(1);
  }

  @Test
  void theHomePageShowsTheWarningToAdministratorsOnly() throws Exception {
    MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    warning.useClock(on(2027, 11, 1));
    try {
      String admin = home(mvc, "admin", Groups.CAMUNDA_ADMIN);
      assertThat(admin).contains("id=\"calendar-warning\"", "Lịch làm việc năm <span>2028</span>");
      String clerk = home(mvc, "vanthu", Groups.VAN_THU);
      assertThat(clerk).doesNotContain("calendar-warning");
      warning.useClock(on(2027, 10, 31));
      assertThat(home(mvc, "admin", Groups.CAMUNDA_ADMIN)).doesNotContain("calendar-warning");
    } finally {
      warning.useClock(clock);
    }
  }

  static String home(MockMvc mvc, String userId, String group) throws Exception {
    return mvc.perform(get("/").with(user(userId).authorities(new SimpleGrantedAuthority(group))))
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
  }
}
