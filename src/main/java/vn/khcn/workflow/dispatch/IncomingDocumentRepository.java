package vn.khcn.workflow.dispatch;

import java.time.LocalDate;
import java.util.List;
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
