package vn.khcn.workflow.research;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Spring Data repositories of the research feature. */
final class Repositories {
  private Repositories() {}
}

interface ResearchTaskRepository extends JpaRepository<ResearchTask, Long> {
  Optional<ResearchTask> findByCode(String code);

  long countByRulesRegime(String rulesRegime);

  /** Ids of running tasks with a contract whose final dossier is not in yet. */
  @Query("select t.id from ResearchTask t where t.status = :status and t.stage in :stages"
      + " and t.contractEnd is not null and t.finalDossierAt is null order by t.id")
  List<Long> awaitingFinalDossier(@Param("status") ResearchStatus status,
      @Param("stages") List<ResearchStage> stages);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select t from ResearchTask t where t.id = :id")
  Optional<ResearchTask> lockById(@Param("id") Long id);

  @Query("""
      select t from ResearchTask t
      where (:status is null or t.status = :status)
        and (:stage is null or t.stage = :stage)
        and (:pattern is null or t.searchText like :pattern)
        and (:investigator is null or t.investigator = :investigator)
      """)
  Page<ResearchTask> search(@Param("status") ResearchStatus status,
      @Param("stage") ResearchStage stage, @Param("pattern") String pattern,
      @Param("investigator") String investigator, Pageable pageable);
}

interface ResearchDocumentRepository extends JpaRepository<ResearchDocument, Long> {
  @Query("select new vn.khcn.workflow.research.DocumentInfo(d.id, d.kind, d.fileName, d.contentType,"
      + " d.sizeBytes, d.uploadedBy, d.uploadedAt) from ResearchDocument d"
      + " where d.researchTaskId = :taskId order by d.id")
  List<DocumentInfo> listByTask(@Param("taskId") Long taskId);

  Optional<ResearchDocument> findByIdAndResearchTaskId(Long id, Long researchTaskId);

  @Query("select count(d) from ResearchDocument d where d.researchTaskId = :taskId"
      + " and d.kind = :kind and d.uploadedAt > :after")
  long countSince(@Param("taskId") Long taskId, @Param("kind") DocumentKind kind,
      @Param("after") java.time.Instant after);
}

interface CouncilRepository extends JpaRepository<Council, Long> {
  List<Council> findByResearchTaskIdOrderByIdAsc(Long researchTaskId);
}

interface CouncilMemberRepository extends JpaRepository<CouncilMember, Long> {
  List<CouncilMember> findByCouncilIdOrderByIdAsc(Long councilId);
}

interface ExpertRepository extends JpaRepository<Expert, String> {
  List<Expert> findAllByOrderByFullNameAsc();
}

interface ResearchReportRepository extends JpaRepository<ResearchReport, Long> {
  List<ResearchReport> findByResearchTaskIdOrderByIdAsc(Long researchTaskId);
}

interface ExtensionRequestRepository extends JpaRepository<ExtensionRequest, Long> {
  List<ExtensionRequest> findByResearchTaskIdOrderByIdAsc(Long researchTaskId);
}

interface RestrictionRepository extends JpaRepository<Restriction, Long> {
  /** Restrictions in force on {@code day} of this organisation (tax code) or investigator. */
  @Query("select r from Restriction r where ((r.subjectKind = :orgKind and r.subjectKey = :org)"
      + " or (r.subjectKind = :invKind and r.subjectKey = :investigator))"
      + " and r.liftedAt is null and r.untilDate >= :day order by r.id")
  List<Restriction> inForce(@Param("orgKind") Restriction.SubjectKind orgKind,
      @Param("org") String org, @Param("invKind") Restriction.SubjectKind invKind,
      @Param("investigator") String investigator, @Param("day") java.time.LocalDate day);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select r from Restriction r where r.id = :id")
  Optional<Restriction> lockById(@Param("id") Long id);

  List<Restriction> findAllByOrderByIdDesc();
}

interface ResearchTrailRepository extends JpaRepository<ResearchTrailEntry, Long> {
  List<ResearchTrailEntry> findByResearchTaskIdOrderByIdAsc(Long researchTaskId);

  /** Whether this action was written for the task (and engine task; null matches null). */
  @Query("select count(e) > 0 from ResearchTrailEntry e where e.researchTaskId = :taskId"
      + " and e.action = :action and ((:engineTaskId is null and e.camundaTaskId is null)"
      + " or e.camundaTaskId = :engineTaskId)")
  boolean existsByResearchTaskIdAndActionAndCamundaTaskId(@Param("taskId") Long taskId,
      @Param("action") String action, @Param("engineTaskId") String engineTaskId);
}

interface RuleRegimeRepository extends JpaRepository<RuleRegimeRecord, String> {
  List<RuleRegimeRecord> findAllByOrderByEffectiveFromAsc();
}
