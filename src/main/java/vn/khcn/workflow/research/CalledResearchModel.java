package vn.khcn.workflow.research;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import vn.khcn.workflow.shared.process.ProcessDescriptor;
import vn.khcn.workflow.shared.process.UserTaskContract;

/**
 * What the three models research-task calls (assignment council, mid-term evaluation, acceptance)
 * tell the cross-cutting code alike: started only by their call activity, their tasks carrying
 * the research task's view copies (ADR 0011).
 */
abstract class CalledResearchModel implements ProcessDescriptor {

  private final String key;
  private final Set<String> decisionKeys;
  private final List<UserTaskContract> contracts;

  CalledResearchModel(String key, Set<String> decisionKeys, List<UserTaskContract> contracts) {
    this.key = key;
    this.decisionKeys = decisionKeys;
    this.contracts = contracts;
  }

  @Override
  public String key() {
    return key;
  }

  @Override
  public Set<String> decisionKeys() {
    return decisionKeys;
  }

  @Override
  public Collection<UserTaskContract> userTasks() {
    return contracts;
  }

  @Override
  public Set<String> taskViewCopies() {
    return ResearchTaskProcess.Vars.TASK_VIEW_COPIES;
  }

  @Override
  public boolean calledOnly() {
    return true;
  }
}
