package vn.khcn.workflow.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khcn.workflow.support.TestHttp.variables;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import vn.khcn.workflow.research.AssignmentCouncilProcess;
import vn.khcn.workflow.research.ResearchApi;
import vn.khcn.workflow.research.ResearchTaskProcess;
import vn.khcn.workflow.support.TestHttp;
import vn.khcn.workflow.support.TestHttp.Response;

/**
 * The abuses of research councils over real HTTP as the demo users: a member naming himself chair
 * or secretary, a ballot cast in another's name or on another's task, the investigator acting for
 * the council; each refused, and the council and ballot rows unchanged.
 */
class CouncilIntegrityTest extends IntegrityTestSupport {

  @Test
  void councilMembersActOnlyAsThemselvesOnTheirOwnTasks() {
    String code = appointedCouncil();
    for (String member : List.of("hd.uyvien1", "hd.uyvien2")) {
      research.work(member, code, AssignmentCouncilProcess.Tasks.DECLARE_CONFLICT, member,
          noConflict());
    }
    String declare = AssignmentCouncilProcess.Tasks.DECLARE_CONFLICT;
    String score = AssignmentCouncilProcess.Tasks.SCORE_PROPOSAL;
    String chair = AssignmentCouncilProcess.Vars.CHAIR.name();
    String secretary = AssignmentCouncilProcess.Vars.SECRETARY.name();
    String member = AssignmentCouncilProcess.Vars.MEMBER.name();

    List<String> failures = refusals(code, List.of(
        new ResearchAbuse("a member naming himself chair and secretary on his declaration",
            "hd.phanbien1", declare, "hd.phanbien1", "complete",
            with(noConflict(), chair, "hd.phanbien1", secretary, "hd.phanbien1"), 400,
            List.of(chair, secretary, "không thuộc biểu mẫu")),
        new ResearchAbuse("a member's ballot cast in the chair's name", "hd.uyvien1", score,
            "hd.uyvien1", "complete", with(ballot(), member, "hd.chutich"), 400,
            List.of(member, "không thuộc biểu mẫu")),
        new ResearchAbuse("a member casting a colleague's ballot", "hd.uyvien2", score,
            "hd.uyvien1", "complete", ballot(), 403, List.of("hd.uyvien1")),
        new ResearchAbuse("the investigator declaring for a council member", "chunhiem",
            declare, "hd.thuky", "complete", noConflict(), 403, List.of("hd.thuky")),
        new ResearchAbuse("the investigator casting a council member's ballot", "chunhiem",
            score, "hd.uyvien2", "complete", ballot(), 403, List.of("hd.uyvien2")),
        new ResearchAbuse("a member terminating the research task from his ballot",
            "hd.uyvien1", score, "hd.uyvien1", "bpmnError",
            Map.of("errorCode", ResearchTaskProcess.TERMINATED_ERROR), 403,
            List.of("camunda-admin"))));

    assertThat(failures).isEmpty();
  }

  @Test
  void aMemberCannotNameHimselfSecretaryFromTasklistEither() {
    String code = appointedCouncil();
    Task declaration = research.task(code, AssignmentCouncilProcess.Tasks.DECLARE_CONFLICT,
        "hd.uyvien1");
    ResearchState before = state(code, declaration);

    Response refused = api.webapp("hd.uyvien1", "tasklist").post("/task/" + declaration.getId()
        + "/submit-form", variables("noConflict", "Boolean", true,
        AssignmentCouncilProcess.Vars.SECRETARY.name(), "String", "hd.uyvien1"));

    assertThat(refused.status()).as(refused.text()).isEqualTo(400);
    assertThat(refused.body().path("message").asText())
        .contains(AssignmentCouncilProcess.Vars.SECRETARY.name(), "không thuộc biểu mẫu");
    assertThat(state(code, declaration)).isEqualTo(before);
    assertThat(taskService.createTaskQuery().taskId(declaration.getId()).singleResult()
        .getAssignee()).isEqualTo("hd.uyvien1");
  }

