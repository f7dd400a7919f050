package vn.khcn.workflow.identity;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface UnitLeaderRepository extends JpaRepository<UnitLeader, UnitLeader.Key> {

  List<UnitLeader> findByUnit(String unit);

  List<UnitLeader> findByUserId(String userId);

  void deleteByUnit(String unit);
}
