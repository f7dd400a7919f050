package vn.khcn.workflow.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;
import vn.khcn.workflow.dispatch.DirectionItemReportProcess;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess;
import vn.khcn.workflow.outgoing.OutgoingDocumentProcess;
import vn.khcn.workflow.research.CompetitiveSelectionProcess;
import vn.khcn.workflow.research.ResearchTaskProcess;
import vn.khcn.workflow.shared.process.Variable;
import vn.khcn.workflow.shared.process.ViewText;

/**
 * Every view a task shows at the top of its form (a document or research task with its whole
 * trail, which grows with the work) is written fitted into the engine's string column: a longer
 * one would fail the command that creates the task.
 */
class TaskViewVariablesTest {

  @Test
  void everyTaskViewIsWrittenFitted() {
    Map<String, Object> written = new HashMap<>();
    VariableScope task = (VariableScope) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {VariableScope.class}, (proxy, method, args) -> {
          if (method.getName().equals("setVariableLocal")) {
            return written.put((String) args[0], args[1]);
          }
          throw new UnsupportedOperationException(method.getName());
        });
    List<Variable<String>> views = List.of(IncomingDirectiveProcess.Vars.DOCUMENT_VIEW,
        DirectionItemReportProcess.Vars.DOCUMENT_VIEW, OutgoingDocumentProcess.Vars.DOCUMENT_VIEW,
        ResearchTaskProcess.Vars.RESEARCH_VIEW, CompetitiveSelectionProcess.Vars.SELECTION_VIEW);
    String trail = "Báo cáo tiến độ định kỳ, nội dung dài. ".repeat(300);
    for (Variable<String> view : views) {
      written.clear();
      view.setLocal(task, "Tiêu đề\n" + trail);
      assertThat((String) written.get(view.name())).as(view.name())
          .hasSizeLessThanOrEqualTo(ViewText.MAX).startsWith("Tiêu đề\nBáo cáo tiến độ");
    }
  }
}
