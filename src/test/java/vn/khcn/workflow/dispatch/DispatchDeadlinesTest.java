package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.calendar.WorkingCalendar;

/**
 * Deadlines per Decree 30/2020 Art. 23–24 with a controlled clock: DocumentSteps built on a fixed
 * clock over the real calendar (2026 as announced), called as the adapters call it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DispatchDeadlinesTest {

  static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");

  @Autowired IncomingDocumentRepository documents;
  @Autowired DocumentAssignments assignments;
  @Autowired TrailRepository trail;
  @Autowired WorkingCalendar calendar;
  @Autowired TestRestTemplate rest;

  static Instant at(int year, int month, int day, int hour, int minute) {
    return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, HCM).toInstant();
  }

  DocumentSteps stepsAt(Instant now) {
    Clock clock = Clock.fixed(now, HCM);
    return new DocumentSteps(documents, assignments, trail, calendar,
        new DispatchDeadlines(calendar, clock), clock, event -> { }, "http://khcn.test");
  }

  DispatchDeadlines deadlinesAt(Instant now) {
    return new DispatchDeadlines(calendar, Clock.fixed(now, HCM));
  }

  long registered() {
    return DispatchFixtures.registered(rest);
  }

  List<TrailEntry> trailOf(long id) {
    return trail.findByDocumentIdOrderByOccurredAtAscIdAsc(id);
  }

  /** The entry written last (the trail is ordered by time, and these clocks go back and forth). */
  String lastComment(long id) {
    return trailOf(id).stream().max(java.util.Comparator.comparing(TrailEntry::getId))
        .orElseThrow().getComment();
  }

  @Test
  void aSameDayRuleBefore17IsThatDayAfter17TheNextWorkingDay() {
    long id = registered();
    // Tuesday 10/3/2026, rule "Khẩn": the same working day, 5 days handling
    DirectionSchedule before = stepsAt(at(2026, 3, 10, 16, 59)).scheduleDirection(id, null, 0, 5, 1);
    assertThat(before.directionDue()).isEqualTo(at(2026, 3, 10, 17, 0));
    assertThat(before.suggestedHandlingDue()).isEqualTo(LocalDate.of(2026, 3, 17));
    assertThat(lastComment(id)).doesNotContain("ngoài giờ hành chính");

    DirectionSchedule after = stepsAt(at(2026, 3, 10, 17, 1)).scheduleDirection(id, null, 0, 5, 1);
    assertThat(after.directionDue()).as("not overdue the moment it is registered")
        .isEqualTo(at(2026, 3, 11, 17, 0));
    assertThat(after.suggestedHandlingDue()).isEqualTo(LocalDate.of(2026, 3, 18));
    assertThat(lastComment(id)).contains("ngoài giờ hành chính", "11/03/2026");
    assertThat(after.directionReminder()).as("08:00 of the due day").isEqualTo(at(2026, 3, 11, 8, 0));
    assertThat(after.directionEscalationCycle()).isEqualTo("R/2026-03-11T17:00:00+07:00/P1D");
  }

  @Test
  void onASaturdayTheNextWorkingDayIsTheDayItCountsFrom() {
    long id = registered();
    // ordinary rule: at the latest the next working day (Art. 23(1)): Monday counts, so Tuesday
    DirectionSchedule saturday = stepsAt(at(2026, 3, 14, 10, 0)).scheduleDirection(id, null, 1, 10, 1);
    assertThat(saturday.directionDue()).isEqualTo(at(2026, 3, 17, 17, 0));
    DirectionSchedule sameDay = stepsAt(at(2026, 3, 14, 10, 0)).scheduleDirection(id, null, 0, 10, 1);
    assertThat(sameDay.directionDue()).isEqualTo(at(2026, 3, 16, 17, 0));
  }

  @Test
  void beforeTetAndBeforeTheMakeUpSaturday() {
    long id = registered();
    // Friday 13/2/2026 17:30: Tết 16–20/2 and the weekends, counted from Monday 23/2
    assertThat(stepsAt(at(2026, 2, 13, 17, 30)).scheduleDirection(id, null, 0, 5, 1).directionDue())
        .isEqualTo(at(2026, 2, 23, 17, 0));
    // Friday 9/1/2026 17:30: Saturday 10/1 is a make-up working day
    assertThat(stepsAt(at(2026, 1, 9, 17, 30)).scheduleDirection(id, null, 0, 5, 1).directionDue())
        .isEqualTo(at(2026, 1, 10, 17, 0));
    // Wednesday 31/12/2025 17:30: 1/1 holiday, 2/1 off by swap, weekend: Monday 5/1
    assertThat(stepsAt(at(2025, 12, 31, 17, 30)).scheduleDirection(id, null, 0, 5, 1).directionDue())
        .isEqualTo(at(2026, 1, 5, 17, 0));
  }

  @Test
  void remindersAndEscalationsFallInOfficeHoursOfWorkingDays() {
    DispatchDeadlines friday = deadlinesAt(at(2026, 3, 13, 21, 0));
    Instant flashDue = at(2026, 3, 13, 23, 0); // Hỏa tốc registered on a Friday evening
    assertThat(friday.firstEscalation(flashDue)).as("Monday 08:00").isEqualTo(at(2026, 3, 16, 8, 0));
    assertThat(friday.reminderAt(at(2026, 3, 13, 21, 0), flashDue))
        .as("no office hour before the due: the reminder lapses").isEqualTo(flashDue);
    assertThat(friday.remindNow(flashDue)).isTrue();
    assertThat(deadlinesAt(at(2026, 3, 14, 9, 0)).remindNow(at(2026, 3, 16, 17, 0)))
        .as("not on a Saturday").isFalse();
    assertThat(deadlinesAt(at(2026, 3, 16, 17, 1)).remindNow(at(2026, 3, 16, 17, 0)))
        .as("not once the due has passed").isFalse();
    // due on the Friday before the make-up Saturday, after hours: escalated on Saturday 10/1
    assertThat(friday.firstEscalation(at(2026, 1, 9, 18, 0))).isEqualTo(at(2026, 1, 10, 8, 0));
    // the reminder a working day before: Friday 13/2 for a due on Monday 23/2 after Tết
    assertThat(friday.reminderAt(at(2026, 2, 10, 9, 0), at(2026, 2, 23, 17, 0)))
        .isEqualTo(at(2026, 2, 13, 8, 0));
    assertThat(friday.escalationCycle(at(2026, 2, 23, 17, 0), 0))
        .as("escalated once").isEqualTo("R1/2026-02-23T17:00:00+07:00/P1D");
  }

  @Test
  void theEscalationRepeatsOnWorkingDaysOnlyAndTheDirectorsToo() {
    long id = registered();
    int before = trailOf(id).size();
    stepsAt(at(2026, 3, 14, 8, 0)).escalate(id, null, IncomingDirectiveProcess.Stages.DIRECTION);
    stepsAt(at(2026, 3, 15, 8, 0)).escalate(id, null, IncomingDirectiveProcess.Stages.DIRECTION);
    assertThat(trailOf(id)).as("nothing on Saturday and Sunday").hasSize(before);
    stepsAt(at(2026, 3, 16, 8, 0)).escalate(id, null, IncomingDirectiveProcess.Stages.DIRECTION);
    stepsAt(at(2026, 3, 17, 8, 0)).escalate(id, null, IncomingDirectiveProcess.Stages.DIRECTION);
    assertThat(trailOf(id)).hasSize(before + 2);
    assertThat(trailOf(id).stream().filter(e -> e.getAction() == TrailAction.ESCALATED).toList())
        .hasSize(2).first().satisfies(entry -> {
      assertThat(entry.getAction()).isEqualTo(TrailAction.ESCALATED);
      assertThat(entry.getComment()).startsWith("Quá hạn cho ý kiến chỉ đạo");
    });
  }

  @Test
  void aDeadlineIntoAYearWithoutHolidaysSaysSoInTheTrail() {
    long id = registered();
    // Tuesday 28/12/2027 + 10 working days: January 2028, which has no holidays yet
    DirectionSchedule schedule = stepsAt(at(2027, 12, 28, 10, 0)).scheduleDirection(id, null, 1, 10, 1);
    assertThat(schedule.suggestedHandlingDue().getYear()).isEqualTo(2028);
    assertThat(lastComment(id)).contains("Lưu ý: lịch làm việc năm 2028 chưa có ngày nghỉ lễ");
    stepsAt(at(2026, 3, 10, 10, 0)).scheduleDirection(id, null, 1, 10, 1);
    assertThat(lastComment(id)).doesNotContain("Lưu ý");
  }
}
