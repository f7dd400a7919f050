package vn.khcn.workflow.substitution;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.identity.EngineAuthentication;

/**
 * Camunda Tasklist's side of substitution (ADR 0021): while a substitution is active the
 * substitute is a candidate user of each open task assigned to the absent person (which gives the
 * substitute READ and TASK_WORK on it and lists it in the "Việc làm thay" filter); when it is over
 * those links, and only those, are removed. Runs every minute and right after a substitution is
 * created or ended. Whether the substitute may complete is decided when completing, from the
 * substitution itself, so a link left for a minute after the end grants nothing.
 */
@Component
class SubstitutionTasklist {

  private static final Logger log = LoggerFactory.getLogger(SubstitutionTasklist.class);
  /** Tasks of one absent person handled per run; the next run takes the rest. */
  static final int MAX_TASKS = 500;

  private final SubstitutionRepository substitutions;
  private final SubstitutionTaskRepository links;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final Substitutions rules;

  SubstitutionTasklist(SubstitutionRepository substitutions, SubstitutionTaskRepository links,
      TaskService taskService, IdentityService identityService, Substitutions rules) {
    this.substitutions = substitutions;
    this.links = links;
    this.taskService = taskService;
    this.identityService = identityService;
    this.rules = rules;
  }

  @Scheduled(initialDelayString = "${khcn.substitution.sync-interval:PT1M}",
      fixedDelayString = "${khcn.substitution.sync-interval:PT1M}")
  void scheduled() {
    try {
      sync();
    } catch (RuntimeException e) {
      log.warn("Substitution links not brought up to date, next run retries: {}", e.toString());
    }
  }

  /** Adds the links of active substitutions and removes those of substitutions that are over. */
  @Transactional
  void sync() {
    EngineAuthentication.withoutAuthentication(identityService, () -> {
      LocalDate today = rules.today();
      Set<Long> active = new HashSet<>();
      for (Substitution s : substitutions.activeOn(today)) {
        active.add(s.getId());
        add(s);
      }
      for (Long id : links.linkedSubstitutions()) {
        if (!active.contains(id)) {
          remove(substitutions.findById(id).orElseThrow());
        }
      }
      return null;
    });
  }

  private void add(Substitution s) {
    Set<String> linked = new HashSet<>();
    links.findBySubstitutionId(s.getId()).forEach(l -> linked.add(l.getTaskId()));
    List<Task> tasks = taskService.createTaskQuery().taskAssignee(s.getAbsentUser()).active()
        .orderByTaskCreateTime().asc().listPage(0, MAX_TASKS);
    for (Task task : tasks) {
      if (linked.contains(task.getId()) || isCandidate(task.getId(), s.getSubstituteUser())) {
        continue;
      }
      taskService.addCandidateUser(task.getId(), s.getSubstituteUser());
      links.save(new SubstitutionTask(s.getId(), task.getId(), rules.now()));
    }
  }

  private void remove(Substitution s) {
    for (SubstitutionTask link : links.findBySubstitutionId(s.getId())) {
      if (taskService.createTaskQuery().taskId(link.getTaskId()).count() > 0) {
        taskService.deleteCandidateUser(link.getTaskId(), s.getSubstituteUser());
      }
      links.delete(link);
    }
  }

  private boolean isCandidate(String taskId, String userId) {
    return taskService.getIdentityLinksForTask(taskId).stream()
        .anyMatch(l -> IdentityLinkType.CANDIDATE.equals(l.getType())
            && userId.equals(l.getUserId()));
  }

  /** The links of one substitution, for tests and the page: task ids. */
  @Transactional(readOnly = true)
  List<String> linkedTasks(long substitutionId) {
    return links.findBySubstitutionId(substitutionId).stream().map(SubstitutionTask::getTaskId)
        .toList();
  }
}
