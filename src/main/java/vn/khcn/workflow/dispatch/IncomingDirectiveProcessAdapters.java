package vn.khcn.workflow.dispatch;

import vn.khcn.workflow.identity.ActorResolver;
import static vn.khcn.workflow.dispatch.IncomingDirectiveProcess.Vars;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.shared.process.InvalidTaskInputException;
import vn.khcn.workflow.shared.process.WorkflowStep;
import vn.khcn.workflow.shared.process.Variable;
import vn.khcn.workflow.shared.process.VariableValues;

/**
 * The beans incoming-directive.bpmn calls (names in {@link IncomingDirectiveProcess.Beans}). Each
 * reads its variables, calls one method of {@link DocumentSteps} and writes the results back.
 */
final class IncomingDirectiveProcessAdapters {

  static long documentId(VariableScope scope) {
    return Vars.DOCUMENT_ID.require(scope);
  }

  @WorkflowStep
  @Component(IncomingDirectiveProcess.Beans.SCHEDULE_DIRECTION)
  static class ScheduleDirectionStep implements JavaDelegate {
    private final DocumentSteps steps;
    private final DirectionItemSteps items;

    ScheduleDirectionStep(DocumentSteps steps, DirectionItemSteps items) {
      this.steps = steps;
      this.items = items;
    }

    @Override
    public void execute(DelegateExecution execution) {
      Map<?, ?> sla = Vars.SLA.get(execution);
      DirectionSchedule schedule = steps.scheduleDirection(documentId(execution),
          SlaValues.integer(sla, "directionDueHours"),
          SlaValues.integer(sla, "directionDueWorkingDays"),
          SlaValues.integer(sla, "handlingDueWorkingDays"), SlaValues.escalationRepeat(sla));
      Vars.ESCALATION_REPEAT.set(execution, SlaValues.escalationRepeat(sla));
      Vars.DIRECTION_DUE_DATE.set(execution, Date.from(schedule.directionDue()));
      Vars.DIRECTION_REMINDER_DATE.set(execution, Date.from(schedule.directionReminder()));
      Vars.DIRECTION_ESCALATION_CYCLE.set(execution, schedule.directionEscalationCycle());
      // an ISO text, so the direction form is prefilled
      execution.setVariable(Vars.DUE_DATE.name(), schedule.suggestedHandlingDue().toString());
      // the document's numbered items, proposed as direction items (issue 17)
      String proposal = items.proposal(documentId(execution));
      if (proposal != null) {
        Vars.PROPOSED_ITEMS.set(execution, proposal);
      }
    }
  }

  @WorkflowStep
  @Component(IncomingDirectiveProcess.Beans.DIRECTION_LISTENER)
  static class DirectionListener implements TaskListener {
    private final DocumentSteps steps;
    private final DirectionItemSteps items;
    private final ActorResolver actors;

    DirectionListener(DocumentSteps steps, DirectionItemSteps items, ActorResolver actors) {
      this.steps = steps;
      this.items = items;
      this.actors = actors;
    }

    @Override
    public void notify(DelegateTask task) {
      // the text and the date raw: the service reports them together with the other problems
      DirectionInput input = new DirectionInput(VariableValues.string(Vars.DIRECTION.raw(task)),
          Vars.INFO_ONLY.get(task), Vars.LEAD_UNIT.get(task), Vars.COORDINATING_UNITS.get(task),
          Vars.INFORMED_UNITS.get(task), Vars.DUE_DATE.raw(task), Vars.UNIT_DUE_DATES.get(task));
      // direction items (issue 17): the units and deadlines derived from them, stored after
      DirectionItemSteps.Prepared prepared = items.prepare(documentId(task),
          Vars.DIRECTION_ITEMS.get(task), input);
      DirectionPlan plan = steps.recordDirection(documentId(task), prepared.input(),
          actors.current(task), task.getId(), SlaValues.escalationRepeat(task));
      items.record(documentId(task), prepared.items(), actors.current(task), task.getId());
      DelegateExecution execution = task.getExecution();
      Vars.INFO_ONLY.set(execution, plan.infoOnly());
      Vars.ASSIGNED_UNITS.set(execution, new ArrayList<>(plan.assignedUnits()));
      Vars.HAS_COORDINATING_UNITS.set(execution, plan.hasCoordinatingUnits());
      if (!plan.infoOnly()) {
        Vars.HANDLING_DUE_DATE.set(execution, Date.from(plan.handlingDue()));
        Vars.REMINDER_DATE.set(execution, Date.from(plan.reminderAt()));
        Vars.ESCALATION_CYCLE.set(execution, plan.escalationCycle());
      }
    }
  }

