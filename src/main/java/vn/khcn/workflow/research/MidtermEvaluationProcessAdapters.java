package vn.khcn.workflow.research;

import static vn.khcn.workflow.research.ResearchAdapters.researchTaskId;
import static vn.khcn.workflow.research.ResearchAdapters.setOnInstance;

import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.identity.ActorResolver;
import vn.khcn.workflow.research.MidtermEvaluationProcess.Beans;
import vn.khcn.workflow.research.MidtermEvaluationProcess.Vars;
import vn.khcn.workflow.shared.process.WorkflowStep;

/**
 * The beans midterm-evaluation.bpmn calls (names in {@link MidtermEvaluationProcess.Beans}). Each
 * reads its variables, calls one method of {@link MidtermEvaluationSteps} and writes the results
 * back on the process instance; listeners then write the investigator back from the entity.
 */
final class MidtermEvaluationProcessAdapters {

  /** Base of the listeners: the steps, who acts, and the investigator kept. */
  abstract static class Listener implements TaskListener {
    final MidtermEvaluationSteps steps;
    final ResearchTaskSteps research;
    final ActorResolver actors;

    Listener(MidtermEvaluationSteps steps, ResearchTaskSteps research, ActorResolver actors) {
      this.steps = steps;
      this.research = research;
      this.actors = actors;
    }

    @Override
    public final void notify(DelegateTask task) {
      long id = researchTaskId(task);
      complete(task, id);
      ResearchAdapters.keepInvestigator(task, research.investigator(id));
    }

    abstract void complete(DelegateTask task, long id);
  }

  @WorkflowStep
  @Component(Beans.OPEN)
  static class OpenStep implements JavaDelegate {
    private final MidtermEvaluationSteps steps;

    OpenStep(MidtermEvaluationSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      Vars.REPORT_DUE_DATE.set(execution,
          Date.from(steps.openMidterm(researchTaskId(execution))));
    }
  }

  @WorkflowStep
  @Component(Beans.REPORT)
  static class ReportListener extends Listener {
    ReportListener(MidtermEvaluationSteps steps, ResearchTaskSteps research,
        ActorResolver actors) {
      super(steps, research, actors);
    }

    @Override
    void complete(DelegateTask task, long id) {
      steps.submitMidtermReport(id, ResearchTaskProcess.Vars.REPORT.get(task),
          actors.current(task), task.getId());
    }
  }

  @WorkflowStep
  @Component(Beans.FINDINGS)
  static class FindingsListener extends Listener {
    FindingsListener(MidtermEvaluationSteps steps, ResearchTaskSteps research,
        ActorResolver actors) {
      super(steps, research, actors);
    }

    @Override
    void complete(DelegateTask task, long id) {
      MidtermEvaluationSteps.MidtermFindings findings = steps.recordMidtermFindings(id,
          Vars.FINDINGS.get(task), Vars.OUTCOME.get(task), Vars.NEW_END_DATE.get(task),
          Vars.ADJUSTED_BUDGET.get(task), Vars.CONTENT_CHANGES.get(task),
          Vars.RECOVERY_AMOUNT.get(task), actors.current(task), task.getId());
      setOnInstance(task, Vars.MIDTERM_OUTCOME, findings.outcome().name());
      setOnInstance(task, Vars.PENDING_END_DATE,
          findings.newEnd() == null ? null : findings.newEnd().toString());
      setOnInstance(task, Vars.PENDING_BUDGET, findings.adjustedBudget());
      setOnInstance(task, Vars.PENDING_RECOVERY, findings.recoveryAmount());
    }
  }

  @WorkflowStep
  @Component(Beans.ADJUSTMENT_DECISION)
  static class AdjustmentDecisionListener extends Listener {
    AdjustmentDecisionListener(MidtermEvaluationSteps steps, ResearchTaskSteps research,
        ActorResolver actors) {
      super(steps, research, actors);
    }

    @Override
    void complete(DelegateTask task, long id) {
      setOnInstance(task, Vars.ADJUSTMENT_APPROVED, steps.decideMidterm(id, "điều chỉnh",
          ResearchTaskProcess.Vars.APPROVED.get(task), ResearchTaskProcess.Vars.COMMENT.get(task),
          actors.current(task), task.getId()));
    }
  }

  @WorkflowStep
  @Component(Beans.TERMINATION_DECISION)
  static class TerminationDecisionListener extends Listener {
    TerminationDecisionListener(MidtermEvaluationSteps steps, ResearchTaskSteps research,
        ActorResolver actors) {
      super(steps, research, actors);
    }

    @Override
    void complete(DelegateTask task, long id) {
      setOnInstance(task, Vars.TERMINATION_APPROVED, steps.decideMidterm(id, "chấm dứt",
          ResearchTaskProcess.Vars.APPROVED.get(task), ResearchTaskProcess.Vars.COMMENT.get(task),
          actors.current(task), task.getId()));
    }
  }

  @WorkflowStep
  @Component(Beans.APPLY_ADJUSTMENT)
  static class ApplyAdjustmentStep implements JavaDelegate {
    private final MidtermEvaluationSteps steps;

    ApplyAdjustmentStep(MidtermEvaluationSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      String end = Vars.PENDING_END_DATE.get(execution);
      ResearchTaskProcess.Vars.CONTRACT_END_DATE.set(execution, Date.from(steps.applyAdjustment(
          researchTaskId(execution), end == null ? null : LocalDate.parse(end),
          Vars.PENDING_BUDGET.get(execution))));
    }
  }

  @WorkflowStep
  @Component(Beans.TERMINATE)
  static class TerminateStep implements JavaDelegate {
    private final MidtermEvaluationSteps steps;

    TerminateStep(MidtermEvaluationSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.terminate(researchTaskId(execution), Vars.PENDING_RECOVERY.get(execution));
    }
  }

  private MidtermEvaluationProcessAdapters() {}
}
