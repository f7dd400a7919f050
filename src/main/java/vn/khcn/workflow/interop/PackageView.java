package vn.khcn.workflow.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;

/** A received package as the API shows it. */
record PackageView(Long id, String edxmlDocumentId, String senderOrganId, String senderOrganName,
    String receiverOrganId, String receiverOrganName, String status, String statusLabel,
    String signature, String signatureLabel, String signatureDetail, Long duplicateOfId,
    String source, String fileName, int attachmentCount, Instant receivedAt, String receivedBy,
    String refusalReason, Long registeredDocumentId, Instant recallRequestedAt,
    String recallReason, String recallDecision, JsonNode header, List<StatusView> statuses) {

  /** A status message sent back. */
  record StatusView(String code, String label, String description, Instant at, String fileName) {}

  static PackageView of(ReceivedPackage p, List<StatusMessage> messages, ObjectMapper json) {
    JsonNode header;
    try {
      header = json.readTree(p.getHeaderJson());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    return new PackageView(p.getId(), p.getEdxmlDocumentId(), p.getSenderOrganId(),
        p.getSenderOrganName(), p.getReceiverOrganId(), p.getReceiverOrganName(),
        p.getStatus().name(), p.getStatus().label(), p.getSignatureResult().name(),
        p.getSignatureResult().label(), p.getSignatureDetail(), p.getDuplicateOfId(),
        p.getSource().name(), p.getFileName(), p.getAttachmentCount(), p.getReceivedAt(),
        p.getReceivedBy(), p.getRefusalReason(), p.getDocumentId(), p.getRecallRequestedAt(),
        p.getRecallReason(), p.getRecallDecision(), header,
        messages.stream().map(m -> new StatusView(m.getStatusCode(), m.code().label(),
            m.getDescription(), m.getCreatedAt(), m.getFileName())).toList());
  }
}
