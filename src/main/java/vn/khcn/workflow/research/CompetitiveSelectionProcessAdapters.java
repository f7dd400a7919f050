package vn.khcn.workflow.research;

import static vn.khcn.workflow.research.ResearchAdapters.memberOf;
import static vn.khcn.workflow.research.ResearchAdapters.setOnInstance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.identity.ActorResolver;
import vn.khcn.workflow.identity.EngineAuthentication;
import vn.khcn.workflow.research.CompetitiveSelectionProcess.Beans;
import vn.khcn.workflow.research.CompetitiveSelectionProcess.Vars;
import vn.khcn.workflow.shared.process.Variable;
import vn.khcn.workflow.shared.process.WorkflowStep;

/**
 * The beans competitive-selection.bpmn calls (names in {@link CompetitiveSelectionProcess.Beans}).
 * Each reads its variables, calls one method of {@link CompetitiveSelectionSteps} and writes the
 * results back; who acts comes from the task, never from what was submitted.
 */
final class CompetitiveSelectionProcessAdapters {

  static long callId(VariableScope scope) {
    return Vars.SELECTION_CALL_ID.require(scope);
  }

  static List<Long> dossierIds(VariableScope scope) {
    return Vars.DOSSIERS.get(scope).stream().map(Long::valueOf).toList();
  }

  /** On create of the call's tasks: the call, and the choices the appointment and minutes need. */
  @WorkflowStep
  @Component(Beans.VIEW_LISTENER)
  static class ViewListener implements TaskListener {
    private final SelectionCallService calls;
    private final CompetitiveSelectionSteps steps;
    private final ResearchQueries queries;
    private final ObjectMapper json;

    ViewListener(SelectionCallService calls, CompetitiveSelectionSteps steps,
        ResearchQueries queries, ObjectMapper json) {
      this.calls = calls;
      this.steps = steps;
      this.queries = queries;
      this.json = json;
    }

    @Override
    public void notify(DelegateTask task) {
      List<Long> dossiers = dossierIds(task);
      Vars.SELECTION_VIEW.setLocal(task, calls.view(callId(task), dossiers));
      for (Variable<String> column : List.of(ResearchTaskProcess.Vars.TASK_CODE,
          ResearchTaskProcess.Vars.SUMMARY)) {
        column.setLocal(task, column.get(task));
      }
      String key = task.getTaskDefinitionKey();
      if (CompetitiveSelectionProcess.Tasks.APPOINT_COUNCIL.equals(key)
          || CompetitiveSelectionProcess.Tasks.APPOINT_REPLACEMENT.equals(key)) {
        try {
          task.setVariableLocal(ResearchTaskProcess.Vars.EXPERT_OPTIONS, SpinValues.jsonValue(
              json.writeValueAsString(calls.expertOptions(dossiers))).create());
        } catch (JsonProcessingException e) {
          throw new IllegalStateException(e);
        }
      }
      if (CompetitiveSelectionProcess.Tasks.RECORD_MEETING.equals(key)) {
        task.setVariableLocal(ResearchTaskProcess.Vars.MEMBER_OPTIONS,
            queries.memberOptions(steps.councilOf(dossiers.get(0)).getId()));
      }
    }
  }

  /** On create of a ballot: the dossier it scores, as its member may read it. */
  @WorkflowStep
  @Component(Beans.BALLOT_VIEW_LISTENER)
  static class BallotViewListener implements TaskListener {
    private final ResearchQueries queries;
    private final ResearchRecords records;

    BallotViewListener(ResearchQueries queries, ResearchRecords records) {
      this.queries = queries;
      this.records = records;
    }

    @Override
    public void notify(DelegateTask task) {
      long id = Long.parseLong(Vars.DOSSIER.require(task));
      ResearchTask dossier = records.task(id);
      ResearchTaskProcess.Vars.RESEARCH_VIEW.setLocal(task, queries.view(id, task.getAssignee()));
      task.setVariableLocal(ResearchTaskProcess.Vars.DOCUMENT_LINKS, queries.documentLinks(id));
      ResearchTaskProcess.Vars.TASK_CODE.setLocal(task, dossier.getCode());
      ResearchTaskProcess.Vars.SUMMARY.setLocal(task, dossier.getTitle());
    }
  }

