package vn.khcn.workflow.research;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khcn.workflow.research.ResearchApi.vars;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.support.TestHttp.Response;

/** A director appoints a council and decides a replacement from the inbox, not Tasklist. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ResearchInboxTest {

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;

  JsonNode inboxItem(String code, String key) {
    JsonNode items = new ResearchApi(rest, taskService).get("phogiamdoc", "/api/inbox").body()
        .get("items");
    for (JsonNode item : items) {
      if (code.equals(item.get("businessKey").asText())
          && key.equals(item.get("taskDefinitionKey").asText())) {
        return item;
      }
    }
    throw new AssertionError("no " + key + " of " + code + " in the inbox: " + items);
  }

  @Test
  void councilAppointmentAndReplacementFromTheInbox() {
    ResearchApi api = new ResearchApi(rest, taskService);
    Response created = api.submit("chunhiem", ResearchApi.dossier("Giải pháp nâng cao chất lượng"
        + " sinh hoạt chi bộ " + UUID.randomUUID(), "Ban Tuyên giáo Thành ủy Cần Thơ", "chunhiem"),
        "thuyet-minh.pdf", ResearchApi.PDF);
    assertThat(created.status()).as("an investigator submits his own dossier: %s", created.body())
        .isEqualTo(201);
    String code = created.body().get("code").asText();
    api.work("cv.qlkh", code, ResearchTaskProcess.Tasks.CHECK_DOSSIER, null, vars("valid", true));

    JsonNode item = inboxItem(code, AssignmentCouncilProcess.Tasks.APPOINT_COUNCIL);
    assertThat(item.get("processKey").asText()).isEqualTo("assignment-council");
    assertThat(item.get("title").asText()).startsWith("Giải pháp nâng cao");
    String taskId = item.get("taskId").asText();
    JsonNode opened = api.get("phogiamdoc", "/api/inbox/" + taskId).body();
    assertThat(opened.get("document").asText()).contains(code, "Ban Tuyên giáo Thành ủy Cần Thơ");

    Map<String, Object> council = Map.of("chair", "hd.chutich", "viceChair", "hd.phochutich",
        "secretary", "hd.thuky", "reviewer1", "hd.phanbien1", "reviewer2", "hd.phanbien1",
        "members", List.of("hd.uyvien1", "hd.uyvien2"));
    Response twice = api.post("phogiamdoc", "/api/inbox/" + taskId + "/council", council);
    assertThat(twice.status()).isEqualTo(400);
    assertThat(twice.body().get("message").asText()).contains("mỗi người chỉ giữ một vai trò");
    Response wrongAction = api.post("phogiamdoc", "/api/inbox/" + taskId + "/approval",
        Map.of("approved", true));
    assertThat(wrongAction.status()).isEqualTo(400);
    Response appointed = api.post("phogiamdoc", "/api/inbox/" + taskId + "/council",
        Map.of("chair", "hd.chutich", "viceChair", "hd.phochutich", "secretary", "hd.thuky",
            "reviewer1", "hd.phanbien1", "reviewer2", "hd.phanbien2",
            "members", List.of("hd.uyvien1", "hd.uyvien3")));
    assertThat(appointed.status()).as("%s", appointed.body()).isEqualTo(204);
    assertThat(historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult()
        .getAssignee()).isEqualTo("phogiamdoc");

    api.work("hd.uyvien3", code, AssignmentCouncilProcess.Tasks.DECLARE_CONFLICT, "hd.uyvien3",
        vars("noConflict", false, "note", "Đồng tác giả với chủ nhiệm"));
    String replacementTask = inboxItem(code,
        AssignmentCouncilProcess.Tasks.APPOINT_REPLACEMENT).get("taskId").asText();
    Response sameAgain = api.post("phogiamdoc", "/api/inbox/" + replacementTask + "/replacement",
        Map.of("replacement", "hd.uyvien1"));
    assertThat(sameAgain.body().get("message").asText()).contains("đã có trong hội đồng");
    assertThat(api.post("phogiamdoc", "/api/inbox/" + replacementTask + "/replacement",
        Map.of("replacement", "hd.uyvien4")).status()).isEqualTo(204);
    assertThat(api.task(code, AssignmentCouncilProcess.Tasks.DECLARE_CONFLICT,
        "hd.uyvien4")).isNotNull();
    JsonNode members = api.get("giamdoc", "/api/research-tasks/" + code).body().get("councils")
        .get(0).get("members");
    assertThat(members.toString()).contains("\"replacedBy\":\"hd.uyvien4\"");
    assertThat(api.get("hd.uyvien4", "/api/research-tasks/" + code).status())
        .as("a council member reads the task he sits on").isEqualTo(200);
  }
}
