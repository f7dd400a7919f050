package vn.khcn.workflow.research;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.identity.EngineAuthentication;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.shared.text.SearchText;
import vn.khcn.workflow.shared.web.NotFoundException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonProcessingException;

/** Read side of the research feature: details, pages, the text of every form, option lists. */
@Service
@Transactional(readOnly = true)
class ResearchQueries {

  /** Groups that see every research task. */
  static final Set<String> STAFF = Set.of(Groups.LANH_DAO, Groups.PHONG_QLKH, Groups.PHONG_KHTC,
      Groups.CAMUNDA_ADMIN);
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  private final ResearchTaskRepository tasks;
  private final CouncilRepository councils;
  private final CouncilMemberRepository members;
  private final ExpertRepository experts;
  private final ResearchReportRepository reports;
  private final ExtensionRequestRepository extensions;
  private final ResearchDocumentRepository documents;
  private final ResearchTrailRepository trail;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  private final ResearchExtraViews extras;

  ResearchQueries(ResearchTaskRepository tasks, CouncilRepository councils,
      CouncilMemberRepository members, ExpertRepository experts, ResearchReportRepository reports,
      ExtensionRequestRepository extensions, ResearchDocumentRepository documents,
      ResearchTrailRepository trail, TaskService taskService, IdentityService identityService,
      Clock clock, ResearchExtraViews extras) {
    this.extras = extras;
    this.tasks = tasks;
    this.councils = councils;
    this.members = members;
    this.experts = experts;
    this.reports = reports;
    this.extensions = extensions;
    this.documents = documents;
    this.trail = trail;
    this.taskService = taskService;
    this.identityService = identityService;
    this.clock = clock;
  }

  /** Who is asking: user id and groups. */
  public record Viewer(String userId, Set<String> groups) {
    boolean isStaff() {
      return groups.stream().anyMatch(STAFF::contains);
    }
  }

  /** The task if the viewer may see it: staff, its investigator, or a member of its councils. */
  public ResearchTask visible(String code, Viewer viewer) {
    ResearchTask task = tasks.findByCode(code).orElseThrow(() ->
        new NotFoundException("Không tìm thấy nhiệm vụ " + code));
    if (viewer.isStaff() || task.getInvestigator().equals(viewer.userId())) {
      return task;
    }
    boolean sits = councils.findByResearchTaskIdOrderByIdAsc(task.getId()).stream()
        .flatMap(c -> members.findByCouncilIdOrderByIdAsc(c.getId()).stream())
        .anyMatch(m -> m.getUsername().equals(viewer.userId()));
    if (!sits) {
      throw new AccessDeniedException("Chỉ lãnh đạo, Phòng QLKH, Phòng KH-TC, chủ nhiệm và thành"
          + " viên hội đồng của nhiệm vụ mới xem được nhiệm vụ " + code);
    }
    return task;
  }

  public ResearchDetails details(String code, Viewer viewer) {
    ResearchTask task = visible(code, viewer);
    List<Council> taskCouncils = councils.findByResearchTaskIdOrderByIdAsc(task.getId());
    List<ResearchDetails.CouncilView> councilViews = new ArrayList<>();
    for (Council c : taskCouncils) {
      List<CouncilMember> rows = members.findByCouncilIdOrderByIdAsc(c.getId());
      BallotReader reader = BallotReader.of(viewer.userId(), viewer.isStaff(), task, rows);
      councilViews.add(new ResearchDetails.CouncilView(c.getId(), c.getKind(),
          c.getStatus().name(), c.getAppointedBy(), c.getAppointedAt(), c.getBallotDueAt(),
          c.getMeetingDate(), c.getMeetingsHeld(), c.getMembersPresent(), c.getQuorumProblem(),
          c.getMeanScore(), c.getMaxZeroShare(), c.getOutcome(),
          rows.stream().map(m -> {
            boolean ballot = reader.mayRead(c, m);
            return new ResearchDetails.MemberView(m.getUsername(), m.getFullName(),
                m.getOrganisation(), m.getRole(), m.getStatus().name(), m.getConflict(),
                m.getDeclaredAt(), m.getReplacedBy(), m.getPresent(),
                ballot ? m.getScoreTotal() : null, ballot ? m.getBallotValid() : null,
                ballot ? m.getGrade() : null, ballot ? m.getComment() : null, m.getVotedAt());
          }).toList()));
    }
    List<ResearchDetails.Deadline> deadlines = openTasks(code).stream()
        .map(t -> new ResearchDetails.Deadline(t.getId(), t.getTaskDefinitionKey(), t.getName(),
            t.getAssignee(), t.getDueDate() == null ? null : t.getDueDate().toInstant(),
            t.getDueDate() != null && t.getDueDate().toInstant().isBefore(clock.instant())))
        .toList();
    return new ResearchDetails(task, councilViews,
        reports.findByResearchTaskIdOrderByIdAsc(task.getId()),
        extensions.findByResearchTaskIdOrderByIdAsc(task.getId()),
        documents.listByTask(task.getId()), deadlines,
        trail.findByResearchTaskIdOrderByIdAsc(task.getId()),
        extras.appraisalTeam(task, viewer.isStaff()), extras.refund(task));
  }

