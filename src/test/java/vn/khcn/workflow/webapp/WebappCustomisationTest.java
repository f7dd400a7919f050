package vn.khcn.workflow.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.dispatch.Urgency;
import vn.khcn.workflow.support.TestHttp;

/**
 * What the application changes in Tasklist and Welcome besides the language (README, "Tasklist
 * and Welcome"): the settings of config.js, the styles that hide Camunda's notices, the urgency
 * names of the card badge, and the engine's refusal behind the hidden "Tạo công việc".
 * {@code browser/TasklistBrowserTest} sees them working in Chromium.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WebappCustomisationTest {

  static final Pattern URGENCY_ENTRY = Pattern.compile("(?m)^\\s*(\\d+):\\s*'([^']+)',?\\s*$");

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @LocalServerPort int port;

  TestHttp http() {
    return new TestHttp("http://localhost:" + port);
  }

  @Test
  void tasklistDatesAreDayMonthYearAndItsWelcomeBoxIsOff() {
    String config = served("/camunda/app/tasklist/scripts/config.js");
    for (String format : new String[] {"abbr", "normal", "long", "short"}) {
      assertThat(config).as(format)
          .containsPattern("(?m)^\\s*" + format + ": '[^']*DD/MM/YYYY[^']*',?$");
    }
    assertThat(config).containsPattern("(?m)^\\s*disableWelcomeMessage: true,?$")
        .containsPattern("(?m)^\\s*vendor: 'Sở KH&CN'$");
    assertThat(served("/camunda/app/welcome/scripts/config.js"))
        .containsPattern("(?m)^\\s*disableWelcomeMessage: true,?$")
        .containsPattern("(?m)^\\s*name: 'Tài khoản',$")
        .containsPattern("(?m)^\\s*label: 'Trang chủ',\\s*href: '/',");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome"})
  void theMigrateToCamunda8StripIsHidden(String app) {
    assertThat(served("/camunda/app/" + app + "/styles/user-styles.css").replaceAll("\\s+", " "))
        .contains("[cam-widget-header] .ce-eol-banner { display: none; }");
  }

  @Test
  void createTaskIsHiddenUnlessTheEngineSaysThePersonMayCreateTasks() {
    assertThat(served("/camunda/app/tasklist/styles/user-styles.css").replaceAll("\\s+", " "))
        .contains("html:not(.khcn-may-create-task) .create-task-action {"
            + " display: none !important; }");
    String script = served("/camunda/app/tasklist/scripts/create-task.js");
    assertThat(script).contains("authorization/check", "permissionName: 'CREATE'",
        "resourceType: TASK_RESOURCE_TYPE", "const TASK_RESOURCE_TYPE = "
            + Resources.TASK.resourceType() + ";");
    // the question the script asks, as each person's Tasklist asks it
    String check = "/authorization/check?permissionName=CREATE&resourceName=Task&resourceType="
        + Resources.TASK.resourceType();
    TestHttp.Response unit = http().webapp("cv.qlcn", "tasklist").get(check);
    assertThat(unit.status()).as(unit.text()).isEqualTo(200);
    assertThat(unit.body().path("authorized").asBoolean(true)).isFalse();
    TestHttp.Response admin = http().webapp("admin", "tasklist").get(check);
    assertThat(admin.status()).as(admin.text()).isEqualTo(200);
    assertThat(admin.body().path("authorized").asBoolean(false)).isTrue();
  }

  @Test
  void theEngineRefusesATaskCreatedByAUnitOfficerWhicheverWayItIsSent() {
    String name = "Việc tự tạo " + UUID.randomUUID();
    Map<String, Object> task = Map.of("id", UUID.randomUUID().toString(), "name", name);
    TestHttp.Response fromTasklist = http().webapp("cv.qlcn", "tasklist").post("/task/create",
        task);
    assertThat(fromTasklist.status()).as(fromTasklist.text()).isEqualTo(403);
    TestHttp.Response fromClient = http().post("cv.qlcn", "/engine-rest/task/create", task);
    assertThat(fromClient.status()).as(fromClient.text()).isEqualTo(403);
    TestHttp.Response director = http().post("giamdoc", "/engine-rest/task/create", task);
    assertThat(director.status()).as(director.text()).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskName(name).count()).isZero();
  }

  @Test
  void theBadgeNamesEveryUrgencyByItsTaskPriority() {
    String script = served("/camunda/app/tasklist/scripts/urgency.js");
    Matcher block = Pattern.compile("(?s)const URGENCY = \\{(.*?)};").matcher(script);
    assertThat(block.find()).as("the URGENCY table of urgency.js").isTrue();
    Map<Integer, String> named = new LinkedHashMap<>();
    Matcher entry = URGENCY_ENTRY.matcher(block.group(1));
    while (entry.find()) {
      named.put(Integer.valueOf(entry.group(1)), entry.group(2));
    }
    Map<Integer, String> urgencies = Arrays.stream(Urgency.values()).collect(Collectors.toMap(
        Urgency::taskPriority, Urgency::label, (a, b) -> a, LinkedHashMap::new));
    assertThat(named).isEqualTo(urgencies);
    // only the card's badge template is rewritten, through the filter
    assertThat(script).contains("{{ task.priority | khcnUrgency }}");
  }

  /** A webapp file as the application serves it, decoded as UTF-8. */
  private String served(String path) {
    ResponseEntity<byte[]> response = rest.getForEntity(path, byte[].class);
    assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
    return new String(response.getBody(), StandardCharsets.UTF_8);
  }
}
