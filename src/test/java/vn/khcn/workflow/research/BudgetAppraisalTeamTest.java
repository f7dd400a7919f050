package vn.khcn.workflow.research;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khcn.workflow.research.ResearchApi.APPRAISAL_TEAM;
import static vn.khcn.workflow.research.ResearchApi.vars;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.research.ResearchTaskProcess.Tasks;
import vn.khcn.workflow.research.ResearchTaskProcess.Vars;
import vn.khcn.workflow.support.TestHttp.Response;

/**
 * The budget appraisal team of five over the engine REST (ADR 0030): appointed by phong-khtc,
 * each member answers on their own task, the leader concludes, the director approves; every
 * refusal (wrong person, wrong roles, twice, extra fields) is a 4xx and stores nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BudgetAppraisalTeamTest {

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired ResearchTaskRepository tasks;
  @Autowired BudgetAppraiserRepository appraisers;

  ResearchApi api;
  DeskFixture fixture;

  @BeforeEach
  void setUp() {
    api = new ResearchApi(rest, taskService);
    fixture = new DeskFixture(api);
  }

  /** A task whose council assigned it: waiting for the team's appointment. */
  String assigned() {
    String code = fixture.appointed("chunhiem");
    fixture.scored(code, "Ổn");
    fixture.met(code, false);
    return code;
  }

  List<BudgetAppraiser> seats(String code) {
    long id = tasks.findByCode(code).orElseThrow().getId();
    return appraisers.findByResearchTaskIdAndRound(id, appraisers.lastRound(id));
  }

  static Map<String, Object> opinion(long figure) {
    return vars(Vars.PROPOSED_BUDGET, figure, Vars.APPRAISAL_OPINION, "Giảm chi thuê khoán");
  }

  @Test
  void theTeamIsAppointedByRoleAndWrongCompositionsOrExtraFieldsStoreNothing() {
    String code = assigned();
    Task appoint = api.task(code, Tasks.APPOINT_APPRAISAL_TEAM, null);

    Map<String, Object> notADirector = ResearchApi.appraisalTeam();
    notADirector.put(Vars.APPRAISAL_LEADER_FIELD.name(), "tp.qlkh");
    notADirector.put(Vars.APPRAISAL_MEMBER_FIELD.name(), "chunhiem");
    notADirector.put(Vars.APPRAISAL_SECRETARY_FIELD.name(), "tp.khtc");
    Response refused = api.complete("cv.khtc", appoint, notADirector);
    assertThat(refused.status()).as("%s", refused.body()).isEqualTo(400);
    assertThat(refused.body().get("message").asText())
        .contains("appraisalLeader: tổ trưởng phải là lãnh đạo Sở")
        .contains("appraisalMember: chủ nhiệm đề tài không được tham gia tổ thẩm định")
        .contains("appraisalSecretary: 'tp.khtc' đã giữ vai trò khác");

    Map<String, Object> extra = ResearchApi.appraisalTeam();
    extra.put(Vars.APPRAISAL_TEAM.name(), List.of("cv.qlkh"));
    Response smuggled = api.complete("cv.khtc", appoint, extra);
    assertThat(smuggled.status()).as("%s", smuggled.body()).isEqualTo(400);
    Map<String, Object> leaderByName = ResearchApi.appraisalTeam();
    leaderByName.put(Vars.APPRAISAL_LEADER.name(), "cv.qlkh");
    assertThat(api.complete("cv.khtc", appoint, leaderByName).status()).isEqualTo(400);

    Response byInvestigator = api.post("chunhiem", "/engine-rest/task/" + appoint.getId()
        + "/complete", Map.of("variables", Map.of()));
    assertThat(byInvestigator.status()).as("the investigator cannot appoint").isIn(403, 404);
    assertThat(seats(code)).as("nothing stored").isEmpty();
    assertThat(api.task(code, Tasks.APPOINT_APPRAISAL_TEAM, null).getId())
        .isEqualTo(appoint.getId());

    api.work("cv.khtc", code, Tasks.APPOINT_APPRAISAL_TEAM, null, ResearchApi.appraisalTeam());
    assertThat(seats(code)).extracting(BudgetAppraiser::getUsername)
        .containsExactlyInAnyOrderElementsOf(APPRAISAL_TEAM);
    assertThat(seats(code)).extracting(BudgetAppraiser::getRole)
        .containsExactlyInAnyOrder(AppraisalRole.values());
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey(Tasks.GIVE_APPRAISAL_OPINION).list())
        .extracting(Task::getAssignee).containsExactlyInAnyOrderElementsOf(APPRAISAL_TEAM);
  }

  @Test
  void eachMemberAnswersOnlyTheirOwnTaskOnceAndTheLeaderConcludesForTheDirector() {
    String code = assigned();
    api.work("cv.khtc", code, Tasks.APPOINT_APPRAISAL_TEAM, null, ResearchApi.appraisalTeam());
    String deputy = APPRAISAL_TEAM.get(1);
    Task deputysTask = api.task(code, Tasks.GIVE_APPRAISAL_OPINION, deputy);

    Response stranger = api.complete("cv.qlkh", deputysTask, opinion(700_000_000L));
    assertThat(stranger.status()).as("%s", stranger.body()).isEqualTo(403);
    Response otherMember = api.complete(APPRAISAL_TEAM.get(2), deputysTask,
        opinion(700_000_000L));
    assertThat(otherMember.status()).as("%s", otherMember.body()).isEqualTo(403);
    Map<String, Object> asSomeoneElse = opinion(700_000_000L);
    asSomeoneElse.put(Vars.APPRAISER.name(), APPRAISAL_TEAM.get(0));
    assertThat(api.complete(deputy, deputysTask, asSomeoneElse).status())
        .as("the member comes from the assignee, not the form").isEqualTo(400);
    Response tooMuch = api.complete(deputy, deputysTask, opinion(900_000_000L));
    assertThat(tooMuch.status()).isEqualTo(400);
    assertThat(tooMuch.body().get("message").asText()).contains("proposedBudget")
        .contains("không được vượt kinh phí đề nghị");
    assertThat(seats(code)).as("nothing stored").noneMatch(BudgetAppraiser::answered);

    assertThat(api.complete(deputy, deputysTask, opinion(700_000_000L)).status()).isEqualTo(204);
    Response twice = api.complete(deputy, deputysTask, opinion(650_000_000L));
    assertThat(twice.status()).as("answered once: the task is gone").isEqualTo(404);
    assertThat(seats(code)).filteredOn(s -> s.getUsername().equals(deputy))
        .extracting(BudgetAppraiser::getProposedBudget).containsExactly(700_000_000L);

    for (String member : APPRAISAL_TEAM) {
      if (!member.equals(deputy)) {
        api.work(member, code, Tasks.GIVE_APPRAISAL_OPINION, member, opinion(720_000_000L));
      }
    }
    Task conclusion = api.task(code, Tasks.APPRAISE_BUDGET, APPRAISAL_TEAM.get(0));
    Map<String, Object> figure = vars(Vars.APPROVED_BUDGET, 715_000_000L,
        Vars.APPRAISAL_NOTE, "Tổ thống nhất mức 715 triệu đồng");
    assertThat(api.complete("cv.khtc", conclusion, figure).status())
        .as("the secretary does not conclude").isEqualTo(403);
    assertThat(tasks.findByCode(code).orElseThrow().getApprovedBudget()).isNull();
    api.work(APPRAISAL_TEAM.get(0), code, Tasks.APPRAISE_BUDGET, APPRAISAL_TEAM.get(0), figure);
    assertThat(tasks.findByCode(code).orElseThrow().getApprovedBudget()).isEqualTo(715_000_000L);

    Task approve = api.task(code, Tasks.APPROVE_BUDGET, null);
    assertThat(taskService.getVariable(approve.getId(), Vars.RESEARCH_VIEW.name()).toString())
        .contains("Tổ phó: ").contains("đề xuất 700.000.000");
    Response details = api.get("cv.qlkh", "/api/research-tasks/" + code);
    assertThat(details.body().get("appraisalTeam")).hasSize(5);
    assertThat(details.body().get("approvedBudget").asLong()).isEqualTo(715_000_000L);
    Response investigator = api.get("chunhiem", "/api/research-tasks/" + code);
    assertThat(investigator.body().get("appraisalTeam")).as("opinions are the staff's")
        .isEmpty();
  }
}
