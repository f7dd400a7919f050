package vn.khcn.workflow.research;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Spring Data repositories of competitive selection (ADR 0029). */
final class SelectionRepositories {
  private SelectionRepositories() {}
}

interface SelectionCallRepository extends JpaRepository<SelectionCall, Long> {
  List<SelectionCall> findAllByOrderByIdDesc();

  /** The call under a row lock: a dossier joining it and the intake closing never interleave. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select c from SelectionCall c where c.id = :id")
  Optional<SelectionCall> lockById(@Param("id") Long id);

  @Query("select count(c) from SelectionCall c where c.code like :prefix")
  long countByCodePrefix(@Param("prefix") String prefix);
}

/** The research tasks that answer a call (the same entity as ResearchTaskRepository's). */
interface SelectionDossierRepository extends JpaRepository<ResearchTask, Long> {
  List<ResearchTask> findBySelectionCallIdOrderByIdAsc(Long selectionCallId);

  long countBySelectionCallId(Long selectionCallId);
}

interface SelectionResultRepository extends JpaRepository<SelectionResult, Long> {
  List<SelectionResult> findBySelectionCallIdOrderByRankingAsc(Long selectionCallId);

  Optional<SelectionResult> findByResearchTaskId(Long researchTaskId);
}
