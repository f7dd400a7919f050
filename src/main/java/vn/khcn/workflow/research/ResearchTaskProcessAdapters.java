package vn.khcn.workflow.research;

import static vn.khcn.workflow.research.ResearchAdapters.councilId;
import static vn.khcn.workflow.research.ResearchAdapters.keepInvestigator;
import static vn.khcn.workflow.research.ResearchAdapters.researchTaskId;
import static vn.khcn.workflow.research.ResearchAdapters.setOnInstance;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.identity.ActorResolver;
import vn.khcn.workflow.research.ResearchTaskProcess.Beans;
import vn.khcn.workflow.research.ResearchTaskProcess.Vars;
import vn.khcn.workflow.shared.process.Variable;
import vn.khcn.workflow.shared.process.WorkflowStep;

/**
 * The beans research-task.bpmn calls (names in {@link ResearchTaskProcess.Beans}), and the view,
 * reminder and escalation beans all four research models share. Each reads its variables, calls
 * one method of {@link ResearchTaskSteps} and writes the results back on the process instance.
 */
final class ResearchTaskProcessAdapters {

  /** On create of every research user task: the dossier as the task's reader may read it. */
  @WorkflowStep
  @Component(Beans.VIEW_LISTENER)
  static class ViewListener implements TaskListener {
    private final ResearchQueries queries;
    private final ResearchExtraViews extras;

    ViewListener(ResearchQueries queries, ResearchExtraViews extras) {
      this.queries = queries;
      this.extras = extras;
    }

    @Override
    public void notify(DelegateTask task) {
      long id = researchTaskId(task);
      // the assignee reads it (a member sees only their own ballot); a group task: the staff
      Vars.RESEARCH_VIEW.setLocal(task, queries.view(id, task.getAssignee())
          + extras.of(id, task.getTaskDefinitionKey()));
      task.setVariableLocal(Vars.DOCUMENT_LINKS, queries.documentLinks(id));
      // Tasklist's list columns: task-local copies, readable by whoever may see the task
      for (Variable<String> column : List.of(Vars.TASK_CODE, Vars.SUMMARY)) {
        column.setLocal(task, column.get(task));
      }
      String key = task.getTaskDefinitionKey();
      if (AssignmentCouncilProcess.Tasks.APPOINT_COUNCIL.equals(key)
          || AcceptanceProcess.Tasks.APPOINT_COUNCIL.equals(key)
          || AssignmentCouncilProcess.Tasks.APPOINT_REPLACEMENT.equals(key)) {
        task.setVariableLocal(Vars.EXPERT_OPTIONS, queries.expertOptions(id));
      }
      if (AssignmentCouncilProcess.Tasks.RECORD_MEETING.equals(key)
          || AcceptanceProcess.Tasks.RECORD_MEETING.equals(key)) {
        task.setVariableLocal(Vars.MEMBER_OPTIONS, queries.memberOptions(councilId(task)));
      }
    }
  }

  /** Base of the research-task listeners: the steps, who acts, and the investigator kept. */
  abstract static class Listener implements TaskListener {
    final ResearchTaskSteps steps;
    final ActorResolver actors;

    Listener(ResearchTaskSteps steps, ActorResolver actors) {
      this.steps = steps;
      this.actors = actors;
    }

    @Override
    public final void notify(DelegateTask task) {
      long id = researchTaskId(task);
      complete(task, id);
      keepInvestigator(task, steps.investigator(id));
    }

    abstract void complete(DelegateTask task, long id);
  }

  @WorkflowStep
  @Component(Beans.DOSSIER_CHECK)
  static class DossierCheckListener extends Listener {
    DossierCheckListener(ResearchTaskSteps steps, ActorResolver actors) {
      super(steps, actors);
    }

    @Override
    void complete(DelegateTask task, long id) {
      Boolean valid = Vars.VALID.get(task);
      Long days = Vars.RESUBMIT_DAYS.get(task);
      Instant due = steps.checkDossier(id, valid, Vars.MISSING_ITEMS.get(task),
          days == null ? null : (int) Math.max(Math.min(days, 1000), -1000),
          actors.current(task), task.getId());
      setOnInstance(task, Vars.DOSSIER_VALID, valid);
      if (due != null) {
        setOnInstance(task, Vars.RESUBMIT_DUE_DATE, Date.from(due));
      }
    }
  }

  @WorkflowStep
  @Component(Beans.DOSSIER_RESUBMITTED)
  static class DossierResubmittedListener extends Listener {
    DossierResubmittedListener(ResearchTaskSteps steps, ActorResolver actors) {
      super(steps, actors);
    }

