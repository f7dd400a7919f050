package vn.khcn.workflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.khcn.workflow.support.TestHttp;
import vn.khcn.workflow.support.TestHttp.Response;

/**
 * Part of scenario bad-input: HTML and script in text fields are stored as the text typed and
 * escaped in every page that shows them (the inbox list and the item).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MarkupKeptAsTextTest {

  static final String HOSTILE = "<script>alert('xss')</script><img src=x onerror=alert(1)>";

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired WebApplicationContext context;

  @Test
  void markupIsStoredAsTextAndEscapedInThePages() throws Exception {
    TestHttp api = TestHttp.of(rest);
    Response created = api.post("vanthu", "/api/incoming-documents",
        Map.of("issuer", "Ủy ban nhân dân thành phố Cần Thơ", "documentNumber",
            "XSS/" + System.nanoTime(), "issuedOn", "2026-11-02", "documentType", "Công văn",
            "summary", "Trích yếu " + HOSTILE, "urgency", "NORMAL"));
    assertThat(created.status()).isEqualTo(201);
    String pi = created.body().get("processInstanceId").asText();
    long id = created.body().get("id").asLong();
    String stored = api.get("vanthu", "/api/incoming-documents/" + id).text();
    assertThat(stored).contains("<script>alert('xss')</script>");

    MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    var director = user("giamdoc").authorities(() -> "lanh-dao");
    String list = mvc.perform(get("/inbox").with(director)).andReturn().getResponse()
        .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    Task task = taskService.createTaskQuery().processInstanceId(pi).singleResult();
    String item = mvc.perform(get("/inbox/" + task.getId()).with(director)).andReturn()
        .getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    for (String page : new String[] {list, item}) {
      assertThat(page).contains("&lt;script&gt;").doesNotContain("<script>alert")
          .doesNotContain("<img src=x");
    }
  }
}
