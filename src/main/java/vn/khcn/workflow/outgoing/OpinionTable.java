package vn.khcn.workflow.outgoing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.khcn.workflow.outgoing.OutgoingViews.FileView;
import vn.khcn.workflow.outgoing.OutgoingViews.OpinionRequestView;
import vn.khcn.workflow.outgoing.OutgoingViews.OpinionView;
import vn.khcn.workflow.papers.PdfRenderer;
import vn.khcn.workflow.papers.TablePdf;
import vn.khcn.workflow.papers.TablePdf.Column;

/** The opinions of a draft as the API shows them and as the printed consolidation table. */
final class OpinionTable {

  private static final List<Column> COLUMNS = List.of(
      new Column(List.of("STT"), 0.5f, true),
      new Column(List.of("Cơ quan, đơn vị, cá nhân góp ý"), 2.2f, false),
      new Column(List.of("Ý kiến"), 1.3f, false),
      new Column(List.of("Nội dung góp ý"), 4f, false),
      new Column(List.of("Tiếp thu / giải trình"), 3f, false),
      new Column(List.of("Ngày góp ý"), 1.1f, true));

  static List<OpinionRequestView> requests(List<OpinionRequest> requests) {
    return requests.stream().map(r -> new OpinionRequestView(r.getId(), r.getRoundNo(),
        r.getPartyType().name(), r.getPartyId(), r.getPartyName(), r.getDueDate(), r.getNote(),
        r.getAskedAt(), r.getAnsweredAt())).toList();
  }

  static List<OpinionView> opinions(long documentId, List<OpinionRequest> requests,
      List<OutgoingOpinion> opinions, OpinionFileRepository files) {
    Map<Long, String> parties = new HashMap<>();
    requests.forEach(r -> parties.put(r.getId(), r.getPartyName()));
    Map<Long, List<FileView>> byOpinion = new HashMap<>();
    if (!opinions.isEmpty()) {
      for (Object[] f : files.infos(opinions.stream().map(OutgoingOpinion::getId).toList())) {
        long fileId = (Long) f[0];
        byOpinion.computeIfAbsent((Long) f[1], k -> new ArrayList<>()).add(new FileView(fileId,
            (String) f[2], "/api/outgoing-documents/" + documentId + "/opinion-files/" + fileId));
      }
    }
    return opinions.stream().map(o -> new OpinionView(o.getId(), o.getRequestId(),
        o.getOutsideBody() != null ? o.getOutsideBody()
            : parties.getOrDefault(o.getRequestId(), o.getAnsweredByName()),
        o.getOutsideBody(), o.getIncomingDocumentId(), o.getPosition().name(),
        o.getPosition().label(), o.getText(), o.getAnsweredBy(), o.getAnsweredByName(),
        o.getAnsweredAt(), o.getResolution() == null ? null : o.getResolution().name(),
        o.getResolution() == null ? null : o.getResolution().label(), o.getExplanation(),
        byOpinion.getOrDefault(o.getId(), List.of()))).toList();
  }

  /** Bảng tổng hợp, tiếp thu, giải trình ý kiến góp ý, as PDF. */
  static byte[] pdf(PdfRenderer renderer, List<String> agency, OutgoingDocument document,
      List<OpinionView> opinions, java.time.ZoneId zone) {
    try (TablePdf pdf = renderer.table(COLUMNS)) {
      pdf.heading(agency, "BẢNG TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý",
          "Dự thảo " + document.getDocumentType() + " " + document.getSummary());
      if (opinions.isEmpty()) {
        pdf.wideRow("Chưa có ý kiến góp ý nào.", true);
      }
      int i = 1;
      for (OpinionView o : opinions) {
        String party = o.from() + (o.incomingDocumentId() == null ? ""
            : " (văn bản đến số định danh " + o.incomingDocumentId() + ")");
        String resolution = OutgoingOpinion.Position.NO_OPINION.name().equals(o.position()) ? ""
            : o.resolution() == null ? "Chưa tiếp thu, giải trình"
            : o.resolutionLabel() + (o.explanation() == null ? "" : ": " + o.explanation());
        pdf.row(String.valueOf(i++), party, o.positionLabel(), o.text(), resolution,
            OutgoingQueries.DATE.format(o.answeredAt().atZone(zone).toLocalDate()));
      }
      return pdf.finish();
    }
  }

  private OpinionTable() {}
}
