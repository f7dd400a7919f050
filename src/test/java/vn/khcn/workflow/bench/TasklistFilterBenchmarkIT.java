package vn.khcn.workflow.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import vn.khcn.workflow.identity.TasklistFilters;

/**
 * Issue 20's {@code tasklist_filter} figures ({@code ./mvnw -B -Pbench verify
 * -Dit.test=TasklistFilterBenchmarkIT}, not part of verify): the clerks' Tasklist filters "Việc
 * của đơn vị", "Sắp đến hạn" and "Quá hạn" as a unit officer (cv.qlkh, phong-qlkh) opens them
 * in Tasklist with authorization on, at bench.openTasks (100,000) open tasks: the page as Tasklist
 * loads it (HAL: the list, the filter's count, the embedded variables and names; ADR 0042), the
 * list alone, the count alone, next to the bare ordered candidate-group queries of the inbox's
 * baseline in the same run (ADR 0035). Checks on the way that each filter lists only tasks of
 * the officer's unit and counts what the database holds for it. Settings: bench.openTasks, bench.filterSamples (200).
 * Merges its keys into target/bench/results.json ({@link BenchResults}).
 */
class TasklistFilterBenchmarkIT {

  static final int OPEN_TASKS = Integer.getInteger("bench.openTasks", 100_000);
  static final int SAMPLES = Integer.getInteger("bench.filterSamples", 200);
  /** Also measure the pages without ADR 0035's statistics (slow: about a minute a page). */
  static final boolean BEFORE = Boolean.getBoolean("bench.filterBefore");
  static final String DB = "khcn_bench_filters_" + ProcessHandle.current().pid();
  static final String OFFICER = "cv.qlkh";
  static final String UNIT = "phong-qlkh";
  static final int PAGE = 15;
  /** The filters and the keys their figures go under. */
  static final Map<String, String> FILTERS = new LinkedHashMap<>();

  static {
    FILTERS.put(TasklistFilters.UNIT_TASKS, "unit_tasks");
    FILTERS.put(TasklistFilters.DUE_SOON, "due_soon");
    FILTERS.put(TasklistFilters.OVERDUE, "overdue");
  }

