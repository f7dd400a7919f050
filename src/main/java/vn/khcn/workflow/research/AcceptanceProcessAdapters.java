package vn.khcn.workflow.research;

import static vn.khcn.workflow.research.ResearchAdapters.councilId;
import static vn.khcn.workflow.research.ResearchAdapters.keepRouting;
import static vn.khcn.workflow.research.ResearchAdapters.memberOf;
import static vn.khcn.workflow.research.ResearchAdapters.researchTaskId;
import static vn.khcn.workflow.research.ResearchAdapters.setOnInstance;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.identity.ActorResolver;
import vn.khcn.workflow.research.AcceptanceProcess.Beans;
import vn.khcn.workflow.research.AcceptanceProcess.Vars;
import vn.khcn.workflow.shared.process.WorkflowStep;

/**
 * The beans acceptance.bpmn calls (names in {@link AcceptanceProcess.Beans}). Each reads its
 * variables, calls one method of {@link AcceptanceSteps} (the appointment and the minutes:
 * {@link AssignmentCouncilSteps}) and writes the results back; listeners on council tasks then
 * write the routing (investigator, chair, secretary) back from the entities.
 */
final class AcceptanceProcessAdapters {

  /** Base of the listeners once the council exists: routing kept after the step. */
  abstract static class Listener implements TaskListener {
    final AcceptanceSteps steps;
    final AssignmentCouncilSteps councils;
    final ActorResolver actors;

    Listener(AcceptanceSteps steps, AssignmentCouncilSteps councils, ActorResolver actors) {
      this.steps = steps;
      this.councils = councils;
      this.actors = actors;
    }

    @Override
    public final void notify(DelegateTask task) {
      complete(task);
      keepRouting(task, councils.routing(councilId(task)));
    }

    abstract void complete(DelegateTask task);
  }

  @WorkflowStep
  @Component(Beans.OPEN)
  static class OpenStep implements JavaDelegate {
    private final AcceptanceSteps steps;

    OpenStep(AcceptanceSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      Vars.APPOINTMENT_DUE_DATE.set(execution,
          Date.from(steps.openAcceptance(researchTaskId(execution))));
    }
  }

  @WorkflowStep
  @Component(Beans.APPOINTMENT)
  static class AppointmentListener implements TaskListener {
    private final AssignmentCouncilSteps councils;
    private final ActorResolver actors;

    AppointmentListener(AssignmentCouncilSteps councils, ActorResolver actors) {
      this.councils = councils;
      this.actors = actors;
    }

    @Override
    public void notify(DelegateTask task) {
      AssignmentCouncilProcessAdapters.appoint(task, CouncilKind.ACCEPTANCE, councils, actors);
    }
  }

  /** The grade of the task's assignee (never of a member named in the submission). */
  @WorkflowStep
  @Component(Beans.GRADE)
  static class GradeListener extends Listener {
    GradeListener(AcceptanceSteps steps, AssignmentCouncilSteps councils, ActorResolver actors) {
      super(steps, councils, actors);
    }

    @Override
    void complete(DelegateTask task) {
      steps.grade(councilId(task), memberOf(task), Vars.MEMBER_GRADE.get(task),
          ResearchTaskProcess.Vars.COMMENT.get(task), actors.current(task), task.getId());
    }
  }

  @WorkflowStep
  @Component(Beans.MEETING)
  static class MeetingListener extends Listener {
    MeetingListener(AcceptanceSteps steps, AssignmentCouncilSteps councils,
        ActorResolver actors) {
      super(steps, councils, actors);
    }

    @Override
    void complete(DelegateTask task) {
      councils.recordMeeting(councilId(task), AssignmentCouncilProcess.Vars.MEETING_DATE.get(task),
          AssignmentCouncilProcess.Vars.PRESENT.get(task), null, null,
          AssignmentCouncilProcess.Vars.NOTES.get(task), actors.current(task), task.getId());
    }
  }

  @WorkflowStep
  @Component(Beans.DECIDE)
  static class DecideGradeStep implements JavaDelegate {
    private final AcceptanceSteps steps;

    DecideGradeStep(AcceptanceSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      AcceptanceSteps.GradeConclusion conclusion = steps.concludeAcceptanceCouncil(
          councilId(execution));
      AssignmentCouncilProcess.Vars.QUORUM_MET.set(execution, conclusion.quorumMet());
      if (conclusion.grade() != null) {
        Vars.GRADE.set(execution, conclusion.grade().name());
      }
      if (conclusion.fixDue() != null) {
        Vars.FIX_DUE_DATE.set(execution, Date.from(conclusion.fixDue()));
      }
    }
  }

  @WorkflowStep
  @Component(Beans.FIX)
  static class FixListener extends Listener {
    FixListener(AcceptanceSteps steps, AssignmentCouncilSteps councils, ActorResolver actors) {
      super(steps, councils, actors);
    }

    @Override
    void complete(DelegateTask task) {
      steps.fixDossier(researchTaskId(task), ResearchTaskProcess.Vars.NOTE.get(task),
          actors.current(task), task.getId());
    }
  }

  @WorkflowStep
  @Component(Beans.FIX_CONFIRMATION)
  static class FixConfirmationListener extends Listener {
    FixConfirmationListener(AcceptanceSteps steps, AssignmentCouncilSteps councils,
        ActorResolver actors) {
      super(steps, councils, actors);
    }

    @Override
    void complete(DelegateTask task) {
      setOnInstance(task, Vars.FIXES_CONFIRMED, steps.confirmFixes(researchTaskId(task),
          ResearchTaskProcess.Vars.ACCEPTED.get(task), ResearchTaskProcess.Vars.COMMENT.get(task),
          actors.current(task), task.getId()));
    }
  }

  @WorkflowStep
  @Component(Beans.REFUND)
  static class RefundListener extends Listener {
    RefundListener(AcceptanceSteps steps, AssignmentCouncilSteps councils, ActorResolver actors) {
      super(steps, councils, actors);
    }

    @Override
    void complete(DelegateTask task) {
      steps.recordRefund(researchTaskId(task), Vars.DISBURSED_AMOUNT.get(task),
          Vars.SPENT_AMOUNT.get(task), ResearchTaskProcess.Vars.NOTE.get(task),
          actors.current(task), task.getId());
    }
  }

  @WorkflowStep
  @Component(Beans.RESTRICT)
  static class RestrictPartiesStep implements JavaDelegate {
    private final AcceptanceSteps steps;

    RestrictPartiesStep(AcceptanceSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.restrictParties(researchTaskId(execution));
    }
  }

  private AcceptanceProcessAdapters() {}
}
