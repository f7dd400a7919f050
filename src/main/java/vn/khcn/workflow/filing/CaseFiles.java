package vn.khcn.workflow.filing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.filing.FileViews.DocumentKind;
import vn.khcn.workflow.filing.FileViews.Entry;
import vn.khcn.workflow.filing.FileViews.FileStatus;
import vn.khcn.workflow.identity.UnitLeaders;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.ConflictException;
import vn.khcn.workflow.shared.web.InvalidInputException;
import vn.khcn.workflow.shared.web.NotFoundException;

/**
 * The life of a file (Decree 30/2020 Art. 28–30): a handler of the responsible unit opens it from
 * an approved entry of the list, puts the work's documents in it while it is open, the handler or
 * the unit's head closes it with the day the work ended, and the registry records its hand-over to
 * the agency archive, after which it is read only.
 */
@Service
class CaseFiles {

  private final JdbcTemplate jdbc;
  private final FilePlans plans;
  private final FiledDocuments documents;
  private final UnitLeaders leaders;
  private final Clock clock;

  CaseFiles(JdbcTemplate jdbc, FilePlans plans, FiledDocuments documents, UnitLeaders leaders,
      Clock clock) {
    this.jdbc = jdbc;
    this.plans = plans;
    this.documents = documents;
    this.leaders = leaders;
    this.clock = clock;
  }

  /** A file's row as the rules need it. */
  record Row(long id, long entryId, String code, String unitId, FileStatus status,
      String openedBy, LocalDate openedOn, LocalDate endedOn) {}

  /** Opens the file of an approved entry; the opener is a member of the entry's unit. */
  @Transactional
  long open(long entryId, Filer by) {
    Entry entry = plans.entry(entryId);
    if (!by.memberOf(entry.unitId())) {
      throw new AccessDeniedException("Chỉ cán bộ của " + entry.unitName()
          + " lập hồ sơ " + entry.code());
    }
    if (!entry.approved()) {
      throw new ConflictException("Mục " + entry.code() + " chưa được lãnh đạo duyệt trong danh"
          + " mục hồ sơ năm " + entry.year() + ": chưa lập hồ sơ được.", Map.of("entryId", entryId));
    }
    if (entry.fileId() != null) {
      throw alreadyOpened(entry);
    }
    try {
      jdbc.update("insert into case_file (entry_id, status, opened_by, opened_by_name, opened_at,"
          + " version) values (?, ?, ?, ?, ?, 0)", entryId, FileStatus.OPEN.name(), by.userId(),
          by.actor().fullName(), Timestamp.from(clock.instant()));
    } catch (DuplicateKeyException concurrent) {
      throw alreadyOpened(plans.entry(entryId));
    }
    return jdbc.queryForObject("select id from case_file where entry_id = ?", Long.class,
        entryId);
  }

  /** Puts a document the person may see into an open file of his unit. */
  @Transactional
  void add(long fileId, DocumentKind kind, long documentId, Filer by) {
    Row file = changeable(fileId, by, "thêm văn bản vào");
    documents.checkFileable(kind, documentId, by);
    List<String> holder = jdbc.queryForList("select e.code from case_file_document d"
        + " join case_file f on f.id = d.file_id join file_plan_entry e on e.id = f.entry_id"
        + " where d.kind = ? and d.document_id = ?", String.class, kind.name(), documentId);
    if (!holder.isEmpty()) {
      throw inAnotherFile(kind, documentId, holder.get(0));
    }
    try {
      jdbc.update("insert into case_file_document (file_id, kind, document_id, added_by,"
          + " added_by_name, added_at) values (?, ?, ?, ?, ?, ?)", file.id(), kind.name(),
          documentId, by.userId(), by.actor().fullName(), Timestamp.from(clock.instant()));
    } catch (DuplicateKeyException concurrent) {
      throw inAnotherFile(kind, documentId, "khác");
    }
  }

  /** Takes a document out of an open file. */
  @Transactional
  void remove(long fileId, DocumentKind kind, long documentId, Filer by) {
    changeable(fileId, by, "bỏ văn bản khỏi");
    int removed = jdbc.update("delete from case_file_document where file_id = ? and kind = ?"
        + " and document_id = ?", fileId, kind.name(), documentId);
    if (removed == 0) {
      throw new NotFoundException(kind.label() + " " + documentId + " không có trong hồ sơ này");
    }
  }

  /** The handler who opened it or the unit's head or deputy closes an open file. */
  @Transactional
  void close(long fileId, LocalDate endedOn, Filer by) {
    Row file = locked(fileId, by);
    if (!file.openedBy().equals(by.userId()) && !leaders.leads(by.userId(), file.unitId())) {
      throw new AccessDeniedException("Chỉ người lập hồ sơ hoặc lãnh đạo đơn vị kết thúc"
          + " hồ sơ " + file.code());
    }
    if (file.status() != FileStatus.OPEN) {
      throw notOpen(file, "kết thúc lại");
    }
    LocalDate today = LocalDate.now(clock);
    if (endedOn == null) {
      throw invalid("endedOn", "ngày kết thúc công việc là bắt buộc");
    }
    if (endedOn.isAfter(today)) {
      throw invalid("endedOn", "ngày kết thúc công việc không được sau hôm nay");
    }
    if (endedOn.isBefore(file.openedOn())) {
      throw invalid("endedOn", "ngày kết thúc công việc không được trước ngày lập hồ sơ");
    }
    jdbc.update("update case_file set status = ?, closed_by = ?, closed_by_name = ?,"
        + " closed_at = ?, ended_on = ?, version = version + 1 where id = ?",
        FileStatus.CLOSED.name(), by.userId(), by.actor().fullName(),
        Timestamp.from(clock.instant()), endedOn, fileId);
  }

