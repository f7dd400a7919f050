package vn.khcn.workflow.inbox;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khcn.workflow.identity.EngineAuthentication;

/**
 * The inbox's read model (ADR 0010): for every open user task, whom it waits for (its candidate
 * groups while unclaimed, its assignee once claimed) with the task's priority, due date and
 * creation, indexed in the inbox's order. The engine's task events (the Spring Boot starter
 * publishes them from inside the engine's command) keep it in step, in the same transaction: the
 * last state of each task touched by a transaction is written just before it commits, so a claim
 * costs one statement however many events it fires (its row rewritten, or inserted when the task
 * waited for users only), a completion that creates the next task one (the finished task's row
 * given to the new one), and nothing is written for a transaction that rolls back (ADR 0046,
 * 0047).
 */
@Component
class InboxEntries {

  private static final Logger log = LoggerFactory.getLogger(InboxEntries.class);
  static final String GROUP = "g:";
  static final String USER = "u:";
  private static final int REBUILD_PAGE = 1000;
  private static final String INSERT = "insert into inbox_entry (task_id, party, priority,"
      + " due_date, create_time) values (?, ?, ?, ?, ?)";
  /** The same unless the row is there (the first build, beside rows the task events wrote). */
  private static final String INSERT_MISSING = "insert into inbox_entry (task_id, party,"
      + " priority, due_date, create_time) select ?, ?, ?, cast(? as timestamp),"
      + " cast(? as timestamp) from read_model_state where name = 'inbox' and not exists"
      + " (select 1 from inbox_entry where task_id = ? and party = ?)";

  /** The target row {@code e} is its task's only one. */
  private static final String ONLY_ROW = "not exists (select 1 from inbox_entry o"
      + " where o.task_id = e.task_id and o.party <> e.party)";

  /**
   * A task's only row rewritten as the row given, a new task's in place of a finished one's;
   * nothing when the task has several rows (or none).
   */
  private static final String REWRITE = "update inbox_entry e set task_id = ?, party = ?,"
      + " priority = ?, due_date = ?, create_time = ? where e.task_id = ? and " + ONLY_ROW;

  /**
   * A changed task's one row: its only row rewritten, or inserted when it has none (a task
   * offered to users only, when claimed); nothing when it has several. One statement either way
   * (SQL's {@code merge}, on PostgreSQL 15 and H2).
   */
  private static final String REWRITE_OR_INSERT = "merge into inbox_entry e using (select"
      + " cast(? as varchar(64)) task_id, cast(? as varchar(260)) party, cast(? as integer)"
      + " priority, cast(? as timestamp) due_date, cast(? as timestamp) create_time"
      + " from read_model_state where name = 'inbox') r on e.task_id = r.task_id"
      + " when matched and " + ONLY_ROW + " then update set party = r.party,"
      + " priority = r.priority, due_date = r.due_date, create_time = r.create_time"
      + " when not matched then insert (task_id, party, priority, due_date, create_time)"
      + " values (r.task_id, r.party, r.priority, r.due_date, r.create_time)";

  /** One row of the read model. */
  record Entry(String taskId, String party, int priority, Date dueDate, Date createTime) {}

  private final JdbcTemplate jdbc;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final TransactionTemplate transactions;

