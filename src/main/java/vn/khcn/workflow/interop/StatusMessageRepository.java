package vn.khcn.workflow.interop;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StatusMessageRepository extends JpaRepository<StatusMessage, Long> {

  @Query("select m from StatusMessage m where m.packageId = ?1 order by m.id")
  List<StatusMessage> findByPackageId(Long packageId);
}
