package vn.khcn.workflow.outgoing;

import static vn.khcn.workflow.outgoing.OutgoingDocumentProcess.Vars;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.dispatch.Urgency;
import vn.khcn.workflow.identity.ActorResolver;
import vn.khcn.workflow.outgoing.OutgoingDocumentProcess.Beans;
import vn.khcn.workflow.outgoing.OutgoingDocumentProcess.Tasks;
import vn.khcn.workflow.shared.process.Variable;
import vn.khcn.workflow.shared.process.WorkflowStep;

/**
 * The beans outgoing-document.bpmn calls (names in {@link OutgoingDocumentProcess.Beans}), each
 * reading its variables and calling {@link OutgoingDocumentSteps} or {@link OutgoingOpinions}.
 */
final class OutgoingDocumentProcessAdapters {

  private static long documentId(org.camunda.bpm.engine.delegate.VariableScope scope) {
    return Vars.DOCUMENT_ID.require(scope);
  }

  @WorkflowStep
  @Component(Beans.VIEW_LISTENER)
  static class ViewListener implements TaskListener {
    private final OutgoingDocumentSteps steps;

    ViewListener(OutgoingDocumentSteps steps) {
      this.steps = steps;
    }

    @Override
    public void notify(DelegateTask task) {
      boolean draft = Tasks.DRAFT.equals(task.getTaskDefinitionKey());
      Vars.DOCUMENT_VIEW.setLocal(task, steps.view(documentId(task),
          draft ? Vars.RETURN_COMMENT.get(task) : null));
      String urgency = Vars.URGENCY.get(task);
      if (urgency != null) {
        task.setPriority(Urgency.valueOf(urgency).taskPriority());
      }
    }
  }

  @WorkflowStep
  @Component(Beans.DRAFT_LISTENER)
  static class DraftListener implements TaskListener {
    private final OutgoingDocumentSteps steps;
    private final ActorResolver actors;

    DraftListener(OutgoingDocumentSteps steps, ActorResolver actors) {
      this.steps = steps;
      this.actors = actors;
    }

    @Override
    public void notify(DelegateTask task) {
      steps.submitDraft(documentId(task), actors.current(task));
      Vars.RETURN_COMMENT.set(task.getExecution(), null);
    }
  }

  @WorkflowStep
  @Component(Beans.OPINION_REQUEST_LISTENER)
  static class OpinionRequestListener implements ExecutionListener {
    private final OutgoingDocumentSteps steps;

    OpinionRequestListener(OutgoingDocumentSteps steps) {
      this.steps = steps;
    }

    @Override
    public void notify(DelegateExecution execution) {
      OutgoingDocumentSteps.OpinionSchedule schedule = steps.opinionSchedule(
          Long.parseLong(Vars.OPINION_REQUEST_ID.require(execution)));
      // local to this party's instance of the sub-process: its task and timers read them
      Vars.OPINION_USERS.setLocal(execution, new ArrayList<>(schedule.users()));
      Vars.OPINION_GROUPS.setLocal(execution, new ArrayList<>(schedule.groups()));
      Vars.OPINION_DUE_DATE.setLocal(execution, Date.from(schedule.due()));
      Vars.OPINION_REMINDER_DATE.setLocal(execution, Date.from(schedule.reminder()));
      Vars.OPINION_ESCALATION_CYCLE.setLocal(execution, schedule.escalationCycle());
    }
  }

  @WorkflowStep
  @Component(Beans.OPINION_ANSWER_LISTENER)
  static class OpinionAnswerListener implements TaskListener {
    private final OutgoingOpinions opinions;
    private final ActorResolver actors;

    OpinionAnswerListener(OutgoingOpinions opinions, ActorResolver actors) {
      this.opinions = opinions;
      this.actors = actors;
    }

    @Override
    public void notify(DelegateTask task) {
      opinions.answerFromTask(Long.parseLong(Vars.OPINION_REQUEST_ID.require(task)),
          Vars.POSITION.get(task), Vars.OPINION_TEXT.get(task), actors.current(task));
    }
  }

  @WorkflowStep
  @Component(Beans.REMIND_OPINION)
  static class RemindOpinionStep implements JavaDelegate {
    private final OutgoingDocumentSteps steps;

    RemindOpinionStep(OutgoingDocumentSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.remindOpinion(Long.parseLong(Vars.OPINION_REQUEST_ID.require(execution)));
    }
  }

  @WorkflowStep
  @Component(Beans.ESCALATE_OPINION)
  static class EscalateOpinionStep implements JavaDelegate {
    private final OutgoingDocumentSteps steps;

    EscalateOpinionStep(OutgoingDocumentSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.escalateOpinion(Long.parseLong(Vars.OPINION_REQUEST_ID.require(execution)));
    }
  }

  @WorkflowStep
  @Component(Beans.CONSOLIDATION_LISTENER)
  static class ConsolidationListener implements TaskListener {
    private final OutgoingDocumentSteps steps;
    private final ActorResolver actors;

