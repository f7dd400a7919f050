package vn.khcn.workflow.models;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ModelAdminPageTest {

  @Autowired WebApplicationContext context;
  MockMvc mvc;

  /** Built by hand: @AutoConfigureMockMvc would make a second Spring context (and engine). */
  @BeforeEach
  void setUp() {
    mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
  }

  @Test
  void adminsLogInWithTheirTasklistAccount() throws Exception {
    mvc.perform(get("/admin/models")).andExpect(redirectedUrlPattern("**/login"));
    mvc.perform(get("/login")).andExpect(status().isOk())
        .andExpect(content().string(containsString("Đăng nhập")));
    mvc.perform(formLogin("/login").user("admin").password("demo")).andExpect(authenticated());
    // a wrong password locks a real account for a while (Camunda), so use an unknown user
    mvc.perform(formLogin("/login").user("khong.ton.tai").password("sai")).andExpect(unauthenticated());
  }

  @Test
  void thePageListsModelsAndOthersAreRefused() throws Exception {
    mvc.perform(get("/admin/models").with(user("admin").authorities(() -> "camunda-admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Xử lý văn bản đến (incoming-directive)")))
        .andExpect(content().string(containsString("Lịch sử triển khai")));
    mvc.perform(get("/admin/models").with(user("cv.qlkh").authorities(() -> "phong-qlkh")))
        .andExpect(status().isForbidden());
  }

  @Test
  void versionsAndUploadsShowWhatChanged() throws Exception {
    var admin = user("admin").authorities(() -> "camunda-admin");
    mvc.perform(get("/admin/models").param("key", "incoming-directive").param("from", "1")
            .param("to", "1").with(admin))
        .andExpect(status().isOk()).andExpect(content().string(containsString("Không khác nhau.")));
    MockMultipartFile changed = new MockMultipartFile("files", "incoming-directive.bpmn",
        "application/xml", java.nio.file.Files.readString(java.nio.file.Path.of(
            "processes/incoming-directive.bpmn")).replace("name=\"Lưu hồ sơ\"", "name=\"Lưu hồ sơ điện tử\"")
            .getBytes(StandardCharsets.UTF_8));
    mvc.perform(multipart("/admin/models/upload").file(changed).param("action", "validate")
            .with(admin).with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Thay đổi so với phiên bản hiện tại")))
        .andExpect(content().string(containsString("Sửa bước tự động «Lưu hồ sơ» (nay là «Lưu hồ sơ"
            + " điện tử»): tên")))
        .andExpect(content().string(not(containsString("serviceTask_archiveDocument"))));
  }

  @Test
  void anUploadedModelIsValidatedAndTheReasonsShown() throws Exception {
    MockMultipartFile bad = new MockMultipartFile("files", "xau.bpmn", "application/xml",
        ModelValidatorTest.process("    <bpmn:scriptTask id=\"scriptTask_upload\" />")
            .getBytes(StandardCharsets.UTF_8));
    mvc.perform(multipart("/admin/models/upload").file(bad).param("action", "deploy")
            .with(user("admin").authorities(() -> "camunda-admin")).with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("scriptTask_upload")))
        .andExpect(content().string(containsString("script tasks are not allowed")));
    mvc.perform(multipart("/admin/models/upload").file(bad)
            .with(user("admin").authorities(() -> "camunda-admin")))
        .andExpect(status().isForbidden()); // no CSRF token
  }
}
