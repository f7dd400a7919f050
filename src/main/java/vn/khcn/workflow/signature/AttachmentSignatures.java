package vn.khcn.workflow.signature;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signatures of attachments: verified when a file is stored (in the storing transaction, so
 * a file and its results are kept together) and read back for the document page.
 */
@Service
public class AttachmentSignatures {

  private final PadesVerifier verifier;
  private final AttachmentSignatureRepository results;
  private final Clock clock;

  AttachmentSignatures(PadesVerifier verifier, AttachmentSignatureRepository results,
      Clock clock) {
    this.verifier = verifier;
    this.results = results;
    this.clock = clock;
  }

  /** Verifies the file's signatures and keeps the results; empty for an unsigned file. */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<SignatureCheck> verifyAndKeep(long attachmentId, long documentId, byte[] content) {
    List<SignatureCheck> checks = verifier.verify(content);
    for (int i = 0; i < checks.size(); i++) {
      results.save(new AttachmentSignature(attachmentId, documentId, i, checks.get(i),
          clock.instant()));
    }
    return checks;
  }

  /** The kept results by attachment id; attachments without signatures are absent. */
  @Transactional(readOnly = true)
  public Map<Long, List<SignatureCheck>> of(Collection<Long> attachmentIds) {
    Map<Long, List<SignatureCheck>> byAttachment = new LinkedHashMap<>();
    if (attachmentIds.isEmpty()) {
      return byAttachment;
    }
    for (AttachmentSignature kept : results
        .findByAttachmentIdInOrderByAttachmentIdAscPositionAsc(attachmentIds)) {
      byAttachment.computeIfAbsent(kept.getAttachmentId(), id -> new java.util.ArrayList<>())
          .add(kept.check());
    }
    return byAttachment;
  }
}
