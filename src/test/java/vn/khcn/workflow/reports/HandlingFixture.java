package vn.khcn.workflow.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.khcn.workflow.support.SqlSequences;

/**
 * Documents and duties written straight into the tables with the instants a test needs (the
 * flow itself is tested in dispatch): numbers from 900000 up, so registrations of other tests
 * never meet them.
 */
final class HandlingFixture {

  static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final AtomicInteger NUMBER = new AtomicInteger(900_000 + (int) (Math.random()
      * 50_000));

  private final JdbcTemplate jdbc;

  HandlingFixture(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  static Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
  }

  /** A registered document; with a direction time it is in progress. Returns id and key. */
  Doc document(LocalDate receivedOn, Instant registeredAt, Instant directionAt, String urgency,
      String summary) {
    int number = NUMBER.incrementAndGet();
    String key = number + "/" + receivedOn.getYear() + "-BC";
    jdbc.update("insert into incoming_document (series, doc_year, incoming_number, business_key,"
        + " issuer, document_number, issued_on, document_type, summary, urgency, classification,"
        + " received_on, status, direction, direction_by, direction_at, info_only,"
        + " registered_by, registered_at, search_text, duplicate_key, version)"
        + " values ('REGULAR', ?, ?, ?, 'UBND thành phố Cần Thơ', ?, ?, 'Công văn', ?, ?, 'NONE',"
        + " ?, ?, ?, ?, ?, ?, 'vanthu', ?, ?, ?, 0)",
        receivedOn.getYear(), number, key, number + "/UBND-BC", receivedOn.minusDays(2), summary,
        urgency, receivedOn, directionAt == null ? "AWAITING_DIRECTION" : "IN_PROGRESS",
        directionAt == null ? null : "Giao các đơn vị xử lý", directionAt == null ? null
            : "giamdoc", utc(directionAt), directionAt == null ? null : Boolean.FALSE,
        utc(registeredAt), summary.toLowerCase(), "ubnd-bc-" + number);
    Long id = jdbc.queryForObject("select id from incoming_document where business_key = ?",
        Long.class, key);
    return new Doc(id, key);
  }

  void duty(Doc doc, String unit, String role, Instant assignedAt, Instant dueAt,
      Instant completedAt) {
    jdbc.update("insert into document_assignment (id, document_id, unit_id, assignment_role,"
        + " due_at, assigned_at, completed_at, completed_by, result, version)"
        + " values (" + SqlSequences.next(jdbc, "document_assignment_seq") + ", ?, ?, ?, ?, ?, ?, ?, ?, 0)", doc.id(), unit, role, utc(dueAt),
        utc(assignedAt), utc(completedAt), completedAt == null ? null : "cv.qlcn",
        completedAt == null ? null : "Đã xử lý xong");
  }

  record Doc(long id, String key) {}

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
