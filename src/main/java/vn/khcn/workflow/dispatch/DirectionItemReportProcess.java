package vn.khcn.workflow.dispatch;

import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.shared.process.ProcessDescriptor;
import vn.khcn.workflow.shared.process.UserTaskContract;
import vn.khcn.workflow.shared.process.Variable;

/**
 * Descriptor of {@code processes/direction-item-report.bpmn} (issue 17, ADR 0020): the periodic
 * report of one direction item. Started by the direction (domain code only); per period it waits
 * until the report's task opens, gives the lead unit a task due at the period's end, and ends
 * after the last period; the document is then filed if its handling is already approved.
 */
@Component
public final class DirectionItemReportProcess implements ProcessDescriptor {

  public static final String KEY = "direction-item-report";

  /** Task definition keys. */
  public static final class Tasks {
    public static final String SUBMIT_ITEM_REPORT = "submitItemReport";

    private Tasks() {}
  }

  /** Element ids tests refer to. */
  public static final class Elements {
    public static final String START = "startEvent_reportsDue";
    public static final String PLAN = "serviceTask_planNextReport";
    public static final String WAIT = "timerEvent_reportOpens";
    public static final String SUBMIT = "submitItemReport";
    public static final String MORE = "exclusiveGateway_morePeriods";
    public static final String CLOSE = "serviceTask_closeItemReports";
    public static final String END = "endEvent_reportsDone";

    private Elements() {}
  }

  /** Spring bean names the model calls. */
  public static final class Beans {
    public static final String PLAN = "planItemReportStep";
    public static final String VIEW_LISTENER = "itemReportViewListener";
    public static final String REPORT_LISTENER = "itemReportListener";
    public static final String CLOSE = "closeItemReportsStep";

    private Beans() {}
  }

  /** Process variables, typed. */
  public static final class Vars {
    /** Id of the IncomingDocument. */
    public static final Variable<Long> DOCUMENT_ID = Variable.instanceId("documentId");
    /** Id of the DirectionItem. */
    public static final Variable<Long> ITEM_ID = Variable.instanceId("itemId");
    /** Group id of the item's lead unit (the task's candidate group). */
    public static final Variable<String> LEAD_UNIT = Variable.serverText("leadUnit");
    /** The period now reported, 1-based. */
    public static final Variable<Integer> PERIOD_NO = Variable.integer("periodNo");
    /** How many periods the item reports. */
    public static final Variable<Integer> PERIOD_COUNT = Variable.integer("periodCount");
    /** When the period's report task opens (office start, working days before its due). */
    public static final Variable<Date> REPORT_OPENS_DATE = Variable.date("reportOpensDate");
    /** The period's report due (end of office hours of the period's last working day). */
    public static final Variable<Date> REPORT_DUE_DATE = Variable.date("reportDueDate");
    /** Another period follows the one just reported. */
    public static final Variable<Boolean> MORE_PERIODS = Variable.serverBool("morePeriods");
    /** The lead unit's report (task-local input). */
    public static final Variable<String> ITEM_REPORT = Variable.longText("itemReport");
    /** Task-local: the document and the item as a person reads them. */
    public static final Variable<String> DOCUMENT_VIEW = Variable.view("documentView");

    private Vars() {}
  }

  /** What the lead unit may submit. */
  public static final class Contracts {
    public static final UserTaskContract SUBMIT_ITEM_REPORT = UserTaskContract
        .task(Tasks.SUBMIT_ITEM_REPORT)
        .form("form_submitItemReport", Vars.DOCUMENT_VIEW.name())
        .inputs(Vars.ITEM_REPORT);

    private Contracts() {}
  }

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public Collection<UserTaskContract> userTasks() {
    return List.of(Contracts.SUBMIT_ITEM_REPORT);
  }

  @Override
  public Set<String> taskViewCopies() {
    return Set.of(Vars.DOCUMENT_VIEW.name());
  }

  DirectionItemReportProcess() {}
}
