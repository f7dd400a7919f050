package vn.khcn.workflow.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess;

/** The inbox item page: refusals named in Vietnamese, the lead not also co-ordinating, closed items. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@org.junit.jupiter.api.extension.ExtendWith(vn.khcn.workflow.support.UnitsWithoutHeads.class)
class InboxItemPageTest {

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired WebApplicationContext context;
  MockMvc mvc;

  @BeforeEach
  void setUp() {
    mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
  }

  String taskOf(JsonNode document, String key) {
    return taskService.createTaskQuery()
        .processInstanceId(document.get("processInstanceId").asText())
        .taskDefinitionKey(key).singleResult().getId();
  }

  static String inDays(int days) {
    return LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(days).toString();
  }

  static final org.springframework.test.web.servlet.request.RequestPostProcessor DIRECTOR =
      user("giamdoc").authorities(() -> "lanh-dao");

  @Test
  void theLeadUnitIsRefusedAsCoordinatingByTheApiAndThePageInVietnamese() throws Exception {
    JsonNode doc = InboxFixtures.register(rest, "NORMAL");
    String direction = taskOf(doc, IncomingDirectiveProcess.Tasks.GIVE_DIRECTION);
    Map<String, Object> both = new LinkedHashMap<>();
    both.put("direction", "Phòng QLKH chủ trì.");
    both.put("leadUnit", "phong-qlkh");
    both.put("coordinatingUnits", List.of("phong-qlkh", "phong-khtc"));
    both.put("informedUnits", List.of());
    both.put("dueDate", inDays(5));
    ResponseEntity<String> refused = InboxFixtures.post(rest, "giamdoc",
        "/api/inbox/" + direction + "/direction", both);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    JsonNode body = InboxFixtures.JSON.readTree(refused.getBody());
    assertThat(body.get("fieldErrors")).anySatisfy(error -> {
      assertThat(error.get("field").asText()).isEqualTo("coordinatingUnits");
      assertThat(error.get("message").asText())
          .isEqualTo("đơn vị chủ trì không đồng thời là đơn vị phối hợp");
    });
    assertThat(taskService.createTaskQuery().taskId(direction).singleResult().getAssignee())
        .as("nothing stored, the task still waits unclaimed").isNull();

    MvcResult page = mvc.perform(post("/inbox/" + direction + "/direction").with(DIRECTOR)
            .with(csrf()).param("direction", "Phòng QLKH chủ trì (trang).")
            .param("leadUnit", "phong-qlkh").param("coordinatingUnits", "phong-qlkh")
            .param("dueDate", inDays(5)))
        .andExpect(redirectedUrl("/inbox/" + direction))
        .andExpect(flash().attribute("problems", hasItem(
            "Đơn vị phối hợp: đơn vị chủ trì không đồng thời là đơn vị phối hợp")))
        .andReturn();
    @SuppressWarnings("unchecked")
    List<String> problems = (List<String>) page.getFlashMap().get("problems");
    assertThat(problems).noneMatch(p -> p.contains("coordinatingUnits") || p.contains("leadUnit"));

    mvc.perform(get("/inbox/" + direction).with(DIRECTOR)
            .flashAttrs(page.getFlashMap()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(
            "Đơn vị phối hợp: đơn vị chủ trì không đồng thời là đơn vị phối hợp")))
        .andExpect(content().string(containsString("Phòng QLKH chủ trì (trang).")))
        .andExpect(content().string(containsString("/js/inbox-item.js")))
        .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
        .andExpect(content().string(not(containsString("<script>"))));
    mvc.perform(get("/js/inbox-item.js")).andExpect(status().isOk())
        .andExpect(content().string(containsString("coordinatingUnits")));

    // an empty direction: the fields named as the page labels them
    MvcResult empty = mvc.perform(post("/inbox/" + direction + "/direction").with(DIRECTOR)
            .with(csrf()).param("direction", "").param("dueDate", "2020-01-01"))
        .andExpect(redirectedUrl("/inbox/" + direction)).andReturn();
    @SuppressWarnings("unchecked")
    List<String> lines = (List<String>) empty.getFlashMap().get("problems");
    assertThat(lines).anyMatch(l -> l.startsWith("Ý kiến chỉ đạo: "))
        .anyMatch(l -> l.startsWith("Đơn vị chủ trì: ")).anyMatch(l -> l.startsWith("Hạn xử lý: "))
        .noneMatch(l -> l.matches("(?s).*\\b(direction|leadUnit|dueDate)\\b.*"));
  }

  @Test
  void thePageGivesAUnitItsOwnDeadlineAndRefusesOneForAnInformedUnit() throws Exception {
    JsonNode doc = InboxFixtures.register(rest, "NORMAL");
    String direction = taskOf(doc, IncomingDirectiveProcess.Tasks.GIVE_DIRECTION);
    mvc.perform(get("/inbox/" + direction).with(DIRECTOR)).andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("name=\"unitDueDate_phong-khtc\""),
            containsString("Hạn riêng của đơn vị"))));

    MvcResult refused = mvc.perform(post("/inbox/" + direction + "/direction").with(DIRECTOR)
            .with(csrf()).param("direction", "Phòng QLKH chủ trì.").param("leadUnit", "phong-qlkh")
            .param("informedUnits", "van-phong").param("dueDate", inDays(10))
            .param("unitDueDate_van-phong", inDays(3)))
        .andExpect(redirectedUrl("/inbox/" + direction)).andReturn();
    @SuppressWarnings("unchecked")
    List<String> problems = (List<String>) refused.getFlashMap().get("problems");
    assertThat(problems).anyMatch(p -> p.startsWith("Hạn riêng của đơn vị: Văn phòng Sở không"
        + " chủ trì hoặc phối hợp"));

    mvc.perform(post("/inbox/" + direction + "/direction").with(DIRECTOR).with(csrf())
            .param("direction", "Phòng QLKH chủ trì, Phòng KH-TC góp ý trước.")
            .param("leadUnit", "phong-qlkh").param("coordinatingUnits", "phong-khtc")
            .param("dueDate", inDays(10)).param("unitDueDate_phong-khtc", inDays(3)))
        .andExpect(redirectedUrl("/inbox"));
    Map<String, LocalDate> dueByUnit = new LinkedHashMap<>();
    for (Task unit : taskService.createTaskQuery()
        .processInstanceId(doc.get("processInstanceId").asText())
        .taskDefinitionKey(IncomingDirectiveProcess.Tasks.HANDLE_ASSIGNMENT).list()) {
      dueByUnit.put(taskService.getIdentityLinksForTask(unit.getId()).get(0).getGroupId(),
          LocalDate.ofInstant(unit.getDueDate().toInstant(), ZoneId.of("Asia/Ho_Chi_Minh")));
    }
    assertThat(dueByUnit).containsEntry("phong-khtc", LocalDate.parse(inDays(3)))
        .containsEntry("phong-qlkh", LocalDate.parse(inDays(10)));
  }

  @Test
  void aClosedItemShowsWhoDidItAndWhenInsteadOfAnError() throws Exception {
    JsonNode doc = InboxFixtures.register(rest, "URGENT");
    String direction = taskOf(doc, IncomingDirectiveProcess.Tasks.GIVE_DIRECTION);
    mvc.perform(get("/tasks/" + direction).with(DIRECTOR))
        .andExpect(redirectedUrl("/inbox/" + direction));
    mvc.perform(post("/inbox/" + direction + "/direction").with(DIRECTOR).with(csrf())
            .param("direction", "Phòng QLCN chủ trì xử lý.").param("leadUnit", "phong-qlcn")
            .param("dueDate", inDays(5)))
        .andExpect(redirectedUrl("/inbox"));

    var colleague = user("phogiamdoc").authorities(() -> "lanh-dao");
    for (String path : List.of("/inbox/" + direction, "/tasks/" + direction)) {
      mvc.perform(get(path).with(colleague))
          .andExpect(status().isNotFound())
          .andExpect(header().string("Content-Type", containsString("text/html")))
          .andExpect(content().string(allOf(containsString("Việc này đã được xử lý"),
              containsString("bởi Trần Quốc Bảo"), containsString("Cho ý kiến chỉ đạo"),
              containsString("/documents/" + doc.get("id").asLong()))));
    }
    mvc.perform(post("/inbox/" + direction + "/direction").with(colleague).with(csrf())
            .param("direction", "Muộn.").param("leadUnit", "van-phong").param("dueDate", inDays(5)))
        .andExpect(status().isNotFound())
        .andExpect(content().string(containsString("Việc này đã được xử lý")));
    mvc.perform(get("/tasks/" + direction).with(user("cv.khtc").authorities(() -> "phong-khtc")))
        .andExpect(status().isNotFound())
        .andExpect(content().string(containsString("đã được xử lý hoặc không còn")))
        .andExpect(content().string(not(containsString("Trần Quốc Bảo"))));
    mvc.perform(get("/inbox/khong-co-viec-nay").with(DIRECTOR))
        .andExpect(status().isNotFound())
        .andExpect(content().string(containsString("đã được xử lý hoặc không còn")));

    Task unit = taskService.createTaskQuery()
        .processInstanceId(doc.get("processInstanceId").asText()).singleResult();
    mvc.perform(get("/tasks/" + unit.getId()).with(user("cv.qlcn").authorities(() -> "phong-qlcn")))
        .andExpect(redirectedUrl(TaskPageController.TASKLIST + unit.getId()));
    taskService.claim(unit.getId(), "cv.qlcn");
    taskService.complete(unit.getId(), Variables.createVariables().putValue("result", "Xong."));
    String approval = taskOf(doc, IncomingDirectiveProcess.Tasks.APPROVE_RESULT);
    mvc.perform(get("/inbox/" + approval).with(DIRECTOR)).andExpect(status().isOk())
        .andExpect(content().string(containsString("Hạn: 17:00 ")))
        .andExpect(content().string(containsString("Duyệt kết quả")));
    assertThat(taskService.createTaskQuery().taskId(approval).singleResult().getDueDate())
        .as("the approval is due with the handling").isNotNull();
  }
}
