package vn.khcn.workflow.identity;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGStatement;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * Camunda's authorized task queries (the Tasklist filters, {@code /engine-rest/task}, their
 * counts) are planned by PostgreSQL for their values at every execution (ADR 0038). The JDBC
 * driver makes a statement a named server-side one after five uses, and PostgreSQL may then keep a
 * generic plan made without the values; for the task query joined with the authorization rows
 * that plan compares every task with every authorization row, and a page of 2,000 or a far
 * offset ran for minutes on the pooled connection that kept it. Statements whose SQL reads both
 * {@code ACT_RU_TASK} and {@code ACT_RU_AUTHORIZATION} get the driver's prepare threshold 0 (sent
 * unnamed, planned each time); every other statement keeps the driver's default. Nothing changes
 * on H2.
 */
@Component
class TaskQueryPlans implements BeanPostProcessor {

  @Override
  public Object postProcessAfterInitialization(Object bean, String name) {
    if ("dataSource".equals(name) && bean instanceof DataSource dataSource
        && !(bean instanceof PlannedDataSource)) {
      return new PlannedDataSource(dataSource);
    }
    return bean;
  }

  /** Whether the driver should plan this statement for its values at every execution. */
  static boolean plannedEachTime(String sql) {
    return sql.contains("ACT_RU_TASK") && sql.contains("ACT_RU_AUTHORIZATION");
  }

  /** The application's data source, its connections setting the threshold as they prepare. */
  static final class PlannedDataSource extends DelegatingDataSource {

    PlannedDataSource(DataSource target) {
      super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
      return planned(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return planned(super.getConnection(username, password));
    }

    private static Connection planned(Connection target) {
      return (Connection) Proxy.newProxyInstance(TaskQueryPlans.class.getClassLoader(),
          new Class<?>[] {Connection.class}, new Planning(target));
    }
  }

  private record Planning(Connection target) implements InvocationHandler {

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "equals":
          return proxy == args[0];
        case "hashCode":
          return System.identityHashCode(proxy);
        case "toString":
          return "planned " + target;
        default:
          break;
      }
      Object result;
      try {
        result = method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      if ("prepareStatement".equals(method.getName()) && args[0] instanceof String sql
          && plannedEachTime(sql)) {
        Statement statement = (Statement) result;
        if (statement.isWrapperFor(PGStatement.class)) {
          statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
      }
      return result;
    }
  }
}
