package vn.khcn.workflow.outgoing;

import vn.khcn.workflow.shared.tx.AfterCommitExecutor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.outgoing.OutgoingDocumentProcess.Tasks;
import vn.khcn.workflow.support.TestHttp;

/**
 * Closing an opinion round before its due day (issue 19): the parties that have not answered are
 * recorded "Không có ý kiến", their opinion tasks are completed through the engine (history kept,
 * their reminder and overdue timers gone), the model moves on to the consolidation; and the
 * refusals: anyone but the drafter, no open round, answering or resolving after the close.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OpinionRoundCloseTest {

  static final String API = "/api/outgoing-documents";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired AfterCommitExecutor afterCommit;
  @Autowired TaskService taskService;
  @Autowired HistoryService history;
  @Autowired ManagementService management;

  TestHttp api;
  OutgoingFlow flow;

  @BeforeEach
  void setUp() {
    api = TestHttp.of(rest);
    flow = new OutgoingFlow(api, jdbc, afterCommit);
  }

  @Test
  void theDrafterClosesTheRoundEarlyUnansweredPartiesHaveNoOpinionAndTheModelMovesOn() {
    long id = flow.draft("cv.qlkh", OutgoingFixtures.draft("Về việc đóng vòng góp ý sớm"));
    String base = API + "/" + id;
    // nothing to close before a round
    assertThat(api.post("cv.qlkh", base + "/opinion-round/close", null).status()).isEqualTo(409);
    TestHttp.Response asked = api.post("cv.qlkh", base + "/opinion-requests", ask(
        List.of("phong-khtc", "tp.qlcn", "giamdoc")));
    assertThat(asked.status()).as(asked.text()).isEqualTo(201);
    String instance = taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(id))
        .taskDefinitionKey(Tasks.GIVE_OPINION).list().get(0).getProcessInstanceId();
    long timersBefore = management.createJobQuery().processInstanceId(instance).timers().count();
    assertThat(timersBefore).as("reminder and overdue timers of three tasks").isEqualTo(6);
    TestHttp.Response answered = api.post("cv.khtc", base + "/opinions",
        Map.of("position", "AGREE_WITH_COMMENTS", "text", "Bổ sung dự toán"));
    assertThat(answered.status()).as(answered.text()).isEqualTo(201);

    // only the drafter closes: the unit head, an asked party, a director get 403, nothing changes
    for (String other : List.of("tp.qlkh", "tp.qlcn", "giamdoc")) {
      assertThat(api.post(other, base + "/opinion-round/close", null).status()).as(other)
          .isEqualTo(403);
    }
    assertThat(openOpinionTasks(id)).isEqualTo(2);

    TestHttp.Response closed = api.post("cv.qlkh", base + "/opinion-round/close", null);
    assertThat(closed.status()).as(closed.text()).isEqualTo(200);
    JsonNode opinions = closed.body().get("opinions");
    assertThat(opinions).extracting(o -> o.get("from").asText() + "|" + o.get("position")
        .asText()).containsExactly("Phòng Kế hoạch – Tài chính|AGREE_WITH_COMMENTS",
            "Phan Minh Nhựt|NO_OPINION", "Trần Quốc Bảo|NO_OPINION");
    assertThat(opinions.get(1).get("positionLabel").asText()).isEqualTo("Không có ý kiến");
    assertThat(closed.body().get("opinionRequests")).allMatch(r -> !r.get("answeredAt").isNull());
    assertThat(closed.body().get("trail")).anyMatch(t -> t.get("comment").asText()
        .equals("Vòng 1 đóng trước hạn; không có ý kiến: Phan Minh Nhựt; Trần Quốc Bảo"));
    // the tasks ended through the engine: completed in history, timers gone, consolidation open
    assertThat(openOpinionTasks(id)).isZero();
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instance)
        .taskDefinitionKey(Tasks.GIVE_OPINION).finished().count()).isEqualTo(3);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance)
        .activityId("endEvent_opinionGiven").finished().count()).isEqualTo(3);
    assertThat(management.createJobQuery().processInstanceId(instance).timers().count())
        .isZero();
    assertThat(taskService.createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(Tasks.CONSOLIDATE).count()).isEqualTo(1);

    // after the close: no answer (409), no second close (409), nothing to resolve on "no opinion"
    assertThat(api.post("tp.qlcn", base + "/opinions", Map.of("position", "AGREE")).status())
        .isEqualTo(409);
    assertThat(api.post("cv.qlkh", base + "/opinion-round/close", null).status()).isEqualTo(409);
    long noOpinion = opinions.get(1).get("id").asLong();
    assertThat(api.post("cv.qlkh", base + "/opinions/" + noOpinion + "/resolution",
        Map.of("accepted", true)).status()).isEqualTo(409);
    assertThat(flow.count("outgoing_opinion", "document_id = ?", id)).isEqualTo(3);
    // a party cannot send "no opinion" itself
    assertThat(api.post("cv.qlkh", base + "/outside-opinions", Map.of("body", "Sở Tài chính",
        "incomingDocumentId", 1, "position", "NO_OPINION")).status()).isEqualTo(400);

    // consolidation needs only the real opinion resolved; the table prints "Không có ý kiến"
    long real = opinions.get(0).get("id").asLong();
    assertThat(api.post("cv.qlkh", base + "/opinions/" + real + "/resolution",
        Map.of("accepted", true)).status()).isEqualTo(200);
    java.net.http.HttpResponse<byte[]> table = api.download("cv.qlkh", base + "/opinions.pdf");
    assertThat(OutgoingFixtures.pdfText(table.body())).contains("Không có ý kiến")
        .contains("Phan Minh Nhựt").contains("Tiếp thu");
    String consolidate = taskService.createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(Tasks.CONSOLIDATE).singleResult().getId();
    TestHttp.Response done = api.post("cv.qlkh", "/engine-rest/task/" + consolidate
        + "/complete", Map.of("variables", Map.of()));
    assertThat(done.status()).as(done.text()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(Tasks.CHECK_CONTENT).count()).isEqualTo(1);
  }

  @Test
  void whenEveryPartyAnsweredThereIsNothingToClose() {
    long id = flow.draft("cv.qlkh", OutgoingFixtures.draft("Về việc vòng góp ý đã đủ"));
    String base = API + "/" + id;
    assertThat(api.post("cv.qlkh", base + "/opinion-requests", ask(List.of("tp.qlcn")))
        .status()).isEqualTo(201);
    assertThat(api.post("tp.qlcn", base + "/opinions", Map.of("position", "AGREE")).status())
        .isEqualTo(201);
    assertThat(api.post("cv.qlkh", base + "/opinion-round/close", null).status()).isEqualTo(409);
    assertThat(flow.count("outgoing_opinion", "document_id = ? and position = 'NO_OPINION'", id))
        .isZero();
  }

  private long openOpinionTasks(long id) {
    return taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(id))
        .taskDefinitionKey(Tasks.GIVE_OPINION).count();
  }

  static Map<String, Object> ask(List<String> from) {
    Map<String, Object> ask = new LinkedHashMap<>();
    ask.put("from", from);
    ask.put("dueDate", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(7).toString());
    ask.put("note", "Xin góp ý");
    return ask;
  }
}
