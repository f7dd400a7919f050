package vn.khcn.workflow.dispatch;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AttachmentTextRepository extends JpaRepository<AttachmentText, Long> {

  /** Attachments not read yet (stored before V11), oldest first. */
  @Query("select a.id from Attachment a where not exists"
      + " (select t.attachmentId from AttachmentText t where t.attachmentId = a.id) order by a.id")
  List<Long> findUnreadAttachmentIds(Pageable page);
}
