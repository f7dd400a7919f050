package vn.khcn.workflow.research;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.data.repository.Repository;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.identity.EngineAuthentication;
import vn.khcn.workflow.shared.web.NotFoundException;

/**
 * The council desk (/council): the councils the signed-in member sits on, with dates, members,
 * materials and the member's own open work; each action completes the member's own engine task
 * through its contract (never another member's, never one named in the request).
 */
@Service
class CouncilDeskService {

  /** The desk's actions: the tasks each completes and who may do it. */
  enum Action {
    DECLARATION("cam kết về xung đột lợi ích", null,
        AssignmentCouncilProcess.Tasks.DECLARE_CONFLICT),
    SCORE("chấm điểm thuyết minh", null, AssignmentCouncilProcess.Tasks.SCORE_PROPOSAL),
    GRADE("đánh giá, xếp loại kết quả", null, AcceptanceProcess.Tasks.GRADE_RESULT),
    MEETING("ghi biên bản họp", CouncilRole.SECRETARY,
        AssignmentCouncilProcess.Tasks.RECORD_MEETING, AcceptanceProcess.Tasks.RECORD_MEETING),
    REVISION_CHECK("kiểm tra thuyết minh đã chỉnh sửa", CouncilRole.SECRETARY,
        AssignmentCouncilProcess.Tasks.VERIFY_REVISION),
    CONFIRMATION("xác nhận của chủ tịch", CouncilRole.CHAIR,
        AssignmentCouncilProcess.Tasks.CONFIRM_REVISION, AcceptanceProcess.Tasks.CONFIRM_FIXES);

    final String what;
    final CouncilRole role;
    final Set<String> taskKeys;

    Action(String what, CouncilRole role, String... taskKeys) {
      this.what = what;
      this.role = role;
      this.taskKeys = Set.of(taskKeys);
    }

    public String path() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    static Action ofPath(String path) {
      for (Action action : values()) {
        if (action.path().equals(path)) {
          return action;
        }
      }
      throw new NotFoundException("Không có việc '" + path + "' ở bàn hội đồng");
    }

    static Action ofTask(String taskKey) {
      for (Action action : values()) {
        if (action.taskKeys.contains(taskKey)) {
          return action;
        }
      }
      return null;
    }
  }

  /** One of my open work items at a council: the action, the engine task's key, name and due. */
  record Open(Action action, String taskKey, String name, java.time.Instant due) {}

  /** A council I sit on, as the desk shows it. */
  record Seat(Council council, ResearchTask task, CouncilMember me, List<CouncilMember> members,
      List<DocumentInfo> documents, List<Open> open, List<RuleRegime.Criterion> criteria) {
    /** The criteria's maxima added up: the scale of a ballot under the task's regime. */
    public int total() {
      return criteria.stream().mapToInt(RuleRegime.Criterion::max).sum();
    }

    public String documentUrl(DocumentInfo document) {
      return ResearchQueries.documentUrl(task.getCode(), document.id());
    }

    public boolean acceptance() {
      return council.getKind() == CouncilKind.ACCEPTANCE;
    }
  }

  private final CouncilSeatRepository seats;
  private final CouncilRepository councils;
  private final CouncilMemberRepository members;
  private final ResearchTaskRepository tasks;
  private final ResearchDocumentRepository documents;
  private final ResearchQueries queries;
  private final DeskTasks desk;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;
  private final RuleRegimes regimes;
  private final java.time.Clock clock;

  CouncilDeskService(CouncilSeatRepository seats, CouncilRepository councils,
      CouncilMemberRepository members, ResearchTaskRepository tasks,
      ResearchDocumentRepository documents, ResearchQueries queries, DeskTasks desk,
      RepositoryService repositoryService, IdentityService identityService, RuleRegimes regimes,
      java.time.Clock clock) {
    this.regimes = regimes;
    this.clock = clock;
    this.seats = seats;
    this.councils = councils;
    this.members = members;
    this.tasks = tasks;
    this.documents = documents;
    this.queries = queries;
    this.desk = desk;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
  }

  /** The councils I sit on (or sat on), newest first, with my open work at each. */
  @Transactional(readOnly = true)
  List<Seat> mine(String userId) {
    Map<Long, Seat> byCouncil = new LinkedHashMap<>();
    for (CouncilMember seat : seats.findByUsernameOrderByIdDesc(userId)) {
      if (byCouncil.containsKey(seat.getCouncilId())) {
        continue;
      }
      Council council = councils.findById(seat.getCouncilId()).orElseThrow();
      ResearchTask task = tasks.findById(council.getResearchTaskId()).orElseThrow();
      List<CouncilMember> active = members.findByCouncilIdOrderByIdAsc(council.getId()).stream()
          .filter(CouncilMember::isActive).toList();
      byCouncil.put(council.getId(), new Seat(council, task, seat, active,
          documents.listByTask(task.getId()), new ArrayList<>(),
          regimes.of(task, clock.getZone()).criteria()));
    }
    Map<String, String> keys = new HashMap<>();
    for (Task open : desk.assignedTo(userId)) {
      Action action = Action.ofTask(open.getTaskDefinitionKey());
      if (action == null) {
        continue;
      }
      String processKey = keys.computeIfAbsent(open.getProcessDefinitionId(), id ->
          EngineAuthentication.withoutAuthentication(identityService, () ->
              repositoryService.getProcessDefinition(id).getKey()));
      CouncilKind kind = AcceptanceProcess.KEY.equals(processKey) ? CouncilKind.ACCEPTANCE
          : CouncilKind.ASSIGNMENT;
      Long councilId = AssignmentCouncilProcess.Vars.COUNCIL_ID.read(
          desk.variable(open.getId(), AssignmentCouncilProcess.Vars.COUNCIL_ID.name()));
      Seat seat = councilId == null ? null : byCouncil.get(councilId);
      if (seat != null && seat.council().getKind() == kind) {
        seat.open().add(new Open(action, open.getTaskDefinitionKey(), open.getName(),
            open.getDueDate() == null ? null : open.getDueDate().toInstant()));
      }
    }
    return List.copyOf(byCouncil.values());
  }

  /**
   * Completes my open task of this action at the research task {@code code}: 403 when I do not
   * sit on its councils or the action is another role's, 409 when no such task waits for me.
   */
  @Transactional
  void act(String code, Action action, Map<String, Object> values,
      ResearchQueries.Viewer viewer) {
    ResearchTask task = queries.visible(code, viewer);
    List<CouncilMember> mySeats = councils.findByResearchTaskIdOrderByIdAsc(task.getId()).stream()
        .flatMap(c -> members.findByCouncilIdOrderByIdAsc(c.getId()).stream())
        .filter(m -> m.getUsername().equals(viewer.userId())).toList();
    if (mySeats.isEmpty()) {
      throw new AccessDeniedException("Bạn không phải thành viên hội đồng của nhiệm vụ " + code);
    }
    if (action.role != null && mySeats.stream().noneMatch(m -> m.getRole() == action.role)) {
      throw new AccessDeniedException("Chỉ " + action.role.label().toLowerCase() + " của hội đồng"
          + " mới " + action.what);
    }
    Task open = desk.mine(code, action.taskKeys, viewer.userId(), action.what, task.getStage());
    desk.complete(open, values);
  }
}

/** The seats of one person on councils (the desk's list). */
interface CouncilSeatRepository extends Repository<CouncilMember, Long> {
  List<CouncilMember> findByUsernameOrderByIdDesc(String username);
}