  @WorkflowStep
  @Component(IncomingDirectiveProcess.Beans.UNIT_DEADLINE_LISTENER)
  static class UnitDeadlineListener implements ExecutionListener {
    private final UnitDeadlines deadlines;
    private final UnitHandlers handlers;

    UnitDeadlineListener(UnitDeadlines deadlines, UnitHandlers handlers) {
      this.deadlines = deadlines;
      this.handlers = handlers;
    }

    @Override
    public void notify(DelegateExecution execution) {
      String unit = Vars.UNIT.require(execution);
      UnitDeadlines.UnitSchedule schedule = deadlines.schedule(documentId(execution),
          unit, SlaValues.escalationRepeat(execution));
      // local to this unit's instance of the sub-process: the task and its timers read them
      Vars.ASSIGNMENT_DUE_DATE.setLocal(execution, Date.from(schedule.due()));
      Vars.ASSIGNMENT_REMINDER_DATE.setLocal(execution, Date.from(schedule.reminderAt()));
      Vars.ASSIGNMENT_ESCALATION_CYCLE.setLocal(execution, schedule.escalationCycle());
      Vars.UNIT_HAS_HEAD.setLocal(execution, handlers.hasHead(unit));
    }
  }

  @WorkflowStep
  @Component(IncomingDirectiveProcess.Beans.UNIT_LEADERS_LISTENER)
  static class UnitLeadersListener implements TaskListener {
    private final UnitHandlers handlers;

    UnitLeadersListener(UnitHandlers handlers) {
      this.handlers = handlers;
    }

    @Override
    public void notify(DelegateTask task) {
      String unit = Vars.UNIT.require(task);
      List<String> leaders = handlers.leadersOf(unit);
      if (leaders.isEmpty()) { // the head was removed meanwhile: the unit's members act
        task.addCandidateGroup(unit);
      } else {
        task.addCandidateUsers(leaders);
      }
    }
  }

  @WorkflowStep
  @Component(IncomingDirectiveProcess.Beans.HANDLER_LISTENER)
  static class HandlerListener implements TaskListener {
    private final UnitHandlers handlers;
    private final ActorResolver actors;

    HandlerListener(UnitHandlers handlers, ActorResolver actors) {
      this.handlers = handlers;
      this.actors = actors;
    }

    @Override
    public void notify(DelegateTask task) {
      handlers.recordHandler(documentId(task), Vars.UNIT.require(task), Vars.HANDLER.get(task),
          Vars.HANDLER_DUE_DATE.get(task), Vars.HANDLER_NOTE.get(task), actors.current(task),
          task.getId());
    }
  }

  @WorkflowStep
  @Component(IncomingDirectiveProcess.Beans.SCHEDULE_HANDLER)
  static class ScheduleHandlerStep implements JavaDelegate {
    private final UnitHandlers handlers;

    ScheduleHandlerStep(UnitHandlers handlers) {
      this.handlers = handlers;
    }

    @Override
    public void execute(DelegateExecution execution) {
      UnitHandlers.HandlerSchedule schedule = handlers.schedule(documentId(execution),
          Vars.UNIT.require(execution), SlaValues.escalationRepeat(execution));
      // local to this unit's instance: the handler's task and its timers read them
      Vars.HANDLER_USER.setLocal(execution, schedule.handler());
      Vars.HANDLER_DUE.setLocal(execution, Date.from(schedule.due()));
      Vars.HANDLER_REMINDER_DATE.setLocal(execution, Date.from(schedule.reminderAt()));
      Vars.HANDLER_ESCALATION_CYCLE.setLocal(execution, schedule.escalationCycle());
      // declared here, so the review's decision is this unit's, not the whole document's
      Vars.PROPOSAL_APPROVED.setLocal(execution, null);
    }
  }

  @WorkflowStep
  @Component(IncomingDirectiveProcess.Beans.PROPOSAL_LISTENER)
  static class ProposalListener implements TaskListener {
    private final UnitHandlers handlers;
    private final ActorResolver actors;

    ProposalListener(UnitHandlers handlers, ActorResolver actors) {
      this.handlers = handlers;
      this.actors = actors;
    }

    @Override
    public void notify(DelegateTask task) {
      handlers.recordProposal(documentId(task), Vars.UNIT.require(task), Vars.RESULT.get(task),
          new Reply(Vars.REPLY_NUMBER.get(task), Vars.REPLY_DATE.get(task)),
          actors.current(task), task.getId());
    }
  }

