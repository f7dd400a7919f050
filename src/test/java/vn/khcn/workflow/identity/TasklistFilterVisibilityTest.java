package vn.khcn.workflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The clerks' filters as a unit officer opens them through the engine REST API, as Tasklist does
 * (ADR 0035): "Việc của đơn vị", "Sắp đến hạn" and "Quá hạn" list the tasks of the officer's unit
 * and nothing of another unit, whatever authorization rows the engine wrote for the others.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TasklistFilterVisibilityTest {

  @Autowired FilterService filterService;
  @Autowired TaskService taskService;
  @Autowired TestRestTemplate rest;

  final List<String> created = new ArrayList<>();

  /** A task waiting for the group, due at the given time, optionally claimed by someone. */
  String task(String group, Instant due, String assignee) {
    Task task = taskService.newTask();
    task.setName("Kiểm thử bộ lọc " + group);
    task.setDueDate(Date.from(due));
    task.setAssignee(assignee);
    taskService.saveTask(task);
    created.add(task.getId());
    taskService.addCandidateGroup(task.getId(), group);
    return task.getId();
  }

  @AfterEach
  void deleteTasks() {
    created.forEach(id -> taskService.deleteTask(id, true));
  }

  /** Every task the filter lists for the user, paged by 2000 as Tasklist pages. */
  List<String> listed(String filterName, String user) {
    String id = filterService.createFilterQuery().filterName(filterName).singleResult().getId();
    List<String> ids = new ArrayList<>();
    for (int first = 0; ; first += 2000) {
      ResponseEntity<JsonNode> page = rest.withBasicAuth(user, "demo").postForEntity(
          "/engine-rest/filter/" + id + "/list?firstResult=" + first + "&maxResults=2000", java.util.Map.of(),
          JsonNode.class);
      assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
      page.getBody().forEach(t -> ids.add(t.get("id").asText()));
      if (page.getBody().size() < 2000) {
        return ids;
      }
    }
  }

  /** Whether the task waits for the group (read without an authenticated user). */
  boolean waitsFor(String taskId, String group) {
    return taskService.getIdentityLinksForTask(taskId).stream()
        .anyMatch(l -> "candidate".equals(l.getType()) && group.equals(l.getGroupId()));
  }

  @Test
  void aUnitOfficerSeesTheTasksOfTheUnitAndNoneOfAnother() {
    Instant now = Instant.now();
    String open = task("phong-qlkh", now.plusSeconds(10 * 86_400), null);
    String soon = task("phong-qlkh", now.plusSeconds(3_600), null);
    String late = task("phong-qlkh", now.minusSeconds(3_600), null);
    String lateClaimed = task("phong-qlkh", now.minusSeconds(7_200), "tp.qlkh");
    String otherOpen = task("phong-khtc", now.plusSeconds(10 * 86_400), null);
    String otherSoon = task("phong-khtc", now.plusSeconds(3_600), null);
    String otherLate = task("phong-khtc", now.minusSeconds(3_600), null);

    List<String> unit = listed(TasklistFilters.UNIT_TASKS, "cv.qlkh");
    assertThat(unit).contains(open, soon, late)
        .as("claimed by a colleague").doesNotContain(lateClaimed)
        .as("another unit's tasks").doesNotContain(otherOpen, otherSoon, otherLate);
    List<String> dueSoon = listed(TasklistFilters.DUE_SOON, "cv.qlkh");
    assertThat(dueSoon).contains(soon).doesNotContain(open, late, otherSoon, otherLate);
    List<String> overdue = listed(TasklistFilters.OVERDUE, "cv.qlkh");
    assertThat(overdue).contains(late, lateClaimed).doesNotContain(open, soon, otherLate);
    for (List<String> list : List.of(unit, dueSoon, overdue)) {
      assertThat(list).as("only tasks of phong-qlkh").allMatch(t -> waitsFor(t, "phong-qlkh"));
    }

    assertThat(listed(TasklistFilters.OVERDUE, "cv.khtc")).contains(otherLate)
        .doesNotContain(late, lateClaimed);
    assertThat(listed(TasklistFilters.UNIT_TASKS, "cv.khtc")).contains(otherOpen, otherSoon)
        .doesNotContain(open, soon, late);
  }

  @Test
  void anotherUnitsTaskIsNotReadableByTheOfficerThroughTheTaskApi() {
    String other = task("phong-khtc", Instant.now().plusSeconds(86_400), null);
    assertThat(rest.withBasicAuth("cv.qlkh", "demo").getForEntity("/engine-rest/task/" + other,
        String.class).getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(taskService.getIdentityLinksForTask(other)).extracting(IdentityLink::getGroupId)
        .containsOnly("phong-khtc");
  }
}