    @Override
    void complete(DelegateTask task, long id) {
      steps.resubmitDossier(id, Vars.NOTE.get(task), actors.current(task), task.getId());
    }
  }

  @WorkflowStep
  @Component(Beans.CLOSE_NOT_ASSIGNED)
  static class CloseNotAssignedStep implements JavaDelegate {
    private final ResearchTaskSteps steps;

    CloseNotAssignedStep(ResearchTaskSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.closeNotAssigned(researchTaskId(execution));
    }
  }

  /** Appoints the appraisal team; the opinions' collection and the leader are set from it. */
  @WorkflowStep
  @Component(Beans.APPRAISAL_TEAM)
  static class AppraisalTeamListener extends Listener {
    AppraisalTeamListener(ResearchTaskSteps steps, ActorResolver actors) {
      super(steps, actors);
    }

    @Override
    void complete(DelegateTask task, long id) {
      java.util.Map<AppraisalRole, String> chosen = new java.util.EnumMap<>(AppraisalRole.class);
      for (AppraisalRole role : AppraisalRole.values()) {
        String user = role.field().get(task);
        if (user != null) {
          chosen.put(role, user.strip());
        }
      }
      BudgetAppraisalTeam.Appointed team = steps.appointAppraisalTeam(id, chosen,
          actors.current(task), task.getId());
      setOnInstance(task, Vars.APPRAISAL_TEAM, new java.util.ArrayList<>(team.members()));
      setOnInstance(task, Vars.APPRAISAL_LEADER, team.leader());
    }
  }

  /** The opinion of the task's assignee (never of a member named in the submission). */
  @WorkflowStep
  @Component(Beans.APPRAISAL_OPINION)
  static class AppraisalOpinionListener extends Listener {
    AppraisalOpinionListener(ResearchTaskSteps steps, ActorResolver actors) {
      super(steps, actors);
    }

    @Override
    void complete(DelegateTask task, long id) {
      steps.giveAppraisalOpinion(id, ResearchAdapters.memberOf(task),
          Vars.PROPOSED_BUDGET.get(task), Vars.APPRAISAL_OPINION.get(task),
          actors.current(task), task.getId());
    }
  }

  @WorkflowStep
  @Component(Beans.BUDGET_APPRAISAL)
  static class BudgetAppraisalListener extends Listener {
    BudgetAppraisalListener(ResearchTaskSteps steps, ActorResolver actors) {
      super(steps, actors);
    }

    @Override
    void complete(DelegateTask task, long id) {
      Instant due = steps.appraiseBudget(id, ResearchAdapters.memberOf(task),
          Vars.APPROVED_BUDGET.get(task),
          Vars.APPRAISAL_NOTE.get(task), actors.current(task), task.getId());
      setOnInstance(task, Vars.BUDGET_DECISION_DUE_DATE, Date.from(due));
    }
  }

  @WorkflowStep
  @Component(Beans.BUDGET_DECISION)
  static class BudgetDecisionListener extends Listener {
    BudgetDecisionListener(ResearchTaskSteps steps, ActorResolver actors) {
      super(steps, actors);
    }

    @Override
    void complete(DelegateTask task, long id) {
      setOnInstance(task, Vars.BUDGET_APPROVED, steps.decideBudget(id, Vars.APPROVED.get(task),
          Vars.COMMENT.get(task), actors.current(task), task.getId()));
    }
  }

  @WorkflowStep
  @Component(Beans.CONTRACT)
  static class ContractListener extends Listener {
    ContractListener(ResearchTaskSteps steps, ActorResolver actors) {
      super(steps, actors);
    }

    @Override
    void complete(DelegateTask task, long id) {
      ResearchTaskSteps.ContractSchedule schedule = steps.recordContract(id,
          Vars.CONTRACT_NUMBER.get(task), Vars.CONTRACT_DATE.get(task),
          Vars.CONTRACT_AMOUNT.get(task), Vars.CONTRACT_START.get(task),
          Vars.CONTRACT_END.get(task), actors.current(task), task.getId());
      setOnInstance(task, Vars.CONTRACT_END_DATE, Date.from(schedule.end()));
      setOnInstance(task, Vars.MIDTERM_DATE, Date.from(schedule.midterm()));
      setOnInstance(task, Vars.PROGRESS_CYCLE, schedule.progressCycle());
    }
  }

  @WorkflowStep
  @Component(Beans.PROGRESS_REPORT)
  static class ProgressReportListener extends Listener {
    ProgressReportListener(ResearchTaskSteps steps, ActorResolver actors) {
      super(steps, actors);
    }

