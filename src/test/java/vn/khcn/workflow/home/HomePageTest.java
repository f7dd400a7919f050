package vn.khcn.workflow.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.khcn.workflow.identity.Groups;

/** "/" shows each person what he can do, by group, with counts under his own authorization. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HomePageTest {

  @Autowired WebApplicationContext context;
  @Autowired TaskService taskService;
  MockMvc mvc;
  final List<String> created = new ArrayList<>();

  @BeforeEach
  void setUp() {
    mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
  }

  @AfterEach
  void removeTasks() {
    created.forEach(id -> taskService.deleteTask(id, true));
  }

  String home(String userId, String... groups) throws Exception {
    return mvc.perform(get("/").with(user(userId).authorities(java.util.Arrays.stream(groups)
            .map(org.springframework.security.core.authority.SimpleGrantedAuthority::new)
            .toList())))
        .andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The count shown in the section with this id. */
  static long count(String page, String section) {
    Matcher m = Pattern.compile("id=\"" + section + "\"[\\s\\S]*?class=\"count\">(\\d+)<")
        .matcher(page);
    assertThat(m.find()).as("section %s in %s", section, page).isTrue();
    return Long.parseLong(m.group(1));
  }

  /** A standalone task offered to a group (or assigned to a person). */
  void task(String group, String assignee) {
    Task task = taskService.newTask();
    task.setName("Việc thử trang chủ");
    task.setAssignee(assignee);
    taskService.saveTask(task);
    created.add(task.getId());
    if (group != null) {
      taskService.addCandidateGroup(task.getId(), group);
    }
  }

  @Test
  void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
    mvc.perform(get("/")).andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("http://localhost/login"));
  }

  @Test
  void aDirectorSeesHisInboxCountAndNothingOfOtherGroups() throws Exception {
    String before = home("giamdoc", Groups.LANH_DAO);
    long waiting = count(before, "inbox");
    task(Groups.LANH_DAO, null);
    task(null, "giamdoc");
    task(null, "phogiamdoc"); // another director's own task is not his
    task(Groups.VAN_PHONG, null); // nor a unit's
    String after = home("giamdoc", Groups.LANH_DAO);
    assertThat(count(after, "inbox")).isEqualTo(waiting + 2);
    assertThat(after).contains("Trang chủ", "Trần Quốc Bảo", "href=\"/inbox\"",
        "href=\"/camunda/app/tasklist/default/\"");
    assertThat(after).doesNotContain("id=\"unit\"", "id=\"registry\"", "/documents/new",
        "/admin/models", "/camunda/app/cockpit", "/camunda/app/admin");
  }

  @Test
  void aUnitMemberSeesTheOpenTasksOfHisUnit() throws Exception {
    long before = count(home("cv.vp", Groups.VAN_PHONG), "unit");
    task(Groups.VAN_PHONG, null);
    task(Groups.VAN_PHONG, "someone-else"); // claimed by a colleague: still the unit's
    task(Groups.PHONG_KHTC, null); // another unit's
    String after = home("cv.vp", Groups.VAN_PHONG);
    assertThat(count(after, "unit")).isEqualTo(before + 2);
    assertThat(after).contains("Việc của đơn vị", Groups.nameOf(Groups.VAN_PHONG))
        .doesNotContain("id=\"inbox\"", "href=\"/inbox\"", "/admin/models", "/documents/new");
    assertThat(after).as("staff find documents").contains("id=\"finder\"", "href=\"/documents\"");
  }

  @Test
  void theRegistryClerkSeesTheRegistrationLinks() throws Exception {
    String page = home("vanthu", Groups.VAN_THU);
    assertThat(page).contains("href=\"/documents/new\"", "href=\"/documents\"",
        "Vào sổ văn bản đến", "href=\"/camunda/app/tasklist/default/\"");
    assertThat(page).doesNotContain("id=\"inbox\"", "id=\"unit\"", "/admin/models",
        "/camunda/app/cockpit");
  }

  @Test
  void researchPeopleSeeTheirOpenResearchTasksOnly() throws Exception {
    long before = count(home("chunhiem", Groups.CHU_NHIEM), "research");
    task(Groups.CHU_NHIEM, null); // not a research process's task: not counted there
    assertThat(count(home("chunhiem", Groups.CHU_NHIEM), "research")).isEqualTo(before);
    String council = home("hd.thuky", Groups.HOI_DONG);
    assertThat(council).contains("Nhiệm vụ khoa học").doesNotContain("/admin/models")
        .as("council members are not the Department's staff").doesNotContain("id=\"finder\"");
    // the research officers are a unit too
    String officer = home("cv.qlkh", Groups.PHONG_QLKH);
    assertThat(officer).contains("id=\"research\"", "id=\"unit\"");
  }

  @Test
  void administratorsSeeTheAdministrationLinks() throws Exception {
    String page = home("admin", Groups.CAMUNDA_ADMIN);
    assertThat(page).contains("href=\"/admin/models\"", "href=\"/camunda/app/cockpit/default/\"",
        "href=\"/camunda/app/admin/default/\"", "href=\"/camunda/app/tasklist/default/\"");
    assertThat(page).doesNotContain("id=\"inbox\"", "/documents/new");
  }

  @Test
  void ourPagesLinkBackHome() throws Exception {
    String inbox = mvc.perform(get("/inbox").with(user("giamdoc").authorities(
            new org.springframework.security.core.authority.SimpleGrantedAuthority(
                Groups.LANH_DAO))))
        .andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(inbox).contains("href=\"/\"", ">Trang chủ<",
        "href=\"/camunda/app/tasklist/default/\"");
  }
}
