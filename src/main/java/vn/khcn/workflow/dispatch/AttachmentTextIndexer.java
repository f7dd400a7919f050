package vn.khcn.workflow.dispatch;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start-up, reads the text of the attachments stored before their text was kept (V11), in
 * batches, one transaction per file, so that search finds words in every attachment. New files
 * are read when they are stored ({@link AttachmentService#add}).
 */
@Component
class AttachmentTextIndexer implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(AttachmentTextIndexer.class);
  private static final int BATCH = 50;

  private final AttachmentRepository attachments;
  private final AttachmentTextRepository texts;
  private final TransactionTemplate transaction;

  AttachmentTextIndexer(AttachmentRepository attachments, AttachmentTextRepository texts,
      TransactionTemplate transaction) {
    this.attachments = attachments;
    this.texts = texts;
    this.transaction = transaction;
  }

  @Override
  public void run(ApplicationArguments args) {
    int read = indexUnread();
    if (read > 0) {
      log.info("Read the text of {} attachments stored before search covered attachments", read);
    }
  }

  /** Reads every attachment that has no text yet; returns how many. */
  int indexUnread() {
    int read = 0;
    List<Long> batch;
    while (!(batch = texts.findUnreadAttachmentIds(PageRequest.of(0, BATCH))).isEmpty()) {
      for (Long id : batch) {
        transaction.executeWithoutResult(status -> attachments.findById(id)
            .ifPresent(attachment -> texts.save(AttachmentText.of(attachment))));
        read++;
      }
    }
    return read;
  }
}
