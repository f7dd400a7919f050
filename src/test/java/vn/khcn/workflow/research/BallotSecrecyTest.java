package vn.khcn.workflow.research;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khcn.workflow.research.ResearchApi.vars;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.research.AssignmentCouncilProcess.Tasks;
import vn.khcn.workflow.research.AssignmentCouncilProcess.Vars;
import vn.khcn.workflow.support.TestHttp.Response;

/**
 * Ballots are secret (issue 12 item 11): a member reads only their own until the council
 * concludes, the investigator never reads one; and whose ballot or declaration a task records
 * comes from the task, never from what is submitted with it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BallotSecrecyTest {

  static final List<String> MEMBERS = List.of("hd.chutich", "hd.phochutich", "hd.thuky",
      "hd.phanbien1", "hd.phanbien2", "hd.uyvien1", "hd.uyvien2");

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired CouncilMemberRepository members;
  @Autowired CouncilRepository councils;
  @Autowired ResearchTaskRepository researchTasks;

  ResearchApi api;

  @BeforeEach
  void setUp() {
    api = new ResearchApi(rest, taskService);
  }

  /** A research task whose assignment council of seven has been appointed. */
  String appointed() {
    Response created = api.submit("cv.qlkh", ResearchApi.dossier("Phiếu kín của hội đồng "
        + UUID.randomUUID(), ResearchFlowTest.HOST, "chunhiem"), "thuyet-minh.pdf",
        ResearchApi.PDF);
    assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
    String code = created.body().get("code").asText();
    api.work("cv.qlkh", code, ResearchTaskProcess.Tasks.CHECK_DOSSIER, null,
        vars(ResearchTaskProcess.Vars.VALID, true));
    api.work("giamdoc", code, Tasks.APPOINT_COUNCIL, null,
        ResearchFlowTest.council("hd.uyvien1", "hd.uyvien2"));
    return code;
  }

  static Map<String, Object> ballot(int... scores) {
    return vars(Vars.SCORE_URGENCY, scores[0], Vars.SCORE_CONTENT, scores[1], Vars.SCORE_METHOD,
        scores[2], Vars.SCORE_PRODUCTS, scores[3], Vars.SCORE_CAPACITY, scores[4],
        ResearchTaskProcess.Vars.COMMENT, "Nhận xét riêng của " + scores[0]);
  }

  /** Score totals by username as the user reads them in GET /api/research-tasks/{code}. */
  Map<String, JsonNode> scores(String user, String code) {
    Response details = api.get(user, "/api/research-tasks/" + code);
    assertThat(details.status()).isEqualTo(200);
    Map<String, JsonNode> totals = new java.util.HashMap<>();
    details.body().get("councils").get(0).get("members").forEach(m ->
        totals.put(m.get("username").asText(), m.path("scoreTotal")));
    return totals;
  }

  /** Not in the answer: left out (null fields are not written) or null. */
  static boolean hidden(JsonNode value) {
    return value == null || value.isMissingNode() || value.isNull();
  }

  String view(Task task) {
    return (String) taskService.getVariableLocal(task.getId(),
        ResearchTaskProcess.Vars.RESEARCH_VIEW.name());
  }

  @Test
  void membersReadOnlyTheirOwnBallotUntilTheConclusionAndTheInvestigatorNoneEver() {
    String code = appointed();
    for (String member : MEMBERS) {
      api.work(member, code, Tasks.DECLARE_CONFLICT, member, vars(Vars.NO_CONFLICT, true));
    }
    api.work("hd.chutich", code, Tasks.SCORE_PROPOSAL, "hd.chutich", ballot(12, 20, 16, 20, 12));
    api.work("hd.uyvien1", code, Tasks.SCORE_PROPOSAL, "hd.uyvien1", ballot(5, 8, 6, 8, 5));

    // while voting is open: one's own total, not a colleague's, and staff see none yet
    Map<String, JsonNode> chair = scores("hd.chutich", code);
    assertThat(chair.get("hd.chutich").asInt()).isEqualTo(80);
    assertThat(hidden(chair.get("hd.uyvien1"))).isTrue();
    assertThat(hidden(scores("giamdoc", code).get("hd.uyvien1"))).isTrue();
    assertThat(hidden(scores("chunhiem", code).get("hd.chutich"))).isTrue();

    api.work("hd.thuky", code, Tasks.SCORE_PROPOSAL, "hd.thuky", ballot(11, 20, 16, 20, 12));
    for (String member : List.of("hd.phochutich", "hd.phanbien1", "hd.phanbien2",
        "hd.uyvien2")) {
      api.work(member, code, Tasks.SCORE_PROPOSAL, member, ballot(12, 20, 16, 20, 12));
    }
    // the secretary's minutes are written before the conclusion: her own ballot only
    Task minutes = api.task(code, Tasks.RECORD_MEETING, "hd.thuky");
    assertThat(view(minutes)).contains("79 điểm").doesNotContain("80 điểm", "32 điểm");

    api.work("hd.thuky", code, Tasks.RECORD_MEETING, "hd.thuky", vars(Vars.MEETING_DATE,
        LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString(), Vars.PRESENT, MEMBERS,
        Vars.REVISIONS_REQUIRED, true, Vars.REQUIRED_REVISIONS, "Làm rõ phương pháp khảo sát"));

    // concluded: members and staff read every ballot; the investigator only the conclusion
    assertThat(scores("hd.phanbien1", code).get("hd.uyvien1").asInt()).isEqualTo(32);
    assertThat(scores("giamdoc", code).get("hd.uyvien1").asInt()).isEqualTo(32);
    Response investigator = api.get("chunhiem", "/api/research-tasks/" + code);
    assertThat(investigator.body().get("verdict").asText()).isEqualTo("ASSIGN_AFTER_REVISION");
    assertThat(investigator.body().get(AssignmentCouncilProcess.Vars.REQUIRED_REVISIONS.name()).asText())
        .isEqualTo("Làm rõ phương pháp khảo sát");
    investigator.body().get("councils").get(0).get("members").forEach(m -> {
      assertThat(hidden(m.path("scoreTotal"))).as("%s", m).isTrue();
      assertThat(hidden(m.path("ballotValid"))).as("%s", m).isTrue();
      assertThat(hidden(m.path(ResearchTaskProcess.Vars.COMMENT.name()))).as("%s", m).isTrue();
    });
    assertThat(investigator.body().toString()).doesNotContain("Nhận xét riêng");
    Task revision = api.task(code, Tasks.SUBMIT_REVISION, "chunhiem");
    assertThat(view(revision)).contains("Làm rõ phương pháp khảo sát")
        .doesNotContain("80 điểm", "79 điểm", "32 điểm", "phiếu không hợp lệ)");
  }

  @Test
  void whoseDeclarationAndBallotATaskRecordsComesFromTheTaskNotFromTheSubmission() {
    String code = appointed();
    Task declaration = api.task(code, Tasks.DECLARE_CONFLICT, "hd.chutich");
    // Java API: no REST filter in between, the listeners alone must hold
    taskService.complete(declaration.getId(), vars(Vars.NO_CONFLICT, true, Vars.CHAIR, "hd.uyvien1",
        Vars.SECRETARY, "hd.uyvien2", Vars.MEMBER, "hd.uyvien2"));
    String council = declaration.getProcessInstanceId();
    assertThat(runtimeService.getVariable(council, Vars.CHAIR.name())).isEqualTo("hd.chutich");
    assertThat(runtimeService.getVariable(council, Vars.SECRETARY.name())).isEqualTo("hd.thuky");
    assertThat(api.task(code, Tasks.SCORE_PROPOSAL, "hd.chutich")).as("the ballot stays his")
        .isNotNull();

    api.work("hd.phochutich", code, Tasks.DECLARE_CONFLICT, "hd.phochutich",
        vars(Vars.NO_CONFLICT, true));
    Task ballot = api.task(code, Tasks.SCORE_PROPOSAL, "hd.phochutich");
    Map<String, Object> forSomeoneElse = ballot(12, 20, 16, 20, 12);
    forSomeoneElse.put(Vars.MEMBER.name(), "hd.uyvien1");
    taskService.complete(ballot.getId(), forSomeoneElse);

    long councilId = councils.findByResearchTaskIdOrderByIdAsc(
        researchTasks.findByCode(code).orElseThrow().getId()).get(0).getId();
    Map<String, Integer> totals = new java.util.HashMap<>();
    members.findByCouncilIdOrderByIdAsc(councilId).forEach(m ->
        totals.put(m.getUsername(), m.getScoreTotal()));
    assertThat(totals.get("hd.phochutich")).isEqualTo(80);
    assertThat(totals.get("hd.uyvien1")).isNull();
  }
}
