package vn.khcn.workflow.bench;

import static vn.khcn.workflow.bench.BenchSupport.HISTORIC_ROWS;
import static vn.khcn.workflow.bench.BenchSupport.JSON;
import static vn.khcn.workflow.bench.BenchSupport.OPEN_TASKS;
import static vn.khcn.workflow.bench.BenchSupport.PASSWORD;
import static vn.khcn.workflow.bench.BenchSupport.USER;
import static vn.khcn.workflow.bench.BenchSupport.url;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import vn.khcn.workflow.inbox.InboxService;

/**
 * The queries at scale: open tasks and history bulk-loaded into the application's database, and
 * the bare engine queries the inbox is compared with.
 */
final class ScaleQueries {

  private final AppSide app;

  ScaleQueries(AppSide app) {
    this.app = app;
  }

  /**
   * The bare TaskQueries the inbox's first page stands on, in its order, one page and one more:
   * the director's candidate-group tasks and his own, asked apart as the inbox does; no
   * authorization, no variables, no HTTP. What the inbox costs beyond them is ours.
   */
  void bareTaskQuery() {
    TaskService tasks = app.bean(TaskService.class);
    tasks.createTaskQuery().taskCandidateGroupIn(List.of("lanh-dao")).active()
        .orderByTaskPriority().desc().orderByDueDate().asc().orderByTaskCreateTime().asc()
        .orderByTaskId().asc()
        .listPage(0, InboxService.PAGE_SIZE + 1);
    tasks.createTaskQuery().taskAssignee("giamdoc").active()
        .orderByTaskPriority().desc().orderByDueDate().asc().orderByTaskCreateTime().asc()
        .orderByTaskId().asc()
        .listPage(0, InboxService.PAGE_SIZE + 1);
  }

  /** The same in one engine query, or() of candidate group and assignee, as one would write it. */
  void bareOrTaskQuery() {
    app.bean(TaskService.class).createTaskQuery().or().taskCandidateGroupIn(
        List.of("lanh-dao")).taskAssignee("giamdoc").endOr().active().orderByTaskPriority().desc()
        .orderByDueDate().asc().orderByTaskCreateTime().asc().orderByTaskId().asc()
        .listPage(0, InboxService.PAGE_SIZE + 1);
  }

