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
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The close button on the outgoing register (/drafts): the registry clerk only, confirmed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OutgoingRegisterClosingPageTest {

  static final RequestPostProcessor VAN_THU = user("vanthu").authorities(() -> "van-thu");
  static final RequestPostProcessor OFFICE = user("cv.vp").authorities(() -> "van-phong");
  static final RequestPostProcessor DIRECTOR = user("giamdoc").authorities(() -> "lanh-dao");

  @Autowired WebApplicationContext context;
  @Autowired OutgoingRegisterClosures closures;
  @Autowired Clock clock;
  MockMvc mvc;

  @BeforeEach
  void setUp() {
    mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
  }

  String page(RequestPostProcessor who) throws Exception {
    return mvc.perform(get("/drafts").with(who)).andExpect(status().isOk()).andReturn()
        .getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  MvcResult close(RequestPostProcessor who, int year, String confirm) throws Exception {
    var request = post("/drafts/registers/close").param("year", String.valueOf(year))
        .with(who).with(csrf());
    if (confirm != null) {
      request.param("confirm", confirm);
    }
    return mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn();
  }

  @Test
  void onlyTheClerkSeesAndUsesTheButtonAfterConfirming() throws Exception {
    int lastYear = LocalDate.now(clock).getYear() - 1;
    if (closures.closingLine(lastYear, false).isEmpty()) {
      assertThat(page(VAN_THU)).contains("id=\"register-close\"")
          .contains("Khóa sổ văn bản đi năm " + lastYear);
    }
    assertThat(page(OFFICE)).contains("Sổ đăng ký văn bản đi").doesNotContain("register-close");
    assertThat(page(DIRECTOR)).doesNotContain("register-close");

    int year = 1996;
    MvcResult office = close(OFFICE, year, "yes");
    assertThat(office.getFlashMap().get("error").toString()).contains("Chỉ Văn thư");
    MvcResult unconfirmed = close(VAN_THU, year, null);
    assertThat(unconfirmed.getFlashMap().get("error").toString()).contains("ô xác nhận");
    assertThat(closures.closures(year)).isEmpty();
    mvc.perform(post("/drafts/registers/close").param("year", String.valueOf(year))
        .param("confirm", "yes").with(VAN_THU)).andExpect(status().isForbidden()); // no CSRF
    assertThat(closures.closures(year)).isEmpty();

    MvcResult closed = close(VAN_THU, year, "yes");
    assertThat(closed.getFlashMap().get("message").toString())
        .isEqualTo(closures.closingLine(year, false).orElseThrow())
        .startsWith("Sổ đăng ký văn bản đi năm 1996 kết thúc tại số 0");
    MvcResult again = close(VAN_THU, year, "yes");
    assertThat(again.getFlashMap().get("error").toString()).contains("đã khóa ngày");
    MvcResult thisYear = close(VAN_THU, LocalDate.now(clock).getYear(), "yes");
    assertThat(thisYear.getFlashMap().get("error").toString()).contains("chưa kết thúc");
  }
}
