package vn.khcn.workflow.outgoing;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OpinionFileRepository extends JpaRepository<OpinionFile, Long> {

  /** id, opinion id and file name of the opinions' files (without their content). */
  @Query("select f.id, f.opinionId, f.fileName from OpinionFile f where f.opinionId in ?1")
  List<Object[]> infos(List<Long> opinionIds);
}
