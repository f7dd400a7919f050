package vn.khcn.workflow.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SQL Camunda 7.24 runs for the first page (15) of the clerks' filters as cv.qlkh
 * (phong-qlkh) with authorization on, as logged by the engine's TaskEntity mapper with the
 * parameters written in: for EXPLAIN (ANALYZE, BUFFERS) in {@link TasklistFilterBenchmarkIT}.
 */
final class FilterSql {

  static final String SELECT = "select distinct RES.REV_, RES.ID_, RES.NAME_,"
      + " RES.PARENT_TASK_ID_, RES.DESCRIPTION_, RES.PRIORITY_, RES.CREATE_TIME_, RES.OWNER_,"
      + " RES.ASSIGNEE_, RES.DELEGATION_, RES.EXECUTION_ID_, RES.PROC_INST_ID_, RES.PROC_DEF_ID_,"
      + " RES.CASE_EXECUTION_ID_, RES.CASE_INST_ID_, RES.CASE_DEF_ID_, RES.TASK_DEF_KEY_,"
      + " RES.DUE_DATE_, RES.FOLLOW_UP_DATE_, RES.SUSPENSION_STATE_, RES.TENANT_ID_,"
      + " RES.LAST_UPDATED_, RES.TASK_STATE_";
  static final String FROM = " from ACT_RU_TASK RES left join ACT_RU_IDENTITYLINK I"
      + " on I.TASK_ID_ = RES.ID_ left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_"
      + " inner join ( SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2"
      + " AND ( A.USER_ID_ in ( 'cv.qlkh', '*') OR A.GROUP_ID_ IN ( 'phong-qlkh' ) )"
      + " AND ( ( A.RESOURCE_TYPE_ = 7 AND A.PERMS_ & 2 = 2"
      + " OR A.RESOURCE_TYPE_ = 6 AND A.PERMS_ & 64 = 64 ) ) ) AUTH"
      + " ON (AUTH.RESOURCE_ID_ IN ( RES.ID_ , D.KEY_ , '*' )) WHERE ( 1 = 1 ";
  static final String CANDIDATE = " and ( I.TYPE_ = 'candidate'"
      + " and ( I.GROUP_ID_ IN ( 'phong-qlkh' ) ) ) ) and ( (AUTH.RESOURCE_ID_ IS NOT NULL) )"
      + " and (RES.TENANT_ID_ is null ) ";
  static final String PAGE = " order by RES.ID_ asc LIMIT 15 OFFSET 0";

  /** Query name to SQL: the three filters' first pages and the unit filter's count. */
  static final Map<String, String> QUERIES = new LinkedHashMap<>();

  static {
    String unit = " and RES.ASSIGNEE_ IS NULL and RES.ASSIGNEE_ is null" + CANDIDATE;
    QUERIES.put("unit_tasks", SELECT + FROM + unit + PAGE);
    QUERIES.put("due_soon", SELECT + FROM + " and RES.DUE_DATE_ < now() + interval '2 days'"
        + " and RES.DUE_DATE_ > now()" + CANDIDATE + PAGE);
    QUERIES.put("overdue", SELECT + FROM + " and RES.DUE_DATE_ < now()" + CANDIDATE + PAGE);
    QUERIES.put("unit_tasks_count", "select count(distinct RES.ID_)" + FROM + unit);
  }

  private FilterSql() {}
}
