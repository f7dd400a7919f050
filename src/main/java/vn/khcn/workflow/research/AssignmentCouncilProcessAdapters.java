package vn.khcn.workflow.research;

import static vn.khcn.workflow.research.ResearchAdapters.councilId;
import static vn.khcn.workflow.research.ResearchAdapters.keepRouting;
import static vn.khcn.workflow.research.ResearchAdapters.memberOf;
import static vn.khcn.workflow.research.ResearchAdapters.researchTaskId;
import static vn.khcn.workflow.research.ResearchAdapters.setOnInstance;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.identity.ActorResolver;
import vn.khcn.workflow.research.AssignmentCouncilProcess.Beans;
import vn.khcn.workflow.research.AssignmentCouncilProcess.Vars;
import vn.khcn.workflow.shared.process.Variable;
import vn.khcn.workflow.shared.process.WorkflowStep;

/**
 * The beans assignment-council.bpmn calls (names in {@link AssignmentCouncilProcess.Beans}). Each
 * reads its variables, calls one method of {@link AssignmentCouncilSteps} and writes the results
 * back: gateway variables on the process instance, a member's on the member's instance. Every
 * listener then writes the routing (investigator, chair, secretary) back from the entities.
 */
final class AssignmentCouncilProcessAdapters {

  /** Base of the listeners: the steps, who acts, and the routing kept after the step. */
  abstract static class Listener implements TaskListener {
    final AssignmentCouncilSteps steps;
    final ActorResolver actors;

    Listener(AssignmentCouncilSteps steps, ActorResolver actors) {
      this.steps = steps;
      this.actors = actors;
    }

    @Override
    public final void notify(DelegateTask task) {
      complete(task);
      keepRouting(task, steps.routing(councilId(task)));
    }

    abstract void complete(DelegateTask task);
  }

