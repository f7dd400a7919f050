package vn.khcn.workflow.dispatch;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DocumentItemRepository extends JpaRepository<DocumentItem, Long> {

  @Query("select i from DocumentItem i where i.documentId = ?1 order by i.position")
  List<DocumentItem> ofDocument(Long documentId);
}
