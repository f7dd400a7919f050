package vn.khcn.workflow.research;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khcn.workflow.research.ResearchApi.vars;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.research.AssignmentCouncilProcess.Tasks;
import vn.khcn.workflow.research.AssignmentCouncilProcess.Vars;
import vn.khcn.workflow.support.TestHttp;

/**
 * A ballot after the council's ballot deadline, or after the council concluded, is refused with a
 * Vietnamese 409 on the council desk and on the engine REST, and nothing is stored (ADR 0030).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LateBallotTest {

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired ResearchTaskRepository tasks;
  @Autowired CouncilRepository councils;
  @Autowired CouncilMemberRepository members;
  @Autowired JdbcTemplate jdbc;

  ResearchApi api;
  DeskFixture fixture;

  @BeforeEach
  void setUp() {
    api = new ResearchApi(rest, taskService);
    fixture = new DeskFixture(api);
  }

  Council council(String code) {
    return councils.findByResearchTaskIdOrderByIdAsc(tasks.findByCode(code).orElseThrow()
        .getId()).get(0);
  }

  CouncilMember seat(String code, String member) {
    return members.findByCouncilIdOrderByIdAsc(council(code).getId()).stream()
        .filter(m -> m.getUsername().equals(member)).findFirst().orElseThrow();
  }

  static Map<String, Object> ballot() {
    return vars(Vars.SCORE_URGENCY.name(), 12, Vars.SCORE_CONTENT.name(), 20,
        Vars.SCORE_METHOD.name(), 16, Vars.SCORE_PRODUCTS.name(), 20,
        Vars.SCORE_CAPACITY.name(), 12, ResearchTaskProcess.Vars.COMMENT.name(), "Đạt yêu cầu");
  }

  @Test
  void aBallotAfterTheDeadlineOrAfterTheConclusionIsRefusedAndNothingIsStored() {
    String code = fixture.appointed("chunhiem");
    for (String member : new String[] {"hd.uyvien1", "hd.uyvien2"}) {
      api.work(member, code, Tasks.DECLARE_CONFLICT, member,
          vars(Vars.NO_CONFLICT.name(), true));
    }
    jdbc.update("update council set ballot_due_at = ? where id = ?",
        Timestamp.from(Instant.now().minus(Duration.ofHours(1))), council(code).getId());

    DeskSession desk = DeskSession.login(api.http(), "hd.uyvien1");
    desk.get("/council");
    TestHttp.Response late = desk.post("/council/" + code + "/score",
        CouncilDeskPageTest.ballot(12, 20, 16, 20, 12));
    assertThat(late.status()).as(late.text()).isEqualTo(409);
    assertThat(late.text()).contains("Đã quá hạn chấm điểm của hội đồng");
    assertThat(seat(code, "hd.uyvien1").getVotedAt()).as("nothing stored").isNull();

    TestHttp.Response viaRest = api.complete("hd.uyvien2",
        api.task(code, Tasks.SCORE_PROPOSAL, "hd.uyvien2"), ballot());
    assertThat(viaRest.status()).as("%s", viaRest.body()).isEqualTo(409);
    assertThat(viaRest.body().get("message").asText()).contains("quá hạn chấm điểm");
    assertThat(seat(code, "hd.uyvien2").getVotedAt()).isNull();
    assertThat(api.task(code, Tasks.SCORE_PROPOSAL, "hd.uyvien2")).as("the task stays open")
        .isNotNull();

    jdbc.update("update council set ballot_due_at = ?, status = 'CONCLUDED' where id = ?",
        Timestamp.from(Instant.now().plus(Duration.ofDays(5))), council(code).getId());
    TestHttp.Response concluded = api.complete("hd.uyvien2",
        api.task(code, Tasks.SCORE_PROPOSAL, "hd.uyvien2"), ballot());
    assertThat(concluded.status()).isEqualTo(409);
    assertThat(concluded.body().get("message").asText()).contains("Hội đồng đã kết luận");
    assertThat(seat(code, "hd.uyvien2").getVotedAt()).isNull();

    jdbc.update("update council set status = 'APPOINTED' where id = ?", council(code).getId());
    assertThat(api.complete("hd.uyvien2", api.task(code, Tasks.SCORE_PROPOSAL, "hd.uyvien2"),
        ballot()).status()).as("within the deadline it is taken").isEqualTo(204);
    assertThat(seat(code, "hd.uyvien2").getScoreTotal()).isEqualTo(80);
  }
}
