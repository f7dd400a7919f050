package vn.khcn.workflow.research;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.util.ReflectionTestUtils;
import vn.khcn.workflow.calendar.WorkingCalendar;
import vn.khcn.workflow.identity.Actor;

/**
 * The step services without Spring or the engine: repositories are Mockito mocks answering from
 * in-memory entities, the clock is fixed (Monday 23 November 2026, 09:00 in Cần Thơ) and the
 * calendar counts every day as a working day, so the deadlines are easy to read.
 */
final class StepsFixture {

  static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
  static final Actor CLERK = new Actor("cv.qlkh", "Chuyên viên QLKH");
  static final String HOST = "Trường Chính trị TP. Cần Thơ";
  static final String HOST_CODE = "0000000001";

  final Clock clock = Clock.fixed(NOW, ZONE);
  final ResearchTaskRepository tasks = mock(ResearchTaskRepository.class);
  final CouncilRepository councils = mock(CouncilRepository.class);
  final CouncilMemberRepository members = mock(CouncilMemberRepository.class);
  final BudgetAppraisalTeam team = mock(BudgetAppraisalTeam.class);
  final ExpertRepository experts = mock(ExpertRepository.class);
  final ResearchReportRepository reports = mock(ResearchReportRepository.class);
  final ExtensionRequestRepository extensions = mock(ExtensionRequestRepository.class);
  final RestrictionRepository restrictions = mock(RestrictionRepository.class);
  final ResearchDocumentRepository documents = mock(ResearchDocumentRepository.class);
  final ResearchTrailRepository trail = mock(ResearchTrailRepository.class);
  final ResearchDecisions decisions = mock(ResearchDecisions.class);
  final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);
  final List<ResearchTrailEntry> entries = new ArrayList<>();
  final List<CouncilMember> councilMembers = new ArrayList<>();
  final WorkingCalendar calendar = new WorkingCalendar() {
    @Override
    public boolean isWorkingDay(LocalDate date) {
      return true;
    }

    @Override
    public LocalDate addWorkingDays(LocalDate from, int days) {
      return from.plusDays(days);
    }

    @Override
    public Instant endOfWorkingDay(Instant from, int days) {
      return from.atZone(ZONE).toLocalDate().plusDays(days).atTime(17, 0).atZone(ZONE)
          .toInstant();
    }

    @Override
    public LocalDate countingDay(Instant arrival) {
      return arrival.atZone(ZONE).toLocalDate();
    }

    @Override
    public Instant officeStart(LocalDate day) {
      return day.atTime(8, 0).atZone(ZONE).toInstant();
    }

    @Override
    public Instant officeEnd(LocalDate day) {
      return day.atTime(17, 0).atZone(ZONE).toInstant();
    }

    @Override
    public boolean hasDataFor(int year) {
      return true;
    }
  };
  final ResearchRecords records;
  final ResearchTask task;

  StepsFixture() {
    this(RuleRegimes.of(Regimes.tt20(), Regimes.l93()));
  }

  /** With these regimes instead of the shipped ones. */
  StepsFixture(RuleRegimes regimes) {
    records = new ResearchRecords(tasks, councils, members, trail, events, clock, regimes);
    task = new ResearchTask("DT-2026-07", new DossierRequest("Vai trò của Đảng ủy xã, phường",
        "Khoa học xã hội và nhân văn", HOST, HOST_CODE, "chunhiem", 24, 950_000_000L),
        "TS. Huỳnh Thanh Hiếu", "cv.qlkh", NOW.minusSeconds(86_400));
    ReflectionTestUtils.setField(task, "id", 7L);
    when(tasks.findById(7L)).thenReturn(Optional.of(task));
    when(trail.save(any())).thenAnswer(call -> {
      entries.add(call.getArgument(0));
      return call.getArgument(0);
    });
    when(members.save(any())).thenAnswer(call -> {
      councilMembers.add(call.getArgument(0));
      return call.getArgument(0);
    });
    when(members.findByCouncilIdOrderByIdAsc(any())).thenAnswer(call -> councilMembers.stream()
        .filter(m -> m.getCouncilId().equals(call.getArgument(0))).toList());
  }

  /** A council of this kind, id 11, whose members are given as username and role pairs. */
  Council council(CouncilKind kind, Object... usernamesAndRoles) {
    Council council = new Council(7L, kind, "giamdoc", NOW, NOW.plusSeconds(864_000));
    ReflectionTestUtils.setField(council, "id", 11L);
    when(councils.findById(11L)).thenReturn(Optional.of(council));
    when(councils.findByResearchTaskIdOrderByIdAsc(7L)).thenReturn(List.of(council));
    for (int i = 0; i < usernamesAndRoles.length; i += 2) {
      String username = (String) usernamesAndRoles[i];
      councilMembers.add(new CouncilMember(11L, expert(username, "Trường Đại học Cần Thơ"),
          (CouncilRole) usernamesAndRoles[i + 1]));
    }
    return council;
  }

  CouncilMember member(String username) {
    return councilMembers.stream().filter(m -> m.getUsername().equals(username)
        && m.isActive()).findFirst().orElseThrow();
  }

  static Expert expert(String username, String organisation) {
    return new Expert(username, "Chuyên gia " + username, "TS.", organisation,
        "Khoa học xã hội và nhân văn");
  }

  /** The actions written to the trail, in order. */
  List<String> actions() {
    return entries.stream().map(ResearchTrailEntry::getAction).toList();
  }
}