  /**
   * The body Tasklist 7.24 posts for a filter's first page: its default sorting (newest first),
   * no search; Tasklist asks for HAL ({@code CamundaWebapp#postAsTasklist}).
   */
  static final Map<String, Object> TASKLIST_QUERY = Map.of("processVariables", List.of(),
      "taskVariables", List.of(), "caseInstanceVariables", List.of(), "firstResult", 0,
      "maxResults", PAGE, "sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc")),
      "active", true);

  final ObjectMapper json = new ObjectMapper();

  @Test
  void filtersAsAUnitOfficer() throws Exception {
    Map<String, Object> figures = new LinkedHashMap<>();
    try (OpenTaskLoad load = new OpenTaskLoad(DB)) {
      load.load(OPEN_TASKS);
      figures.put("open_tasks", load.count("select count(*) from act_ru_task"));
      figures.put("seed_settled", AfterBulkLoad.how());
      figures.put("task_authorizations",
          load.count("select count(*) from act_ru_authorization where resource_type_ = 7"));
      FilterService filters = load.app.getBean(FilterService.class);
      // before ADR 0035: the same first pages without the statistics on the permission checks;
      // on a quiet machine a page then takes about a minute, so only with -Dbench.filterBefore
      if (BEFORE) {
        statistics(load, false);
        for (Map.Entry<String, String> filter : FILTERS.entrySet()) {
          String id = filters.createFilterQuery().filterName(filter.getKey()).singleResult()
              .getId();
          figures.put(filter.getValue() + "_without_statistics_p95_ms", OpenTaskLoad.latencies(
              3, () -> load.http(OFFICER, "POST", "/engine-rest/filter/" + id
                  + "/list?firstResult=0&maxResults=" + PAGE, "{}")).get("p95_ms"));
        }
        figures.put("plans_without_statistics", plans(load, false));
      }
      statistics(load, true);
      var tasklist = new vn.khcn.workflow.support.TestHttp("http://127.0.0.1:" + load.port)
          .webapp(OFFICER, "tasklist");
      double worst = 0;
      double worstList = 0;
      for (Map.Entry<String, String> filter : FILTERS.entrySet()) {
        String id = filters.createFilterQuery().filterName(filter.getKey()).singleResult().getId();
        String path = "/filter/" + id + "/list?firstResult=0&maxResults=" + PAGE;
        checkPage(tasklist.postAsTasklist(path, TASKLIST_QUERY), filter.getKey());
        // the page as Tasklist loads it (ADR 0042): the webapp's engine API with the session of
        // one login (cookie and CSRF token), HAL, so the engine also counts the filter's tasks
        // and embeds the variables, assignees, candidate groups and process definitions
        Map<String, Object> page = OpenTaskLoad.latencies(SAMPLES, () ->
            ok(tasklist.postAsTasklist(path, TASKLIST_QUERY), "Tasklist page"));
        // the list alone (plain JSON: no count, nothing embedded), what these keys measured
        // before ADR 0042
        Map<String, Object> list = OpenTaskLoad.latencies(SAMPLES, () ->
            ok(tasklist.post(path, Map.of()), "Tasklist list"));
        // the list through /engine-rest with Basic credentials (a script or integrator): the
        // password is checked (BCrypt) on every call
        Map<String, Object> basic = OpenTaskLoad.latencies(Math.max(10, SAMPLES / 4), () ->
            load.http(OFFICER, "POST", "/engine-rest" + path, "{}"));
        Map<String, Object> count = OpenTaskLoad.latencies(Math.max(10, SAMPLES / 10), () ->
            ok(tasklist.get("/filter/" + id + "/count"), "Tasklist count"));
        String key = filter.getValue();
        figures.put(key + "_p50_ms", page.get("p50_ms"));
        figures.put(key + "_p95_ms", page.get("p95_ms"));
        figures.put(key + "_p99_ms", page.get("p99_ms"));
        figures.put(key + "_list_p50_ms", list.get("p50_ms"));
        figures.put(key + "_list_p95_ms", list.get("p95_ms"));
        figures.put(key + "_count_p95_ms", count.get("p95_ms"));
        figures.put(key + "_engine_rest_basic_p95_ms", basic.get("p95_ms"));
        worst = Math.max(worst, (Double) page.get("p95_ms"));
        worstList = Math.max(worstList, (Double) list.get("p95_ms"));
      }
      TaskService tasks = load.app.getBean(TaskService.class);
      // the inbox's baseline (inbox.baseline_p95_ms): the director's candidate-group and
      // assignee TaskQuerys in the inbox's order, no authentication, measured in this run
      double baseline = (Double) OpenTaskLoad.latencies(SAMPLES, () -> {
        bareOrdered(tasks).taskCandidateGroupIn(List.of("lanh-dao")).listPage(0, 51);
        bareOrdered(tasks).taskAssignee("giamdoc").listPage(0, 51);
      }).get("p95_ms");
      // the same bare ordered query for the officer's unit (three times the director's tasks)
      Object unitBaseline = OpenTaskLoad.latencies(SAMPLES, () -> bareOrdered(tasks)
          .taskCandidateGroupIn(List.of(UNIT)).listPage(0, 51)).get("p95_ms");
      figures.put("p95_ms", worst);
      figures.put("list_p95_ms", worstList);
      figures.put("baseline_p95_ms", baseline);
      figures.put("ratio", OpenTaskLoad.round(worst / baseline));
      figures.put("list_ratio", OpenTaskLoad.round(worstList / baseline));
      figures.put("baseline_unit_p95_ms", unitBaseline);
      figures.put("samples", SAMPLES);
      figures.put("page", PAGE);
      figures.put("plans", plans(load, true));
      // checked after the timings: a page of 2000 may leave the connection's prepared statement
      // with PostgreSQL's generic plan (ADR 0037), which would then time every later page
      for (String name : FILTERS.keySet()) {
        checkOnlyTheUnitsTasks(load, filters.createFilterQuery().filterName(name).singleResult()
            .getId(), name);
      }
    }
    System.out.println(BenchResults.merge(Map.of("tasklist_filter", figures)));
  }

  /** A timed call failed: the bench stops rather than time error pages. */
  static void ok(vn.khcn.workflow.support.TestHttp.Response response, String what) {
    if (response.status() != 200) {
      throw new IllegalStateException(what + " " + response.status() + ": " + response.text());
    }
  }

  /**
   * The page Tasklist gets is what the timings load: HAL with the filter's count, a full first
   * page of the unit's tasks, newest first, each with the filter's variables embedded.
   */
  void checkPage(vn.khcn.workflow.support.TestHttp.Response response, String name)
      throws Exception {
    assertEquals(200, response.status(), name + ": " + response.text());
    JsonNode page = json.readTree(response.text());
    assertTrue(page.path("count").asLong() > PAGE, name + ": the page carries the filter's count");
    JsonNode tasks = page.path("_embedded").path("task");
    assertEquals(PAGE, tasks.size(), name + ": a full first page");
    String previous = null;
    for (JsonNode task : tasks) {
      assertTrue(task.path("_embedded").path("variable").size() > 0,
          name + ": the filter's variables embedded in " + task.path("id").asText());
      String created = task.path("created").asText();
      assertTrue(previous == null || previous.compareTo(created) >= 0,
          name + ": Tasklist's order, newest first");
      previous = created;
    }
  }

  static org.camunda.bpm.engine.task.TaskQuery bareOrdered(TaskService tasks) {
    return tasks.createTaskQuery().active().orderByTaskPriority().desc().orderByDueDate().asc()
        .orderByTaskCreateTime().asc().orderByTaskId().asc();
  }

  /**
   * The filter's count is what the database holds of the officer's unit for the filter, and its
   * first 2000 tasks are all the unit's. (The whole list, paged by 2000, took minutes a page once
   * PostgreSQL switched the prepared statement to its generic plan: ADR 0037.)
   */
  void checkOnlyTheUnitsTasks(OpenTaskLoad load, String filterId, String name) throws Exception {
    List<String> ids = new ArrayList<>();
    JsonNode page = json.readTree(load.http(OFFICER, "POST", "/engine-rest/filter/" + filterId
        + "/list?firstResult=0&maxResults=2000", "{}"));
    page.forEach(task -> ids.add(task.get("id").asText()));
    long count = json.readTree(load.http(OFFICER, "GET", "/engine-rest/filter/" + filterId
        + "/count", null)).get("count").asLong();
    assertEquals(Math.min(2000, count), ids.size(), name + ": first page and count");
    assertTrue(count > 0, name + " lists the unit's tasks");
    String where = switch (name) {
      case TasklistFilters.UNIT_TASKS -> "t.assignee_ is null";
      case TasklistFilters.OVERDUE -> "t.due_date_ < now()";
      default -> "t.due_date_ > now() and t.due_date_ < now() + interval '2 days'";
    };
    long unitTasks = load.count("select count(distinct t.id_) from act_ru_task t join"
        + " act_ru_identitylink l on l.task_id_ = t.id_ and l.type_ = 'candidate'"
        + " and l.group_id_ = '" + UNIT + "' where " + where);
    long others = load.count("select count(*) from act_ru_task t where t.id_ in ('"
        + String.join("','", ids) + "') and not exists (select 1 from act_ru_identitylink l"
        + " where l.task_id_ = t.id_ and l.type_ = 'candidate' and l.group_id_ = '" + UNIT + "')");
    assertEquals(0, others, name + " lists tasks of other units");
    if (!TasklistFilters.DUE_SOON.equals(name)) {
      // "Sắp đến hạn" ends after 2 working days, which a calendar span only approximates
      assertEquals(unitTasks, count, name + ": the unit's tasks in the database");
    }
  }

  /** Drops or (re)creates the statistics TaskAuthorizationStatistics creates, then analyzes. */
  static void statistics(OpenTaskLoad load, boolean on) throws Exception {
    try (Connection c = load.connection(); Statement s = c.createStatement()) {
      for (String[] stx : new String[][] {{"khcn_stx_auth_perms_read", "2"},
          {"khcn_stx_auth_perms_read_task", "64"}}) {
        s.execute(on ? "create statistics if not exists " + stx[0] + " on (perms_ & " + stx[1]
            + ") from act_ru_authorization" : "drop statistics if exists " + stx[0]);
      }
      s.execute("analyze act_ru_authorization");
    }
  }

  /** What PostgreSQL plans for the filters, as the engine writes them: the execution times. */
  Map<String, Object> plans(OpenTaskLoad load, boolean withCount) throws Exception {
    Map<String, Object> plans = new LinkedHashMap<>();
    try (Connection c = load.connection(); Statement s = c.createStatement()) {
      // the settings of the application's pooled connections (jit off, random_page_cost): the
      // plans before 2026-12-05 were timed with PostgreSQL's JIT, 760 ms of the count's 935
      s.execute(load.app.getEnvironment().getRequiredProperty(
          "spring.datasource.hikari.connection-init-sql"));
      for (Map.Entry<String, String> query : FilterSql.QUERIES.entrySet()) {
        if (!withCount && query.getKey().endsWith("_count")) {
          continue; // without the statistics it scans every authorization for every task
        }
        StringBuilder plan = new StringBuilder();
        try (ResultSet rs = s.executeQuery("explain (analyze, buffers) " + query.getValue())) {
          while (rs.next()) {
            plan.append(rs.getString(1)).append('\n');
          }
        }
        System.out.println("-- " + query.getKey() + "\n" + plan);
        String[] lines = plan.toString().split("\n");
        plans.put(query.getKey(), lines[lines.length - 1].trim());
      }
    }
    return plans;
  }
}