  @WorkflowStep
  @Component(Beans.APPOINTMENT)
  static class AppointmentListener implements TaskListener {
    private final CompetitiveSelectionSteps steps;
    private final ActorResolver actors;

    AppointmentListener(CompetitiveSelectionSteps steps, ActorResolver actors) {
      this.steps = steps;
      this.actors = actors;
    }

    @Override
    public void notify(DelegateTask task) {
      Map<String, String> fields = new LinkedHashMap<>();
      for (Variable<String> field : AssignmentCouncilProcess.Vars.ROLE_FIELDS) {
        fields.put(field.name(), field.get(task));
      }
      AssignmentCouncilSteps.AppointedCouncil council = steps.appoint(dossierIds(task), fields,
          actors.current(task), task.getId());
      setOnInstance(task, AssignmentCouncilProcess.Vars.COUNCIL_MEMBERS,
          new ArrayList<>(council.members()));
      setOnInstance(task, AssignmentCouncilProcess.Vars.BALLOT_DUE_DATE,
          Date.from(council.ballotDue()));
      setOnInstance(task, AssignmentCouncilProcess.Vars.CHAIR, council.chair());
      setOnInstance(task, AssignmentCouncilProcess.Vars.SECRETARY, council.secretary());
    }
  }

  /** One declaration of the task's assignee for the whole call. */
  @WorkflowStep
  @Component(Beans.DECLARATION)
  static class DeclarationListener implements TaskListener {
    private final CompetitiveSelectionSteps steps;
    private final ActorResolver actors;

    DeclarationListener(CompetitiveSelectionSteps steps, ActorResolver actors) {
      this.steps = steps;
      this.actors = actors;
    }

    @Override
    public void notify(DelegateTask task) {
      String member = memberOf(task);
      boolean conflict = steps.declare(dossierIds(task), member,
          AssignmentCouncilProcess.Vars.NO_CONFLICT.get(task),
          ResearchTaskProcess.Vars.NOTE.get(task), actors.current(task), task.getId());
      AssignmentCouncilProcess.Vars.CONFLICT.set(task.getExecution(), conflict);
      AssignmentCouncilProcess.Vars.MEMBER.set(task.getExecution(), member);
    }
  }

  /** The director's replacement of the instance's member, in every dossier's council. */
  @WorkflowStep
  @Component(Beans.REPLACEMENT)
  static class ReplacementListener implements TaskListener {
    private final CompetitiveSelectionSteps steps;
    private final ActorResolver actors;

    ReplacementListener(CompetitiveSelectionSteps steps, ActorResolver actors) {
      this.steps = steps;
      this.actors = actors;
    }

    @Override
    public void notify(DelegateTask task) {
      String replacement = steps.replace(dossierIds(task),
          AssignmentCouncilProcess.Vars.MEMBER.get(task),
          AssignmentCouncilProcess.Vars.REPLACEMENT.get(task), actors.current(task), task.getId());
      AssignmentCouncilProcess.Vars.MEMBER.set(task.getExecution(), replacement);
      AssignmentCouncilProcess.Vars.CONFLICT.set(task.getExecution(), false);
      // a replaced chair or secretary: their tasks go to the newcomer
      AssignmentCouncilSteps.Routing routing = steps.routing(dossierIds(task).get(0));
      setOnInstance(task, AssignmentCouncilProcess.Vars.CHAIR, routing.chair());
      setOnInstance(task, AssignmentCouncilProcess.Vars.SECRETARY, routing.secretary());
    }
  }

  /** The ballot of the task's assignee for the instance's dossier. */
  @WorkflowStep
  @Component(Beans.BALLOT)
  static class BallotListener implements TaskListener {
    private final CompetitiveSelectionSteps steps;
    private final ActorResolver actors;

    BallotListener(CompetitiveSelectionSteps steps, ActorResolver actors) {
      this.steps = steps;
      this.actors = actors;
    }

