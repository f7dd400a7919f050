package vn.khcn.workflow.substitution;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SubstitutionTaskRepository
    extends JpaRepository<SubstitutionTask, SubstitutionTask.Key> {

  List<SubstitutionTask> findBySubstitutionId(Long substitutionId);

  /** The distinct substitutions that still have links on tasks. */
  @org.springframework.data.jpa.repository.Query(
      "select distinct t.substitutionId from SubstitutionTask t")
  List<Long> linkedSubstitutions();
}
