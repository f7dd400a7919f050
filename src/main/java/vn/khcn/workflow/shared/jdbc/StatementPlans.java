package vn.khcn.workflow.shared.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGStatement;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * Statements that PostgreSQL plans for their values at every execution (ADR 0038, 0039). The
 * JDBC driver makes a statement a named server-side one after five uses on a connection, and
 * PostgreSQL may then keep a generic plan made without the values: for the statements the
 * features name ({@link PlannedEachTime} beans: the authorized task queries, the document
 * search) that plan reads far more rows than the plan for the values. Those statements get the
 * driver's {@code prepareThreshold} 0 (sent unnamed, planned each time); every other statement
 * keeps the driver's default. The application's {@code dataSource} bean is wrapped in a Spring
 * {@link DelegatingDataSource}, so pool metrics and health still reach Hikari. Nothing changes on
 * H2.
 */
@Component
public class StatementPlans implements BeanPostProcessor {

  private final ObjectProvider<PlannedEachTime> rules;

  StatementPlans(ObjectProvider<PlannedEachTime> rules) {
    this.rules = rules;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String name) {
    if ("dataSource".equals(name) && bean instanceof DataSource dataSource
        && !(bean instanceof PlannedDataSource)) {
      return new PlannedDataSource(dataSource, rules);
    }
    return bean;
  }

  /** The application's data source, its connections setting the threshold as they prepare. */
  public static final class PlannedDataSource extends DelegatingDataSource {

    private final ObjectProvider<PlannedEachTime> provider;
    /** The rules, read once the context has them (the data source is made before the rules). */
    private volatile List<PlannedEachTime> rules;

    PlannedDataSource(DataSource target, ObjectProvider<PlannedEachTime> provider) {
      super(target);
      this.provider = provider;
    }

    /** Whether a feature asks for this statement to be planned for its values each time. */
    boolean plannedEachTime(String sql) {
      List<PlannedEachTime> known = rules;
      if (known == null) {
        known = provider.orderedStream().toList();
        rules = known;
      }
      return known.stream().anyMatch(rule -> rule.test(sql));
    }

    @Override
    public Connection getConnection() throws SQLException {
      return planned(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return planned(super.getConnection(username, password));
    }

    private Connection planned(Connection target) {
      return (Connection) Proxy.newProxyInstance(StatementPlans.class.getClassLoader(),
          new Class<?>[] {Connection.class}, new Planning(target, this));
    }
  }

  private record Planning(Connection target, PlannedDataSource plans)
      implements InvocationHandler {

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
          && plans.plannedEachTime(sql)) {
        Statement statement = (Statement) result;
        if (statement.isWrapperFor(PGStatement.class)) {
          statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
      }
      return result;
    }
  }
}
