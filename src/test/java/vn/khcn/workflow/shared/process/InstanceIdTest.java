package vn.khcn.workflow.shared.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.SubProcessBuilder;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An {@linkplain Variable#instanceId instance id} read from a task deep in the model (a unit's
 * task in a multi-instance sub-process) comes from the process instance's own variables: one
 * select, not one for each scope between, and the instance's value even where a scope between
 * holds another of that name. Where the instance has none, the scopes are read as before. An
 * engine of its own (H2) whose statements on ACT_RU_VARIABLE are counted.
 */
class InstanceIdTest {

  static final String KEY = "instanceIdProbe";
  static final Variable<Long> DOCUMENT_ID = Variable.instanceId("documentId");
  static final List<Long> seen = new ArrayList<>();
  static final AtomicInteger variableSelects = new AtomicInteger();
  static ProcessEngine engine;

  /** Reads the id when the task is claimed, as the application's assignment listeners do. */
  public static class ReadOnClaim implements TaskListener {
    @Override
    public void notify(DelegateTask task) {
      seen.add(DOCUMENT_ID.get(task));
    }
  }

  @BeforeAll
  static void engine() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:instance-ids;DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
        .setDataSource(counting(h2))
        .setProcessEngineName("instance-ids")
        .setJobExecutorActivate(false)
        .buildProcessEngine();
    BpmnModelInstance model = Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1)
        .startEvent()
        .userTask("first")
        .subProcess("perUnit").multiInstance().parallel().camundaCollection("${units}")
        .camundaElementVariable("unit").<SubProcessBuilder>multiInstanceDone()
        .embeddedSubProcess().startEvent()
        .userTask("handle").camundaInputParameter("documentId", "${99}")
        .camundaTaskListenerClass(TaskListener.EVENTNAME_ASSIGNMENT, ReadOnClaim.class)
        .endEvent()
        .subProcessDone()
        .endEvent().done();
    engine.getRepositoryService().createDeployment().addModelInstance(KEY + ".bpmn", model)
        .deploy();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @BeforeEach
  void clear() {
    seen.clear();
  }

  @Test
  void aUnitsTaskReadsTheIdFromTheInstanceInOneSelect() {
    Task handle = unitTask(Variables.createVariables().putValue("documentId", 7L));
    variableSelects.set(0);
    engine.getTaskService().claim(handle.getId(), "cv.vp");

    assertThat(seen).as("the instance's value, not the 99 of the task's own scope")
        .containsExactly(7L);
    assertThat(variableSelects).as("the instance's variables only").hasValue(1);
  }

  @Test
  void withoutTheIdOnTheInstanceTheScopesAreReadAsBefore() {
    Task handle = unitTask(Variables.createVariables());
    variableSelects.set(0);
    engine.getTaskService().claim(handle.getId(), "cv.vp");

    assertThat(seen).containsExactly(99L);
    assertThat(variableSelects)
        .as("the instance's, then the task's and its execution's, which holds the 99").hasValue(3);
  }

  /** Starts an instance, completes its first task and returns one of the units' tasks. */
  private static Task unitTask(java.util.Map<String, Object> variables) {
    variables.put("units", List.of("phong-khtc", "phong-qlkh"));
    String pi = engine.getRuntimeService().startProcessInstanceByKey(KEY, variables).getId();
    Task first = engine.getTaskService().createTaskQuery().processInstanceId(pi)
        .taskDefinitionKey("first").singleResult();
    engine.getTaskService().complete(first.getId());
    return engine.getTaskService().createTaskQuery().processInstanceId(pi)
        .taskDefinitionKey("handle").list().get(0);
  }

  /** The data source, counting the selects executed on ACT_RU_VARIABLE. */
  private static DataSource counting(DataSource target) {
    return proxy(DataSource.class, target, (args, result) -> result instanceof Connection c
        ? proxy(Connection.class, c, (sqlArgs, prepared) -> prepared instanceof PreparedStatement p
            && sqlArgs != null && sqlArgs[0] instanceof String sql && variableSelect(sql)
            ? proxy(PreparedStatement.class, p, null) : prepared)
        : result);
  }

  private static boolean variableSelect(String sql) {
    String s = sql.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    return s.startsWith("select") && s.contains(" from act_ru_variable");
  }

  /** A proxy calling the target, then {@code after}; without one, counting its executions. */
  private static <T> T proxy(Class<T> type, T target,
      java.util.function.BiFunction<Object[], Object, Object> after) {
    return type.cast(Proxy.newProxyInstance(InstanceIdTest.class.getClassLoader(),
        new Class<?>[] {type}, (p, method, args) -> {
          if (after == null && method.getName().startsWith("execute")) {
            variableSelects.incrementAndGet();
          }
          Object result;
          try {
            result = method.invoke(target, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          return after == null ? result : after.apply(args, result);
        }));
  }
}
