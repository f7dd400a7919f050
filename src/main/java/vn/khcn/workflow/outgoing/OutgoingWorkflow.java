package vn.khcn.workflow.outgoing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import vn.khcn.workflow.identity.EngineAuthentication;
import vn.khcn.workflow.outgoing.OutgoingDocumentProcess.Tasks;
import vn.khcn.workflow.outgoing.OutgoingDocumentProcess.Vars;
import vn.khcn.workflow.shared.process.DomainStart;
import vn.khcn.workflow.shared.web.ConflictException;

/**
 * The outgoing model as the domain services drive it: started by a new draft (business key = the
 * document's id), the opinion round started by the drafter's request, an opinion task completed
 * when its answer came through the API. Engine calls are the system's own (the services have
 * checked who acts).
 */
@Service
class OutgoingWorkflow {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;

  OutgoingWorkflow(RuntimeService runtime, TaskService tasks, IdentityService identity) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.identity = identity;
  }

  void start(OutgoingDocument document) {
    EngineAuthentication.withoutAuthentication(identity, () -> DomainStart.run(() ->
        runtime.startProcessInstanceByKey(OutgoingDocumentProcess.KEY,
            String.valueOf(document.getId()), Variables.createVariables()
                .putValue(Vars.DOCUMENT_ID.name(), document.getId())
                .putValue(Vars.DRAFTER.name(), document.getDrafter())
                .putValue(Vars.SUMMARY.name(), document.getSummary())
                .putValue(Vars.URGENCY.name(), document.getUrgency().name()))));
  }

  /** The user's groups (the signer's and the clerk's rules are checked with their real groups). */
  java.util.Set<String> groupsOf(String userId) {
    java.util.Set<String> groups = new java.util.HashSet<>();
    EngineAuthentication.withoutAuthentication(identity, () -> identity.createGroupQuery()
        .groupMember(userId).list()).forEach(g -> groups.add(g.getId()));
    return groups;
  }

  /** Whether the document is driven by the model (drafts made before it are not). */
  boolean driven(long documentId) {
    return EngineAuthentication.withoutAuthentication(identity, () -> runtime
        .createProcessInstanceQuery().processDefinitionKey(OutgoingDocumentProcess.KEY)
        .processInstanceBusinessKey(String.valueOf(documentId)).count() > 0);
  }

  /** The open task of this kind of the document, if any. */
  Optional<Task> openTask(long documentId, String taskKey) {
    return EngineAuthentication.withoutAuthentication(identity, () -> tasks.createTaskQuery()
        .processDefinitionKey(OutgoingDocumentProcess.KEY)
        .processInstanceBusinessKey(String.valueOf(documentId)).taskDefinitionKey(taskKey)
        .active().list()).stream().findFirst();
  }

  /** Starts the opinion round: 409 unless the draft task waits (not during checks or a round). */
  void startOpinionRound(long documentId, List<Long> requestIds) {
    if (openTask(documentId, Tasks.DRAFT).isEmpty()) {
      throw new ConflictException("Chỉ xin ý kiến khi dự thảo đang ở bước soạn thảo (không trong"
          + " vòng lấy ý kiến khác hay đang trình kiểm tra, ký)", Map.of("step", "notDrafting"));
    }
    List<String> ids = new ArrayList<>();
    requestIds.forEach(id -> ids.add(String.valueOf(id)));
    EngineAuthentication.withoutAuthentication(identity, () -> runtime
        .createMessageCorrelation(OutgoingDocumentProcess.MESSAGE_OPINIONS_REQUESTED)
        .processInstanceBusinessKey(String.valueOf(documentId))
        .setVariable(Vars.OPINION_REQUEST_IDS.name(), ids).correlateWithResult());
  }

  /**
   * Completes the drafter's consolidation task as the person signed in (the engine's own
   * authorization and completion rule apply); the listener refuses it while an opinion is neither
   * accepted nor explained (its problems as a 400 on the page). 409 when no consolidation waits.
   */
  void completeConsolidation(long documentId) {
    Task task = openTask(documentId, Tasks.CONSOLIDATE).orElseThrow(() -> new ConflictException(
        "Không có việc tổng hợp ý kiến đang chờ (vòng lấy ý kiến chưa xong hoặc đã tổng hợp)",
        Map.of("step", "notConsolidating")));
    try {
      tasks.complete(task.getId());
    } catch (org.camunda.bpm.engine.ProcessEngineException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof vn.khcn.workflow.shared.process.InvalidTaskInputException invalid) {
          throw new vn.khcn.workflow.shared.web.InvalidInputException(invalid.problems().stream()
              .map(p -> new vn.khcn.workflow.shared.web.ApiError.FieldError("opinions", p))
              .toList());
        }
        if (cause.getCause() == cause) {
          break;
        }
      }
      throw e;
    }
  }

  /** Whether the opinion task of the request waits (its round is open). */
  boolean opinionTaskOpen(long documentId, long requestId) {
    return opinionTask(documentId, requestId).isPresent();
  }

  private Optional<Task> opinionTask(long documentId, long requestId) {
    return EngineAuthentication.withoutAuthentication(identity, () -> tasks.createTaskQuery()
        .processDefinitionKey(OutgoingDocumentProcess.KEY)
        .processInstanceBusinessKey(String.valueOf(documentId))
        .taskDefinitionKey(Tasks.GIVE_OPINION).active().list().stream()
        .filter(t -> String.valueOf(requestId).equals(String.valueOf(
            tasks.getVariable(t.getId(), Vars.OPINION_REQUEST_ID.name()))))
        .findFirst());
  }

  /** Completes the opinion task of the request (its answer is already recorded). */
  void completeOpinionTask(long documentId, long requestId) {
    opinionTask(documentId, requestId).ifPresent(task -> EngineAuthentication
        .withoutAuthentication(identity, () -> {
          tasks.complete(task.getId());
          return null;
        }));
  }
}
