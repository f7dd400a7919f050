package vn.khcn.workflow.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.khcn.workflow.dispatch.DirectionItemReportProcess;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess;
import vn.khcn.workflow.outgoing.OutgoingDocumentProcess;
import vn.khcn.workflow.research.CompetitiveSelectionProcess;
import vn.khcn.workflow.research.ResearchTaskProcess;
import vn.khcn.workflow.shared.process.RecordingScope;
import vn.khcn.workflow.shared.process.Variable;

/**
 * Every view a task shows at the top of its form (a document or research task with its whole
 * trail, which grows with the work) is written fitted into the engine's string column: a longer
 * one would fail the command that creates the task.
 */
class TaskViewVariablesTest {

  @Test
  void everyTaskViewIsWrittenFitted() {
    RecordingScope task = new RecordingScope();
    List<Variable<String>> views = List.of(IncomingDirectiveProcess.Vars.DOCUMENT_VIEW,
        DirectionItemReportProcess.Vars.DOCUMENT_VIEW, OutgoingDocumentProcess.Vars.DOCUMENT_VIEW,
        OutgoingDocumentProcess.Vars.RETURN_COMMENT, ResearchTaskProcess.Vars.RESEARCH_VIEW,
        CompetitiveSelectionProcess.Vars.SELECTION_VIEW);
    String trail = "Báo cáo tiến độ định kỳ, nội dung dài. ".repeat(300);
    for (Variable<String> view : views) {
      view.setLocal(task.scope, "Tiêu đề\n" + trail);
      assertThat((String) task.local(view.name())).as(view.name())
          .hasSizeLessThanOrEqualTo(Variable.MAX_TEXT).startsWith("Tiêu đề\nBáo cáo tiến độ");
    }
  }
}
