package vn.khcn.workflow.support;

import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RuntimeService;
import vn.khcn.workflow.outgoing.OutgoingDocumentProcess;

/**
 * Test shortcut for tests about what happens after issue (sending, replies, files, numbering):
 * ends the outgoing-document model's instance of a draft, so the direct sign and number endpoints
 * (kept for drafts made before the model, ADR 0026) take it. The model's own path through its
 * checks is tested in {@code OutgoingWorkflowApiTest} and {@code OutgoingDocumentModelTest}.
 */
public final class PreModelOutgoing {

  private PreModelOutgoing() {
  }

  /** Ends the model's instance of outgoing document {@code id}, if it has one. */
  public static void detach(long id) {
    RuntimeService runtime = ProcessEngines.getProcessEngine("default").getRuntimeService();
    runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(id))
        .processDefinitionKey(OutgoingDocumentProcess.KEY).list()
        .forEach(p -> runtime.deleteProcessInstance(p.getId(), "test: drafted as before the model"));
  }
}
