package vn.khcn.workflow.dispatch;

import vn.khcn.workflow.identity.ActorResolver;
import static vn.khcn.workflow.dispatch.IncomingDirectiveProcess.Vars;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.shared.process.InvalidTaskInputException;
import vn.khcn.workflow.shared.process.WorkflowStep;
import vn.khcn.workflow.shared.process.VariableValues;

/**
 * The beans incoming-directive.bpmn calls (names in {@link IncomingDirectiveProcess.Beans}). Each
 * reads its variables, calls one method of {@link DocumentSteps} and writes the results back.
 */
final class DispatchProcessAdapters {

  static long documentId(VariableScope scope) {
    Object id = scope.getVariable(Vars.DOCUMENT_ID);
    if (!(id instanceof Number number)) {
      throw new IllegalStateException("Process variable documentId is missing");
    }
    return number.longValue();
  }

  static Integer integer(Map<?, ?> map, String key) {
    Object value = map == null ? null : map.get(key);
    return value instanceof Number number ? number.intValue() : null;
  }

  @WorkflowStep
  @Component(IncomingDirectiveProcess.Beans.SCHEDULE_DIRECTION)
  static class ScheduleDirectionStep implements JavaDelegate {
    private final DocumentSteps steps;

    ScheduleDirectionStep(DocumentSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      Map<?, ?> sla = (Map<?, ?>) execution.getVariable(Vars.SLA);
      DirectionSchedule schedule = steps.scheduleDirection(documentId(execution),
          integer(sla, "directionDueHours"), integer(sla, "directionDueWorkingDays"),
          integer(sla, "handlingDueWorkingDays"));
      execution.setVariable(Vars.DIRECTION_DUE_DATE, Date.from(schedule.directionDue()));
      execution.setVariable(Vars.DUE_DATE, schedule.suggestedHandlingDue().toString());
    }
  }

  @WorkflowStep
  @Component(IncomingDirectiveProcess.Beans.DIRECTION_LISTENER)
  static class DirectionListener implements TaskListener {
    private final DocumentSteps steps;
    private final ActorResolver actors;

    DirectionListener(DocumentSteps steps, ActorResolver actors) {
      this.steps = steps;
      this.actors = actors;
    }

    @Override
    public void notify(DelegateTask task) {
      Boolean infoOnly;
      try {
        infoOnly = VariableValues.bool(task.getVariable(Vars.INFO_ONLY));
      } catch (IllegalArgumentException e) {
        throw new InvalidTaskInputException(List.of("infoOnly: " + e.getMessage()));
      }
      DirectionInput input = new DirectionInput(
          VariableValues.string(task.getVariable(Vars.DIRECTION)), infoOnly,
          VariableValues.string(task.getVariable(Vars.LEAD_UNIT)),
          VariableValues.stringList(task.getVariable(Vars.COORDINATING_UNITS)),
          VariableValues.stringList(task.getVariable(Vars.INFORMED_UNITS)),
          task.getVariable(Vars.DUE_DATE));
      DirectionPlan plan = steps.recordDirection(documentId(task), input,
          actors.current(task), task.getId());
      DelegateExecution execution = task.getExecution();
      execution.setVariable(Vars.INFO_ONLY, plan.infoOnly());
      execution.setVariable(Vars.ASSIGNED_UNITS, new ArrayList<>(plan.assignedUnits()));
      execution.setVariable(Vars.HAS_COORDINATING_UNITS, plan.hasCoordinatingUnits());
      if (!plan.infoOnly()) {
        execution.setVariable(Vars.HANDLING_DUE_DATE, Date.from(plan.handlingDue()));
        execution.setVariable(Vars.REMINDER_DATE, Date.from(plan.reminderAt()));
      }
    }
  }

  @WorkflowStep
  @Component(IncomingDirectiveProcess.Beans.NOTIFY_INFORMED)
  static class NotifyInformedUnitsStep implements JavaDelegate {
    private final DocumentSteps steps;

    NotifyInformedUnitsStep(DocumentSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.notifyInformedUnits(documentId(execution));
    }
  }

  @WorkflowStep
  @Component(IncomingDirectiveProcess.Beans.UNIT_RESULT_LISTENER)
  static class UnitResultListener implements TaskListener {
    private final DocumentSteps steps;
    private final ActorResolver actors;

