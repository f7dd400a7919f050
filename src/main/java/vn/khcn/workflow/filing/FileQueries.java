package vn.khcn.workflow.filing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.filing.FileViews.CaseFile;
import vn.khcn.workflow.filing.FileViews.DocumentKind;
import vn.khcn.workflow.filing.FileViews.FileOf;
import vn.khcn.workflow.filing.FileViews.FileStatus;
import vn.khcn.workflow.filing.FileViews.FileSummary;
import vn.khcn.workflow.identity.Groups;

/** The read side of files: one file, a year's files, the files due for the archive. */
@Service
@Transactional(readOnly = true)
class FileQueries {

  /** Files go to the agency archive within one year after the work ends (Art. 30). */
  static final int ARCHIVE_WITHIN_YEARS = 1;

  private static final String SELECT = "select f.*, e.plan_year, e.code, e.title, e.unit_id,"
      + " e.retention, (select count(*) from case_file_document d where d.file_id = f.id)"
      + " as document_count from case_file f join file_plan_entry e on e.id = f.entry_id";

  private final JdbcTemplate jdbc;
  private final FiledDocuments documents;
  private final Clock clock;

  FileQueries(JdbcTemplate jdbc, FiledDocuments documents, Clock clock) {
    this.jdbc = jdbc;
    this.documents = documents;
    this.clock = clock;
  }

  CaseFile file(long id, Filer reader) {
    CaseFile file = jdbc.query(SELECT + " where f.id = ?", this::caseFile, id).stream()
        .findFirst().orElseThrow(() -> CaseFiles.notFound(id));
    if (!reader.reads(file.unitId())) {
      throw new AccessDeniedException("Hồ sơ " + file.code() + " thuộc đơn vị khác");
    }
    return new CaseFile(file.id(), file.entryId(), file.year(), file.code(), file.title(),
        file.unitId(), file.unitName(), file.retention(), file.status(), file.statusLabel(),
        file.openedBy(), file.openedByName(), file.openedAt(), file.closedBy(),
        file.closedByName(), file.closedAt(), file.endedOn(), file.archiveDue(),
        file.archivedBy(), file.archivedByName(), file.archivedOn(), file.archiveReceiver(),
        file.archiveNote(), documents.of(id, reader));
  }

  /** The year's files the reader may see. */
  List<FileSummary> files(int year, Filer reader) {
    return jdbc.query(SELECT + " where e.plan_year = ? order by e.code", this::summary, year)
        .stream().filter(f -> reader.seesAllFiles() || reader.memberOf(f.unitId())).toList();
  }

  /**
   * Closed files whose year for the archive ends within the next days days, or has ended:
   * ended_on + 1 year on or before today + days. Oldest first.
   */
  List<FileSummary> dueForArchive(int days, Filer reader) {
    LocalDate cutoff = LocalDate.now(clock).plusDays(days).minusYears(ARCHIVE_WITHIN_YEARS);
    return jdbc.query(SELECT + " where f.status = ? and f.ended_on <= ? order by f.ended_on,"
        + " e.code", this::summary, FileStatus.CLOSED.name(), cutoff).stream()
        .filter(f -> reader.seesAllFiles() || reader.memberOf(f.unitId())).toList();
  }

  /** The file a document is in, if any. */
  Optional<FileOf> fileOf(DocumentKind kind, long documentId) {
    return jdbc.query("select f.id, e.code, e.title, f.status from case_file_document d"
        + " join case_file f on f.id = d.file_id join file_plan_entry e on e.id = f.entry_id"
        + " where d.kind = ? and d.document_id = ?", (row, i) -> new FileOf(row.getLong("id"),
            row.getString("code"), row.getString("title"),
            FileStatus.valueOf(row.getString("status")).label()), kind.name(), documentId)
        .stream().findFirst();
  }

  private FileSummary summary(ResultSet row, int index) throws SQLException {
    LocalDate ended = row.getObject("ended_on", LocalDate.class);
    FileStatus status = FileStatus.valueOf(row.getString("status"));
    return new FileSummary(row.getLong("id"), row.getInt("plan_year"), row.getString("code"),
        row.getString("title"), row.getString("unit_id"), Groups.nameOf(row.getString("unit_id")),
        row.getString("retention"), status.name(), status.label(),
        row.getString("opened_by_name"), ended,
        ended == null ? null : ended.plusYears(ARCHIVE_WITHIN_YEARS),
        row.getInt("document_count"));
  }

  private CaseFile caseFile(ResultSet row, int index) throws SQLException {
    LocalDate ended = row.getObject("ended_on", LocalDate.class);
    FileStatus status = FileStatus.valueOf(row.getString("status"));
    String unit = row.getString("unit_id");
    return new CaseFile(row.getLong("id"), row.getLong("entry_id"), row.getInt("plan_year"),
        row.getString("code"), row.getString("title"), unit, Groups.nameOf(unit),
        row.getString("retention"), status.name(), status.label(), row.getString("opened_by"),
        row.getString("opened_by_name"), instant(row.getTimestamp("opened_at")),
        row.getString("closed_by"), row.getString("closed_by_name"),
        instant(row.getTimestamp("closed_at")), ended,
        ended == null ? null : ended.plusYears(ARCHIVE_WITHIN_YEARS),
        row.getString("archived_by"), row.getString("archived_by_name"),
        row.getObject("archived_on", LocalDate.class), row.getString("archive_receiver"),
        row.getString("archive_note"), List.of());
  }

  private static Instant instant(Timestamp at) {
    return at == null ? null : at.toInstant();
  }
}
