package vn.khcn.workflow.dispatch;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import vn.khcn.workflow.identity.EngineAuthentication;
import vn.khcn.workflow.shared.process.DomainStart;

/**
 * Starts and ends the periodic-report processes of direction items: started by the direction
 * (the system's own start, holding the domain token), ended with the document's other work when
 * it is recalled or replaced.
 */
@Service
class ItemReportStarter {

  private static final int MAX_INSTANCES = 100;

  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final IncomingDocumentRepository documents;

  ItemReportStarter(RuntimeService runtimeService, IdentityService identityService,
      IncomingDocumentRepository documents) {
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.documents = documents;
  }

  /** The id of the started instance. */
  String start(long documentId, long itemId) {
    String businessKey = documents.findById(documentId).orElseThrow().getBusinessKey();
    ProcessInstance instance = EngineAuthentication.withoutAuthentication(identityService,
        () -> DomainStart.run(() -> runtimeService.startProcessInstanceByKey(
            DirectionItemReportProcess.KEY, businessKey, Variables.createVariables()
                .putValue(DirectionItemReportProcess.Vars.DOCUMENT_ID.name(), documentId)
                .putValue(DirectionItemReportProcess.Vars.ITEM_ID.name(), itemId))));
    return instance.getId();
  }

  /** Ends the document's running report processes with the reason. */
  void closeOpen(long documentId, String reason) {
    EngineAuthentication.withoutAuthentication(identityService, () -> {
      runtimeService.createProcessInstanceQuery()
          .processDefinitionKey(DirectionItemReportProcess.KEY)
          .variableValueEquals(DirectionItemReportProcess.Vars.DOCUMENT_ID.name(), documentId)
          .listPage(0, MAX_INSTANCES)
          .forEach(i -> runtimeService.deleteProcessInstance(i.getId(), reason, false, true));
      return null;
    });
  }
}
