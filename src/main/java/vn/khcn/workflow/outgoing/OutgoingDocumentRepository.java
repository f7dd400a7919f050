package vn.khcn.workflow.outgoing;

import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface OutgoingDocumentRepository extends JpaRepository<OutgoingDocument, Long> {

  /** The document with its row locked until the transaction ends (sign, number). */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select d from OutgoingDocument d where d.id = ?1")
  Optional<OutgoingDocument> findForUpdate(long id);

  List<OutgoingDocument> findTop200ByDrafterOrderByIdDesc(String drafter);

  List<OutgoingDocument> findTop200ByUnitIdInOrderByIdDesc(Collection<String> unitIds);

  List<OutgoingDocument> findTop200ByOrderByIdDesc();

  /** The replacements and correction letters drafted for a document. */
  List<OutgoingDocument> findByRelatedIdOrderByIdAsc(Long relatedId);

  /** The register's rows: issued between from and to, in number order per series. */
  @Query("select d from OutgoingDocument d where d.status = vn.khcn.workflow.outgoing.OutgoingStatus.ISSUED"
      + " and d.issuedOn between ?1 and ?2 order by d.year, d.series, d.number")
  List<OutgoingDocument> findIssued(LocalDate from, LocalDate to);
}
