package vn.khcn.workflow.dispatch;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DirectionItemRepository extends JpaRepository<DirectionItem, Long> {

  @Query("select i from DirectionItem i where i.documentId = ?1 order by i.position")
  List<DirectionItem> ofDocument(Long documentId);

  @Query("select i from DirectionItem i where i.documentId in ?1 order by i.documentId,"
      + " i.position")
  List<DirectionItem> ofDocuments(Collection<Long> documentIds);
}