  InboxEntries(JdbcTemplate jdbc, TaskService taskService, IdentityService identityService,
      PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.taskService = taskService;
    this.identityService = identityService;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  // ------------------------------------------------------------------ written by task events

  /**
   * A task's state after an event: its rows, none once completed or deleted ({@code gone}); for
   * an unclaimed task changed after its creation, its candidate groups are read when the
   * transaction commits (the event's own list still holds a candidate group removed by that
   * change).
   */
  private record Change(boolean created, boolean gone, List<Entry> rows,
      DelegateTask candidatesAtCommit) {

    static Change of(DelegateTask task, boolean created, boolean gone) {
      if (gone) {
        return new Change(created, true, List.of(), null);
      }
      if (task.getAssignee() != null) {
        return new Change(created, false, List.of(entry(task, USER + task.getAssignee())), null);
      }
      if (created) {
        return new Change(true, false, groupRows(task, task.getCandidates()), null);
      }
      return new Change(false, false, null, task);
    }
  }

  private static Entry entry(DelegateTask task, String party) {
    return new Entry(task.getId(), party, task.getPriority(), task.getDueDate(),
        task.getCreateTime());
  }

  /** One row per candidate group of the task among the links. */
  private static List<Entry> groupRows(DelegateTask task,
      Collection<? extends IdentityLink> links) {
    return links.stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())
            && link.getGroupId() != null)
        .map(link -> GROUP + link.getGroupId()).distinct().map(party -> entry(task, party))
        .toList();
  }

  @EventListener
  void on(DelegateTask task) {
    String event = task.getEventName();
    if (event == null) {
      return;
    }
    boolean gone = TaskListener.EVENTNAME_COMPLETE.equals(event)
        || TaskListener.EVENTNAME_DELETE.equals(event);
    boolean created = TaskListener.EVENTNAME_CREATE.equals(event);
    if (!gone && !created && !TaskListener.EVENTNAME_ASSIGNMENT.equals(event)
        && !TaskListener.EVENTNAME_UPDATE.equals(event)) {
      return; // a timeout changes nothing the inbox orders by
    }
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      write(Map.of(task.getId(), Change.of(task, created, gone)));
      return;
    }
    Map<String, Change> pending = pending();
    Change before = pending.get(task.getId());
    boolean createdHere = created || (before != null && before.created());
    if (gone && createdHere) {
      pending.remove(task.getId()); // created and gone in one transaction: never written
    } else {
      pending.put(task.getId(), Change.of(task, createdHere, gone));
    }
  }

  /** The candidate groups of an unclaimed task as the engine has them now (flushed). */
  private List<Entry> candidatesNow(DelegateTask task) {
    return groupRows(task, EngineAuthentication.withoutAuthentication(identityService,
        () -> taskService.getIdentityLinksForTask(task.getId())));
  }

  /** This transaction's changes, written by one synchronization just before it commits. */
  @SuppressWarnings("unchecked")
  private Map<String, Change> pending() {
    Object bound = TransactionSynchronizationManager.getResource(this);
    if (bound != null) {
      return (Map<String, Change>) bound;
    }
    Map<String, Change> pending = new LinkedHashMap<>();
    TransactionSynchronizationManager.bindResource(this, pending);
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void beforeCommit(boolean readOnly) {
        write(pending);
      }

      @Override
      public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(InboxEntries.this);
      }
    });
    return pending;
  }

  /**
   * Writes a transaction's changes. A task created in it takes over the only row of a task gone
   * in it (one statement, where the completion's delete and the next task's insert took two), a
   * task changed has its only row rewritten; otherwise (several rows, or none) the task's rows
   * are deleted and the new ones inserted.
   */
  private void write(Map<String, Change> changes) {
    List<String> stale = new ArrayList<>();
    List<String> gone = new ArrayList<>();
    List<Entry> fresh = new ArrayList<>();
    List<Entry> rows = new ArrayList<>();
    for (Map.Entry<String, Change> change : changes.entrySet()) {
      Change c = change.getValue();
      if (c.gone()) {
        gone.add(change.getKey());
        continue;
      }
      List<Entry> now = c.rows() != null ? c.rows() : candidatesNow(c.candidatesAtCommit());
      if (c.created()) {
        fresh.addAll(now);
      } else if (now.size() != 1 || !rewritten(now.get(0))) {
        stale.add(change.getKey());
        rows.addAll(now);
      }
    }
    int pairs = Math.min(gone.size(), fresh.size());
    int[] taken = pairs == 0 ? new int[0] : Arrays.stream(jdbc.batchUpdate(REWRITE,
        IntStream.range(0, pairs).boxed().toList(), 100, (statement, i) -> {
          bind(statement, fresh.get(i));
          statement.setString(6, gone.get(i));
        })).flatMapToInt(Arrays::stream).toArray();
    for (int i = 0; i < gone.size(); i++) {
      if (i >= pairs || taken[i] == 0) {
        stale.add(gone.get(i));
      }
    }
    for (int i = 0; i < fresh.size(); i++) {
      if (i >= pairs || taken[i] == 0) {
        rows.add(fresh.get(i));
      }
    }
    if (!stale.isEmpty()) {
      jdbc.batchUpdate("delete from inbox_entry where task_id = ?", stale, 100,
          (statement, taskId) -> statement.setString(1, taskId));
    }
    insert(rows, false);
  }

  /**
   * The changed task's one row ({@code row}: a claim, a release to one group, a new priority)
   * written without a delete where it can be: its only row rewritten, or, when it had none (a
   * task offered to users only), inserted; one statement where a delete and an insert took two.
   * False, and nothing changed, when the task has several rows.
   */
  private boolean rewritten(Entry row) {
    return jdbc.update(REWRITE_OR_INSERT, statement -> bind(statement, row)) == 1;
  }

  private void insert(List<Entry> rows, boolean onlyMissing) {
    if (rows.isEmpty()) {
      return;
    }
    jdbc.batchUpdate(onlyMissing ? INSERT_MISSING : INSERT, rows, 100, (statement, row) -> {
      bind(statement, row);
      if (onlyMissing) {
        statement.setString(6, row.taskId());
        statement.setString(7, row.party());
      }
    });
  }

  /** The row's five columns as the inserts' first five parameters. */
  private static void bind(PreparedStatement statement, Entry row) throws SQLException {
    statement.setString(1, row.taskId());
    statement.setString(2, row.party());
    statement.setInt(3, row.priority());
    statement.setTimestamp(4, timestamp(row.dueDate()));
    statement.setTimestamp(5, timestamp(row.createTime()));
  }

  private static Timestamp timestamp(Date date) {
    return date == null ? null : new Timestamp(date.getTime());
  }

  // ------------------------------------------------------------------ read by the inbox

  /**
   * The ids of the tasks waiting for each party, in the inbox's order, at most {@code limit}
   * of each party, merged in that order (a task waits for one party or for groups only).
   */
  List<String> waitingFor(Collection<String> parties, int limit) {
    List<Entry> all = new ArrayList<>();
    for (String party : parties) {
      all.addAll(jdbc.query("select task_id, party, priority, due_date, create_time from"
          + " inbox_entry where party = ? order by priority desc, due_date, create_time, task_id"
          + " fetch first ? rows only", (rs, i) -> new Entry(rs.getString(1), rs.getString(2),
              rs.getInt(3), rs.getTimestamp(4), rs.getTimestamp(5)), party, limit));
    }
    all.sort(ORDER);
    return all.stream().map(Entry::taskId).distinct().toList();
  }

  /** Priority first, then due date (none last), creation, task id: the inbox's order. */
  static final Comparator<Entry> ORDER = Comparator
      .comparingInt((Entry e) -> -e.priority())
      .thenComparing(Entry::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(Entry::createTime)
      .thenComparing(Entry::taskId);

  /** Drops rows of tasks that no longer exist (deleted without listeners, e.g. from Cockpit). */
  void forget(Collection<String> taskIds) {
    transactions.executeWithoutResult(status -> taskIds.forEach(id ->
        jdbc.update("delete from inbox_entry where task_id = ?", id)));
  }

  // ------------------------------------------------------------------ the first start

  /**
   * Enters the tasks that were open before the read model existed, once: the assigned ones and,
   * for every group of the directory, its unclaimed candidate tasks, through the engine's own
   * queries. Rows the task events wrote meanwhile are kept.
   */
  @EventListener(ApplicationReadyEvent.class)
  void buildOnce() {
    // the state row is locked until the build commits: a second node starting at the same time
    // waits, then finds the model built
    Integer entered = transactions.execute(status -> {
      Boolean built = jdbc.queryForObject(
          "select built from read_model_state where name = 'inbox' for update", Boolean.class);
      if (Boolean.TRUE.equals(built)) {
        return null;
      }
      int count = EngineAuthentication.withoutAuthentication(identityService, () -> {
        int rows = 0;
        if (taskService.createTaskQuery().count() > 0) {
          rows += enter(() -> taskService.createTaskQuery().taskAssigned(), null);
          for (Group group : identityService.createGroupQuery().list()) {
            rows += enter(() -> taskService.createTaskQuery().taskCandidateGroup(group.getId()),
                group.getId());
          }
        }
        return rows;
      });
      jdbc.update("update read_model_state set built = true where name = 'inbox'");
      return count;
    });
    if (entered != null) {
      log.info("Inbox read model built: {} entries for the tasks already open", entered);
    }
  }

  private int enter(Supplier<TaskQuery> query, String group) {
    int entered = 0;
    for (int first = 0; ; first += REBUILD_PAGE) {
      List<Task> tasks = query.get().orderByTaskId().asc().listPage(first, REBUILD_PAGE);
      List<Entry> rows = tasks.stream().map(t -> new Entry(t.getId(),
          group == null ? USER + t.getAssignee() : GROUP + group, t.getPriority(), t.getDueDate(),
          t.getCreateTime())).toList();
      insert(rows, true);
      entered += rows.size();
      if (tasks.size() < REBUILD_PAGE) {
        return entered;
      }
    }
  }
}
