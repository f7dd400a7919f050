package vn.khcn.workflow.dispatch;

import static vn.khcn.workflow.dispatch.DirectionItemReportProcess.Vars;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.identity.ActorResolver;
import vn.khcn.workflow.shared.process.WorkflowStep;

/**
 * The beans direction-item-report.bpmn calls (names in {@link DirectionItemReportProcess.Beans}),
 * each reading its variables and calling {@link ItemReportSteps}.
 */
final class DirectionItemReportProcessAdapters {

  @WorkflowStep
  @Component(DirectionItemReportProcess.Beans.PLAN)
  static class PlanItemReportStep implements JavaDelegate {
    private final ItemReportSteps steps;

    PlanItemReportStep(ItemReportSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      ItemReportSteps.Period period = steps.planNext(Vars.ITEM_ID.require(execution),
          Vars.PERIOD_NO.get(execution));
      Vars.PERIOD_NO.set(execution, period.number());
      Vars.PERIOD_COUNT.set(execution, period.count());
      Vars.LEAD_UNIT.set(execution, period.leadUnit());
      Vars.REPORT_OPENS_DATE.set(execution, Date.from(period.opens()));
      Vars.REPORT_DUE_DATE.set(execution, Date.from(period.due()));
      Vars.MORE_PERIODS.set(execution, period.number() < period.count());
    }
  }

  @WorkflowStep
  @Component(DirectionItemReportProcess.Beans.VIEW_LISTENER)
  static class ItemReportViewListener implements TaskListener {
    private final ItemReportSteps steps;
    private final DocumentQueries queries;

    ItemReportViewListener(ItemReportSteps steps, DocumentQueries queries) {
      this.steps = steps;
      this.queries = queries;
    }

    @Override
    public void notify(DelegateTask task) {
      long itemId = Vars.ITEM_ID.require(task);
      int number = Vars.PERIOD_NO.require(task);
      String item = steps.describe(itemId, number);
      task.setName(item.substring(0, item.indexOf(", hạn ")));
      Vars.DOCUMENT_VIEW.setLocal(task, item + "\n\n"
          + queries.documentView(Vars.DOCUMENT_ID.require(task), null));
    }
  }

  @WorkflowStep
  @Component(DirectionItemReportProcess.Beans.REPORT_LISTENER)
  static class ItemReportListener implements TaskListener {
    private final ItemReportSteps steps;
    private final ActorResolver actors;

    ItemReportListener(ItemReportSteps steps, ActorResolver actors) {
      this.steps = steps;
      this.actors = actors;
    }

    @Override
    public void notify(DelegateTask task) {
      steps.submit(Vars.ITEM_ID.require(task), Vars.PERIOD_NO.require(task),
          Vars.ITEM_REPORT.get(task), actors.current(task), task.getId());
    }
  }

  @WorkflowStep
  @Component(DirectionItemReportProcess.Beans.CLOSE)
  static class CloseItemReportsStep implements JavaDelegate {
    private final ItemReportSteps steps;

    CloseItemReportsStep(ItemReportSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.afterLastReport(Vars.DOCUMENT_ID.require(execution));
    }
  }

  private DirectionItemReportProcessAdapters() {}
}
