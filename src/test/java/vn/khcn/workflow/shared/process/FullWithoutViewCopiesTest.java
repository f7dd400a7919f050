package vn.khcn.workflow.shared.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.junit.jupiter.api.Test;

class FullWithoutViewCopiesTest {

  final HistoryLevel level = new HistoryConfiguration.FullWithoutViewCopies(
      Set.of("documentView", "summary"), Set.of("result"), Set.of("handleAssignment"));

  static VariableInstanceEntity variable(String name, String taskId) {
    VariableInstanceEntity variable = new VariableInstanceEntity();
    variable.setName(name);
    variable.setTaskId(taskId);
    return variable;
  }

  @Test
  void onlyTaskLocalViewCopiesLeaveNoHistory() {
    for (HistoryEventTypes type : new HistoryEventTypes[] {HistoryEventTypes.VARIABLE_INSTANCE_CREATE,
        HistoryEventTypes.VARIABLE_INSTANCE_UPDATE, HistoryEventTypes.VARIABLE_INSTANCE_DELETE,
        HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL}) {
      assertThat(level.isHistoryEventProduced(type, variable("documentView", "t1")))
          .as("a task's copy of the document text, %s", type).isFalse();
      assertThat(level.isHistoryEventProduced(type, variable("summary", null)))
          .as("the process variable of the same name keeps its history").isTrue();
      assertThat(level.isHistoryEventProduced(type, variable("decision", "t1")))
          .as("a form's own task-local input keeps its history").isTrue();
    }
  }

  @Test
  void longTextsLeaveNoHistoryInAnyScope() {
    for (HistoryEventTypes type : List.of(HistoryEventTypes.VARIABLE_INSTANCE_CREATE,
        HistoryEventTypes.VARIABLE_INSTANCE_UPDATE, HistoryEventTypes.VARIABLE_INSTANCE_DELETE,
        HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL)) {
      assertThat(level.isHistoryEventProduced(type, variable("result", null)))
          .as("a unit's result on its execution, %s", type).isFalse();
      assertThat(level.isHistoryEventProduced(type, variable("result", "t1")))
          .as("a unit's result on its task, %s", type).isFalse();
      assertThat(level.isHistoryEventProduced(type, variable("replyNumber", null)))
          .as("the same form's short input keeps its history").isTrue();
    }
  }

  @Test
  void formFieldsSubmittedToATaskTakingALongTextLeaveNoHistory() {
    TaskEntity unitTask = new TaskEntity();
    unitTask.setTaskDefinitionKey("handleAssignment");
    TaskEntity otherTask = new TaskEntity();
    otherTask.setTaskDefinitionKey("giveDirection");
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.FORM_PROPERTY_UPDATE, unitTask))
        .as("Tasklist's submit-form records each field's text once more").isFalse();
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.FORM_PROPERTY_UPDATE, otherTask))
        .isTrue();
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.TASK_INSTANCE_COMPLETE, unitTask))
        .as("the task's own history is kept").isTrue();
  }

  @Test
  void everythingElseAsFull() {
    assertThat(level.getId()).as("the database records FULL").isEqualTo(
        HistoryLevel.HISTORY_LEVEL_FULL.getId());
    for (HistoryEventTypes type : HistoryEventTypes.values()) {
      assertThat(level.isHistoryEventProduced(type, new TaskEntity())).as(type.toString())
          .isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL.isHistoryEventProduced(type, new TaskEntity()));
      assertThat(level.isHistoryEventProduced(type, null)).as(type.toString())
          .isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL.isHistoryEventProduced(type, null));
    }
  }
}
