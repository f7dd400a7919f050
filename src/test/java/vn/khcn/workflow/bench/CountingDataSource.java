package vn.khcn.workflow.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/**
 * Counts the SQL statements executed and the transactions committed through a DataSource (the
 * benchmark's "SQL cost"), with JDK proxies: no library, nothing changed in the application.
 */
final class CountingDataSource {

  final AtomicLong statements = new AtomicLong();
  final AtomicLong commits = new AtomicLong();
  /** Executions per statement shape (its first words, up to the table), to see where SQL goes. */
  final Map<String, LongAdder> shapes = new ConcurrentHashMap<>();

  /** A copy of the executions per shape, to subtract from a later one. */
  Map<String, Long> shapesNow() {
    Map<String, Long> copy = new LinkedHashMap<>();
    shapes.forEach((shape, count) -> copy.put(shape, count.sum()));
    return copy;
  }

  /** The shapes executed between two copies, most frequent first, as executions per unit. */
  static Map<String, Double> perUnit(Map<String, Long> before, Map<String, Long> after,
      long units, int top) {
    Map<String, Double> result = new LinkedHashMap<>();
    after.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .limit(top)
        .forEach(e -> result.put(e.getKey(), Math.round(e.getValue() * 100.0 / units) / 100.0));
    return result;
  }

  /** "insert into act_hi_varinst", "select … from act_ru_task", "update incoming_document". */
  static String shape(String sql) {
    if (sql == null) {
      return "(unknown)";
    }
    String s = sql.replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
    if (s.startsWith("select")) {
      int from = s.indexOf(" from ");
      String rest = from < 0 ? s : s.substring(from + 6);
      String table = rest.split("[ ,()]", 2)[0];
      return "select … from " + table + (s.contains(" for update") ? " for update" : "");
    }
    String[] words = s.split(" ");
    int take = words[0].equals("update") ? 2 : 3;
    return String.join(" ", java.util.Arrays.copyOf(words, Math.min(take, words.length)));
  }

  /** Shapes of the statements seen: the engine prepares a bounded set of texts. */
  private final Map<String, String> shapeOf = new ConcurrentHashMap<>();

  private void executed(String sql) {
    statements.incrementAndGet();
    String shape = sql == null ? shape(null) : shapeOf.computeIfAbsent(sql, CountingDataSource::shape);
    shapes.computeIfAbsent(shape, k -> new LongAdder()).increment();
  }

  DataSource wrap(DataSource target) {
    return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {DataSource.class}, handler(target, (proxy, method, args) -> {
          Object result = invoke(target, method, args);
          return result instanceof Connection connection ? connection(connection) : result;
        }));
  }

  private Connection connection(Connection target) {
    return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {Connection.class}, handler(target, (proxy, method, args) -> {
          if (method.getName().equals("commit")) {
            commits.incrementAndGet();
          }
          Object result = invoke(target, method, args);
          String sql = args != null && args.length > 0 && args[0] instanceof String text
              ? text : null;
          if (result instanceof CallableStatement statement) {
            return statement(statement, CallableStatement.class, sql);
          }
          if (result instanceof PreparedStatement statement) {
            return statement(statement, PreparedStatement.class, sql);
          }
          if (result instanceof Statement statement) {
            return statement(statement, Statement.class, null);
          }
          return result;
        }));
  }

  private <T extends Statement> T statement(T target, Class<T> type, String prepared) {
    return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type},
        handler(target, (proxy, method, args) -> {
          if (method.getName().startsWith("execute")) {
            executed(prepared != null ? prepared
                : args != null && args.length > 0 && args[0] instanceof String sql ? sql : null);
          }
          return invoke(target, method, args);
        })));
  }

  private static InvocationHandler handler(Object target, InvocationHandler handler) {
    return (proxy, method, args) -> {
      if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> c
          && c.isInstance(target)) {
        return target;
      }
      if (method.getName().equals("isWrapperFor") && args != null
          && args[0] instanceof Class<?> c && c.isInstance(target)) {
        return true;
      }
      return handler.invoke(proxy, method, args);
    };
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