    @Override
    void complete(DelegateTask task, long id) {
      steps.submitProgressReport(id, Vars.REPORT.get(task), actors.current(task), task.getId());
    }
  }

  @WorkflowStep
  @Component(Beans.PROGRESS_REVIEW)
  static class ProgressReviewListener extends Listener {
    ProgressReviewListener(ResearchTaskSteps steps, ActorResolver actors) {
      super(steps, actors);
    }

    @Override
    void complete(DelegateTask task, long id) {
      setOnInstance(task, Vars.REPORT_ACCEPTED, steps.reviewProgressReport(id,
          Vars.ACCEPTED.get(task), Vars.COMMENT.get(task), actors.current(task), task.getId()));
    }
  }

  /** The director's decision; a granted extension also moves the final dossier's due date. */
  @WorkflowStep
  @Component(Beans.EXTENSION_DECISION)
  static class ExtensionDecisionListener extends Listener {
    private final TaskService taskService;

    ExtensionDecisionListener(ResearchTaskSteps steps, ActorResolver actors,
        TaskService taskService) {
      super(steps, actors);
      this.taskService = taskService;
    }

    @Override
    void complete(DelegateTask task, long id) {
      Instant newEnd = steps.decideExtension(id, Vars.EXTENSION_REQUEST_ID.require(task),
          Vars.APPROVED.get(task), Vars.COMMENT.get(task), actors.current(task), task.getId());
      if (newEnd != null) {
        setOnInstance(task, Vars.CONTRACT_END_DATE, Date.from(newEnd));
        taskService.createTaskQuery().processInstanceId(task.getProcessInstanceId())
            .taskDefinitionKey(ResearchTaskProcess.Tasks.SUBMIT_FINAL_DOSSIER).list()
            .forEach(t -> {
              t.setDueDate(Date.from(newEnd));
              taskService.saveTask(t);
            });
      }
    }
  }

  @WorkflowStep
  @Component(Beans.FINAL_DOSSIER)
  static class FinalDossierListener extends Listener {
    FinalDossierListener(ResearchTaskSteps steps, ActorResolver actors) {
      super(steps, actors);
    }

    @Override
    void complete(DelegateTask task, long id) {
      setOnInstance(task, Vars.MONTHS_LATE, steps.submitFinalDossier(id, Vars.NOTE.get(task),
          actors.current(task), task.getId()));
    }
  }

  @WorkflowStep
  @Component(Beans.CLOSE_TERMINATED)
  static class CloseTerminatedStep implements JavaDelegate {
    private final ResearchTaskSteps steps;

    CloseTerminatedStep(ResearchTaskSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.closeTerminated(researchTaskId(execution));
    }
  }

  @WorkflowStep
  @Component(Beans.FAIL_MISSING_DOSSIER)
  static class FailMissingDossierStep implements JavaDelegate {
    private final ResearchTaskSteps steps;

    FailMissingDossierStep(ResearchTaskSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.failMissingDossier(researchTaskId(execution));
    }
  }

  @WorkflowStep
  @Component(Beans.ARCHIVE_FAILED)
  static class ArchiveFailedStep implements JavaDelegate {
    private final ResearchTaskSteps steps;

    ArchiveFailedStep(ResearchTaskSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.archiveFailed(researchTaskId(execution));
    }
  }

  @WorkflowStep
  @Component(Beans.RESULT_REGISTRATION)
  static class ResultRegistrationListener extends Listener {
    ResultRegistrationListener(ResearchTaskSteps steps, ActorResolver actors) {
      super(steps, actors);
    }

    @Override
    void complete(DelegateTask task, long id) {
      steps.registerResult(id, Vars.REGISTRATION_NUMBER.get(task),
          Vars.REGISTRATION_DATE.get(task), actors.current(task), task.getId());
    }
  }

  @WorkflowStep
  @Component(Beans.LIQUIDATION)
  static class LiquidationListener extends Listener {
    LiquidationListener(ResearchTaskSteps steps, ActorResolver actors) {
      super(steps, actors);
    }

    @Override
    void complete(DelegateTask task, long id) {
      steps.liquidate(id, Vars.LIQUIDATION_NUMBER.get(task), Vars.LIQUIDATION_DATE.get(task),
          Vars.SETTLED_AMOUNT.get(task), actors.current(task), task.getId());
    }
  }

  @WorkflowStep
  @Component(Beans.ARCHIVE)
  static class ArchiveStep implements JavaDelegate {
    private final ResearchTaskSteps steps;

    ArchiveStep(ResearchTaskSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.archive(researchTaskId(execution));
    }
  }

  private ResearchTaskProcessAdapters() {}
}
