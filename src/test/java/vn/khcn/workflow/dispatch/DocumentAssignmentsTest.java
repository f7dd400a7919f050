package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khcn.workflow.identity.Groups;

/**
 * A document's assignments read once per transaction (ADR 0047): the same list for every step of
 * one transaction, kept whole as assignments are added, read afresh by another transaction and by
 * one started inside it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DocumentAssignmentsTest {

  static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

  @Autowired DocumentAssignments assignments;
  @Autowired AssignmentRepository repository;
  @Autowired PlatformTransactionManager transactions;
  @Autowired TestRestTemplate rest;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  long registered() {
    return DispatchFixtures.registered(rest);
  }

  @Test
  void oneTransactionReadsTheAssignmentsOnceAndSeesThoseItAdds() {
    long id = registered();
    TransactionTemplate transaction = new TransactionTemplate(transactions);
    transaction.executeWithoutResult(status -> {
      assignments.add(new Assignment(id, Groups.PHONG_QLKH, AssignmentRole.LEAD, NOW, NOW));
      List<Assignment> read = assignments.of(id);
      assertThat(read).extracting(Assignment::getUnitId).containsExactly(Groups.PHONG_QLKH);

      assignments.add(new Assignment(id, Groups.VAN_PHONG, AssignmentRole.INFORMED, null, NOW));
      assignments.add(new Assignment(id, Groups.PHONG_KHTC, AssignmentRole.COORDINATING, NOW,
          NOW));
      assertThat(assignments.of(id)).as("the transaction's one list").isSameAs(read)
          .extracting(Assignment::getUnitId)
          .containsExactly(Groups.PHONG_QLKH, Groups.VAN_PHONG, Groups.PHONG_KHTC);
      assertThat(assignments.require(id, Groups.PHONG_KHTC).getRole())
          .isEqualTo(AssignmentRole.COORDINATING);
      assertThat(assignments.ofUnit(id, Groups.VAN_PHONG)).as("informed only: no work").isEmpty();
      assertThatThrownBy(() -> assignments.require(id, Groups.VAN_PHONG))
          .hasMessage("No assignment of van-phong on document " + id);

      TransactionTemplate inner = new TransactionTemplate(transactions);
      inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
      inner.executeWithoutResult(nested -> assertThat(assignments.of(id))
          .as("a transaction inside it has its own persistence context and reads its own")
          .isNotSameAs(read).isEmpty());
      assertThat(assignments.of(id)).as("the outer transaction's list again").isSameAs(read);
    });

    List<Assignment> committed = transaction.execute(status -> assignments.of(id));
    assertThat(committed).as("the next transaction reads what the first committed")
        .extracting(Assignment::getUnitId)
        .containsExactly(Groups.PHONG_QLKH, Groups.VAN_PHONG, Groups.PHONG_KHTC);
    assertThat(assignments.of(id)).as("outside a transaction: read each time")
        .isNotSameAs(assignments.of(id)).hasSize(3);
    repository.deleteAll(repository.findByDocumentIdOrderByIdAsc(id));
  }

  @Test
  void aFirstDirectionStartsFromNoAssignmentsWithoutReading() {
    long id = registered();
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      assignments.noneYet(id);
      // a row the list never reads: written past JPA in the same transaction
      jdbc.update("insert into document_assignment (id, document_id, unit_id, assignment_role,"
          + " assigned_at, version) values (" + vn.khcn.workflow.support.SqlSequences.next(jdbc,
          "document_assignment_seq") + ", ?, ?,"
          + " 'INFORMED', current_timestamp, 0)", id, Groups.VAN_PHONG);
      assignments.add(new Assignment(id, Groups.PHONG_QLKH, AssignmentRole.LEAD, NOW, NOW));
      List<Assignment> read = assignments.of(id);
      assertThat(read).as("the empty list noneYet made, then the one added, nothing read")
          .extracting(Assignment::getUnitId).containsExactly(Groups.PHONG_QLKH);
      assignments.noneYet(id);
      assertThat(assignments.of(id)).as("a list already made is kept").isSameAs(read)
          .hasSize(1);
      status.setRollbackOnly();
    });
  }
}
