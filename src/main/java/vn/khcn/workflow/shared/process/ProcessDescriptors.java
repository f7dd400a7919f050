package vn.khcn.workflow.shared.process;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Every feature's {@link ProcessDescriptor}, collected: the one place cross-cutting code asks
 * which processes the Department runs, which decisions they call and what each user task accepts.
 */
@Component
public class ProcessDescriptors {

  private final Map<String, ProcessDescriptor> byKey = new LinkedHashMap<>();

  public ProcessDescriptors(List<ProcessDescriptor> descriptors) {
    for (ProcessDescriptor descriptor : descriptors) {
      if (byKey.put(descriptor.key(), descriptor) != null) {
        throw new IllegalStateException("two descriptors for process " + descriptor.key());
      }
    }
  }

  public Set<String> processKeys() {
    return byKey.keySet();
  }

  public Set<String> decisionKeys() {
    Set<String> keys = new TreeSet<>();
    byKey.values().forEach(d -> keys.addAll(d.decisionKeys()));
    return keys;
  }

  public Optional<ProcessDescriptor> process(String processKey) {
    return Optional.ofNullable(byKey.get(processKey));
  }

  /** The contract of a user task; empty for a process or task no descriptor declares. */
  public Optional<UserTaskContract> contract(String processKey, String taskKey) {
    return process(processKey).flatMap(d -> d.contract(taskKey));
  }

  public java.util.Collection<ProcessDescriptor> all() {
    return byKey.values();
  }
}
