package vn.khcn.workflow.research;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import vn.khcn.workflow.identity.Actor;
import vn.khcn.workflow.identity.EngineAuthentication;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.shared.web.ConflictException;

/**
 * The budget appraisal team (tổ thẩm định kinh phí, ADR 0030): five members appointed by
 * phong-khtc or phong-qlkh, each giving an opinion and a figure on their own task, the leader
 * concluding. A member is always the task's assignee, never a name in a form.
 */
@Service
class BudgetAppraisalTeam {

  /** An appointed team: its round, the members in role order, its leader. */
  record Appointed(int round, List<String> members, String leader) {}

  private final BudgetAppraiserRepository appraisers;
  private final IdentityService identityService;
  private final ResearchRecords records;

  BudgetAppraisalTeam(BudgetAppraiserRepository appraisers, IdentityService identityService,
      ResearchRecords records) {
    this.appraisers = appraisers;
    this.identityService = identityService;
    this.records = records;
  }

  /** Checks and stores a new round's team; the form's fields name the user of each role. */
  Appointed appoint(ResearchTask task, Map<AppraisalRole, String> chosen, Actor actor,
      String taskId) {
    Problems problems = new Problems();
    Map<AppraisalRole, User> users = new EnumMap<>(AppraisalRole.class);
    Set<String> seen = new HashSet<>();
    for (AppraisalRole role : AppraisalRole.values()) {
      String field = role.field().name();
      String username = chosen.get(role);
      if (username == null) {
        problems.add(field, "chọn " + role.label().toLowerCase());
        continue;
      }
      User user = EngineAuthentication.withoutAuthentication(identityService,
          () -> identityService.createUserQuery().userId(username).singleResult());
      if (user == null) {
        problems.add(field, "không có người dùng '" + username + "'");
        continue;
      }
      Set<String> groups = groupsOf(username);
      if (!seen.add(username)) {
        problems.add(field, "'" + username + "' đã giữ vai trò khác trong tổ; mỗi người một vai trò");
      } else if (username.equals(task.getInvestigator()) || groups.contains(Groups.CHU_NHIEM)) {
        problems.add(field, "chủ nhiệm đề tài không được tham gia tổ thẩm định");
      } else if (role == AppraisalRole.LEADER && !groups.contains(Groups.LANH_DAO)) {
        problems.add(field, "tổ trưởng phải là lãnh đạo Sở");
      } else if (role == AppraisalRole.DEPUTY
          && Groups.STAFF.stream().noneMatch(groups::contains)) {
        problems.add(field, "tổ phó phải là cán bộ của Sở");
      } else if (role == AppraisalRole.SECRETARY && !groups.contains(Groups.PHONG_KHTC)
          && !groups.contains(Groups.PHONG_QLKH)) {
        problems.add(field, "thư ký phải thuộc phòng Kế hoạch – Tài chính hoặc phòng Quản lý"
            + " khoa học");
      } else {
        users.put(role, user);
      }
    }
    problems.throwIfAny();
    int round = appraisers.lastRound(task.getId()) + 1;
    List<String> members = new ArrayList<>();
    for (Map.Entry<AppraisalRole, User> seat : users.entrySet()) {
      User user = seat.getValue();
      appraisers.save(new BudgetAppraiser(task.getId(), round, user.getId(), fullName(user),
          seat.getKey(), actor.userId(), records.now()));
      members.add(user.getId());
    }
    records.log(task, actor, "APPRAISAL_TEAM_APPOINTED", "Tổ thẩm định kinh phí (lần " + round
        + "): " + users.entrySet().stream().map(s -> fullName(s.getValue()) + " ("
        + s.getKey().label() + ")").collect(Collectors.joining(", ")), taskId);
    return new Appointed(round, List.copyOf(members), users.get(AppraisalRole.LEADER).getId());
  }

  /**
   * The opinion and figure of {@code member}, the assignee of the task: refused when whoever
   * completes it is not that member (403), when the member is not on the current team or has
   * answered (409), or when the figure is missing, not positive or above the requested budget.
   */
  void answer(ResearchTask task, String member, Long proposed, String opinion, Actor actor,
      String taskId) {
    requireSelf(member, actor, "cho ý kiến thẩm định");
    BudgetAppraiser seat = appraisers.findByResearchTaskIdAndRoundAndUsername(task.getId(),
        appraisers.lastRound(task.getId()), member).orElseThrow(() -> new ConflictException(
            "Bạn không thuộc tổ thẩm định kinh phí hiện tại của nhiệm vụ " + task.getCode(),
            Map.of("code", task.getCode())));
    if (seat.answered()) {
      throw new ConflictException("Bạn đã cho ý kiến thẩm định lúc "
          + records.date(seat.getAnsweredAt()) + "; không gửi lại lần nữa",
          Map.of("code", task.getCode()));
    }
    new Problems()
        .require(proposed != null && proposed > 0, "proposedBudget",
            "nhập kinh phí đề xuất lớn hơn 0")
        .require(proposed == null || proposed <= task.getRequestedBudget(), "proposedBudget",
            "kinh phí đề xuất không được vượt kinh phí đề nghị ("
                + ResearchRecords.money(task.getRequestedBudget()) + ")")
        .require(opinion != null, "appraisalOpinion", "nêu ý kiến thẩm định")
        .throwIfAny();
    seat.answer(proposed, opinion, records.now());
    records.log(task, actor, "APPRAISAL_OPINION", seat.getFullName() + " ("
        + seat.getRole().label() + ") đề xuất " + ResearchRecords.money(proposed), taskId);
  }

  /** The leader's conclusion is the leader's own: whoever completes it must be the assignee. */
  void requireLeader(ResearchTask task, String assignee, Actor actor) {
    requireSelf(assignee, actor, "ghi kết luận của tổ thẩm định");
    boolean leader = current(task).stream().anyMatch(s -> s.getRole() == AppraisalRole.LEADER
        && s.getUsername().equals(assignee));
    if (!leader) {
      throw new AuthorizationException("Chỉ tổ trưởng tổ thẩm định mới ghi kết luận của tổ");
    }
  }

  /** The current round's seats in role order. */
  List<BudgetAppraiser> current(ResearchTask task) {
    return appraisers.findByResearchTaskIdAndRound(task.getId(),
        appraisers.lastRound(task.getId())).stream()
        .sorted(Comparator.comparing(BudgetAppraiser::getRole)).toList();
  }

  /** The team's opinions as the leader and the director read them. */
  String summary(ResearchTask task) {
    List<BudgetAppraiser> seats = current(task);
    if (seats.isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder("Tổ thẩm định kinh phí (lần ")
        .append(seats.get(0).getRound()).append("):");
    for (BudgetAppraiser seat : seats) {
      text.append("\n- ").append(seat.getRole().label()).append(": ").append(seat.getFullName())
          .append(seat.answered() ? " đề xuất " + ResearchRecords.money(seat.getProposedBudget())
              + ". " + seat.getOpinion() : " (chưa cho ý kiến)");
    }
    return text.toString();
  }

  private static void requireSelf(String assignee, Actor actor, String what) {
    if (assignee == null || actor == null || !assignee.equals(actor.userId())) {
      throw new AuthorizationException("Chỉ người được giao mới được " + what);
    }
  }

  private Set<String> groupsOf(String username) {
    return EngineAuthentication.withoutAuthentication(identityService,
        () -> identityService.createGroupQuery().groupMember(username).list()).stream()
        .map(Group::getId).collect(Collectors.toSet());
  }

  private static String fullName(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).strip();
    return name.isEmpty() ? user.getId() : name;
  }
}
