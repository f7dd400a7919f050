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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.khcn.workflow.support.TestHttp;

/** "Sửa thông tin", "Thu hồi", "Đăng ký văn bản thay thế" and the inline PDF on the pages. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DocumentCorrectionPageTest {

  static final RequestPostProcessor VAN_THU = user("vanthu").authorities(() -> "van-thu");
  static final RequestPostProcessor DIRECTOR = user("giamdoc").authorities(() -> "lanh-dao");
  static final RequestPostProcessor QLKH = user("cv.qlkh").authorities(() -> "phong-qlkh");
  static final byte[] PDF = "%PDF-1.4\n% Công văn\n".getBytes(StandardCharsets.UTF_8);
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0};
  static final Pattern LOCATION = Pattern.compile("/documents/(\\d+)");
  static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  @Autowired WebApplicationContext context;
  @Autowired IncomingDocumentRepository documents;
  @Autowired AttachmentRepository attachments;
  @Autowired RuntimeService runtimeService;
  @Autowired Clock clock;
  @LocalServerPort int port;
  MockMvc mvc;

  @BeforeEach
  void setUp() {
    mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
  }

  static String marker() {
    return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  Map<String, String> fields(String documentNumber) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("documentType", "Công văn");
    fields.put("documentNumber", documentNumber);
    fields.put("issuedOn", "2026-11-02");
    fields.put("issuer", "Sở Tài chính");
    fields.put("summary", "Về việc lập dự toán kinh phí khoa học và công nghệ năm 2027");
    fields.put("signer", "Giám đốc, Lê Văn Tám");
    fields.put("pageCount", "3");
    fields.put("urgency", "NORMAL");
    fields.put("classification", "NONE");
    fields.put("receivedOn", LocalDate.now(clock).toString());
    fields.put("recipients", "");
    fields.put("notes", "");
    return fields;
  }

  long register(Map<String, String> fields, MockMultipartFile... files) throws Exception {
    MockMultipartHttpServletRequestBuilder request = multipart("/documents/new");
    fields.forEach(request::param);
    for (MockMultipartFile file : files) {
      request.file(file);
    }
    MvcResult result = mvc.perform(request.with(VAN_THU).with(csrf())).andReturn();
    assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString())
        .isEqualTo(302);
    Matcher id = LOCATION.matcher(result.getResponse().getRedirectedUrl());
    assertThat(id.matches()).isTrue();
    return Long.parseLong(id.group(1));
  }

  static String csrfToken(String html) {
    Matcher m = CSRF.matcher(html);
    assertThat(m.find()).as("CSRF field in the page").isTrue();
    return m.group(1);
  }

  @Test
  void theRegistryCorrectsADocumentInItsSessionWithAReasonAndSeesOldAndNewInTheTrail()
      throws Exception {
    long id = register(fields("15/STC-" + marker()));
    TestHttp.Session session = new TestHttp("http://localhost:" + port).session();
    assertThat(session.login("vanthu", TestHttp.PASSWORD).header("Location"))
        .doesNotContain("error");

    TestHttp.Response page = session.get("/documents/" + id);
    assertThat(page.text()).contains("Sửa thông tin").contains("/documents/" + id + "/correct")
        .contains("Thu hồi").contains("/documents/new?replaces=" + id);
    TestHttp.Response form = session.get("/documents/" + id + "/correct");
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.text()).contains("value=\"Sở Tài chính\"").contains("Lý do")
        .doesNotContain("name=\"files\"");
    String token = csrfToken(form.text());

    TestHttp.Response noReason = session.request("POST", "/documents/" + id + "/correct")
        .form("_csrf", token, "issuer", "Sở Tài chính thành phố Cần Thơ", "summary",
            "Về việc lập dự toán", "documentType", "Công văn", "reason", " ").send();
    assertThat(noReason.status()).isEqualTo(200);
    assertThat(noReason.text()).contains("id=\"reason-error\"").contains("chưa nhập lý do")
        .contains("value=\"Sở Tài chính thành phố Cần Thơ\"");
    assertThat(documents.findById(id).orElseThrow().getIssuer()).isEqualTo("Sở Tài chính");

    TestHttp.Response noToken = session.request("POST", "/documents/" + id + "/correct")
        .form("issuer", "Sở Tài chính thành phố Cần Thơ", "reason", "Sai tên").send();
    assertThat(noToken.status()).isEqualTo(403);
    assertThat(documents.findById(id).orElseThrow().getIssuer()).isEqualTo("Sở Tài chính");

    TestHttp.Response done = session.request("POST", "/documents/" + id + "/correct")
        .form("_csrf", token, "issuer", "Sở Tài chính thành phố Cần Thơ",
            "reason", "Nhập thiếu tên đầy đủ của cơ quan").send();
    assertThat(done.status()).isEqualTo(302);
    assertThat(done.header("Location")).endsWith("/documents/" + id);
    assertThat(documents.findById(id).orElseThrow().getIssuer())
        .isEqualTo("Sở Tài chính thành phố Cần Thơ");
    assertThat(session.get("/documents/" + id).text()).contains("Sửa thông tin văn bản")
        .contains("Lý do: Nhập thiếu tên đầy đủ của cơ quan")
        .contains("<del>Sở Tài chính</del>").contains("<ins>Sở Tài chính thành phố Cần Thơ</ins>");
  }

  @Test
  void aRecallIsConfirmedWithAReasonAndEndsTheWork() throws Exception {
    long id = register(fields("16/STC-" + marker()));
    String pi = documents.findById(id).orElseThrow().getProcessInstanceId();
    String confirm = mvc.perform(get("/documents/" + id + "/recall").with(VAN_THU))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(confirm).contains("Xác nhận thu hồi").contains("Không hoàn tác được");

    String missing = mvc.perform(post("/documents/" + id + "/recall").param("reason", "")
            .with(VAN_THU).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString();
    assertThat(missing).contains("chưa nhập lý do");
    mvc.perform(post("/documents/" + id + "/recall").param("reason", "Thu hồi").with(VAN_THU))
        .andExpect(status().isForbidden());
    assertThat(documents.findById(id).orElseThrow().getStatus())
        .isEqualTo(DocumentStatus.AWAITING_DIRECTION);

    mvc.perform(post("/documents/" + id + "/recall")
            .param("reason", "Sở Tài chính thu hồi tại Công văn 20/STC").with(VAN_THU).with(csrf()))
        .andExpect(status().isFound());
    assertThat(documents.findById(id).orElseThrow().getStatus())
        .isEqualTo(DocumentStatus.RECALLED);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    String page = mvc.perform(get("/documents/" + id).with(VAN_THU)).andReturn().getResponse()
        .getContentAsString();
    assertThat(page).contains("Đã thu hồi").contains("Thu hồi văn bản")
        .contains("Công văn 20/STC").doesNotContain("id=\"correct-link\"");

    String again = mvc.perform(post("/documents/" + id + "/recall").param("reason", "Lần nữa")
        .with(VAN_THU).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString();
    assertThat(again).contains("id=\"conflict\"").contains("đã thu hồi");
  }

  @Test
  void onlyTheRegistryMayOpenOrPostTheCorrectionAndRecallPages() throws Exception {
    long id = register(fields("17/STC-" + marker()));
    for (RequestPostProcessor other : List.of(DIRECTOR, QLKH)) {
      for (String action : List.of("correct", "recall")) {
        mvc.perform(get("/documents/" + id + "/" + action).with(other))
            .andExpect(status().isForbidden());
        mvc.perform(post("/documents/" + id + "/" + action).param("reason", "x")
            .param("summary", "Sửa trái phép").with(other).with(csrf()))
            .andExpect(status().isForbidden());
      }
      assertThat(mvc.perform(get("/documents/" + id).with(other)).andReturn().getResponse()
          .getContentAsString()).doesNotContain("id=\"recall-link\"");
    }
    IncomingDocument stored = documents.findById(id).orElseThrow();
    assertThat(stored.getStatus()).isEqualTo(DocumentStatus.AWAITING_DIRECTION);
    assertThat(stored.getSummary()).isNotEqualTo("Sửa trái phép");
  }

  @Test
  void aReplacementIsRegisteredFromTheOldDocumentsLinkAndBothPagesLinkEachOther()
      throws Exception {
    long earlier = register(fields("18/STC-" + marker()));
    String form = mvc.perform(get("/documents/new").param("replaces", String.valueOf(earlier))
        .with(VAN_THU)).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString();
    assertThat(form).contains("Đăng ký văn bản thay thế")
        .contains("name=\"replaces\" value=\"" + earlier + "\"")
        .contains(documents.findById(earlier).orElseThrow().getBusinessKey());

    Map<String, String> replacement = fields("18b/STC-" + marker());
    replacement.put("replaces", String.valueOf(earlier));
    long later = register(replacement);
    assertThat(documents.findById(earlier).orElseThrow().getStatus())
        .isEqualTo(DocumentStatus.REPLACED);
    String oldPage = mvc.perform(get("/documents/" + earlier).with(DIRECTOR)).andReturn()
        .getResponse().getContentAsString();
    assertThat(oldPage).contains("Đã được thay thế").contains("href=\"/documents/" + later + "\"");
    String newPage = mvc.perform(get("/documents/" + later).with(DIRECTOR)).andReturn()
        .getResponse().getContentAsString();
    assertThat(newPage).contains("Thay thế văn bản đã đăng ký")
        .contains("href=\"/documents/" + earlier + "\"");

    long before = documents.count();
    Map<String, String> again = fields("18c/STC-" + marker());
    again.put("replaces", String.valueOf(earlier));
    MockMultipartHttpServletRequestBuilder request = multipart("/documents/new");
    again.forEach(request::param);
    String refused = mvc.perform(request.with(VAN_THU).with(csrf())).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(refused).contains("id=\"replaces-error\"").contains("đã được thay thế");
    assertThat(documents.count()).isEqualTo(before);
  }

  @Test
  void aPdfOpensInlineInItsOwnSandboxAndOtherFilesAreDownloaded() throws Exception {
    long id = register(fields("19/STC-" + marker()),
        new MockMultipartFile("files", "du-toan.pdf", "application/pdf", PDF),
        new MockMultipartFile("files", "bang.png", "image/png", PNG));
    var files = attachments.findByDocumentIdOrderByIdAsc(id);
    long pdf = files.get(0).getId();
    long png = files.get(1).getId();
    String page = mvc.perform(get("/documents/" + id).with(QLKH)).andReturn().getResponse()
        .getContentAsString();
    assertThat(page).contains("/documents/" + id + "/attachments/" + pdf + "?view=")
        .doesNotContain("/attachments/" + png + "?view=");

    MockHttpServletResponse inline = mvc.perform(get("/documents/" + id + "/attachments/" + pdf)
        .param("view", "").with(QLKH)).andExpect(status().isOk()).andReturn().getResponse();
    assertThat(inline.getContentType()).isEqualTo("application/pdf");
    assertThat(inline.getHeader("Content-Disposition")).startsWith("inline");
    assertThat(inline.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(inline.getHeaders("Content-Security-Policy")).containsExactly(
        DocumentPageController.PDF_CSP);
    assertThat(inline.getContentAsByteArray()).isEqualTo(PDF);

    MockHttpServletResponse download = mvc.perform(get("/documents/" + id + "/attachments/"
        + png).param("view", "").with(QLKH)).andExpect(status().isOk()).andReturn().getResponse();
    assertThat(download.getHeader("Content-Disposition")).startsWith("attachment");
    assertThat(mvc.perform(get("/documents/" + id + "/attachments/" + pdf).with(QLKH))
        .andReturn().getResponse().getHeader("Content-Disposition")).startsWith("attachment");
  }

  @Test
  void aClassifiedDocumentsPdfStaysHiddenFromUnitsNotAssigned() throws Exception {
    Map<String, String> secret = fields("20/STC-" + marker());
    secret.put("classification", "SECRET");
    long id = register(secret, new MockMultipartFile("files", "mat.pdf", "application/pdf", PDF));
    long pdf = attachments.findByDocumentIdOrderByIdAsc(id).get(0).getId();
    mvc.perform(get("/documents/" + id + "/attachments/" + pdf).param("view", "").with(QLKH))
        .andExpect(status().isForbidden());
    mvc.perform(get("/documents/" + id + "/attachments/" + pdf).param("view", "")
        .with(DIRECTOR)).andExpect(status().isOk());
  }
}