  /** Appoints the council of either kind and sets the model's council variables. */
  static void appoint(DelegateTask task, CouncilKind kind, AssignmentCouncilSteps steps,
      ActorResolver actors) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (Variable<String> field : Vars.ROLE_FIELDS) {
      fields.put(field.name(), field.get(task));
    }
    AssignmentCouncilSteps.AppointedCouncil council = steps.appointCouncil(researchTaskId(task),
        kind, fields, actors.current(task), task.getId());
    setOnInstance(task, Vars.COUNCIL_ID, council.councilId());
    setOnInstance(task, Vars.COUNCIL_MEMBERS, new ArrayList<>(council.members()));
    setOnInstance(task, Vars.BALLOT_DUE_DATE, Date.from(council.ballotDue()));
    keepRouting(task, steps.routing(council.councilId()));
  }

  @WorkflowStep
  @Component(Beans.APPOINTMENT)
  static class AppointmentListener implements TaskListener {
    private final AssignmentCouncilSteps steps;
    private final ActorResolver actors;

    AppointmentListener(AssignmentCouncilSteps steps, ActorResolver actors) {
      this.steps = steps;
      this.actors = actors;
    }

    @Override
    public void notify(DelegateTask task) {
      appoint(task, CouncilKind.ASSIGNMENT, steps, actors);
    }
  }

  /** The declaration of the task's assignee; the member's instance keeps its member. */
  @WorkflowStep
  @Component(Beans.DECLARATION)
  static class DeclarationListener extends Listener {
    DeclarationListener(AssignmentCouncilSteps steps, ActorResolver actors) {
      super(steps, actors);
    }

    @Override
    void complete(DelegateTask task) {
      String member = memberOf(task);
      boolean conflict = steps.declare(councilId(task), member, Vars.NO_CONFLICT.get(task),
          ResearchTaskProcess.Vars.NOTE.get(task), actors.current(task), task.getId());
      DelegateExecution execution = task.getExecution();
      Vars.CONFLICT.set(execution, conflict);
      // the next task of this instance (the ballot) goes to the member who declared
      Vars.MEMBER.set(execution, member);
    }
  }

  /** The director's replacement of the instance's member, who declared a conflict. */
  @WorkflowStep
  @Component(Beans.REPLACEMENT)
  static class ReplacementListener extends Listener {
    ReplacementListener(AssignmentCouncilSteps steps, ActorResolver actors) {
      super(steps, actors);
    }

    @Override
    void complete(DelegateTask task) {
      AssignmentCouncilSteps.Replacement replacement = steps.replace(councilId(task),
          Vars.MEMBER.get(task), Vars.REPLACEMENT.get(task), actors.current(task),
          task.getId());
      DelegateExecution execution = task.getExecution();
      Vars.MEMBER.set(execution, replacement.username());
      Vars.CONFLICT.set(execution, false);
    }
  }

  /** The ballot of the task's assignee (never of a member named in the submission). */
  @WorkflowStep
  @Component(Beans.BALLOT)
  static class BallotListener extends Listener {
    BallotListener(AssignmentCouncilSteps steps, ActorResolver actors) {
      super(steps, actors);
    }

    @Override
    void complete(DelegateTask task) {
      List<Integer> scores = new ArrayList<>();
      for (Variable<Long> criterion : List.of(Vars.SCORE_URGENCY, Vars.SCORE_CONTENT,
          Vars.SCORE_METHOD, Vars.SCORE_PRODUCTS, Vars.SCORE_CAPACITY)) {
        Long score = criterion.get(task);
        scores.add(score == null ? null : Math.toIntExact(Math.max(Math.min(score, 1000), -1000)));
      }
      steps.score(councilId(task), memberOf(task), scores,
          ResearchTaskProcess.Vars.COMMENT.get(task), actors.current(task), task.getId());
    }
  }

  @WorkflowStep
  @Component(Beans.MEETING)
  static class MeetingListener extends Listener {
    MeetingListener(AssignmentCouncilSteps steps, ActorResolver actors) {
      super(steps, actors);
    }

    @Override
    void complete(DelegateTask task) {
      steps.recordMeeting(councilId(task), Vars.MEETING_DATE.get(task), Vars.PRESENT.get(task),
          Vars.REVISIONS_REQUIRED.get(task), Vars.REQUIRED_REVISIONS.get(task),
          Vars.NOTES.get(task), actors.current(task), task.getId());
    }
  }

  @WorkflowStep
  @Component(Beans.EVALUATE)
  static class EvaluateStep implements JavaDelegate {
    private final AssignmentCouncilSteps steps;

    EvaluateStep(AssignmentCouncilSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      AssignmentCouncilSteps.CouncilConclusion conclusion = steps.concludeAssignmentCouncil(
          councilId(execution));
      Vars.QUORUM_MET.set(execution, conclusion.quorumMet());
      if (conclusion.verdict() != null) {
        ResearchTaskProcess.Vars.VERDICT.set(execution, conclusion.verdict().name());
      }
      if (conclusion.revisionDue() != null) {
        Vars.REVISION_DUE_DATE.set(execution, Date.from(conclusion.revisionDue()));
        Vars.REVISION_REMINDER_DATE.set(execution, Date.from(conclusion.revisionReminder()));
      }
    }
  }

  /** Direct assignment, or a dossier of a call waiting for the call's council (ADR 0029). */
  @WorkflowStep
  @Component(Beans.SELECTION_ROUTE)
  static class SelectionRouteStep implements JavaDelegate {
    private final CompetitiveSelectionSteps steps;

    SelectionRouteStep(CompetitiveSelectionSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      CompetitiveSelectionSteps.Route route = steps.route(researchTaskId(execution));
      Vars.SELECTION_ROUTE.set(execution, route.name());
      if (route == CompetitiveSelectionSteps.Route.CLOSED) {
        ResearchTaskProcess.Vars.VERDICT.set(execution, Verdict.REJECT.name());
      }
    }
  }

  @WorkflowStep
  @Component(Beans.REVISION_SUBMITTED)
  static class RevisionSubmittedListener extends Listener {
    RevisionSubmittedListener(AssignmentCouncilSteps steps, ActorResolver actors) {
      super(steps, actors);
    }

    @Override
    void complete(DelegateTask task) {
      steps.submitRevision(researchTaskId(task), Vars.RESPONSE_NOTE.get(task),
          actors.current(task), task.getId());
    }
  }

  @WorkflowStep
  @Component(Beans.REVISION_VERIFIED)
  static class RevisionVerificationListener extends Listener {
    RevisionVerificationListener(AssignmentCouncilSteps steps, ActorResolver actors) {
      super(steps, actors);
    }

    @Override
    void complete(DelegateTask task) {
      setOnInstance(task, Vars.REVISION_ACCEPTED, steps.reviewRevision(researchTaskId(task),
          ResearchTaskProcess.Vars.ACCEPTED.get(task), ResearchTaskProcess.Vars.COMMENT.get(task),
          CouncilRole.SECRETARY, actors.current(task), task.getId()));
    }
  }

  /** The secretary accepted; the chair's answer decides. */
  @WorkflowStep
  @Component(Beans.REVISION_CONFIRMED)
  static class RevisionConfirmationListener extends Listener {
    RevisionConfirmationListener(AssignmentCouncilSteps steps, ActorResolver actors) {
      super(steps, actors);
    }

    @Override
    void complete(DelegateTask task) {
      setOnInstance(task, Vars.REVISION_ACCEPTED, steps.reviewRevision(researchTaskId(task),
          ResearchTaskProcess.Vars.ACCEPTED.get(task), ResearchTaskProcess.Vars.COMMENT.get(task),
          CouncilRole.CHAIR, actors.current(task), task.getId()));
    }
  }

  @WorkflowStep
  @Component(Beans.REMIND)
  static class ReminderStep implements JavaDelegate {
    private final ResearchTaskSteps steps;

    ReminderStep(ResearchTaskSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.remind(researchTaskId(execution), ResearchTaskProcess.Vars.STAGE.get(execution));
    }
  }

  @WorkflowStep
  @Component(Beans.ESCALATE)
  static class EscalationStep implements JavaDelegate {
    private final ResearchTaskSteps steps;

    EscalationStep(ResearchTaskSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.escalate(researchTaskId(execution), ResearchTaskProcess.Vars.STAGE.get(execution));
    }
  }

  private AssignmentCouncilProcessAdapters() {}
}
