package vn.khcn.workflow.inbox;

import org.junit.jupiter.api.extension.ExtendWith;
import vn.khcn.workflow.support.UnitsWithoutHeads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The inbox's read model follows the engine's tasks in the engine's own transactions. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(UnitsWithoutHeads.class)
class InboxEntriesTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcTemplate jdbc;
  @Autowired InboxEntries entries;
  @Autowired PlatformTransactionManager transactionManager;

  JsonNode register(String urgency) throws Exception {
    return InboxFixtures.register(rest, urgency);
  }

  String taskOf(JsonNode document) {
    return taskService.createTaskQuery().processInstanceId(
        document.get("processInstanceId").asText()).singleResult().getId();
  }

  /** The read model's rows of a task, as "party priority". */
  List<String> rows(String taskId) {
    return jdbc.queryForList("select party || ' ' || priority from inbox_entry where task_id = ?"
        + " order by party", String.class, taskId);
  }

  List<String> inbox(String user) throws Exception {
    JsonNode page = JSON.readTree(rest.withBasicAuth(user, "demo")
        .getForObject("/api/inbox", String.class));
    List<String> ids = new ArrayList<>();
    page.get("items").forEach(i -> ids.add(i.get("taskId").asText()));
    return ids;
  }

  @Test
  void claimUnclaimCandidateChangesAndCompletionAreFollowed() throws Exception {
    JsonNode document = register("FLASH");
    String task = taskOf(document);
    assertThat(rows(task)).as("created: waits for the directors' group, with its urgency")
        .containsExactly("g:lanh-dao 80");

    taskService.claim(task, "phogiamdoc");
    assertThat(rows(task)).containsExactly("u:phogiamdoc 80");
    assertThat(inbox("phogiamdoc")).contains(task);
    assertThat(inbox("giamdoc")).as("claimed by another director").doesNotContain(task);

    taskService.setAssignee(task, null);
    assertThat(rows(task)).containsExactly("g:lanh-dao 80");
    assertThat(inbox("giamdoc")).contains(task);

    taskService.addCandidateGroup(task, "van-phong");
    taskService.setPriority(task, 75);
    assertThat(rows(task)).containsExactly("g:lanh-dao 75", "g:van-phong 75");
    taskService.claim(task, "phogiamdoc");
    assertThat(rows(task)).as("claimed from two groups").containsExactly("u:phogiamdoc 75");
    taskService.setAssignee(task, null);
    assertThat(rows(task)).as("released to both").containsExactly("g:lanh-dao 75",
        "g:van-phong 75");
    taskService.deleteCandidateGroup(task, "van-phong");
    assertThat(rows(task)).containsExactly("g:lanh-dao 75");

    taskService.claim(task, "giamdoc");
    direct(task, "giamdoc");
    assertThat(rows(task)).as("completed: in nobody's inbox").isEmpty();
    String unit = taskOf(document);
    assertThat(rows(unit)).as("the next task, created in the same transaction")
        .containsExactly("g:phong-qlcn 80");
  }

  /** The director's direction on the task, as the inbox posts it: 204 expected. */
  void direct(String task, String director) {
    Map<String, Object> direction = new LinkedHashMap<>();
    direction.put("direction", "Phòng QLCN chủ trì xử lý.");
    direction.put("leadUnit", "phong-qlcn");
    direction.put("coordinatingUnits", List.of());
    direction.put("informedUnits", List.of());
    direction.put("dueDate", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
        .plusDays(5).toString());
    assertThat(InboxFixtures.post(rest, director, "/api/inbox/" + task + "/direction",
        direction).getStatusCode().value()).isEqualTo(204);
  }

  @Test
  void aCompletionFromTwoGroupsLeavesNoRowOfTheFinishedTask() throws Exception {
    JsonNode document = register("URGENT");
    String task = taskOf(document);
    taskService.addCandidateGroup(task, "van-phong");
    assertThat(rows(task)).containsExactly("g:lanh-dao 60", "g:van-phong 60");

    direct(task, "giamdoc");
    assertThat(rows(task)).as("both rows deleted: neither could be taken over").isEmpty();
    assertThat(rows(taskOf(document))).containsExactly("g:phong-qlcn 60");
  }

  @Test
  void theNextTaskGetsItsRowWhenTheFinishedTaskHadNone() throws Exception {
    JsonNode document = register("NORMAL");
    String task = taskOf(document);
    taskService.claim(task, "giamdoc");
    // as if an earlier write had been lost: no row to take over
    jdbc.update("delete from inbox_entry where task_id = ?", task);

    direct(task, "giamdoc");
    assertThat(rows(task)).isEmpty();
    assertThat(rows(taskOf(document))).as("inserted").containsExactly("g:phong-qlcn 50");
  }

  @Test
  void aTaskOfferedToUsersOnlyEntersTheInboxWhenClaimed() throws Exception {
    String task = taskOf(register("NORMAL"));
    taskService.addCandidateUser(task, "phogiamdoc");
    taskService.deleteCandidateGroup(task, "lanh-dao");
    assertThat(rows(task)).as("no group waits for it").isEmpty();
    taskService.claim(task, "phogiamdoc");
    assertThat(rows(task)).containsExactly("u:phogiamdoc 50");
    taskService.setPriority(task, 60);
    assertThat(rows(task)).containsExactly("u:phogiamdoc 60");
    taskService.setAssignee(task, null);
    assertThat(rows(task)).as("released to users only").isEmpty();
  }

  @Test
  void aRolledBackTransactionLeavesTheReadModelAsItWas() throws Exception {
    String task = taskOf(register("NORMAL"));
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
      taskService.claim(task, "giamdoc");
      throw new IllegalStateException("rolled back after the claim");
    })).hasMessageContaining("rolled back");
    assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
    assertThat(rows(task)).containsExactly("g:lanh-dao 50");
  }

  @Test
  void tasksDeletedWithoutTheirListenersLeaveTheInboxAtItsNextRead() throws Exception {
    JsonNode document = register("FLASH");
    String task = taskOf(document);
    // as Cockpit's "skip custom listeners" does: no task event reaches the read model
    runtimeService.deleteProcessInstance(document.get("processInstanceId").asText(),
        "Thử xóa bỏ qua listener", true);
    assertThat(rows(task)).as("left behind").isNotEmpty();

    assertThat(inbox("giamdoc")).doesNotContain(task);
    assertThat(rows(task)).as("dropped when the inbox met it").isEmpty();
  }

  @Test
  void theFirstStartEntersTheTasksAlreadyOpen() throws Exception {
    String unclaimed = taskOf(register("URGENT"));
    String claimed = taskOf(register("NORMAL"));
    taskService.claim(claimed, "phogiamdoc");
    Map<String, List<String>> before = Map.of(unclaimed, rows(unclaimed), claimed, rows(claimed));
    List<String> total = all();

    // as on a database of the version before the read model: open tasks, no rows
    jdbc.update("delete from inbox_entry");
    jdbc.update("update read_model_state set built = false where name = 'inbox'");
    entries.buildOnce();

    assertThat(rows(unclaimed)).isEqualTo(before.get(unclaimed)).containsExactly("g:lanh-dao 60");
    assertThat(rows(claimed)).isEqualTo(before.get(claimed)).containsExactly("u:phogiamdoc 50");
    assertThat(all()).isEqualTo(total);
    assertThat(jdbc.queryForObject("select built from read_model_state where name = 'inbox'",
        Boolean.class)).isTrue();

    // once built, a start changes nothing
    jdbc.update("delete from inbox_entry where task_id = ?", claimed);
    entries.buildOnce();
    assertThat(rows(claimed)).isEmpty();
    jdbc.update("update read_model_state set built = false where name = 'inbox'");
    entries.buildOnce();
    assertThat(rows(claimed)).containsExactly("u:phogiamdoc 50");
    assertThat(all()).isEqualTo(total);
  }

  /** Every row, as "task party priority due created". */
  List<String> all() {
    return jdbc.queryForList("select task_id || ' ' || party || ' ' || priority || ' '"
        + " || coalesce(cast(due_date as varchar(40)), '-') || ' ' || cast(create_time as"
        + " varchar(40)) from inbox_entry order by 1", String.class);
  }
}
