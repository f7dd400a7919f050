package vn.khcn.workflow.outgoing;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.identity.Groups;

/** The draft as the model's tasks show it (task-local documentView, ADR 0011). */
@Component
@Transactional(readOnly = true)
class OutgoingTaskViews {

  private final OutgoingDocumentRepository documents;
  private final BodyVersionRepository versions;
  private final OutgoingOpinionRepository opinions;
  private final OutgoingOpinions opinionService;

  OutgoingTaskViews(OutgoingDocumentRepository documents, BodyVersionRepository versions,
      OutgoingOpinionRepository opinions, OutgoingOpinions opinionService) {
    this.documents = documents;
    this.versions = versions;
    this.opinions = opinions;
    this.opinionService = opinionService;
  }

  /** The document's text; a return's comment first, so the drafter reads it at once. */
  String view(long documentId, String returnComment) {
    OutgoingDocument d = documents.findById(documentId)
        .orElseThrow(() -> OutgoingQueries.notFound(documentId));
    StringBuilder text = new StringBuilder();
    if (returnComment != null && !returnComment.isBlank()) {
      text.append("TRẢ LẠI: ").append(returnComment).append("\n\n");
    }
    text.append(d.getDocumentType()).append(": ").append(d.getSummary())
        .append("\nĐơn vị soạn thảo: ").append(Groups.nameOf(d.getUnitId()))
        .append(" – ").append(d.getDrafterName())
        .append("\nĐộ khẩn: ").append(d.getUrgency().label())
        .append("; độ mật: ").append(d.getClassification().label());
    if (d.getProposedSigner() != null) {
      text.append("\nNgười ký dự kiến: ").append(d.getProposedSigner());
    }
    text.append("\nNơi nhận: ").append(String.join("; ", d.getRecipients()));
    if (!d.getCopyTo().isEmpty()) {
      text.append("; ").append(String.join("; ", d.getCopyTo()));
    }
    List<BodyVersionRepository.VersionInfo> bodies = versions.infos(documentId);
    if (bodies.isEmpty()) {
      text.append("\nBản dự thảo: chưa có");
    } else {
      BodyVersionRepository.VersionInfo last = bodies.get(bodies.size() - 1);
      text.append("\nBản dự thảo mới nhất: bản ").append(last.versionNo()).append(" (")
          .append(last.fileName()).append(") – ").append(last.changeNote())
          .append("\nTải về: /api/outgoing-documents/").append(documentId).append("/versions/")
          .append(last.id());
    }
    List<OutgoingOpinion> given = opinions.findByDocumentIdOrderByAnsweredAtAscIdAsc(documentId);
    if (!given.isEmpty()) {
      text.append("\n\nÝ kiến góp ý:");
      for (OutgoingOpinion o : given) {
        text.append("\n- ").append(opinionService.party(o)).append(": ")
            .append(o.getPosition().label());
        if (o.getText() != null) {
          text.append(" – ").append(o.getText());
        }
        if (o.getResolution() != null) {
          text.append(" [").append(o.getResolution().label())
              .append(o.getExplanation() == null ? "" : ": " + o.getExplanation()).append("]");
        }
      }
    }
    return text.toString();
  }
}
