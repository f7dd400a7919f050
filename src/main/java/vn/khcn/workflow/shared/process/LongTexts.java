package vn.khcn.workflow.shared.process;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The long texts a task's form takes ({@link Variable#longText}: a unit's result, a report) are
 * business records, kept in our tables by the task's complete listeners. The engine forgets them
 * right after (ADR 0044): a complete listener added behind the model's own listeners removes them
 * from whichever scope holds them, so a text longer than the engine's 4,000-character string
 * column never reaches it, and none lingers in a running instance. Their history is not kept
 * either ({@link HistoryConfiguration}). Added through a process engine plugin's BPMN parse
 * listener, for every model an administrator deploys, whatever its input mappings.
 */
@Configuration(proxyBeanMethods = false)
class LongTexts {

  @Bean
  ProcessEnginePlugin forgetLongTexts(List<ProcessDescriptor> descriptors) {
    Map<String, Map<String, Set<String>>> byProcess = new HashMap<>();
    descriptors.forEach(descriptor -> {
      Map<String, Set<String>> byTask = descriptor.longTextInputs();
      if (!byTask.isEmpty()) {
        byProcess.put(descriptor.key(), byTask);
      }
    });
    BpmnParseListener listener = new LongTextParseListener(Map.copyOf(byProcess));
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
            ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(listener);
        configuration.setCustomPostBPMNParseListeners(listeners);
      }
    };
  }

  /** Puts {@link ForgetLongTexts} behind the complete listeners of each task taking long texts. */
  static final class LongTextParseListener extends AbstractBpmnParseListener {

    private final Map<String, Map<String, Set<String>>> byProcess;

    LongTextParseListener(Map<String, Map<String, Set<String>>> byProcess) {
      this.byProcess = byProcess;
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
      if (!(activity.getProcessDefinition() instanceof ProcessDefinition definition)) {
        return;
      }
      Set<String> names = byProcess.getOrDefault(definition.getKey(), Map.of())
          .get(activity.getId());
      if (names != null
          && activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
        // appended: runs after the listeners the model declares, which record the texts
        behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_COMPLETE,
            new ForgetLongTexts(names));
      }
    }
  }

  /** Removes the task's long texts from whichever scope holds them (none: nothing happens). */
  static final class ForgetLongTexts implements TaskListener {

    private final Set<String> names;

    ForgetLongTexts(Set<String> names) {
      this.names = names;
    }

    @Override
    public void notify(DelegateTask task) {
      names.forEach(task::removeVariable);
    }
  }
}
