package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * /documents?sort=DUE lists the earliest handling deadline first, then the earliest direction
 * deadline, documents without either last (Spring Data refuses nullsLast() in criteria queries,
 * so the search orders by the deadlines itself). Documents are written straight into the table in
 * 1992, a year no other test uses, and removed afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DocumentSearchDueOrderTest {

  static final int YEAR = 1992;

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;

  String marker;

  @BeforeEach
  void insert() {
    marker = "han" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    // number: handling deadline, direction deadline
    document(1, null, null);
    document(2, "1992-05-20T02:00:00Z", null);
    document(3, "1992-05-10T02:00:00Z", null);
    document(4, null, "1992-05-01T02:00:00Z");
  }

  void document(int number, String due, String directionDue) {
    jdbc.update("""
        insert into incoming_document (series, doc_year, incoming_number, business_key, issuer,
          document_number, issued_on, document_type, summary, urgency, classification,
          received_on, status, registered_by, registered_at, search_text, duplicate_key,
          due_at, direction_due_at, version)
        values ('REGULAR', ?, ?, ?, 'Sở Tài chính', ?, date '1992-03-01', 'Công văn', ?, 'NORMAL',
          'NONE', date '1992-03-02', 'ARCHIVED', 'vanthu', timestamp '1992-03-02 08:00:00', ?,
          ?, ?, ?, 0)""", YEAR, 910_000 + number, marker + "-" + number, number + "/STC",
        "Về việc hạn " + marker, "ve viec han " + marker + " | " + number + "/stc",
        "so tai chinh" + (char) 31 + marker + number, timestamp(due), timestamp(directionDue));
  }

  static Timestamp timestamp(String instant) {
    return instant == null ? null : Timestamp.from(Instant.parse(instant));
  }

  @AfterEach
  void remove() {
    jdbc.update("delete from incoming_document where doc_year = ? and business_key like ?", YEAR,
        marker + "-%");
  }

  Long id(int number) {
    return jdbc.queryForObject("select id from incoming_document where business_key = ?",
        Long.class, marker + "-" + number);
  }

  @Test
  void theEarliestDeadlineComesFirstAndDocumentsWithoutOneLast() {
    PageSession clerk = PageSession.login(rest.getRootUri(), "vanthu");

    HttpResponse<String> due = clerk.get("/documents?q=" + marker + "&sort=DUE");
    assertThat(due.statusCode()).isEqualTo(200);
    assertThat(DocumentSearchPageTest.documentIds(due.body()))
        .containsExactly(id(3), id(2), id(4), id(1));

    HttpResponse<String> byNumber = clerk.get("/documents?q=" + marker + "&sort=NUMBER");
    assertThat(DocumentSearchPageTest.documentIds(byNumber.body()))
        .containsExactly(id(4), id(3), id(2), id(1));
    assertThat(List.of(due.statusCode(), byNumber.statusCode())).containsOnly(200);
  }
}