    UnitResultListener(DocumentSteps steps, ActorResolver actors) {
      this.steps = steps;
      this.actors = actors;
    }

    @Override
    public void notify(DelegateTask task) {
      steps.recordUnitResult(documentId(task), (String) task.getVariable(Vars.UNIT),
          VariableValues.string(task.getVariable(Vars.RESULT)), actors.current(task), task.getId());
    }
  }

  @WorkflowStep
  @Component(IncomingDirectiveProcess.Beans.REPORT_LISTENER)
  static class ReportListener implements TaskListener {
    private final DocumentSteps steps;
    private final ActorResolver actors;

    ReportListener(DocumentSteps steps, ActorResolver actors) {
      this.steps = steps;
      this.actors = actors;
    }

    @Override
    public void notify(DelegateTask task) {
      steps.recordReport(documentId(task), VariableValues.string(task.getVariable(Vars.REPORT)),
          actors.current(task), task.getId());
    }
  }

  @WorkflowStep
  @Component(IncomingDirectiveProcess.Beans.APPROVAL_LISTENER)
  static class ApprovalListener implements TaskListener {
    private final DocumentSteps steps;
    private final ActorResolver actors;

    ApprovalListener(DocumentSteps steps, ActorResolver actors) {
      this.steps = steps;
      this.actors = actors;
    }

    @Override
    public void notify(DelegateTask task) {
      Boolean approved;
      try {
        approved = VariableValues.bool(task.getVariable(Vars.APPROVED));
      } catch (IllegalArgumentException e) {
        throw new InvalidTaskInputException(List.of("approved: " + e.getMessage()));
      }
      steps.recordApproval(documentId(task), approved,
          VariableValues.string(task.getVariable(Vars.COMMENT)), actors.current(task), task.getId());
      task.getExecution().setVariable(Vars.APPROVED, approved);
    }
  }

  @WorkflowStep
  @Component(IncomingDirectiveProcess.Beans.REMIND)
  static class RemindStep implements JavaDelegate {
    private final DocumentSteps steps;

    RemindStep(DocumentSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.remind(documentId(execution), unitOf(execution),
          (String) execution.getVariable(Vars.STAGE));
    }
  }

  @WorkflowStep
  @Component(IncomingDirectiveProcess.Beans.ESCALATE)
  static class EscalateStep implements JavaDelegate {
    private final DocumentSteps steps;

    EscalateStep(DocumentSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.escalate(documentId(execution), unitOf(execution),
          (String) execution.getVariable(Vars.STAGE));
    }
  }

  @WorkflowStep
  @Component(IncomingDirectiveProcess.Beans.ARCHIVE)
  static class ArchiveDocumentStep implements JavaDelegate {
    private final DocumentSteps steps;

    ArchiveDocumentStep(DocumentSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.archive(documentId(execution));
    }
  }

  @WorkflowStep
  @Component(IncomingDirectiveProcess.Beans.TASK_VIEW_LISTENER)
  static class TaskViewListener implements TaskListener {
    private final DocumentQueries queries;

    TaskViewListener(DocumentQueries queries) {
      this.queries = queries;
    }

    @Override
    public void notify(DelegateTask task) {
      task.setVariableLocal(Vars.DOCUMENT_VIEW, queries.documentView(documentId(task)));
      // Tasklist's list columns: task-local copies, readable by whoever may see the task
      // (people without READ on the process instance get no process variables in the list)
      for (String column : List.of(Vars.INCOMING_NUMBER, Vars.SUMMARY, Vars.URGENCY)) {
        task.setVariableLocal(column, task.getVariable(column));
      }
      // the urgency orders Tasklist's lists and the inbox: most urgent first, in the database
      try {
        task.setPriority(Urgency.valueOf(String.valueOf(task.getVariable(Vars.URGENCY)))
            .taskPriority());
      } catch (IllegalArgumentException unknown) {
        // a document registered before the urgency was required keeps the default priority
      }
    }
  }

  /** In a unit's sub-process the unit is the multi-instance element; elsewhere the lead unit. */
  private static String unitOf(DelegateExecution execution) {
    Object unit = execution.getVariable(Vars.UNIT);
    return unit != null ? unit.toString() : (String) execution.getVariable(Vars.LEAD_UNIT);
  }

  private DispatchProcessAdapters() {}
}