  @WorkflowStep
  @Component(IncomingDirectiveProcess.Beans.PROPOSAL_REVIEW_LISTENER)
  static class ProposalReviewListener implements TaskListener {
    private final UnitHandlers handlers;
    private final ActorResolver actors;

    ProposalReviewListener(UnitHandlers handlers, ActorResolver actors) {
      this.handlers = handlers;
      this.actors = actors;
    }

    @Override
    public void notify(DelegateTask task) {
      Boolean approved = Vars.PROPOSAL_APPROVED.get(task);
      handlers.recordReview(documentId(task), Vars.UNIT.require(task), approved,
          Vars.PROPOSAL_COMMENT.get(task), actors.current(task), task.getId());
      Vars.PROPOSAL_APPROVED.set(task.getExecution(), approved);
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
      steps.recordUnitResult(documentId(task), Vars.UNIT.get(task), Vars.RESULT.get(task),
          new Reply(Vars.REPLY_NUMBER.get(task), Vars.REPLY_DATE.get(task)),
          actors.current(task), task.getId());
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
      steps.recordReport(documentId(task), Vars.REPORT.get(task),
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
      approved = Vars.APPROVED.get(task);
      steps.recordApproval(documentId(task), approved, Vars.COMMENT.get(task),
          actors.current(task), task.getId());
      Vars.APPROVED.set(task.getExecution(), approved);
    }
  }

  @WorkflowStep
  @Component(IncomingDirectiveProcess.Beans.REMIND)
  static class RemindStep implements JavaDelegate {
    private final DocumentSteps steps;
    private final UnitHandlers handlers;

    RemindStep(DocumentSteps steps, UnitHandlers handlers) {
      this.steps = steps;
      this.handlers = handlers;
    }

    @Override
    public void execute(DelegateExecution execution) {
      String stage = Vars.STAGE.get(execution);
      if (IncomingDirectiveProcess.Stages.HANDLER.equals(stage)) {
        handlers.followUp(documentId(execution), unitOf(execution), false);
      } else {
        steps.remind(documentId(execution), unitOf(execution), stage);
      }
    }
  }

  @WorkflowStep
  @Component(IncomingDirectiveProcess.Beans.ESCALATE)
  static class EscalateStep implements JavaDelegate {
    private final DocumentSteps steps;
    private final UnitHandlers handlers;

    EscalateStep(DocumentSteps steps, UnitHandlers handlers) {
      this.steps = steps;
      this.handlers = handlers;
    }

    @Override
    public void execute(DelegateExecution execution) {
      String stage = Vars.STAGE.get(execution);
      if (IncomingDirectiveProcess.Stages.HANDLER.equals(stage)) {
        handlers.followUp(documentId(execution), unitOf(execution), true);
      } else {
        steps.escalate(documentId(execution), unitOf(execution), stage);
      }
    }
  }

  @WorkflowStep
  @Component(IncomingDirectiveProcess.Beans.ARCHIVE)
  static class ArchiveDocumentStep implements JavaDelegate {
    private final ItemReportSteps steps;

    ArchiveDocumentStep(ItemReportSteps steps) {
      this.steps = steps;
    }

    /** Filed now, or at the last periodic report of its items (ADR 0020). */
    @Override
    public void execute(DelegateExecution execution) {
      steps.afterHandling(documentId(execution));
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
      Vars.DOCUMENT_VIEW.setLocal(task, queries.documentView(documentId(task),
          Vars.UNIT.get(task)));
      // Tasklist's list columns: task-local copies, readable by whoever may see the task
      // (people without READ on the process instance get no process variables in the list)
      for (Variable<String> column : List.of(Vars.INCOMING_NUMBER, Vars.SUMMARY, Vars.URGENCY)) {
        column.setLocal(task, column.get(task));
      }
      // the urgency orders Tasklist's lists and the inbox: most urgent first, in the database
      try {
        task.setPriority(Urgency.valueOf(String.valueOf(Vars.URGENCY.get(task)))
            .taskPriority());
      } catch (IllegalArgumentException unknown) {
        // a document registered before the urgency was required keeps the default priority
      }
    }
  }

  /** In a unit's sub-process the unit is the multi-instance element; elsewhere the lead unit. */
  private static String unitOf(DelegateExecution execution) {
    String unit = Vars.UNIT.get(execution);
    return unit != null ? unit : Vars.LEAD_UNIT.get(execution);
  }

  private IncomingDirectiveProcessAdapters() {}
}
