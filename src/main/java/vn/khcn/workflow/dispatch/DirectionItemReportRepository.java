package vn.khcn.workflow.dispatch;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DirectionItemReportRepository extends JpaRepository<DirectionItemReport, Long> {

  @Query("select r from DirectionItemReport r where r.itemId in ?1 order by r.itemId, r.periodNo")
  List<DirectionItemReport> ofItems(Collection<Long> itemIds);

  @Query("select r from DirectionItemReport r where r.itemId = ?1 and r.periodNo = ?2")
  Optional<DirectionItemReport> period(Long itemId, int periodNo);
}