    @Override
    public void notify(DelegateTask task) {
      List<Integer> scores = new ArrayList<>();
      for (Variable<Long> criterion : List.of(AssignmentCouncilProcess.Vars.SCORE_URGENCY,
          AssignmentCouncilProcess.Vars.SCORE_CONTENT, AssignmentCouncilProcess.Vars.SCORE_METHOD,
          AssignmentCouncilProcess.Vars.SCORE_PRODUCTS,
          AssignmentCouncilProcess.Vars.SCORE_CAPACITY)) {
        Long score = criterion.get(task);
        scores.add(score == null ? null : Math.toIntExact(Math.max(Math.min(score, 1000), -1000)));
      }
      steps.score(Long.parseLong(Vars.DOSSIER.require(task)), memberOf(task), scores,
          ResearchTaskProcess.Vars.COMMENT.get(task), actors.current(task), task.getId());
    }
  }

  @WorkflowStep
  @Component(Beans.MEETING)
  static class MeetingListener implements TaskListener {
    private final CompetitiveSelectionSteps steps;
    private final ActorResolver actors;

    MeetingListener(CompetitiveSelectionSteps steps, ActorResolver actors) {
      this.steps = steps;
      this.actors = actors;
    }

    @Override
    public void notify(DelegateTask task) {
      steps.recordMeeting(callId(task), dossierIds(task),
          AssignmentCouncilProcess.Vars.MEETING_DATE.get(task),
          AssignmentCouncilProcess.Vars.PRESENT.get(task), Vars.COUNTING_TEAM.get(task),
          AssignmentCouncilProcess.Vars.REQUIRED_REVISIONS.get(task),
          AssignmentCouncilProcess.Vars.NOTES.get(task), actors.current(task), task.getId());
    }
  }

  /** At the deadline: the dossiers the council will score. */
  @WorkflowStep
  @Component(Beans.CLOSE_INTAKE)
  static class CloseIntakeStep implements JavaDelegate {
    private final CompetitiveSelectionSteps steps;

    CloseIntakeStep(CompetitiveSelectionSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      List<Long> dossiers = steps.closeIntake(callId(execution));
      Vars.DOSSIERS.set(execution, new ArrayList<>(dossiers.stream().map(String::valueOf)
          .toList()));
      Vars.DOSSIER_COUNT.set(execution, dossiers.size());
    }
  }

  /**
   * Ranks the dossiers; with a quorum, each dossier's waiting assignment-council receives its
   * verdict (and for the selected one with required changes, the revision's routing and dates).
   */
  @WorkflowStep
  @Component(Beans.RANK)
  static class RankStep implements JavaDelegate {
    private final CompetitiveSelectionSteps steps;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;

    RankStep(CompetitiveSelectionSteps steps, RuntimeService runtimeService,
        IdentityService identityService) {
      this.steps = steps;
      this.runtimeService = runtimeService;
      this.identityService = identityService;
    }

    @Override
    public void execute(DelegateExecution execution) {
      CompetitiveSelectionSteps.RankingResult result = steps.rank(callId(execution),
          dossierIds(execution));
      AssignmentCouncilProcess.Vars.QUORUM_MET.set(execution, result.quorumMet());
      for (CompetitiveSelectionSteps.Outcome outcome : result.outcomes()) {
        MessageCorrelationBuilder message = runtimeService.createMessageCorrelation(
                AssignmentCouncilProcess.SELECTION_CONCLUDED_MESSAGE)
            .processInstanceBusinessKey(outcome.taskCode())
            .setVariable(ResearchTaskProcess.Vars.VERDICT.name(), outcome.verdict().name())
            .setVariable(AssignmentCouncilProcess.Vars.COUNCIL_ID.name(), outcome.councilId())
            .setVariable(AssignmentCouncilProcess.Vars.CHAIR.name(),
                AssignmentCouncilProcess.Vars.CHAIR.get(execution))
            .setVariable(AssignmentCouncilProcess.Vars.SECRETARY.name(),
                AssignmentCouncilProcess.Vars.SECRETARY.get(execution));
        if (outcome.revisionDue() != null) {
          message.setVariable(AssignmentCouncilProcess.Vars.REVISION_DUE_DATE.name(),
                  Date.from(outcome.revisionDue()))
              .setVariable(AssignmentCouncilProcess.Vars.REVISION_REMINDER_DATE.name(),
                  Date.from(outcome.revisionReminder()));
        }
        EngineAuthentication.withoutAuthentication(identityService, message::correlateWithResult);
      }
    }
  }

  private CompetitiveSelectionProcessAdapters() {}
}