  /** The registry records the hand-over of a closed file to the agency archive. */
  @Transactional
  void archive(long fileId, String receiver, LocalDate archivedOn, String note, Filer by) {
    if (!by.isRegistry()) {
      throw new AccessDeniedException("Chỉ Văn thư ghi nhận việc nộp hồ sơ vào lưu trữ cơ quan");
    }
    Row file = locked(fileId, by);
    if (file.status() == FileStatus.OPEN) {
      throw new ConflictException("Hồ sơ " + file.code() + " chưa kết thúc: chưa nộp lưu được.",
          Map.of("status", file.status().name()));
    }
    if (file.status() == FileStatus.ARCHIVED) {
      throw notOpen(file, "nộp lưu lại");
    }
    String who = receiver == null ? "" : receiver.strip();
    String what = note == null ? "" : note.strip();
    LocalDate on = archivedOn == null ? LocalDate.now(clock) : archivedOn;
    if (who.isEmpty()) {
      throw invalid("receiver", "người nhận hồ sơ tại lưu trữ cơ quan là bắt buộc");
    }
    if (who.length() > 200) {
      throw invalid("receiver", "người nhận dài tối đa 200 ký tự");
    }
    if (what.length() > 1000) {
      throw invalid("note", "ghi chú dài tối đa 1000 ký tự");
    }
    if (on.isAfter(LocalDate.now(clock))) {
      throw invalid("archivedOn", "ngày nộp lưu không được sau hôm nay");
    }
    if (on.isBefore(file.endedOn())) {
      throw invalid("archivedOn", "ngày nộp lưu không được trước ngày kết thúc hồ sơ");
    }
    jdbc.update("update case_file set status = ?, archived_by = ?, archived_by_name = ?,"
        + " archived_at = ?, archived_on = ?, archive_receiver = ?, archive_note = ?,"
        + " version = version + 1 where id = ?", FileStatus.ARCHIVED.name(), by.userId(),
        by.actor().fullName(), Timestamp.from(clock.instant()), on, who,
        what.isEmpty() ? null : what, fileId);
  }

  /** The file row locked for a change, if the person may see it (403) and it exists (404). */
  Row locked(long fileId, Filer by) {
    jdbc.queryForList("select id from case_file where id = ? for update", Long.class, fileId);
    Row file = jdbc.query("select f.id, f.entry_id, e.code, e.unit_id, f.status, f.opened_by,"
        + " f.opened_at, f.ended_on from case_file f join file_plan_entry e on e.id = f.entry_id"
        + " where f.id = ?", (row, i) -> new Row(row.getLong("id"),
            row.getLong("entry_id"), row.getString("code"), row.getString("unit_id"),
            FileStatus.valueOf(row.getString("status")), row.getString("opened_by"),
            row.getTimestamp("opened_at").toInstant().atZone(clock.getZone()).toLocalDate(),
            row.getObject("ended_on", LocalDate.class)), fileId)
        .stream().findFirst().orElseThrow(() -> notFound(fileId));
    if (!by.reads(file.unitId())) {
      throw new AccessDeniedException("Hồ sơ " + file.code() + " thuộc đơn vị khác");
    }
    return file;
  }

  static NotFoundException notFound(long fileId) {
    return new NotFoundException("Không có hồ sơ " + fileId);
  }

  private Row changeable(long fileId, Filer by, String what) {
    Row file = locked(fileId, by);
    if (!by.memberOf(file.unitId())) {
      throw new AccessDeniedException("Chỉ cán bộ của đơn vị lập hồ sơ " + file.code() + " "
          + what + " hồ sơ");
    }
    if (file.status() != FileStatus.OPEN) {
      throw notOpen(file, what);
    }
    return file;
  }

  private static ConflictException notOpen(Row file, String what) {
    return new ConflictException("Hồ sơ " + file.code() + " " + file.status().label().toLowerCase()
        + ": không " + what + (what.endsWith("lại") ? "" : " hồ sơ") + " được.",
        Map.of("status", file.status().name()));
  }

  private static ConflictException alreadyOpened(Entry entry) {
    return new ConflictException("Hồ sơ " + entry.code() + " đã được lập.",
        Map.of("fileId", entry.fileId() == null ? 0 : entry.fileId()));
  }

  private static ConflictException inAnotherFile(DocumentKind kind, long id, String code) {
    return new ConflictException(kind.label() + " " + id + " đã thuộc hồ sơ " + code
        + ": một văn bản chỉ thuộc một hồ sơ.", Map.of("field", "documentId", "fileCode", code));
  }

  private static InvalidInputException invalid(String field, String message) {
    return new InvalidInputException(List.of(new FieldError(field, message)));
  }
}
