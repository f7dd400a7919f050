package vn.khcn.workflow.dispatch;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface IncomingDocumentRepository extends JpaRepository<IncomingDocument, Long> {

  /** Earlier registrations of the same document (issuer, number, issue date), oldest first. */
  default List<IncomingDocument> findDuplicates(String issuer, String documentNumber,
      LocalDate issuedOn) {
    return findByDuplicateKeyAndIssuedOnOrderByIdAsc(
        IncomingDocument.duplicateKey(issuer, documentNumber), issuedOn);
  }

  /** JPQL, so that Hibernate caches its SQL (a derived query is translated on every call). */
  @Query("select d from IncomingDocument d where d.duplicateKey = ?1 and d.issuedOn = ?2"
      + " order by d.id")
  List<IncomingDocument> findByDuplicateKeyAndIssuedOnOrderByIdAsc(String duplicateKey,
      LocalDate issuedOn);

  /**
   * Pages through documents. Classified documents are listed only when {@code allClassified} is
   * true or one of {@code units} is assigned to them.
   */
  @Query(value = """
      select d from IncomingDocument d
      where (:year is null or d.year = :year)
        and (:status is null or d.status = :status)
        and (:pattern is null or d.id in (
               select m.id from IncomingDocument m where m.searchText like :pattern escape '\\'
               union all
               select t.documentId from AttachmentText t where t.searchText like :pattern escape '\\'))
        and (d.classification = vn.khcn.workflow.dispatch.Classification.NONE or :allClassified = true
             or exists (select a.id from Assignment a where a.documentId = d.id and a.unitId in :units))
      """,
      countQuery = """
      select count(d) from IncomingDocument d
      where (:year is null or d.year = :year)
        and (:status is null or d.status = :status)
        and (:pattern is null or d.id in (
               select m.id from IncomingDocument m where m.searchText like :pattern escape '\\'
               union all
               select t.documentId from AttachmentText t where t.searchText like :pattern escape '\\'))
        and (d.classification = vn.khcn.workflow.dispatch.Classification.NONE or :allClassified = true
             or exists (select a.id from Assignment a where a.documentId = d.id and a.unitId in :units))
      """)
  Page<IncomingDocument> search(@Param("year") Integer year, @Param("status") DocumentStatus status,
      @Param("pattern") String pattern, @Param("allClassified") boolean allClassified,
      @Param("units") Collection<String> units, Pageable pageable);

  @Query("""
      select d from IncomingDocument d
      where d.series = :series and d.receivedOn between :from and :to
      order by d.year, d.incomingNumber""")
  List<IncomingDocument> findRegister(@Param("series") NumberSeries series,
      @Param("from") LocalDate from, @Param("to") LocalDate to);

  /** Every document received in the range, both series, for the tracking register. */
  @Query("""
      select d from IncomingDocument d
      where d.receivedOn between :from and :to
      order by d.year, d.series, d.incomingNumber""")
  List<IncomingDocument> findReceived(@Param("from") LocalDate from, @Param("to") LocalDate to);
}