  /**
   * Whether the inbox's first page (read model) lists the same tasks in the same order as the
   * engine's own ordered queries of the director's tasks at 100,000 open tasks.
   */
  boolean inboxAsEngineOrders() throws Exception {
    List<String> inbox = new ArrayList<>();
    JSON.readTree(app.http("giamdoc", "GET", "/api/inbox", null)).get("items")
        .forEach(i -> inbox.add(i.get("taskId").asText()));
    TaskService tasks = app.bean(TaskService.class);
    List<Task> engine = new ArrayList<>(tasks.createTaskQuery()
        .taskCandidateGroupIn(List.of("lanh-dao")).active().orderByTaskPriority().desc()
        .orderByDueDate().asc().orderByTaskCreateTime().asc().orderByTaskId().asc()
        .listPage(0, InboxService.PAGE_SIZE));
    engine.addAll(tasks.createTaskQuery().taskAssignee("giamdoc").active()
        .listPage(0, InboxService.PAGE_SIZE));
    engine.sort(Comparator.comparingInt((Task t) -> -t.getPriority())
        .thenComparing(Task::getDueDate, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(Task::getCreateTime).thenComparing(Task::getId));
    List<String> expected = engine.stream().limit(InboxService.PAGE_SIZE).map(Task::getId)
        .toList();
    System.out.println("inbox first page " + inbox.size() + " items; as the engine orders: "
        + inbox.equals(expected));
    return inbox.equals(expected);
  }

  /**
   * Bulk-loads open tasks of incoming-directive spread over the groups (as the engine would write
   * them: instance, task, candidate link, task authorization, task-local columns) and history.
   */
  void preload() throws Exception {
    try (Connection c = DriverManager.getConnection(url(app.db), USER, PASSWORD);
        Statement s = c.createStatement()) {
      String pd;
      try (ResultSet rs = s.executeQuery("select id_ from act_re_procdef where key_ ="
          + " 'incoming-directive' order by version_ desc limit 1")) {
        rs.next();
        pd = rs.getString(1);
      }
      String group = "(array['lanh-dao','phong-qlkh','phong-khtc','phong-qlcn','van-phong',"
          + "'phong-qlkh','phong-khtc','phong-qlcn','van-phong','phong-qlkh'])[1 + g % 10]";
      int n = OPEN_TASKS;
      s.execute("insert into act_ru_execution (id_, rev_, root_proc_inst_id_, proc_inst_id_,"
          + " business_key_, proc_def_id_, act_id_, is_active_, is_concurrent_, is_scope_,"
          + " is_event_scope_, suspension_state_, cached_ent_state_, sequence_counter_,"
          + " proc_def_key_) select 'bx' || g, 1, 'bx' || g, 'bx' || g, g || '/2025', '" + pd
          + "', 'handleAssignment', true, false, true, false, 1, 0, 1, 'incoming-directive'"
          + " from generate_series(1, " + n + ") g");
      s.execute("insert into act_ru_task (id_, rev_, execution_id_, proc_inst_id_, proc_def_id_,"
          + " name_, task_def_key_, priority_, create_time_, last_updated_, due_date_,"
          + " suspension_state_, task_state_) select 'bt' || g, 1, 'bx' || g, 'bx' || g, '" + pd
          + "', case when g % 10 = 0 then 'Cho ý kiến chỉ đạo' else 'Đơn vị xử lý' end,"
          + " case when g % 10 = 0 then 'giveDirection' else 'handleAssignment' end,"
          // the urgency as priority (Urgency.taskPriority): mostly normal, a few flash
          + " case when g % 50 = 0 then 80 when g % 20 = 0 then 70 when g % 5 = 0 then 60 else 50 end,"
          + " now() - (g || ' minutes')::interval, now(), now() + ((g % 30 - 10) || ' days')::interval,"
          + " 1, 'Created' from generate_series(1, " + n + ") g");
      s.execute("insert into act_ru_identitylink (id_, rev_, group_id_, type_, task_id_) select"
          + " 'bl' || g, 1, " + group + ", 'candidate', 'bt' || g from generate_series(1, " + n
          + ") g");
      s.execute("insert into act_ru_authorization (id_, rev_, type_, group_id_, resource_type_,"
          + " resource_id_, perms_) select 'ba' || g, 1, 1, " + group + ", 7, 'bt' || g, 16386"
          + " from generate_series(1, " + n + ") g");
      for (String[] column : List.of(new String[] {"incomingNumber", "g || '/2025'"},
          new String[] {"summary", "'Văn bản tải trước số ' || g"},
          new String[] {"urgency", "case when g % 50 = 0 then 'FLASH' else 'NORMAL' end"})) {
        s.execute("insert into act_ru_variable (id_, rev_, type_, name_, execution_id_,"
            + " proc_inst_id_, proc_def_id_, task_id_, text_, var_scope_, sequence_counter_,"
            + " is_concurrent_local_) select 'bv" + column[0] + "' || g, 1, 'string', '"
            + column[0] + "', 'bx' || g, 'bx' || g, '" + pd + "', 'bt' || g, " + column[1]
            + ", 'bt' || g, 1, false from generate_series(1, " + n + ") g");
      }
      // the inbox's read model, as the task events would have written it (ADR 0010)
      s.execute("insert into inbox_entry (task_id, party, priority, due_date, create_time)"
          + " select t.id_, 'g:' || l.group_id_, t.priority_, t.due_date_, t.create_time_"
          + " from act_ru_task t join act_ru_identitylink l on l.task_id_ = t.id_"
          + " where t.id_ like 'bt%' and l.type_ = 'candidate'");
      s.execute("insert into act_hi_actinst (id_, proc_def_key_, proc_def_id_, root_proc_inst_id_,"
          + " proc_inst_id_, execution_id_, act_id_, act_name_, act_type_, start_time_, end_time_,"
          + " duration_, act_inst_state_, sequence_counter_) select 'bh' || g,"
          + " 'incoming-directive', '" + pd + "', 'hx' || (g / 10), 'hx' || (g / 10), 'hx' ||"
          + " (g / 10), 'handleAssignment', 'Đơn vị xử lý', 'userTask', now() - interval '400"
          + " days', now() - interval '390 days', 864000000, 1, 1 from generate_series(1, "
          + HISTORIC_ROWS + ") g");
      AfterBulkLoad.settle(s);
    }
  }
}
