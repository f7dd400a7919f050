package vn.khcn.workflow.home;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Service;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.research.AcceptanceProcess;
import vn.khcn.workflow.research.AssignmentCouncilProcess;
import vn.khcn.workflow.research.MidtermEvaluationProcess;
import vn.khcn.workflow.research.ResearchTaskProcess;

/**
 * What the home page shows a person, by group: the counts are engine task queries run under the
 * person's own engine authentication (set per request by the page chain), so nobody is counted a
 * task he may not read.
 */
@Service
class HomeSummary {

  static final List<String> RESEARCH_GROUPS =
      List.of(Groups.PHONG_QLKH, Groups.CHU_NHIEM, Groups.HOI_DONG);
  static final String[] RESEARCH_PROCESSES = {ResearchTaskProcess.KEY,
      AssignmentCouncilProcess.KEY, MidtermEvaluationProcess.KEY, AcceptanceProcess.KEY};

  /** The sections of the page; a count is null where the section does not apply. */
  record Home(boolean registry, List<String> units, Long unitTasks, Long inbox, Long research,
      boolean admin) {}

  private final TaskService taskService;

  HomeSummary(TaskService taskService) {
    this.taskService = taskService;
  }

  Home of(String userId, Collection<String> groups) {
    List<String> units = groups.stream().filter(Groups::isUnit).sorted().toList();
    Long unitTasks = units.isEmpty() ? null : taskService.createTaskQuery()
        .taskCandidateGroupIn(new ArrayList<>(units)).includeAssignedTasks().active().count();
    // the same tasks as the inbox: assigned to him or unclaimed for his groups
    Long inbox = groups.contains(Groups.LANH_DAO) ? taskService.createTaskQuery()
        .or().taskAssignee(userId).taskCandidateGroupIn(new ArrayList<>(groups)).endOr()
        .active().count() : null;
    Long research = groups.stream().anyMatch(RESEARCH_GROUPS::contains) ? taskService
        .createTaskQuery().processDefinitionKeyIn(RESEARCH_PROCESSES)
        .or().taskAssignee(userId).taskCandidateGroupIn(new ArrayList<>(groups)).endOr()
        .active().count() : null;
    return new Home(groups.contains(Groups.VAN_THU), units.stream().map(Groups::nameOf).toList(),
        unitTasks, inbox, research, groups.contains(Groups.CAMUNDA_ADMIN));
  }
}
