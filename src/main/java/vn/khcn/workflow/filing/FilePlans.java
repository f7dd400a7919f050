package vn.khcn.workflow.filing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.filing.FileViews.Approval;
import vn.khcn.workflow.filing.FileViews.Entry;
import vn.khcn.workflow.filing.FileViews.Plan;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.shared.web.ConflictException;
import vn.khcn.workflow.shared.web.NotFoundException;

/**
 * The year's list of files (danh mục hồ sơ, Decree 30/2020 Art. 28): the Office or the registry
 * drafts entries, a director approves them. An approved entry is final; the list grows later only
 * by new entries and a new approval of them.
 */
@Service
@Transactional(readOnly = true)
class FilePlans {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  FilePlans(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  Plan plan(int year) {
    List<Approval> approvals = jdbc.query("select * from file_plan_approval where plan_year = ?"
        + " order by approval_no", FilePlans::approval, year);
    List<Entry> entries = jdbc.query("select e.*, f.id as file_id, f.status as file_status"
        + " from file_plan_entry e left join case_file f on f.entry_id = e.id"
        + " where e.plan_year = ? order by e.code, e.id", FilePlans::entry, year);
    int pending = (int) entries.stream().filter(e -> !e.approved()).count();
    return new Plan(year, !approvals.isEmpty(), pending, approvals, entries);
  }

  Entry entry(long id) {
    return jdbc.query("select e.*, f.id as file_id, f.status as file_status"
        + " from file_plan_entry e left join case_file f on f.entry_id = e.id where e.id = ?",
        FilePlans::entry, id).stream().findFirst()
        .orElseThrow(() -> new NotFoundException("Không có mục " + id
            + " trong danh mục hồ sơ"));
  }

  @Transactional
  Entry add(int year, EntryInput input, Filer by) {
    mayDraft(by);
    EntryInput in = input.checked();
    try {
      jdbc.update("insert into file_plan_entry (plan_year, code, title, unit_id, retention,"
          + " opener_name, added_by, added_by_name, added_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          year, in.code(), in.title(), in.unitId(), in.retention(), in.openerName(),
          by.userId(), by.actor().fullName(), Timestamp.from(clock.instant()));
    } catch (DuplicateKeyException taken) {
      throw duplicate(year, in.code());
    }
    Long id = jdbc.queryForObject("select id from file_plan_entry where plan_year = ?"
        + " and code = ?", Long.class, year, in.code());
    return entry(id);
  }

  /** Changes an entry still waiting for approval; an approved entry is final (409). */
  @Transactional
  Entry update(int year, long id, EntryInput input, Filer by) {
    mayDraft(by);
    pending(year, id);
    EntryInput in = input.checked();
    try {
      jdbc.update("update file_plan_entry set code = ?, title = ?, unit_id = ?, retention = ?,"
          + " opener_name = ? where id = ? and approval_no is null", in.code(), in.title(),
          in.unitId(), in.retention(), in.openerName(), id);
    } catch (DuplicateKeyException taken) {
      throw duplicate(year, in.code());
    }
    return entry(id);
  }

  /** Removes an entry still waiting for approval. */
  @Transactional
  void remove(int year, long id, Filer by) {
    mayDraft(by);
    pending(year, id);
    jdbc.update("delete from file_plan_entry where id = ? and approval_no is null", id);
  }

  /** A director approves every entry of the year waiting for approval, dated today. */
  @Transactional
  Approval approve(int year, Filer director) {
    if (!director.isDirector()) {
      throw new AccessDeniedException("Chỉ Lãnh đạo Sở duyệt danh mục hồ sơ");
    }
    // the year's waiting entries locked: an entry added meanwhile waits for the next approval
    List<Long> waiting = jdbc.queryForList("select id from file_plan_entry where plan_year = ?"
        + " and approval_no is null for update", Long.class, year);
    if (waiting.isEmpty()) {
      throw new ConflictException("Danh mục hồ sơ năm " + year
          + " không có mục nào chờ duyệt.", Map.of("year", year));
    }
    Integer last = jdbc.queryForObject("select max(approval_no) from file_plan_approval"
        + " where plan_year = ?", Integer.class, year);
    int number = last == null ? 1 : last + 1;
    Instant now = clock.instant();
    try {
      jdbc.update("insert into file_plan_approval (plan_year, approval_no, approved_by,"
          + " approved_by_name, approved_on, approved_at, entry_count) values (?, ?, ?, ?, ?, ?, ?)",
          year, number, director.userId(), director.actor().fullName(), LocalDate.now(clock),
          Timestamp.from(now), waiting.size());
    } catch (DuplicateKeyException concurrent) {
      throw new ConflictException("Danh mục hồ sơ năm " + year + " vừa được một lãnh đạo khác"
          + " duyệt; hãy tải lại trang.", Map.of("year", year));
    }
    for (Long id : waiting) {
      jdbc.update("update file_plan_entry set approval_no = ? where id = ?", number, id);
    }
    return new Approval(year, number, director.userId(), director.actor().fullName(),
        LocalDate.now(clock), now, waiting.size());
  }

  private static void mayDraft(Filer by) {
    if (!by.draftsPlans()) {
      throw new AccessDeniedException("Chỉ Văn phòng và Văn thư lập danh mục hồ sơ");
    }
  }

  private void pending(int year, long id) {
    Entry entry = entry(id);
    if (entry.year() != year) {
      throw new NotFoundException("Không có mục " + id + " trong danh mục hồ sơ năm " + year);
    }
    if (entry.approved()) {
      throw new ConflictException("Mục " + entry.code() + " đã được lãnh đạo duyệt (lần "
          + entry.approvalNo() + "): không sửa, không xóa được; danh mục chỉ được bổ sung mục"
          + " mới và duyệt lại.", Map.of("entryId", id, "approvalNo", entry.approvalNo()));
    }
  }

  private static ConflictException duplicate(int year, String code) {
    return new ConflictException("Danh mục hồ sơ năm " + year + " đã có hồ sơ số, ký hiệu "
        + code + ".", Map.of("field", "code", "code", code));
  }

  private static Approval approval(ResultSet row, int index) throws SQLException {
    return new Approval(row.getInt("plan_year"), row.getInt("approval_no"),
        row.getString("approved_by"), row.getString("approved_by_name"),
        row.getObject("approved_on", LocalDate.class),
        row.getTimestamp("approved_at").toInstant(), row.getInt("entry_count"));
  }

  private static Entry entry(ResultSet row, int index) throws SQLException {
    int approval = row.getInt("approval_no");
    Integer approvalNo = row.wasNull() ? null : approval;
    long file = row.getLong("file_id");
    Long fileId = row.wasNull() ? null : file;
    String unit = row.getString("unit_id");
    return new Entry(row.getLong("id"), row.getInt("plan_year"), row.getString("code"),
        row.getString("title"), unit, Groups.nameOf(unit), row.getString("retention"),
        row.getString("opener_name"), approvalNo, row.getString("added_by"),
        row.getString("added_by_name"), row.getTimestamp("added_at").toInstant(), fileId,
        row.getString("file_status"));
  }
}
