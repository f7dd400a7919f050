package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.identity.Actor;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.shared.process.InvalidTaskInputException;

/** DocumentSteps called directly, as the adapters call it: validation and the reminder time. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DocumentStepsTest {

  static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  static final Actor DIRECTOR = new Actor("giamdoc", "Trần Quốc Bảo");

  @Autowired DocumentSteps steps;
  @Autowired AssignmentRepository assignments;
  @Autowired TrailRepository trail;
  @Autowired TestRestTemplate rest;

  long registered() {
    return DispatchFixtures.registered(rest);
  }

  @Test
  void anInvalidDirectionNamesEveryBadFieldAndStoresNothing() {
    long id = registered();
    long trailBefore = trail.count();
    DirectionInput bad = new DirectionInput(null, false, "phong-khong-co",
        List.of(Groups.PHONG_QLKH), List.of(Groups.PHONG_QLKH), "2020-01-01", null);

    assertThatThrownBy(() -> steps.recordDirection(id, bad, DIRECTOR, null, null))
        .isInstanceOfSatisfying(InvalidTaskInputException.class, e -> assertThat(e.problems())
            .anyMatch(p -> p.startsWith("direction: chưa nhập ý kiến chỉ đạo"))
            .anyMatch(p -> p.startsWith("leadUnit: 'phong-khong-co' không phải là đơn vị"))
            .anyMatch(p -> p.startsWith("dueDate: hạn xử lý đã qua"))
            .anyMatch(p -> p.startsWith("informedUnits:")));
    assertThat(assignments.findByDocumentIdOrderByIdAsc(id)).isEmpty();
    assertThat(trail.count()).isEqualTo(trailBefore);
  }

  @Test
  void aValidDirectionAssignsTheUnitsAndPlansTheReminder() {
    long id = registered();
    String due = LocalDate.now(ZONE).plusDays(20).toString();
    DirectionPlan plan = steps.recordDirection(id, new DirectionInput("Phòng QLKH chủ trì.",
        false, Groups.PHONG_QLKH, List.of(Groups.PHONG_KHTC), List.of(Groups.VAN_PHONG), due, null),
        DIRECTOR, null, 1);

    assertThat(plan.assignedUnits()).containsExactly(Groups.PHONG_QLKH, Groups.PHONG_KHTC);
    assertThat(assignments.findByDocumentIdOrderByIdAsc(id)).extracting(Assignment::getUnitId)
        .containsExactly(Groups.PHONG_QLKH, Groups.PHONG_KHTC, Groups.VAN_PHONG);
    assertThat(plan.reminderAt()).isBefore(plan.handlingDue());
  }

  @Test
  void theReminderIsAWorkingDayBeforeTheDueDateOrHalfWayWhenThatHasPassed() {
    // Tuesday 2026-12-08 17:00 local: reminder Monday 2026-12-07 08:00 local
    Instant now = Instant.parse("2026-12-01T02:00:00Z");
    Instant due = Instant.parse("2026-12-08T10:00:00Z");
    assertThat(steps.reminderTime(now, due)).isEqualTo(Instant.parse("2026-12-07T01:00:00Z"));
    // due in six hours: the day before has passed, so half-way
    Instant soon = now.plus(Duration.ofHours(6));
    assertThat(steps.reminderTime(now, soon)).isEqualTo(now.plus(Duration.ofHours(3)));
  }
}
