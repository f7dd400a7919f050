package vn.khcn.workflow.outgoing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The Director's form of written authorisations (/drafts/signing-authorisations, ADR 0032). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SigningAuthorisationPageTest {

  static final RequestPostProcessor DIRECTOR = user("giamdoc").authorities(() -> "lanh-dao");
  static final RequestPostProcessor DEPUTY = user("phogiamdoc").authorities(() -> "lanh-dao");
  static final RequestPostProcessor HEAD = user("tp.qlkh").authorities(() -> "phong-qlkh");

  @Autowired WebApplicationContext context;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;
  MockMvc mvc;

  @BeforeEach
  void setUp() {
    mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
  }

  String page(RequestPostProcessor who) throws Exception {
    return mvc.perform(get("/drafts/signing-authorisations").with(who))
        .andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  MvcResult give(RequestPostProcessor who, String grantee, String reference) throws Exception {
    LocalDate today = LocalDate.now(clock);
    return mvc.perform(post("/drafts/signing-authorisations").with(who).with(csrf())
        .param("grantee", grantee).param("validFrom", today.toString())
        .param("validTo", today.plusDays(7).toString()).param("documentTypes", "Tờ trình")
        .param("reference", reference)).andExpect(status().is3xxRedirection()).andReturn();
  }

  @Test
  void theDirectorGivesAndRevokesOthersOnlyRead() throws Exception {
    assertThat(page(DIRECTOR)).contains("id=\"new-authorisation\"");
    assertThat(page(DEPUTY)).doesNotContain("id=\"new-authorisation\"");
    assertThat(page(HEAD)).doesNotContain("id=\"new-authorisation\"");

    MvcResult refused = give(DEPUTY, "tp.qlkh", "GUQ trang 01");
    assertThat(refused.getFlashMap().get("problems").toString()).contains("Chỉ Giám đốc Sở");
    MvcResult invalid = give(DIRECTOR, "cv.qlkh", "GUQ trang 02");
    assertThat(invalid.getFlashMap().get("problems").toString())
        .contains("grantee", "không phải là người đứng đầu");
    assertThat(jdbc.queryForObject("select count(*) from signing_authorisation where reference"
        + " like 'GUQ trang%'", Integer.class)).isZero();

    MvcResult given = give(DIRECTOR, "tp.qlkh", "GUQ trang 03");
    assertThat(given.getFlashMap().get("message").toString())
        .contains("Đã ghi giấy ủy quyền GUQ trang 03", "tp.qlkh", "Tờ trình");
    Long id = jdbc.queryForObject("select id from signing_authorisation where reference ="
        + " 'GUQ trang 03'", Long.class);
    assertThat(page(HEAD)).contains("GUQ trang 03").doesNotContain("/revoke");
    MvcResult again = give(HEAD, "tp.qlcn", "GUQ trang 04");
    assertThat(again.getFlashMap().get("problems").toString()).contains("không được ủy quyền lại");

    MvcResult revoked = mvc.perform(post("/drafts/signing-authorisations/" + id + "/revoke")
        .with(DIRECTOR).with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
    assertThat(revoked.getFlashMap().get("message").toString()).contains("Đã thu hồi");
    assertThat(page(DIRECTOR)).contains("Đã thu hồi");
  }
}