  @Test
  void theInvestigatorCannotNameHimselfSecretaryOrChairOnHisRevision() {
    String code = appointedCouncil();
    for (String member : COUNCIL) {
      research.work(member, code, AssignmentCouncilProcess.Tasks.DECLARE_CONFLICT, member,
          noConflict());
    }
    for (String member : COUNCIL) {
      research.work(member, code, AssignmentCouncilProcess.Tasks.SCORE_PROPOSAL, member,
          ballot());
    }
    research.work("hd.thuky", code, AssignmentCouncilProcess.Tasks.RECORD_MEETING, "hd.thuky",
        meetingWithRevisions());
    assertThat(research.upload("chunhiem", code, "REVISED_OUTLINE", "thuyet-minh-sua.pdf",
        ResearchApi.PDF).status()).isEqualTo(201);
    String chair = AssignmentCouncilProcess.Vars.CHAIR.name();
    String secretary = AssignmentCouncilProcess.Vars.SECRETARY.name();
    Map<String, Object> revision = ResearchApi.vars(AssignmentCouncilProcess.Vars.RESPONSE_NOTE,
        "Đã tiếp thu toàn bộ ý kiến hội đồng");

    List<String> failures = refusals(code, List.of(
        new ResearchAbuse("the investigator verifying his own revision as secretary and chair",
            "chunhiem", AssignmentCouncilProcess.Tasks.SUBMIT_REVISION, "chunhiem", "complete",
            with(revision, secretary, "chunhiem", chair, "chunhiem"), 400,
            List.of(secretary, chair, "không thuộc biểu mẫu")),
        new ResearchAbuse("the investigator accepting his own revision", "chunhiem",
            AssignmentCouncilProcess.Tasks.SUBMIT_REVISION, "chunhiem", "complete",
            with(revision, AssignmentCouncilProcess.Vars.REVISION_ACCEPTED, true), 400,
            List.of(AssignmentCouncilProcess.Vars.REVISION_ACCEPTED.name())),
        new ResearchAbuse("the chair submitting the investigator's revision", "hd.chutich",
            AssignmentCouncilProcess.Tasks.SUBMIT_REVISION, "chunhiem", "complete", revision,
            403, List.of("chunhiem"))));

    assertThat(failures).isEmpty();
    research.work("chunhiem", code, AssignmentCouncilProcess.Tasks.SUBMIT_REVISION, "chunhiem",
        revision);
    assertThat(research.task(code, AssignmentCouncilProcess.Tasks.VERIFY_REVISION, "hd.thuky"))
        .as("the secretary of the council verifies, not the investigator").isNotNull();
  }

  @Test
  void aMemberDeclaresAndScoresFromTasklistEchoingTheView() {
    String code = appointedCouncil();
    vn.khcn.workflow.support.CamundaWebapp tasklist = api.webapp("hd.uyvien1", "tasklist");
    String view = ResearchTaskProcess.Vars.RESEARCH_VIEW.name();
    String echoed = "tóm tắt hồ sơ đã sửa ở trình duyệt";

    Task declaration = research.task(code, AssignmentCouncilProcess.Tasks.DECLARE_CONFLICT,
        "hd.uyvien1");
    Response declared = tasklist.post("/task/" + declaration.getId() + "/submit-form",
        variables("noConflict", "Boolean", true, view, "String", echoed));
    assertThat(declared.status()).as(declared.text()).isEqualTo(204);

    Task ballot = research.task(code, AssignmentCouncilProcess.Tasks.SCORE_PROPOSAL,
        "hd.uyvien1");
    Response scored = tasklist.post("/task/" + ballot.getId() + "/submit-form", variables(
        AssignmentCouncilProcess.Vars.SCORE_URGENCY.name(), "Long", 12,
        AssignmentCouncilProcess.Vars.SCORE_CONTENT.name(), "Long", 20,
        AssignmentCouncilProcess.Vars.SCORE_METHOD.name(), "Long", 16,
        AssignmentCouncilProcess.Vars.SCORE_PRODUCTS.name(), "Long", 20,
        AssignmentCouncilProcess.Vars.SCORE_CAPACITY.name(), "Long", 12,
        ResearchTaskProcess.Vars.COMMENT.name(), "String", "Đề tài cấp thiết",
        view, "String", echoed));
    assertThat(scored.status()).as(scored.text()).isEqualTo(204);

    assertThat(taskService.createTaskQuery().taskId(ballot.getId()).count()).isZero();
    Map<String, Object> row = jdbc.queryForMap("select status, conflict, score_total,"
        + " score_method, voted_at, member_comment from council_member where username = 'hd.uyvien1'"
        + " and council_id = (select max(id) from council where research_task_id ="
        + " (select id from research_task where code = ?))", code);
    assertThat(row.get("CONFLICT")).isEqualTo(false);
    assertThat(row.get("SCORE_TOTAL")).isEqualTo(80);
    assertThat(row.get("SCORE_METHOD")).isEqualTo(16);
    assertThat(row.get("VOTED_AT")).isNotNull();
    assertThat(row.get("MEMBER_COMMENT")).isEqualTo("Đề tài cấp thiết");
    assertThat(jdbc.queryForObject("select count(*) from council_member where score_total is"
        + " not null and council_id = (select max(id) from council where research_task_id ="
        + " (select id from research_task where code = ?))", Long.class, code))
        .as("one ballot, the assignee's").isEqualTo(1);
    assertThat(String.valueOf(runtimeService.getVariable(ballot.getProcessInstanceId(), view)))
        .doesNotContain(echoed);
  }
}
