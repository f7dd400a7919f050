package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.setup.MockMvcBuilders.webAppContextSetup;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;
import vn.khcn.workflow.calendar.WorkingCalendar;
import vn.khcn.workflow.support.TestHttp;

/**
 * Direction items on the pages: the registration page keeps the extract's items (hidden field),
 * the director's inbox page proposes them and assigns the ticked ones; a bad item sends the
 * director back to the form with nothing recorded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DirectionItemsPageTest {

  static final RequestPostProcessor VAN_THU = user("vanthu").authorities(() -> "van-thu");
  static final RequestPostProcessor DIRECTOR = user("giamdoc").authorities(() -> "lanh-dao");

  @Autowired WebApplicationContext context;
  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired WorkingCalendar calendar;
  @Autowired Clock clock;
  MockMvc mvc;
  TestHttp api;

  @BeforeEach
  void setUp() {
    mvc = webAppContextSetup(context).apply(
        org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers
            .springSecurity()).build();
    api = TestHttp.of(rest);
  }

  long registerOnThePage(String itemsJson) throws Exception {
    MockMultipartHttpServletRequestBuilder form = multipart("/documents/new");
    form.param("documentType", "Công văn").param("documentNumber", UUID.randomUUID().toString()
        .substring(0, 8) + "-CV/TU").param("issuedOn", "2024-11-28")
        .param("issuer", "Thành ủy Cần Thơ")
        .param("summary", "Tăng cường sự lãnh đạo của Đảng đối với hoạt động của Liên hiệp các Hội")
        .param("urgency", "NORMAL").param("classification", "NONE")
        .param("receivedOn", LocalDate.now(clock).toString()).param("itemsJson", itemsJson);
    MvcResult result = mvc.perform(form.with(VAN_THU).with(csrf())).andReturn();
    assertThat(result.getResponse().getStatus()).as(result.getResponse()
        .getContentAsString(StandardCharsets.UTF_8)).isEqualTo(302);
    String location = result.getResponse().getRedirectedUrl();
    return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
  }

  @Test
  void theRegistrationPageKeepsTheItemsAndTheInboxPageAssignsTheTickedOnes() throws Exception {
    long id = registerOnThePage("[{\"label\":\"4\",\"text\":\"Hướng dẫn các tổ chức thành"
        + " viên.\",\"bodies\":[\"Phòng Quản lý khoa học\"]},{\"label\":\"7\",\"text\":\"Định"
        + " kỳ báo cáo kết quả.\",\"bodies\":[]}]");
    String page = mvc.perform(get("/documents/" + id).with(VAN_THU)).andReturn().getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("Các mục giao việc", "Hướng dẫn các tổ chức thành viên.");

    JsonNode details = api.get("giamdoc", "/api/incoming-documents/" + id).body();
    String task = taskService.createTaskQuery()
        .processInstanceId(details.get("processInstanceId").asText()).singleResult().getId();
    String form = mvc.perform(get("/inbox/" + task).with(DIRECTOR)).andReturn().getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
    assertThat(form).contains("Giao việc theo mục", "name=\"item_0_label\"",
        "name=\"item_1_reportEvery\"");
    assertThat(form).as("item 4 names Phòng Quản lý khoa học: proposed as its lead")
        .contains("value=\"phong-qlkh\" selected=\"selected\"");

    LocalDate due = calendar.addWorkingDays(LocalDate.now(clock), 6);
    MvcResult refused = mvc.perform(direction(task, due).param("item_0_lead", "phong-xyz"))
        .andReturn();
    assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/inbox/" + task);
    assertThat(api.get("giamdoc", "/api/incoming-documents/" + id + "/items").body()
        .get("directionItems")).as("nothing recorded").isEmpty();

    MvcResult done = mvc.perform(direction(task, due).param("item_0_lead", "phong-qlkh"))
        .andReturn();
    assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/inbox");
    JsonNode items = api.get("giamdoc", "/api/incoming-documents/" + id + "/items").body()
        .get("directionItems");
    assertThat(items).hasSize(1);
    assertThat(items.get(0).get("label").asText()).isEqualTo("4");
    assertThat(items.get(0).get("coordinating").get(0).asText()).isEqualTo("phong-khtc");
    assertThat(api.get("giamdoc", "/api/incoming-documents/" + id).body().get("assignments")
        .toString()).contains("phong-khtc", "phong-qlkh").doesNotContain("phong-qlcn");
  }

  /** Ticks item 4 (index 0) with a co-ordinating unit, leaves item 7 unticked. */
  MockHttpServletRequestBuilder direction(String task, LocalDate due) {
    return post("/inbox/" + task + "/direction").with(DIRECTOR).with(csrf())
        .param("direction", "Giao theo mục.").param("dueDate", due.toString())
        .param("item_0_label", "4").param("item_0_include", "true")
        .param("item_0_coordinating", "phong-khtc").param("item_0_dueDate", due.toString())
        .param("item_1_label", "7").param("item_1_lead", "phong-qlcn");
  }
}
