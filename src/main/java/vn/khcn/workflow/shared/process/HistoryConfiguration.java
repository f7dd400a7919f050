package vn.khcn.workflow.shared.process;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's history level (ADR 0011, 0044): Camunda's FULL, except for the task-local copies
 * our view listeners give every task on create (the document's or dossier's text, Tasklist's list
 * columns, a form's choices), derived from process variables and entities whose history is kept
 * yet each costing three history rows per task, and except for the long texts of forms, recorded
 * in our tables and forgotten by the engine ({@link LongTexts}). The level has FULL's id, so the
 * database records the same level and an existing installation starts unchanged; Camunda's
 * documented extension point for custom history levels is used through a process engine plugin.
 */
@Configuration(proxyBeanMethods = false)
class HistoryConfiguration {

  /** The value of {@code camunda.bpm.history-level}. */
  static final String NAME = "full-without-view-copies";

  @Bean
  ProcessEnginePlugin fullWithoutViewCopies(List<ProcessDescriptor> descriptors) {
    Set<String> copies = new HashSet<>();
    Set<String> longTexts = new HashSet<>();
    Set<String> longTextTasks = new HashSet<>();
    descriptors.forEach(descriptor -> {
      copies.addAll(descriptor.taskViewCopies());
      descriptor.longTextInputs().forEach((task, names) -> {
        longTextTasks.add(task);
        longTexts.addAll(names);
      });
    });
    HistoryLevel level = new FullWithoutViewCopies(Set.copyOf(copies), Set.copyOf(longTexts),
        Set.copyOf(longTextTasks));
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> custom = configuration.getCustomHistoryLevels() == null
            ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryLevels());
        custom.add(level);
        configuration.setCustomHistoryLevels(custom);
      }
    };
  }

  /**
   * FULL, without the history of task-local view copies, nor of the long texts forms take (ADR
   * 0044: a unit's result, a report; recorded in our tables, then forgotten by the engine): their
   * variable events in any scope, and the form-field events of a form submitted to a task that
   * takes one (Tasklist's {@code submit-form} records each field's text once more).
   */
  static final class FullWithoutViewCopies extends AbstractHistoryLevel {

    private final Set<String> viewCopies;
    private final Set<String> longTexts;
    private final Set<String> longTextTasks;

    FullWithoutViewCopies(Set<String> viewCopies, Set<String> longTexts,
        Set<String> longTextTasks) {
      this.viewCopies = viewCopies;
      this.longTexts = longTexts;
      this.longTextTasks = longTextTasks;
    }

    @Override
    public int getId() {
      return HistoryLevel.HISTORY_LEVEL_FULL.getId();
    }

    @Override
    public String getName() {
      return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
      if (entity instanceof VariableInstance variable && (longTexts.contains(variable.getName())
          || variable.getTaskId() != null && viewCopies.contains(variable.getName()))) {
        return false;
      }
      if (eventType == HistoryEventTypes.FORM_PROPERTY_UPDATE && entity instanceof DelegateTask task
          && task.getTaskDefinitionKey() != null
          && longTextTasks.contains(task.getTaskDefinitionKey())) {
        return false;
      }
      return HistoryLevel.HISTORY_LEVEL_FULL.isHistoryEventProduced(eventType, entity);
    }
  }
}
