package vn.khcn.workflow.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * /admin/models: a checked file is deployed without picking it again, the changes and the
 * migration plan are told with element names.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ModelCheckDeployPageTest {

  static final String KEY = "admin-page-test";
  static final RequestPostProcessor ADMIN = user("admin").authorities(() -> "camunda-admin");

  @Autowired WebApplicationContext context;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  MockMvc mvc;

  @BeforeEach
  void setUp() {
    mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
  }

  static MockMultipartFile bpmn(String tasks) {
    return new MockMultipartFile("files", KEY + ".bpmn", "application/xml",
        ModelValidatorTest.process(tasks).replace("test-process", KEY)
            .getBytes(StandardCharsets.UTF_8));
  }

  /** Checks the files in this session; answers the token the page's deploy button sends. */
  String check(MockHttpSession session, MockMultipartFile file, String... expected)
      throws Exception {
    String page = mvc.perform(multipart("/admin/models/upload").file(file)
            .param("action", "validate").session(session).with(ADMIN).with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Triển khai các tệp đã kiểm tra")))
        .andReturn().getResponse().getContentAsString();
    assertThat(page).contains(expected);
    var token = java.util.regex.Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(page);
    assertThat(token.find()).as("the deploy form carries the check's token").isTrue();
    return token.group(1);
  }

  @Test
  void checkedFilesAreDeployedWithoutPickingThemAgainAndThePlanNamesTheSteps() throws Exception {
    MockHttpSession session = new MockHttpSession();
    String first = check(session, bpmn(ModelAdministrationTest.V1),
        "Quy trình mới «" + KEY + "»", "Thêm công việc «Xem xét»", "Thêm công việc «Ký»",
        "Thêm luồng «Xem xét → Ký»");
    mvc.perform(post("/admin/models/deploy").param("token", "sai-" + first).session(session)
            .with(ADMIN).with(csrf()))
        .andExpect(content().string(containsString("Không còn tệp đã kiểm tra")));
    mvc.perform(post("/admin/models/deploy").param("token", first).session(session)
            .with(ADMIN).with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Đã triển khai: " + KEY + ".bpmn")));
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).count())
        .isEqualTo(1);
    mvc.perform(post("/admin/models/deploy").param("token", first).session(session)
            .with(ADMIN).with(csrf()))
        .andExpect(content().string(containsString("Không còn tệp đã kiểm tra")));
    mvc.perform(post("/admin/models/deploy").param("token", first).session(session)
            .with(user("cv.qlkh").authorities(() -> "phong-qlkh")).with(csrf()))
        .andExpect(status().isForbidden());

    ProcessInstance atReview = runtimeService.startProcessInstanceByKey(KEY);
    ProcessInstance atSign = runtimeService.startProcessInstanceByKey(KEY);
    runtimeService.createProcessInstanceModification(atSign.getId()).cancelAllForActivity("review")
        .startBeforeActivity("sign").execute();

    String second = check(session, bpmn(ModelAdministrationTest.V2),
        "Quy trình «" + KEY + "» so với phiên bản 1",
        "Sửa công việc «Xem xét» (nay là «Xem xét hồ sơ»): tên",
        "Thêm công việc «Kiểm tra»", "Bỏ công việc «Ký»", "Bỏ luồng «Xem xét → Ký»");
    mvc.perform(post("/admin/models/deploy").param("token", second).session(session)
            .with(ADMIN).with(csrf()))
        .andExpect(content().string(containsString("Đã triển khai")));

    mvc.perform(get("/admin/models/" + KEY + "/migrate").param("fromVersion", "1").with(ADMIN))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(
            containsString("công việc «Xem xét» → công việc «Xem xét hồ sơ»"),
            containsString("Phiên chạy " + atSign.getId() + ": đang ở công việc «Ký» – không có"
                + " trong phiên bản mới"),
            containsString("Sẽ chuyển 1 phiên chạy."),
            not(containsString("review → review")))));
    mvc.perform(get("/admin/models").param("key", KEY).param("from", "1").param("to", "2")
            .with(ADMIN))
        .andExpect(content().string(allOf(containsString("Thêm công việc «Kiểm tra»"),
            not(containsString("[check")))));
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(atReview.getId())
        .singleResult().getProcessDefinitionId()).as("a plan runs nothing").contains(":1:");
  }

  @Test
  void aChangedFormIsToldByItsFieldsLabels() throws Exception {
    String form = Files.readString(Path.of("processes/forms/approve-result.form"))
        .replace("\"label\": \"Quyết định\"", "\"label\": \"Quyết định của lãnh đạo\"");
    check(new MockHttpSession(), new MockMultipartFile("files", "approve-result.form",
        "application/json", form.getBytes(StandardCharsets.UTF_8)),
        "Biểu mẫu «approve-result.form»", "Sửa trường «Quyết định của lãnh đạo»");
  }
}
