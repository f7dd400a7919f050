package vn.khcn.workflow.outgoing;

import vn.khcn.workflow.shared.tx.AfterCommitExecutor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.khcn.workflow.outgoing.OutgoingDocumentProcess.Tasks;
import vn.khcn.workflow.support.TestHttp;

/**
 * The drafter's opinion forms on /drafts/{id}: ask, accept or explain, an outside body's opinion,
 * close the round, finish the consolidation; refused input shown under its field with nothing
 * stored; other people refused; extra fields not read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DraftOpinionPageTest {

  static final RequestPostProcessor DRAFTER = user("cv.qlkh").authorities(() -> "phong-qlkh");
  static final RequestPostProcessor HEAD = user("tp.qlkh").authorities(() -> "phong-qlkh");
  static final RequestPostProcessor KHTC = user("cv.khtc").authorities(() -> "phong-khtc");

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired AfterCommitExecutor afterCommit;
  @Autowired TaskService taskService;
  @Autowired WebApplicationContext context;
  MockMvc mvc;
  OutgoingFlow flow;

  @BeforeEach
  void setUp() {
    mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    flow = new OutgoingFlow(TestHttp.of(rest), jdbc, afterCommit);
  }

  static String inDays(int days) {
    return LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(days).toString();
  }

  @Test
  void theDrafterAsksResolvesRecordsAnOutsideOpinionClosesAndConsolidatesOnThePage()
      throws Exception {
    long id = flow.draft("cv.qlkh", OutgoingFixtures.draft("Về việc góp ý trên trang dự thảo"));
    String page = "/drafts/" + id;
    mvc.perform(get(page).with(DRAFTER)).andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"ask-form\"")))
        .andExpect(content().string(not(containsString("id=\"close-round\""))));
    // someone else sees no drafter's form
    mvc.perform(get(page).with(HEAD)).andExpect(status().isOk())
        .andExpect(content().string(not(containsString("id=\"ask-form\""))));

    // ask a unit and a person; an extra field ("round") is not read
    mvc.perform(post(page + "/opinion-requests").with(DRAFTER).with(csrf())
            .param("units", "phong-khtc").param("users", "tp.qlcn")
            .param("dueDate", inDays(7)).param("note", "Xin góp ý dự thảo")
            .param("round", "9").param("drafter", "giamdoc"))
        .andExpect(redirectedUrl(page + "#opinions"))
        .andExpect(flash().attribute("message", "Đã xin ý kiến góp ý."));
    assertThat(flow.count("outgoing_opinion_request", "document_id = ? and round_no = 1"
        + " and asked_by = 'cv.qlkh'", id)).isEqualTo(2);
    assertThat(openTasks(id, Tasks.GIVE_OPINION)).isEqualTo(2);
    mvc.perform(get(page).with(DRAFTER))
        .andExpect(content().string(containsString("id=\"close-round\"")))
        .andExpect(content().string(not(containsString("id=\"ask-form\""))));

    // the unit answers; the drafter explains without a reason: refused under its field
    mvc.perform(post(page + "/opinions").with(KHTC).with(csrf())
            .param("position", "DISAGREE").param("text", "Chưa rõ căn cứ"))
        .andExpect(flash().attribute("message", "Đã gửi ý kiến góp ý."));
    long opinion = jdbc.queryForObject("select id from outgoing_opinion where document_id = ?",
        Long.class, id);
    MockHttpSession session = new MockHttpSession();
    mvc.perform(post(page + "/opinions/" + opinion + "/resolution").with(DRAFTER).with(csrf())
            .session(session).param("accepted", "false"))
        .andExpect(redirectedUrl(page + "#opinions"));
    mvc.perform(get(page).with(DRAFTER).session(session))
        .andExpect(content().string(containsString("nội dung giải trình là bắt buộc")));
    assertThat(flow.count("outgoing_opinion", "id = ? and resolution is null", opinion))
        .isEqualTo(1);
    // another person resolves: 403, nothing stored
    mvc.perform(post(page + "/opinions/" + opinion + "/resolution").with(HEAD).with(csrf())
            .param("accepted", "true")).andExpect(status().isForbidden());
    mvc.perform(post(page + "/opinions/" + opinion + "/resolution").with(DRAFTER).with(csrf())
            .param("accepted", "false").param("explanation", "Căn cứ Nghị định 30/2020"))
        .andExpect(flash().attribute("message", "Đã ghi tiếp thu, giải trình."));
    assertThat(flow.count("outgoing_opinion", "id = ? and resolution = 'EXPLAINED'"
        + " and explanation = 'Căn cứ Nghị định 30/2020'", opinion)).isEqualTo(1);

    // an outside body's opinion: a bad incoming id is named, then recorded with its document
    MockHttpSession outside = new MockHttpSession();
    mvc.perform(post(page + "/outside-opinions").with(DRAFTER).with(csrf()).session(outside)
        .param("body", "Sở Tài chính").param("incomingDocumentId", "abc")
        .param("position", "AGREE"));
    mvc.perform(get(page).with(DRAFTER).session(outside))
        .andExpect(content().string(containsString("mã văn bản đến phải là một số")))
        .andExpect(content().string(containsString("value=\"Sở Tài chính\"")));
    long incoming = incomingDocument();
    mvc.perform(post(page + "/outside-opinions").with(DRAFTER).with(csrf())
            .param("body", "Sở Tài chính").param("incomingDocumentId", String.valueOf(incoming))
            .param("position", "AGREE_WITH_COMMENTS").param("text", "Thống nhất, bổ sung nguồn"))
        .andExpect(flash().attribute("message", "Đã ghi ý kiến của cơ quan ngoài."));
    assertThat(flow.count("outgoing_opinion", "document_id = ? and outside_body = 'Sở Tài chính'"
        + " and incoming_document_id = ?", id, incoming)).isEqualTo(1);

    // consolidation before the round ended: refused as a conflict on the page
    mvc.perform(post(page + "/consolidation").with(DRAFTER).with(csrf()))
        .andExpect(flash().attribute("problems", List.of("Không có việc tổng hợp ý kiến đang chờ"
            + " (vòng lấy ý kiến chưa xong hoặc đã tổng hợp)")));
    // close early: the person asked has no opinion; only the drafter closes
    mvc.perform(post(page + "/opinion-round/close").with(HEAD).with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(post(page + "/opinion-round/close").with(DRAFTER).with(csrf()))
        .andExpect(flash().attribute("message", "Đã đóng vòng lấy ý kiến."));
    assertThat(openTasks(id, Tasks.GIVE_OPINION)).isZero();
    assertThat(flow.count("outgoing_opinion", "document_id = ? and position = 'NO_OPINION'", id))
        .isEqualTo(1);
    // the outside opinion is still unresolved: the consolidation is refused, named on the page
    MvcResult refused = mvc.perform(post(page + "/consolidation").with(DRAFTER).with(csrf()))
        .andReturn();
    assertThat(refused.getFlashMap().get("problems")).asString().contains("Sở Tài chính");
    assertThat(openTasks(id, Tasks.CONSOLIDATE)).isEqualTo(1);
    long second = jdbc.queryForObject("select id from outgoing_opinion where document_id = ?"
        + " and outside_body is not null", Long.class, id);
    mvc.perform(post(page + "/opinions/" + second + "/resolution").with(DRAFTER).with(csrf())
        .param("accepted", "true"));
    mvc.perform(get(page).with(DRAFTER))
        .andExpect(content().string(containsString("id=\"opinion-table-pdf\"")))
        .andExpect(content().string(containsString("Không có ý kiến")))
        .andExpect(content().string(containsString("id=\"consolidate\"")));
    // the unit head cannot finish the drafter's consolidation
    mvc.perform(post(page + "/consolidation").with(HEAD).with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(post(page + "/consolidation").with(DRAFTER).with(csrf()))
        .andExpect(flash().attribute("message", "Đã hoàn thành tổng hợp ý kiến, dự thảo được"
            + " trình kiểm tra nội dung."));
    assertThat(openTasks(id, Tasks.CHECK_CONTENT)).isEqualTo(1);
    // after the round: nothing more to close, no more answers
    mvc.perform(post(page + "/opinion-round/close").with(DRAFTER).with(csrf()))
        .andExpect(flash().attributeExists("problems"));
  }

  @Test
  void aBadDueDateOrAnUnknownPartyIsNamedOnThePageAndNothingIsAsked() throws Exception {
    long id = flow.draft("cv.qlkh", OutgoingFixtures.draft("Về việc hạn góp ý sai"));
    String page = "/drafts/" + id;
    MockHttpSession session = new MockHttpSession();
    mvc.perform(post(page + "/opinion-requests").with(DRAFTER).with(csrf()).session(session)
            .param("units", "phong-khtc").param("users", "khong-co-ai")
            .param("dueDate", "2020-01-01").param("note", "Ghi chú đã gõ"))
        .andExpect(redirectedUrl(page + "#opinions"));
    mvc.perform(get(page).with(DRAFTER).session(session))
        .andExpect(content().string(containsString("hạn góp ý đã qua")))
        .andExpect(content().string(containsString(
            "không có đơn vị hay người dùng &#39;khong-co-ai&#39;")))
        .andExpect(content().string(containsString("Ghi chú đã gõ")));
    for (String due : List.of("14/12/2026", "")) {
      MvcResult result = mvc.perform(post(page + "/opinion-requests").with(DRAFTER).with(csrf())
          .param("units", "phong-khtc").param("dueDate", due)).andReturn();
      @SuppressWarnings("unchecked")
      Map<String, List<String>> errors = (Map<String, List<String>>) result.getFlashMap()
          .get("opinionErrors");
      assertThat(errors).as(due).containsKey("dueDate");
    }
    // no unit, no person
    mvc.perform(post(page + "/opinion-requests").with(DRAFTER).with(csrf())
            .param("dueDate", inDays(3)))
        .andExpect(flash().attribute("opinionErrors", Map.of("from",
            List.of("chưa chọn đơn vị hay người được xin ý kiến"))));
    // someone else than the drafter: 403
    mvc.perform(post(page + "/opinion-requests").with(HEAD).with(csrf())
        .param("units", "phong-khtc").param("dueDate", inDays(3)))
        .andExpect(status().isForbidden());
    // without the CSRF token: refused
    mvc.perform(post(page + "/opinion-requests").with(DRAFTER)
        .param("units", "phong-khtc").param("dueDate", inDays(3)))
        .andExpect(status().isForbidden());
    assertThat(flow.count("outgoing_opinion_request", "document_id = ?", id)).isZero();
    assertThat(openTasks(id, Tasks.DRAFT)).isEqualTo(1);
  }

  private long openTasks(long id, String key) {
    return taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(id))
        .taskDefinitionKey(key).count();
  }

  /** An incoming document the drafter may see (registered by the registry, unclassified). */
  private long incomingDocument() {
    TestHttp.Response registered = TestHttp.of(rest).post("vanthu", "/api/incoming-documents",
        OutgoingFixtures.incoming("9" + System.nanoTime() % 100000 + "/STC-NS", "NONE"));
    assertThat(registered.status()).as(registered.text()).isEqualTo(201);
    return registered.body().get("id").asLong();
  }
}