    ConsolidationListener(OutgoingDocumentSteps steps, ActorResolver actors) {
      this.steps = steps;
      this.actors = actors;
    }

    @Override
    public void notify(DelegateTask task) {
      steps.consolidated(documentId(task), actors.current(task));
      Vars.RETURN_COMMENT.set(task.getExecution(), null);
    }
  }

  @WorkflowStep
  @Component(Beans.ROUTE_CONTENT_CHECK)
  static class RouteContentCheckStep implements JavaDelegate {
    private final OutgoingDocumentSteps steps;

    RouteContentCheckStep(OutgoingDocumentSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      OutgoingDocumentSteps.Candidates candidates = steps.contentCheckers(documentId(execution));
      Vars.CONTENT_CHECK_USERS.set(execution, new ArrayList<>(candidates.users()));
      Vars.CONTENT_CHECK_GROUPS.set(execution, new ArrayList<>(candidates.groups()));
    }
  }

  @WorkflowStep
  @Component(Beans.CHECK_LISTENER)
  static class CheckListener implements TaskListener {
    private final OutgoingDocumentSteps steps;
    private final ActorResolver actors;

    CheckListener(OutgoingDocumentSteps steps, ActorResolver actors) {
      this.steps = steps;
      this.actors = actors;
    }

    @Override
    public void notify(DelegateTask task) {
      String taskKey = task.getTaskDefinitionKey();
      Map<String, Boolean> checklist = new LinkedHashMap<>();
      if (Tasks.CHECK_FORM.equals(taskKey)) {
        for (Variable<Boolean> item : Vars.CHECKLIST) {
          checklist.put(item.name(), item.get(task));
        }
      }
      String comment = Vars.COMMENT.get(task);
      String authority = Tasks.APPROVE_SIGNATURE.equals(taskKey)
          ? Vars.AUTHORITY.get(task) : null;
      var actor = actors.current(task);
      boolean passed = steps.check(taskKey, documentId(task), actor,
          Vars.APPROVED.get(task), comment, checklist, authority);
      Vars.CHECK_PASSED.set(task.getExecution(), passed);
      Vars.RETURN_COMMENT.set(task.getExecution(), passed ? null
          : task.getName() + " – " + actor.fullName() + ": " + comment.strip());
      if (passed && Tasks.APPROVE_SIGNATURE.equals(taskKey)) {
        Vars.SIGNER.set(task.getExecution(), actor.userId());
        Vars.SIGN_AUTHORITY.set(task.getExecution(), authority == null ? "" : authority);
      }
    }
  }

  @WorkflowStep
  @Component(Beans.SIGNATURE_CANDIDATES_LISTENER)
  static class SignatureCandidatesListener implements TaskListener {
    private final OutgoingDocumentSteps steps;

    SignatureCandidatesListener(OutgoingDocumentSteps steps) {
      this.steps = steps;
    }

    @Override
    public void notify(DelegateTask task) {
      task.addCandidateUsers(steps.delegatedSigners(documentId(task)));
    }
  }

  @WorkflowStep
  @Component(Beans.SIGN)
  static class SignStep implements JavaDelegate {
    private final OutgoingDocumentSteps steps;

    SignStep(OutgoingDocumentSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      OutgoingDocumentSteps.IssueSchedule schedule = steps.sign(documentId(execution),
          Vars.SIGNER.require(execution), Vars.SIGN_AUTHORITY.get(execution));
      Vars.ISSUE_DUE_DATE.set(execution, Date.from(schedule.due()));
      Vars.ISSUE_ESCALATION_CYCLE.set(execution, schedule.escalationCycle());
    }
  }

  @WorkflowStep
  @Component(Beans.NUMBER_LISTENER)
  static class NumberListener implements TaskListener {
    private final ActorResolver actors;

    NumberListener(ActorResolver actors) {
      this.actors = actors;
    }

    @Override
    public void notify(DelegateTask task) {
      Vars.CLERK.set(task.getExecution(), actors.current(task).userId());
    }
  }

  @WorkflowStep
  @Component(Beans.ESCALATE_ISSUE)
  static class EscalateIssueStep implements JavaDelegate {
    private final OutgoingDocumentSteps steps;

    EscalateIssueStep(OutgoingDocumentSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.escalateIssue(documentId(execution));
    }
  }

  @WorkflowStep
  @Component(Beans.ISSUE)
  static class IssueStep implements JavaDelegate {
    private final OutgoingDocumentSteps steps;

    IssueStep(OutgoingDocumentSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.issue(documentId(execution), Vars.CLERK.require(execution));
    }
  }

  @WorkflowStep
  @Component(Beans.SEND)
  static class SendStep implements JavaDelegate {
    private final OutgoingSending sending;

    SendStep(OutgoingSending sending) {
      this.sending = sending;
    }

    @Override
    public void execute(DelegateExecution execution) {
      sending.send(documentId(execution));
    }
  }

  private OutgoingDocumentProcessAdapters() {}
}
