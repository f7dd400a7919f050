package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The registers' pages: closing a year on /documents/registers, importing on /admin/registers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RegisterPageTest {

  static final RequestPostProcessor VAN_THU = user("vanthu").authorities(() -> "van-thu");
  static final RequestPostProcessor DIRECTOR = user("giamdoc").authorities(() -> "lanh-dao");
  static final RequestPostProcessor QLKH = user("cv.qlkh").authorities(() -> "phong-qlkh");
  static final RequestPostProcessor ADMIN = user("admin").authorities(() -> "camunda-admin");

  @Autowired WebApplicationContext context;
  @Autowired RegisterClosures closures;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;
  MockMvc mvc;

  @BeforeEach
  void setUp() {
    mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
  }

  String page(RequestPostProcessor who) throws Exception {
    return mvc.perform(get("/documents/registers").with(who)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  @Test
  void nextYearsCounterCreatedAheadIsNotShownAsARegister() throws Exception {
    int nextYear = LocalDate.now(clock).getYear() + 1;
    assertThat(jdbc.queryForObject("select count(*) from incoming_number_counter"
        + " where counter_year = ?", Integer.class, nextYear)).as("created ahead").isPositive();
    assertThat(page(VAN_THU)).contains("register-" + (nextYear - 1))
        .doesNotContain("register-" + nextYear);
  }

  @Test
  void theClerkAsksOnThePageADirectorConfirmsAndThePageRefusesTheClosedYear() throws Exception {
    int year = 1997;
    String lastYear = "register-" + (LocalDate.now(clock).getYear() - 1);
    assertThat(page(VAN_THU)).contains("Sổ đăng ký").contains(lastYear)
        .contains("Đề nghị khóa sổ");
    mvc.perform(get("/documents/registers").with(QLKH)).andExpect(status().isForbidden());

    MvcResult unconfirmed = mvc.perform(post("/documents/registers/" + year + "/close")
        .with(VAN_THU).with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
    assertThat(unconfirmed.getFlashMap().get("error").toString()).contains("ô xác nhận");
    assertThat(closures.closure(year)).isEmpty();
    mvc.perform(post("/documents/registers/" + year + "/close").param("confirm", "yes")
        .with(VAN_THU)).andExpect(status().isForbidden());

    MvcResult asked = mvc.perform(post("/documents/registers/" + year + "/close")
        .param("confirm", "yes").with(VAN_THU).with(csrf())).andReturn();
    assertThat(asked.getFlashMap().get("message").toString()).contains("chờ lãnh đạo xác nhận");
    MvcResult byUnit = mvc.perform(post("/documents/registers/" + year + "/close")
        .param("confirm", "yes").with(QLKH).with(csrf())).andReturn();
    assertThat(byUnit.getFlashMap().get("error").toString()).contains("Chỉ văn thư và lãnh đạo");
    assertThat(page(DIRECTOR)).contains("Xác nhận khóa sổ").contains("Chờ lãnh đạo xác nhận");

    MvcResult confirmed = mvc.perform(post("/documents/registers/" + year + "/close")
        .param("confirm", "yes").with(DIRECTOR).with(csrf())).andReturn();
    assertThat(confirmed.getFlashMap().get("message").toString())
        .startsWith("Sổ đăng ký văn bản đến năm " + year + " kết thúc tại số 0");
    assertThat(closures.closure(year).orElseThrow().confirmed()).isTrue();
    assertThat(page(VAN_THU)).contains("Đã khóa").contains("khóa ngày");
    MvcResult twice = mvc.perform(post("/documents/registers/" + year + "/close")
        .param("confirm", "yes").with(DIRECTOR).with(csrf())).andReturn();
    assertThat(twice.getFlashMap().get("error").toString()).contains("đã khóa");

    long before = jdbc.queryForObject("select count(*) from incoming_document", Long.class);
    String form = mvc.perform(multipart("/documents/new").param("documentType", "Công văn")
            .param("documentNumber", "7-CV/TU").param("issuedOn", year + "-06-01")
            .param("issuer", "Thành ủy Cần Thơ").param("summary", "Vào năm đã khóa")
            .param("urgency", "NORMAL").param("classification", "NONE")
            .param("receivedOn", year + "-06-02").with(VAN_THU).with(csrf()))
        .andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
    assertThat(form).contains("receivedOn-error")
        .contains("Sổ đăng ký văn bản đến năm " + year + " đã khóa");
    assertThat(jdbc.queryForObject("select count(*) from incoming_document", Long.class))
        .isEqualTo(before);
  }

  @Test
  void theAdministratorImportsOnThePageAndSeesEveryBadRow() throws Exception {
    int year = 1998;
    mvc.perform(get("/admin/registers").with(VAN_THU)).andExpect(status().isForbidden());
    String empty = mvc.perform(get("/admin/registers").with(ADMIN)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(empty).contains("incomingNumber").contains("Số đến").contains("Nhập sổ");

    String bad = RegisterApiTest.CSV_HEADER + "\n"
        + "1,02/03/1998,,1-CV/TU,01/03/1998,Công văn,Thiếu tác giả,,,,,\n";
    String refused = mvc.perform(multipart("/admin/registers/import")
            .file(new MockMultipartFile("file", "so.csv", "text/csv",
                bad.getBytes(StandardCharsets.UTF_8)))
            .param("year", String.valueOf(year)).with(ADMIN).with(csrf()))
        .andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
    assertThat(refused).contains("Không nhập dòng nào").contains("rows[2].issuer");

    String good = "\uFEFF" + RegisterApiTest.CSV_HEADER + "\n"
        + "41,02/03/1998,Thành ủy Cần Thơ,1-CV/TU,01/03/1998,Công văn,Trích yếu,,,,,\n";
    String imported = mvc.perform(multipart("/admin/registers/import")
            .file(new MockMultipartFile("file", "so.csv", "text/csv",
                good.getBytes(StandardCharsets.UTF_8)))
            .param("year", String.valueOf(year)).with(ADMIN).with(csrf()))
        .andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
    assertThat(imported).contains("Đã nhập 1 văn bản vào sổ năm " + year)
        .contains("nhận số 42");
    assertThat(jdbc.queryForObject("select count(*) from incoming_document where doc_year = ?",
        Integer.class, year)).isEqualTo(1);
  }
}
