package vn.khcn.workflow.filing;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.dispatch.ReplyTargets;
import vn.khcn.workflow.filing.FileViews.DocumentKind;
import vn.khcn.workflow.filing.FileViews.FiledDocument;
import vn.khcn.workflow.filing.FileViews.Unfiled;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.outgoing.OutgoingReferences;
import vn.khcn.workflow.shared.web.ConflictException;
import vn.khcn.workflow.shared.web.NotFoundException;

/**
 * The documents of files, through the read APIs of dispatch (incoming) and outgoing: whether a
 * person may put a document in a file, what a file's page shows of each, and the year's
 * documents in no file.
 */
@Component
class FiledDocuments {

  /** The report lists at most this many documents of each kind. */
  static final int REPORT_LIMIT = 500;

  private final ReplyTargets incoming;
  private final OutgoingReferences outgoing;
  private final JdbcTemplate jdbc;

  FiledDocuments(ReplyTargets incoming, OutgoingReferences outgoing, JdbcTemplate jdbc) {
    this.incoming = incoming;
    this.outgoing = outgoing;
    this.jdbc = jdbc;
  }

  /**
   * 404 unless the document exists and the person may see it; 409 for an outgoing document not
   * yet issued (a draft is not yet a document of the file).
   */
  void checkFileable(DocumentKind kind, long id, Filer by) {
    if (kind == DocumentKind.INCOMING) {
      incoming.visible(id, by.userId(), by.groups())
          .orElseThrow(() -> notVisible(kind, id));
      return;
    }
    OutgoingReferences.OutgoingReference document = outgoing.visible(id, by.userId(),
        by.groups()).orElseThrow(() -> notVisible(kind, id));
    if (!document.issued()) {
      throw new ConflictException("Văn bản đi " + id + " chưa được cấp số, ban hành: chưa đưa"
          + " vào hồ sơ được.", Map.of("field", "documentId", "status", document.status()));
    }
  }

  /** The documents of a file, in the order they were put in, as the reader may see them. */
  List<FiledDocument> of(long fileId, Filer reader) {
    record Stored(DocumentKind kind, long id, String addedBy, Timestamp at) {}
    List<Stored> stored = jdbc.query("select * from case_file_document where file_id = ?"
        + " order by added_at, kind, document_id", (row, i) -> new Stored(
            DocumentKind.valueOf(row.getString("kind")), row.getLong("document_id"),
            row.getString("added_by_name"), row.getTimestamp("added_at")), fileId);
    return stored.stream().map(s -> view(s.kind(), s.id(), s.addedBy(), s.at(), reader))
        .toList();
  }

  private FiledDocument view(DocumentKind kind, long id, String addedBy, Timestamp at,
      Filer reader) {
    if (kind == DocumentKind.INCOMING) {
      return incoming.visible(id, reader.userId(), reader.groups())
          .map(d -> new FiledDocument(kind.name(), kind.label(), id, true, d.documentNumber(),
              d.issuer() + " – " + d.summary(), null, kind.path(id), addedBy, at.toInstant()))
          .orElseGet(() -> hidden(kind, id, addedBy, at));
    }
    return outgoing.visible(id, reader.userId(), reader.groups())
        .map(d -> new FiledDocument(kind.name(), kind.label(), id, true, d.numberSymbol(),
            d.documentType() + " – " + d.summary(), d.issuedOn(), kind.path(id), addedBy,
            at.toInstant()))
        .orElseGet(() -> hidden(kind, id, addedBy, at));
  }

  /**
   * The year's incoming (by arrival year) and issued outgoing documents in no file; classified
   * ones only for the registry and the directors.
   */
  List<Unfiled> unfiled(int year, Filer reader) {
    String classified = reader.isRegistry() || reader.isDirector() ? ""
        : " and d.classification = 'NONE'";
    List<Unfiled> result = new ArrayList<>();
    result.addAll(jdbc.query("select d.id, d.incoming_number, d.document_number, d.issuer,"
        + " d.summary, d.received_on from incoming_document d where d.doc_year = ?"
        + " and d.status not in ('RECALLED', 'REPLACED')" + classified
        + " and not exists (select 1 from case_file_document f where f.kind = 'INCOMING'"
        + " and f.document_id = d.id) order by d.received_on desc, d.id desc fetch first "
        + REPORT_LIMIT + " rows only", (row, i) -> new Unfiled(DocumentKind.INCOMING.name(),
            DocumentKind.INCOMING.label(), row.getLong("id"), "Số đến "
            + row.getInt("incoming_number") + " – " + row.getString("document_number"),
            row.getString("issuer") + " – " + row.getString("summary"),
            row.getObject("received_on", LocalDate.class),
            DocumentKind.INCOMING.path(row.getLong("id"))), year));
    result.addAll(jdbc.query("select d.id, d.number_symbol, d.document_type, d.summary,"
        + " d.issued_on, d.unit_id from outgoing_document d where d.status = 'ISSUED'"
        + " and d.doc_year = ?" + classified + " and not exists (select 1 from"
        + " case_file_document f where f.kind = 'OUTGOING' and f.document_id = d.id)"
        + " order by d.issued_on desc, d.id desc fetch first " + REPORT_LIMIT + " rows only",
        (row, i) -> new Unfiled(DocumentKind.OUTGOING.name(), DocumentKind.OUTGOING.label(),
            row.getLong("id"), row.getString("number_symbol"), row.getString("document_type")
            + " – " + row.getString("summary") + " (" + Groups.nameOf(row.getString("unit_id"))
            + ")", row.getObject("issued_on", LocalDate.class),
            DocumentKind.OUTGOING.path(row.getLong("id"))), year));
    return result;
  }

  private static FiledDocument hidden(DocumentKind kind, long id, String addedBy, Timestamp at) {
    return new FiledDocument(kind.name(), kind.label(), id, false, null, null, null, null,
        addedBy, at.toInstant());
  }

  private static NotFoundException notVisible(DocumentKind kind, long id) {
    return new NotFoundException("Không có " + kind.label().toLowerCase() + " " + id
        + " mà bạn xem được");
  }
}