  public Page<ResearchSummary> page(ResearchStatus status, ResearchStage stage, String query,
      int page, int size, Viewer viewer) {
    String investigator = null;
    if (!viewer.isStaff()) {
      if (!viewer.groups().contains(Groups.CHU_NHIEM)) {
        throw new AccessDeniedException("Chỉ lãnh đạo, Phòng QLKH, Phòng KH-TC và chủ nhiệm đề tài"
            + " mới xem được danh sách nhiệm vụ");
      }
      investigator = viewer.userId();
    }
    String pattern = query == null || query.isBlank() ? null : SearchText.likePattern(query);
    return tasks.search(status, stage, pattern, investigator,
        PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "id")))
        .map(ResearchSummary::of);
  }

  List<Task> openTasks(String code) {
    return EngineAuthentication.withoutAuthentication(identityService, () ->
        taskService.createTaskQuery().processInstanceBusinessKey(code).orderByTaskCreateTime()
            .asc().listPage(0, 200));
  }

  /** Options of the appointment selects: the pool, host organisation's experts left out. */
  JsonValue expertOptions(long researchTaskId) {
    ResearchTask task = tasks.findById(researchTaskId).orElseThrow();
    List<Map<String, String>> options = new ArrayList<>();
    for (Expert expert : experts.findAllByOrderByFullNameAsc()) {
      if (!ResearchRecords.sameOrganisation(expert.getOrganisation(), task.getHostOrganisation())) {
        options.add(Map.of("label", expert.displayName(), "value", expert.getUsername()));
      }
    }
    return toJson(options);
  }

  /** Options of the attendance list: the council's active members with their roles. */
  JsonValue memberOptions(long councilId) {
    List<Map<String, String>> options = new ArrayList<>();
    for (CouncilMember member : members.findByCouncilIdOrderByIdAsc(councilId)) {
      if (member.isActive()) {
        options.add(Map.of("label", member.getFullName() + " – " + member.getRole().label(),
            "value", member.getUsername()));
      }
    }
    return toJson(options);
  }

  /**
   * The dossier's files as links a task's form shows ([{name, label, url}], label escaped for Markdown):
   * the download address of the API, which the browser's session of the one login opens.
   */
  JsonValue documentLinks(long researchTaskId) {
    ResearchTask task = tasks.findById(researchTaskId).orElseThrow();
    List<Map<String, String>> links = new ArrayList<>();
    for (DocumentInfo d : documents.listByTask(researchTaskId)) {
      String name = d.kind().label() + ": " + d.fileName();
      links.add(Map.of("name", name, "label", markdownText(name),
          "url", documentUrl(task.getCode(), d.id())));
    }
    return toJson(links);
  }

  /** Where a dossier file is downloaded (GET, the session or HTTP Basic). */
  static String documentUrl(String code, long documentId) {
    return "/api/research-tasks/" + org.springframework.web.util.UriUtils.encodePathSegment(code,
        java.nio.charset.StandardCharsets.UTF_8) + "/documents/" + documentId;
  }

  /** Text shown as is inside a Markdown link: every Markdown and HTML sign escaped. */
  static String markdownText(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 8);
    for (char c : text.toCharArray()) {
      if ("\\`*_{}[]()<>#+-.!|~&\"'".indexOf(c) >= 0) {
        escaped.append('\\');
      }
      escaped.append(Character.isISOControl(c) ? ' ' : c);
    }
    return escaped.toString();
  }

  private JsonValue toJson(Object value) {
    try {
      return SpinValues.jsonValue(json.writeValueAsString(value)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Who may read which ballots (scores, grades, a member's comment) of a council. Ballots are
   * secret: a member reads their own; once the council has concluded, its members and the
   * Department's staff read them all; the investigator never reads one, only the council's
   * conclusion and the changes it requires.
   *
   * @param reader user id of the reader, or null for the staff of a group task
   * @param staff whether the reader is of the Department's staff
   * @param investigator whether the reader is the research task's investigator
   * @param sits whether the reader sits (or sat) on the council
   */
  record BallotReader(String reader, boolean staff, boolean investigator, boolean sits) {

    static BallotReader of(String reader, boolean staff, ResearchTask task,
        List<CouncilMember> rows) {
      return new BallotReader(reader, staff, reader != null
          && reader.equals(task.getInvestigator()), reader != null && rows.stream()
          .anyMatch(m -> m.getUsername().equals(reader)));
    }

    boolean mayRead(Council council, CouncilMember ballot) {
      if (investigator) {
        return false;
      }
      if (ballot.getUsername().equals(reader)) {
        return true;
      }
      return council.getStatus() == Council.Status.CONCLUDED && (staff || sits);
    }
  }

  /**
   * The research task as the reader of one task reads it at the top of its form: {@code reader}
   * is the task's assignee (a member, the secretary, the chair, the investigator), or null for a
   * task of a staff group. Ballots are shown as {@link BallotReader} allows.
   */
  String view(long researchTaskId, String reader) {
    ResearchTask t = tasks.findById(researchTaskId).orElseThrow();
    ZoneId zone = clock.getZone();
    StringBuilder s = new StringBuilder();
    s.append(t.getCode()).append(": ").append(t.getTitle()).append('\n');
    s.append("Lĩnh vực: ").append(t.getField()).append('\n');
    s.append("Cơ quan chủ trì: ").append(t.getHostOrganisation()).append('\n');
    s.append("Chủ nhiệm: ").append(t.getInvestigatorName()).append('\n');
    s.append("Thời gian thực hiện: ").append(t.getDurationMonths()).append(" tháng; kinh phí đề nghị: ")
        .append(ResearchRecords.money(t.getRequestedBudget())).append('\n');
    s.append("Giai đoạn: ").append(t.getStage().label()).append(" – ").append(t.getStatus().label())
        .append('\n');
    if (t.getMissingItems() != null) {
      s.append("Yêu cầu bổ sung: ").append(t.getMissingItems()).append(" (hạn ")
          .append(format(t.getResubmitDueAt(), zone)).append(")\n");
    }
    for (Council c : councils.findByResearchTaskIdOrderByIdAsc(researchTaskId)) {
      s.append('\n').append(c.getKind().label()).append(" (thành lập ")
          .append(format(c.getAppointedAt(), zone)).append("; hạn đánh giá ")
          .append(format(c.getBallotDueAt(), zone)).append("):\n");
      List<CouncilMember> rows = members.findByCouncilIdOrderByIdAsc(c.getId());
      BallotReader ballots = BallotReader.of(reader, reader == null, t, rows);
      for (CouncilMember m : rows) {
        s.append("  - ").append(m.getFullName()).append(", ").append(m.getRole().label())
            .append(" (").append(m.getOrganisation()).append(")");
        if (!m.isActive()) {
          s.append(" – đã rút (xung đột lợi ích), thay bằng ").append(m.getReplacedBy());
        } else if (Boolean.FALSE.equals(m.getConflict())) {
          s.append(" – đã cam kết không xung đột");
        }
        if (ballots.mayRead(c, m) && m.getScoreTotal() != null) {
          s.append(" – ").append(m.getScoreTotal()).append(" điểm")
              .append(Boolean.FALSE.equals(m.getBallotValid()) ? " (phiếu không hợp lệ)" : "");
        }
        if (ballots.mayRead(c, m) && m.getGrade() != null) {
          s.append(" – ").append(m.getGrade().label());
        }
        s.append('\n');
      }
      if (c.getQuorumProblem() != null) {
        s.append("  ").append(c.getQuorumProblem()).append('\n');
      }
      if (c.getOutcome() != null) {
        s.append("  Kết luận: ").append(c.getOutcome()).append('\n');
      }
    }
    if (t.getVerdict() != null) {
      s.append("\nKết luận hội đồng: ").append(t.getVerdict().label()).append(". ")
          .append(t.getVerdictReasons()).append('\n');
    }
    if (t.getRequiredRevisions() != null) {
      s.append("Yêu cầu chỉnh sửa thuyết minh: ").append(t.getRequiredRevisions());
      if (t.getRevisionDueAt() != null) {
        s.append(" (hạn ").append(format(t.getRevisionDueAt(), zone)).append(")");
      }
      s.append('\n');
    }
    if (t.getApprovedBudget() != null) {
      s.append("Kinh phí thẩm định: ").append(ResearchRecords.money(t.getApprovedBudget()))
          .append(" – ").append(t.getAppraisalNote()).append('\n');
    }
    if (t.getContractNumber() != null) {
      s.append("Hợp đồng số ").append(t.getContractNumber()).append(": ")
          .append(ResearchRecords.money(t.getContractAmount())).append(", từ ")
          .append(ImplementationRules.formatDate(t.getContractStart())).append(" đến ")
          .append(ImplementationRules.formatDate(t.getContractEnd())).append('\n');
    }
    for (ResearchReport r : reports.findByResearchTaskIdOrderByIdAsc(researchTaskId)) {
      s.append(r.getKind().label()).append(" (").append(format(r.getSubmittedAt(), zone))
          .append("): ").append(r.getContent());
      if (r.getReviewResult() != null) {
        s.append(" – ").append("ACCEPTED".equals(r.getReviewResult()) ? "đã chấp nhận"
            : "yêu cầu bổ sung: " + r.getReviewComment());
      }
      s.append('\n');
    }
    for (ExtensionRequest e : extensions.findByResearchTaskIdOrderByIdAsc(researchTaskId)) {
      s.append("Đề nghị gia hạn ").append(e.getMonths()).append(" tháng: ").append(e.getReason())
          .append(" – ").append(switch (e.getStatus()) {
            case PENDING -> "chờ quyết định";
            case GRANTED -> "đã đồng ý";
            case REFUSED -> "không đồng ý";
          }).append('\n');
    }
    if (t.getMidtermOutcome() != null) {
      s.append("Đánh giá giữa kỳ: ").append(t.getMidtermOutcome().label()).append(" – ")
          .append(t.getMidtermFindings()).append('\n');
    }
    if (t.getGrade() != null) {
      s.append("Xếp loại nghiệm thu: ").append(t.getGrade().label()).append('\n');
    }
    List<DocumentInfo> files = documents.listByTask(researchTaskId);
    if (!files.isEmpty()) {
      s.append("\nTài liệu (bấm tên tệp ở mục «Tài liệu» để tải về):\n");
      files.forEach(d -> s.append("  ").append(d.id()).append(". ").append(d.kind().label())
          .append(": ").append(d.fileName()).append('\n'));
    }
    List<ResearchTrailEntry> entries = trail.findByResearchTaskIdOrderByIdAsc(researchTaskId);
    s.append("\nDiễn biến gần đây:\n");
    entries.subList(Math.max(0, entries.size() - 8), entries.size()).forEach(e ->
        s.append("  ").append(format(e.getOccurredAt(), zone)).append(" ")
            .append(e.getActorName()).append(": ").append(e.getDetail() == null ? e.getAction()
                : e.getDetail()).append('\n'));
    return s.toString();
  }

  private static String format(Instant instant, ZoneId zone) {
    return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
  }

  /** One line of the task list. */
  public record ResearchSummary(String code, String title, String hostOrganisation,
      String investigatorName, ResearchStage stage, String stageLabel, ResearchStatus status,
      String statusLabel, LocalDate contractEnd) {
    static ResearchSummary of(ResearchTask t) {
      return new ResearchSummary(t.getCode(), t.getTitle(), t.getHostOrganisation(),
          t.getInvestigatorName(), t.getStage(), t.getStage().label(), t.getStatus(),
          t.getStatus().label(), t.getContractEnd());
    }
  }
}
