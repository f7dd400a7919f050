package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.khcn.workflow.support.TestHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The registry desk's pages: registration in the browser and the document page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DocumentPageTest {

  static final RequestPostProcessor VAN_THU = user("vanthu").authorities(() -> "van-thu");
  static final RequestPostProcessor DIRECTOR = user("giamdoc").authorities(() -> "lanh-dao");
  static final RequestPostProcessor QLKH = user("cv.qlkh").authorities(() -> "phong-qlkh");
  static final RequestPostProcessor QLCN = user("cv.qlcn").authorities(() -> "phong-qlcn");
  static final byte[] PDF = "%PDF-1.4\n% Công văn\n".getBytes(StandardCharsets.UTF_8);
  static final Pattern LOCATION = Pattern.compile("/documents/(\\d+)");

  @Autowired WebApplicationContext context;
  @Autowired IncomingDocumentRepository documents;
  @Autowired AttachmentRepository attachments;
  @Autowired AssignmentRepository assignments;
  @Autowired Clock clock;
  @LocalServerPort int port;
  MockMvc mvc;

  @BeforeEach
  void setUp() {
    mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
  }

  Map<String, String> fields(String documentNumber) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("documentType", "Chương trình");
    fields.put("documentNumber", documentNumber);
    fields.put("issuedOn", "2026-11-02");
    fields.put("issuer", "Thành ủy Cần Thơ");
    fields.put("summary", "Chương trình thực hiện Nghị quyết số 45-NQ/TW về đội ngũ trí thức");
    fields.put("signerPosition", "Phó Bí thư");
    fields.put("signerName", "Nguyễn Văn Hòa");
    fields.put("language", "Tiếng Việt");
    fields.put("documentDueDate", "2026-12-31");
    fields.put("pageCount", "12");
    fields.put("urgency", "NORMAL");
    fields.put("classification", "NONE");
    fields.put("receivedOn", LocalDate.now(clock).toString());
    fields.put("recipients", "Các sở, ban, ngành");
    fields.put("notes", "");
    return fields;
  }

  MockMultipartHttpServletRequestBuilder form(Map<String, String> fields,
      MockMultipartFile... files) {
    MockMultipartHttpServletRequestBuilder request = multipart("/documents/new");
    fields.forEach(request::param);
    for (MockMultipartFile file : files) {
      request.file(file);
    }
    return request;
  }

  static MockMultipartFile pdf(String name) {
    return new MockMultipartFile("files", name, "application/pdf", PDF);
  }

  long registered(MvcResult result) {
    assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsByteArray()
        .length + " bytes").isEqualTo(302);
    Matcher id = LOCATION.matcher(result.getResponse().getRedirectedUrl());
    assertThat(id.matches()).as(result.getResponse().getRedirectedUrl()).isTrue();
    return Long.parseLong(id.group(1));
  }

  long register(Map<String, String> fields, MockMultipartFile... files) throws Exception {
    return registered(mvc.perform(form(fields, files).with(VAN_THU).with(csrf())).andReturn());
  }

  static String marker() {
    return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  @Test
  void theRegistryRegistersADocumentWithAnAttachmentAndSeesItsNumberAndStamp() throws Exception {
    String number = "45-CTr/TU-" + marker();
    mvc.perform(get("/documents/new").with(VAN_THU)).andExpect(status().isOk())
        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
            .string("Content-Security-Policy", containsString("default-src 'none'")))
        .andExpect(content().string(containsString("Trích yếu nội dung")))
        .andExpect(content().string(containsString(
            "value=\"" + LocalDate.now(clock) + "\"")));
    long id = register(fields(number), pdf("chuong-trinh-45.pdf"));

    IncomingDocument stored = documents.findById(id).orElseThrow();
    assertThat(stored.getDocumentNumber()).isEqualTo(number);
    assertThat(stored.getSignerPosition()).isEqualTo("Phó Bí thư");
    assertThat(stored.getSignerName()).isEqualTo("Nguyễn Văn Hòa");
    assertThat(stored.getLanguage()).isEqualTo("Tiếng Việt");
    assertThat(stored.getDocumentDueDate()).isEqualTo(LocalDate.of(2026, 12, 31));
    var files = attachments.findByDocumentIdOrderByIdAsc(id);
    assertThat(files).extracting(AttachmentRepository.AttachmentInfo::getFileName)
        .containsExactly("chuong-trinh-45.pdf");

    String stamp = "ĐẾN Số: " + stored.getIncomingNumber() + " Ngày: "
        + DateTimeFormatter.ofPattern("d/M/yyyy").format(LocalDate.now(clock));
    String page = mvc.perform(get("/documents/" + id).with(VAN_THU).flashAttr("registered", true))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(page).contains(stamp).contains(stored.getBusinessKey())
        .contains("Đã đăng ký văn bản đến: số đến " + stored.getIncomingNumber())
        .contains("Đăng ký văn bản đến").contains("Nguyễn Thị Thu Hà")
        .contains("Thêm tệp đính kèm").contains("chuong-trinh-45.pdf")
        .contains("/documents/" + id + "/attachments/" + files.get(0).getId())
        .contains("Chức vụ người ký").contains("Phó Bí thư").contains("Nguyễn Văn Hòa")
        .contains("Hạn giải quyết theo văn bản").contains("31/12/2026");

    byte[] download = mvc.perform(get("/documents/" + id + "/attachments/" + files.get(0).getId())
            .with(QLKH)).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsByteArray();
    assertThat(download).isEqualTo(PDF);
  }

  @Test
  void badInputIsShownNextToItsFieldsAndNothingIsStored() throws Exception {
    long before = documents.count();
    Map<String, String> bad = fields("BAD-" + marker());
    bad.put("receivedOn", LocalDate.now(clock).plusDays(1).toString());
    bad.put("summary", "  ");
    bad.put("issuer", "Sở Tài chính \u202Eevil");
    String page = mvc.perform(form(bad, new MockMultipartFile("files", "gia.pdf",
                "application/pdf", "not a pdf".getBytes(StandardCharsets.UTF_8)))
            .with(VAN_THU).with(csrf()))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(page)
        .contains("id=\"receivedOn-error\"").contains("ngày đến không thể sau hôm nay")
        .contains("id=\"summary-error\"").contains("chưa nhập trích yếu")
        .contains("id=\"issuer-error\"").contains("ký tự đảo chiều")
        .contains("id=\"files-error\"").contains("gia.pdf: chỉ nhận tệp PDF")
        .contains("value=\"" + bad.get("documentNumber") + "\"")
        .contains("value=\"Phó Bí thư\"").contains("value=\"Nguyễn Văn Hòa\"");
    assertThat(documents.count()).isEqualTo(before);
  }

  @Test
  void aDuplicateIsWarnedWithALinkAndRegisteredOnlyWhenConfirmed() throws Exception {
    Map<String, String> fields = fields("12/TB-" + marker());
    long first = register(fields);
    long before = documents.count();

    String warning = mvc.perform(form(fields).with(VAN_THU).with(csrf()))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(warning).contains("Văn bản này có thể đã được đăng ký")
        .contains("href=\"/documents/" + first + "\"")
        .contains(documents.findById(first).orElseThrow().getBusinessKey())
        .contains("name=\"registerDuplicate\" value=\"true\"").contains("Vẫn đăng ký");
    assertThat(documents.count()).isEqualTo(before);

    fields.put("registerDuplicate", "true");
    long second = register(fields);
    assertThat(second).isNotEqualTo(first);
    assertThat(documents.findById(second).orElseThrow().getDocumentNumber())
        .isEqualTo(fields.get("documentNumber"));
  }

  @Test
  void onlyTheRegistryMayOpenOrPostTheRegistrationForm() throws Exception {
    long before = documents.count();
    for (RequestPostProcessor other : List.of(DIRECTOR, QLKH,
        user("admin").authorities(() -> "camunda-admin"))) {
      mvc.perform(get("/documents/new").with(other)).andExpect(status().isForbidden());
      mvc.perform(form(fields("X-" + marker())).with(other).with(csrf()))
          .andExpect(status().isForbidden());
    }
    mvc.perform(form(fields("CSRF-" + marker())).with(VAN_THU))
        .andExpect(status().isForbidden());
    mvc.perform(form(fields("CSRF-" + marker())).with(VAN_THU).with(csrf().useInvalidToken()))
        .andExpect(status().isForbidden());
    assertThat(documents.count()).isEqualTo(before);
  }

  @Test
  void anUnknownAddressGetsAVietnamesePageNotWhitelabel() {
    TestHttp.Response missing = new TestHttp("http://localhost:" + port)
        .request("GET", "/trang-khong-co").header("Accept", "text/html").send();
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.text()).contains("Không tìm thấy trang", "Về trang chủ")
        .doesNotContain("Whitelabel");
  }

  @Test
  void aUnitMemberLoggedInWithASessionIsRefusedInVietnamese() throws Exception {
    TestHttp.Session session = new TestHttp("http://localhost:" + port).session();
    TestHttp.Response loggedIn = session.login("cv.qlkh", "demo");
    assertThat(loggedIn.header("Location")).doesNotContain("error");
    TestHttp.Response refused = session.request("GET", "/documents/new")
        .header("Accept", "text/html").send();
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.text()).contains("Không có quyền")
        .contains("Bạn không có quyền mở trang này");
  }

  @Test
  void theDocumentPageShowsTheTrailAssignmentsAndTasksToThoseWhoMayAct() throws Exception {
    long id = register(fields("77/KH-" + marker()));
    Instant now = clock.instant();
    assignments.save(new Assignment(id, "phong-qlkh", AssignmentRole.LEAD,
        now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(9))));
    assignments.save(new Assignment(id, "phong-khtc", AssignmentRole.COORDINATING,
        now.plus(Duration.ofDays(5)), now.minus(Duration.ofDays(9))));

    String director = mvc.perform(get("/documents/" + id).with(DIRECTOR))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(director).contains("Quá trình xử lý").contains("Đăng ký văn bản đến")
        .contains("Nguyễn Thị Thu Hà")
        .contains("Phòng Quản lý khoa học").contains("Phòng Kế hoạch – Tài chính")
        .contains("class=\"overdue\"").contains("quá hạn")
        .contains(DocumentPageController.TASKLIST).contains("Cho ý kiến chỉ đạo");

    mvc.perform(get("/documents/" + id).with(QLKH)).andExpect(status().isOk())
        .andExpect(content().string(containsString("Phòng Quản lý khoa học")))
        .andExpect(content().string(not(containsString(DocumentPageController.TASKLIST))));
  }

  @Test
  void aClassifiedDocumentIsRefusedToThoseNotAllowedWithoutShowingIt() throws Exception {
    Map<String, String> secret = fields("03/M-" + marker());
    secret.put("classification", "CONFIDENTIAL");
    secret.put("summary", "Kế hoạch bảo vệ bí mật nhà nước " + marker());
    long id = register(secret, pdf("mat.pdf"));
    long attachment = attachments.findByDocumentIdOrderByIdAsc(id).get(0).getId();

    mvc.perform(get("/documents/" + id).with(VAN_THU)).andExpect(status().isOk())
        .andExpect(content().string(containsString(secret.get("summary"))));
    mvc.perform(get("/documents/" + id).with(DIRECTOR)).andExpect(status().isOk());
    mvc.perform(get("/documents/" + id).with(QLCN)).andExpect(status().isForbidden())
        .andExpect(content().string(containsString("Bạn không có quyền xem văn bản này")))
        .andExpect(content().string(not(containsString(secret.get("summary")))))
        .andExpect(content().string(not(containsString(secret.get("documentNumber")))));
    mvc.perform(get("/documents/" + id + "/attachments/" + attachment).with(QLCN))
        .andExpect(status().isForbidden());

    assignments.save(new Assignment(id, "phong-qlcn", AssignmentRole.LEAD, null,
        clock.instant()));
    mvc.perform(get("/documents/" + id).with(QLCN)).andExpect(status().isOk())
        .andExpect(content().string(containsString(secret.get("summary"))));

    mvc.perform(get("/documents/" + id).with(user("chunhiem").authorities(() -> "chu-nhiem")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/documents/999999999").with(VAN_THU)).andExpect(status().isNotFound())
        .andExpect(content().string(containsString("Không tìm thấy văn bản đến này")));
    mvc.perform(get("/documents/abc").with(VAN_THU)).andExpect(status().isNotFound());
  }
}
