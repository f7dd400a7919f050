package vn.khcn.workflow.outgoing;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface DeliveryRepository extends JpaRepository<Delivery, Long> {

  List<Delivery> findByDocumentIdOrderByIdAsc(Long documentId);

  List<Delivery> findByDocumentIdAndPurposeOrderByIdAsc(Long documentId, Delivery.Purpose purpose);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select d from Delivery d where d.id = ?1")
  Optional<Delivery> findForUpdate(Long id);
}
