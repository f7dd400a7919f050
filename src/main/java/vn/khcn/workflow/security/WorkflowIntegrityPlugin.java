package vn.khcn.workflow.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import vn.khcn.workflow.identity.Substitutes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.khcn.workflow.shared.process.DomainStart;
import vn.khcn.workflow.shared.process.ProcessDescriptor;

/**
 * Rules the engine itself enforces, whatever path a call takes (engine REST, the webapps' API,
 * our services): a user task is completed only by its assignee, or, unassigned, by one of its
 * candidates who thereby becomes the assignee (while a substitution is active, the assignee's
 * substitute too); a process our descriptors declare starts only from
 * its domain service ({@link DomainStart}) or, when {@link ProcessDescriptor#calledOnly()}, only
 * from a call activity. A call without an engine authentication is the system's own and allowed.
 * Registered through a process engine plugin's BPMN parse listener, so the engine model tests
 * (which build their engine without Spring) run the models unchanged.
 */
@Configuration(proxyBeanMethods = false)
class WorkflowIntegrityPlugin {

  @Bean
  ProcessEnginePlugin workflowIntegrity(List<ProcessDescriptor> descriptors,
      ObjectProvider<Substitutes> substitutes) {
    Map<String, Boolean> guardedStarts = new HashMap<>();
    descriptors.forEach(d -> guardedStarts.put(d.key(), d.calledOnly()));
    // resolved when a task completes: the substitutions' store needs the engine built first
    BpmnParseListener listener = new IntegrityParseListener(Map.copyOf(guardedStarts),
        new CompleteOnlyByAssignee(() -> substitutes.getIfAvailable(() -> Substitutes.NONE)));
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
            ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
        listeners.add(listener);
        configuration.setCustomPreBPMNParseListeners(listeners);
      }
    };
  }

  /** Adds the completion rule to every user task and the start rule to declared processes. */
  static final class IntegrityParseListener extends AbstractBpmnParseListener {

    private final Map<String, Boolean> calledOnlyByKey;
    private final CompleteOnlyByAssignee completion;

    IntegrityParseListener(Map<String, Boolean> calledOnlyByKey,
        CompleteOnlyByAssignee completion) {
      this.calledOnlyByKey = calledOnlyByKey;
      this.completion = completion;
    }

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
      Boolean calledOnly = calledOnlyByKey.get(processDefinition.getKey());
      if (calledOnly != null) {
        processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START,
            new StartOnlyThroughDomain(processDefinition.getKey(), calledOnly));
      }
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
      if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
        behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
            completion);
      }
    }
  }

  /** Refuses a start that neither a domain service nor a call activity made. */
  static final class StartOnlyThroughDomain implements ExecutionListener {

    private final String processKey;
    private final boolean calledOnly;

    StartOnlyThroughDomain(String processKey, boolean calledOnly) {
      this.processKey = processKey;
      this.calledOnly = calledOnly;
    }

    @Override
    public void notify(DelegateExecution execution) {
      if (execution.getSuperExecution() != null) {
        return;
      }
      if (!calledOnly && DomainStart.active()) {
        return;
      }
      throw new AuthorizationException(calledOnly
          ? "Quy trình \"" + processKey + "\" chỉ được bắt đầu từ quy trình gọi nó,"
              + " không bắt đầu trực tiếp."
          : "Quy trình \"" + processKey + "\" chỉ được bắt đầu qua nghiệp vụ của hệ thống"
              + " (đăng ký văn bản đến, nộp hồ sơ nhiệm vụ), không bắt đầu trực tiếp.");
    }
  }

  /**
   * Only the assignee completes, or while a substitution is active the assignee's substitute (in
   * their own name, the task staying the absent person's); an unassigned task's candidate
   * completes and becomes it.
   */
  static final class CompleteOnlyByAssignee implements TaskListener {

    private final Supplier<Substitutes> substitutes;

    CompleteOnlyByAssignee(Supplier<Substitutes> substitutes) {
      this.substitutes = substitutes;
    }

    @Override
    public void notify(DelegateTask task) {
      Authentication authentication = Context.getCommandContext() == null ? null
          : Context.getCommandContext().getAuthentication();
      if (authentication == null || authentication.getUserId() == null) {
        return; // the system's own call (timers, domain services without a user, start-up data)
      }
      String userId = authentication.getUserId();
      String assignee = task.getAssignee();
      if (assignee != null) {
        if (!assignee.equals(userId) && !substitutes.get().actsFor(userId, assignee)) {
          throw new AuthorizationException("Công việc \"" + task.getName()
              + "\" đang do " + assignee + " xử lý; chỉ người đó được hoàn thành.");
        }
        return;
      }
      List<String> groups = authentication.getGroupIds() == null ? List.of()
          : authentication.getGroupIds();
      for (IdentityLink candidate : task.getCandidates()) {
        if (userId.equals(candidate.getUserId())
            || (candidate.getGroupId() != null && groups.contains(candidate.getGroupId()))) {
          task.setAssignee(userId);
          return;
        }
      }
      throw new AuthorizationException("Bạn không thuộc những người được giao công việc \""
          + task.getName() + "\".");
    }
  }
}
