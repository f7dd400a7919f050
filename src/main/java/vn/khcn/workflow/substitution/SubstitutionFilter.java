package vn.khcn.workflow.substitution;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.identity.IdentityBootstrap;
import vn.khcn.workflow.identity.TasklistFilters;

/**
 * The Tasklist filter "Việc làm thay": open tasks assigned to somebody else in which the user is
 * named (a substitute is a candidate user of the absent person's tasks, ADR 0021).
 */
@Component
@Order(IdentityBootstrap.ORDER + 1)
class SubstitutionFilter implements ApplicationRunner {

  static final String NAME = "Việc làm thay";

  private final TasklistFilters filters;

  SubstitutionFilter(TasklistFilters filters) {
    this.filters = filters;
  }

  @Override
  public void run(ApplicationArguments args) {
    filters.ensure(new TasklistFilters.Definition(NAME,
        "Việc của người vắng mặt mà tôi đang làm thay (cùng các việc giao cho tôi)", 5,
        q -> q.taskInvolvedUserExpression("${currentUser()}").taskAssigned(),
        TasklistFilters.DOCUMENT_COLUMNS, Groups.STAFF));
  }
}
