package vn.khcn.workflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The shared Tasklist filters, run as the people who open them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TasklistFiltersTest {

  @Autowired FilterService filterService;
  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;
  @Autowired TestRestTemplate rest;
  @Autowired TasklistFilters filters;

  String register(String urgency) {
    Map<String, Object> body = Map.of("issuer", "Bộ Khoa học và Công nghệ",
        "documentNumber", UUID.randomUUID().toString().substring(0, 8) + "/BKHCN",
        "issuedOn", "2026-11-20", "documentType", "Công văn",
        "summary", "Về việc " + urgency, "urgency", urgency);
    return rest.withBasicAuth("vanthu", "demo").postForObject("/api/incoming-documents", body,
        com.fasterxml.jackson.databind.JsonNode.class).get("processInstanceId").asText();
  }

  List<String> run(String filterName, String user, String group) {
    Filter filter = filterService.createFilterQuery().filterName(filterName).singleResult();
    identityService.setAuthentication(user, List.of(group));
    try {
      List<Task> tasks = filterService.listPage(filter.getId(), 0, 2000);
      return tasks.stream().map(Task::getProcessInstanceId).toList();
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void urgentDueSoonAndOverdueFiltersSelectByVariableAndWorkingDays() {
    String flash = register("FLASH");
    String normal = register("NORMAL");

    assertThat(run(TasklistFilters.MOST_URGENT, "giamdoc", "lanh-dao")).contains(flash)
        .doesNotContain(normal);
    assertThat(run(TasklistFilters.DUE_SOON, "giamdoc", "lanh-dao"))
        .as("due in 2 hours and the next working day").contains(flash, normal);
    assertThat(run(TasklistFilters.OVERDUE, "giamdoc", "lanh-dao")).doesNotContain(flash, normal);
    assertThat(run(TasklistFilters.MOST_URGENT, "cv.qlkh", "phong-qlkh"))
        .as("another group's tasks").doesNotContain(flash);

    Task task = taskService.createTaskQuery().processInstanceId(normal).singleResult();
    task.setDueDate(java.util.Date.from(java.time.Instant.now().minusSeconds(3600)));
    taskService.saveTask(task);
    assertThat(run(TasklistFilters.OVERDUE, "giamdoc", "lanh-dao")).contains(normal);
  }

  @Test
  void anAdministratorsAutoRefreshChoiceOutlivesTheDefinitions() {
    TasklistFilters.Definition definition = new TasklistFilters.Definition(
        "Thử làm mới " + UUID.randomUUID(), "Bộ lọc thử", 90,
        q -> q.taskCandidateGroupInExpression("${currentUserGroups()}"),
        TasklistFilters.DOCUMENT_COLUMNS, List.of("van-phong"));
    String id = filters.ensure(definition);
    assertThat(filterService.getFilter(id).getProperties()).containsEntry("refresh", true);

    Filter filter = filterService.getFilter(id);
    Map<String, Object> unticked = new java.util.HashMap<>(filter.getProperties());
    unticked.put("refresh", false);
    unticked.put("description", "sửa tay");
    filter.setProperties(unticked);
    filterService.saveFilter(filter);

    assertThat(filters.ensure(definition)).as("the same filter").isEqualTo(id);
    assertThat(filterService.getFilter(id).getProperties())
        .as("auto-refresh as the administrator left it, the rest as defined")
        .containsEntry("refresh", false).containsEntry("description", "Bộ lọc thử");
    filterService.deleteFilter(id);
  }

  @Test
  void everyWorkingGroupMayReadTheFiltersAndNobodyElseCreatesThem() {
    for (String name : List.of(TasklistFilters.MY_TASKS, TasklistFilters.UNIT_TASKS,
        TasklistFilters.DUE_SOON, TasklistFilters.OVERDUE, TasklistFilters.MOST_URGENT)) {
      identityService.setAuthentication("cv.vp", List.of("van-phong"));
      try {
        assertThat(filterService.createFilterQuery().filterName(name).count()).as(name).isEqualTo(1);
      } finally {
        identityService.clearAuthentication();
      }
    }
  }
}
