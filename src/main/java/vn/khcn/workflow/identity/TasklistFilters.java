package vn.khcn.workflow.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * Creates or updates shared Tasklist filters (no owner) by name and grants READ on each to the
 * groups that use it. Idempotent: the same definition applied twice leaves one filter and one
 * authorization per group. Other features add their filters with {@link #ensure(Definition)}.
 */
@Component
public class TasklistFilters {

  /** A column of the Tasklist list: a process variable and its Vietnamese label. */
  public record Column(String variable, String label) {}

  /**
   * A shared filter: Vietnamese name and description, Tasklist priority (lower comes first), the
   * task query built from an empty one, the variables shown, and the groups that may READ it.
   */
  public record Definition(
      String name,
      String description,
      int priority,
      Function<TaskQuery, TaskQuery> query,
      List<Column> columns,
      Collection<String> readGroups) {}

  /**
   * The variables every filter shows: a document's incoming number or a research task's code,
   * the summary (a research task's title) and the urgency.
   */
  public static final List<Column> DOCUMENT_COLUMNS = List.of(
      new Column("incomingNumber", "Số đến"),
      new Column("taskCode", "Mã nhiệm vụ"),
      new Column("summary", "Trích yếu / tên nhiệm vụ"),
      new Column("urgency", "Độ khẩn"));

  /**
   * Tasklist's "Tự động làm mới": the open filter's page is loaded again every 10 seconds. On by
   * default; what an administrator sets in Tasklist is kept when the definitions are applied.
   */
  static final String REFRESH = "refresh";

  public static final String MY_TASKS = "Việc của tôi";
  public static final String UNIT_TASKS = "Việc của đơn vị";
  public static final String NAMED_FOR_ME = "Việc chỉ định tôi";
  public static final String DUE_SOON = "Sắp đến hạn";
  public static final String OVERDUE = "Quá hạn";
  public static final String MOST_URGENT = "Hỏa tốc / Thượng khẩn";

  /** The filters every working group sees. */
  public static final List<Definition> STANDARD = List.of(
      new Definition(MY_TASKS, "Các việc đang giao cho tôi xử lý", -10,
          q -> q.taskAssigneeExpression("${currentUser()}"), DOCUMENT_COLUMNS, Groups.WORKING),
      new Definition(UNIT_TASKS,
          "Các việc chưa có người nhận của đơn vị tôi; bấm \"Nhận việc\" (Claim) để xử lý", 0,
          q -> q.taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned(),
          DOCUMENT_COLUMNS, Groups.WORKING),
      // a unit's head and deputies are named candidates of "Phân công xử lý" and "Duyệt đề xuất"
      new Definition(NAMED_FOR_ME,
          "Việc chưa có người nhận mà tôi được chỉ định đích danh (trưởng, phó đơn vị: phân công,"
              + " duyệt đề xuất)", 3,
          q -> q.taskCandidateUserExpression("${currentUser()}").withCandidateUsers(),
          DOCUMENT_COLUMNS, Groups.WORKING),
      new Definition(DUE_SOON, "Việc của đơn vị tôi đến hạn trong 2 ngày làm việc tới", 10,
          q -> q.taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
              .dueAfterExpression("${now()}")
              .dueBeforeExpression("${tasklistDueDates.inWorkingDays(2)}"),
          DOCUMENT_COLUMNS, Groups.WORKING),
      new Definition(OVERDUE, "Việc của đơn vị tôi đã quá hạn", 20,
          q -> q.taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
              .dueBeforeExpression("${now()}"),
          DOCUMENT_COLUMNS, Groups.WORKING),
      new Definition(MOST_URGENT, "Văn bản hỏa tốc và thượng khẩn của đơn vị tôi", 30,
          q -> q.taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
              .or().processVariableValueEquals("urgency", "FLASH")
              .processVariableValueEquals("urgency", "VERY_URGENT").endOr(),
          DOCUMENT_COLUMNS, Groups.WORKING));

  private final FilterService filterService;
  private final TaskService taskService;
  private final CamundaAuthorizations authorizations;

  TasklistFilters(FilterService filterService, TaskService taskService,
      AuthorizationService authorizationService) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizations = new CamundaAuthorizations(authorizationService);
  }

  /** Creates the filter or brings an existing one of that name up to date; returns its id. */
  public String ensure(Definition definition) {
    List<Filter> existing = filterService.createFilterQuery()
        .filterResourceType(Resources.TASK.resourceName())
        .filterName(definition.name())
        .list();
    Filter filter = existing.isEmpty()
        ? filterService.newTaskFilter(definition.name())
        : existing.get(0);
    // saving an existing filter keeps its id: applying a definition twice changes no count
    filter.setOwner(null);
    Map<String, Object> properties = properties(definition);
    if (filter.getProperties() != null
        && filter.getProperties().get(REFRESH) instanceof Boolean chosen) {
      // an administrator may untick auto-refresh on a large filter (README runbook, ADR 0042)
      properties.put(REFRESH, chosen);
    }
    filter.setProperties(properties);
    filter.setQuery(definition.query().apply(taskService.createTaskQuery()));
    filterService.saveFilter(filter);
    for (String group : definition.readGroups()) {
      authorizations.grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
    }
    return filter.getId();
  }

  private static Map<String, Object> properties(Definition definition) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", definition.description());
    properties.put("priority", definition.priority());
    properties.put(REFRESH, true);
    properties.put("showUndefinedVariable", false);
    List<Map<String, Object>> variables = new ArrayList<>();
    for (Column column : definition.columns()) {
      Map<String, Object> variable = new LinkedHashMap<>();
      variable.put("name", column.variable());
      variable.put("label", column.label());
      variables.add(variable);
    }
    properties.put("variables", variables);
    return properties;
  }
}
