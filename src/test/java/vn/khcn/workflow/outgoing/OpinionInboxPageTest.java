package vn.khcn.workflow.outgoing;

import vn.khcn.workflow.shared.tx.AfterCommitExecutor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.khcn.workflow.support.TestHttp;

/**
 * Opinion requests answered from the inbox: a director on /inbox, a unit head on /inbox/opinions,
 * the item page with the draft's summary and latest body; only the party asked (403 otherwise),
 * only while the round is open, the actor the person signed in whatever the form adds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OpinionInboxPageTest {

  static final RequestPostProcessor DIRECTOR = user("giamdoc").authorities(() -> "lanh-dao");
  static final RequestPostProcessor QLCN_HEAD = user("tp.qlcn").authorities(() -> "phong-qlcn");
  static final RequestPostProcessor QLCN_STAFF = user("cv.qlcn").authorities(() -> "phong-qlcn");
  static final RequestPostProcessor KHTC = user("cv.khtc").authorities(() -> "phong-khtc");
  static final RequestPostProcessor DRAFTER = user("cv.qlkh").authorities(() -> "phong-qlkh");

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired AfterCommitExecutor afterCommit;
  @Autowired WebApplicationContext context;
  MockMvc mvc;
  OutgoingFlow flow;
  TestHttp api;

  @BeforeEach
  void setUp() {
    mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    api = TestHttp.of(rest);
    flow = new OutgoingFlow(api, jdbc, afterCommit);
  }

  @Test
  void aDirectorAndAUnitAnswerFromTheInboxOthersAreRefusedAndNothingAfterTheClose()
      throws Exception {
    long id = flow.draft("cv.qlkh", OutgoingFixtures.draft("Về việc góp ý từ hộp việc"));
    String base = "/api/outgoing-documents/" + id;
    assertThat(api.post("cv.qlkh", base + "/opinion-requests", OpinionRoundCloseTest.ask(
        List.of("giamdoc", "phong-qlcn", "tp.khtc"))).status()).isEqualTo(201);
    String item = "/inbox/opinions/" + id;

    // the director sees it on /inbox, with the draft's summary and its latest body on the item
    mvc.perform(get("/inbox").with(DIRECTOR)).andExpect(status().isOk())
        .andExpect(content().string(containsString("href=\"" + item + "\"")))
        .andExpect(content().string(containsString("Về việc góp ý từ hộp việc")));
    mvc.perform(get(item).with(DIRECTOR)).andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"opinion-answer\"")))
        .andExpect(content().string(containsString("Xin góp ý")))
        .andExpect(content().string(containsString("van-ban-" + id + ".pdf")));
    // a unit member who was not asked, and a unit not asked: 403 on the page and the answer
    for (RequestPostProcessor outsider : List.of(KHTC, DRAFTER)) {
      mvc.perform(get(item).with(outsider)).andExpect(status().isForbidden());
      mvc.perform(multipart(item + "/answer").with(outsider).with(csrf())
          .param("position", "AGREE")).andExpect(status().isForbidden());
    }
    mvc.perform(get("/inbox/opinions").with(KHTC)).andExpect(status().isOk())
        .andExpect(content().string(not(containsString(item))));
    // a bad answer is named under its field, nothing stored
    MvcResult bad = mvc.perform(multipart(item + "/answer").with(DIRECTOR).with(csrf())
        .param("position", "DISAGREE")).andExpect(redirectedUrl(item)).andReturn();
    assertThat(bad.getFlashMap().get("errors")).isEqualTo(Map.of("text",
        List.of("nội dung góp ý là bắt buộc")));
    mvc.perform(multipart(item + "/answer").with(DIRECTOR).with(csrf())
            .param("position", "MAYBE"))
        .andExpect(flash().attribute("errors", Map.of("position", List.of("ý kiến phải là AGREE"
            + " (đồng ý), AGREE_WITH_COMMENTS (đồng ý, có góp ý) hoặc DISAGREE (không đồng ý)"))));
    assertThat(flow.count("outgoing_opinion", "document_id = ?", id)).isZero();

    // the director answers with a file; the fields the form does not have are not read
    mvc.perform(multipart(item + "/answer")
            .file(new MockMultipartFile("files", "gop-y.pdf", "application/pdf",
                OutgoingFixtures.pdf()))
            .file(new MockMultipartFile("files", "", "application/octet-stream", new byte[0]))
            .with(DIRECTOR).with(csrf()).param("position", "AGREE_WITH_COMMENTS")
            .param("text", "Bổ sung căn cứ pháp lý").param("answeredBy", "phogiamdoc")
            .param("requestId", "1"))
        .andExpect(redirectedUrl("/inbox"))
        .andExpect(flash().attribute("message", "Đã gửi ý kiến góp ý."));
    assertThat(flow.count("outgoing_opinion", "document_id = ? and answered_by = 'giamdoc'"
        + " and position = 'AGREE_WITH_COMMENTS'", id)).isEqualTo(1);
    assertThat(flow.count("outgoing_opinion_file f join outgoing_opinion o on o.id ="
        + " f.opinion_id", "o.document_id = ? and f.file_name = 'gop-y.pdf'", id)).isEqualTo(1);
    // answered once: the form is gone, a second answer is refused as a conflict
    mvc.perform(get(item).with(DIRECTOR))
        .andExpect(content().string(not(containsString("id=\"opinion-answer\""))));
    mvc.perform(multipart(item + "/answer").with(DIRECTOR).with(csrf())
        .param("position", "AGREE")).andExpect(flash().attributeExists("problems"));

    // the unit asked: its head finds it on /inbox/opinions (no directors' inbox for him)
    mvc.perform(get("/inbox").with(QLCN_HEAD)).andExpect(status().isForbidden());
    mvc.perform(get("/inbox/opinions").with(QLCN_HEAD)).andExpect(status().isOk())
        .andExpect(content().string(containsString("href=\"" + item + "\"")));
    mvc.perform(multipart(item + "/answer").with(QLCN_HEAD).with(csrf())
            .param("position", "AGREE"))
        .andExpect(redirectedUrl("/inbox/opinions"));
    // the unit answered once for all its members
    mvc.perform(multipart(item + "/answer").with(QLCN_STAFF).with(csrf())
        .param("position", "AGREE")).andExpect(flash().attributeExists("problems"));

    // the drafter closes the round: the head of another unit can no longer answer
    assertThat(api.post("cv.qlkh", base + "/opinion-round/close", null).status()).isEqualTo(200);
    RequestPostProcessor khtcHead = user("tp.khtc").authorities(() -> "phong-khtc");
    mvc.perform(get(item).with(khtcHead)).andExpect(status().isOk())
        .andExpect(content().string(containsString("Vòng lấy ý kiến đã đóng")));
    mvc.perform(multipart(item + "/answer").with(khtcHead).with(csrf())
            .param("position", "AGREE"))
        .andExpect(flash().attribute("problems", List.of("Vòng lấy ý kiến đã đóng hoặc ý kiến"
            + " đã được gửi")));
    assertThat(flow.count("outgoing_opinion", "document_id = ?", id)).isEqualTo(3);
    assertThat(flow.count("outgoing_opinion", "document_id = ? and position = 'NO_OPINION'", id))
        .isEqualTo(1);
    mvc.perform(get("/inbox/opinions").with(khtcHead))
        .andExpect(content().string(not(containsString(item))));
  }
}
