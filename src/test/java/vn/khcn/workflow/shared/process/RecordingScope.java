package vn.khcn.workflow.shared.process;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A variable scope that only records what is written to it, keyed {@code "setVariable:name"} or
 * {@code "setVariableLocal:name"}: what a {@link Variable} hands the engine. Any other call fails.
 */
public final class RecordingScope {

  public final Map<String, Object> written = new HashMap<>();
  public final VariableScope scope = (VariableScope) Proxy.newProxyInstance(
      RecordingScope.class.getClassLoader(), new Class<?>[] {VariableScope.class},
      (proxy, method, args) -> {
        if (method.getName().startsWith("setVariable")) {
          written.put(method.getName() + ":" + args[0], args[1]);
          return null;
        }
        throw new UnsupportedOperationException(method.getName());
      });

  /** The value last written task-locally under this name. */
  public Object local(String name) {
    return written.get("setVariableLocal:" + name);
  }
}
