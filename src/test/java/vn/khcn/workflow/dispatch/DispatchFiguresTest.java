package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.support.TestHttp;

/** The figures operations watches: registered documents and overdue duties by unit. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DispatchFiguresTest {

  @Autowired DispatchFigures figures;
  @Autowired AssignmentRepository assignments;
  @Autowired TestRestTemplate rest;

  @Test
  void registrationsCountAndOnlyOpenLeadOrCoordinatingDutiesPastDueAreOverdue() {
    long before = figures.registeredDocuments();
    TestHttp.Response created = TestHttp.of(rest).post("vanthu", "/api/incoming-documents",
        DispatchFixtures.document(IncomingDocumentApiTest.unique()));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    long id = created.body().get("id").asLong();
    assertThat(figures.registeredDocuments()).isEqualTo(before + 1);

    long overdueQlcn = figures.overdueByUnit().getOrDefault("phong-qlcn", 0L);
    long overdueKhtc = figures.overdueByUnit().getOrDefault("phong-khtc", 0L);
    Instant now = Instant.now();
    Assignment late = assignments.save(new Assignment(id, "phong-qlcn", AssignmentRole.LEAD,
        now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(9))));
    assignments.save(new Assignment(id, "phong-qlcn", AssignmentRole.COORDINATING,
        now.plus(Duration.ofDays(2)), now));
    assignments.save(new Assignment(id, "phong-khtc", AssignmentRole.INFORMED,
        now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(9))));

    assertThat(figures.overdueByUnit().getOrDefault("phong-qlcn", 0L))
        .as("the late lead duty only").isEqualTo(overdueQlcn + 1);
    assertThat(figures.overdueByUnit().getOrDefault("phong-khtc", 0L))
        .as("informed units have no deadline to miss").isEqualTo(overdueKhtc);

    late.complete("Đã xử lý", new Reply(null, null), "cv.qlcn", now);
    assignments.save(late);
    assertThat(figures.overdueByUnit().getOrDefault("phong-qlcn", 0L))
        .as("done, even if late, is no longer open").isEqualTo(overdueQlcn);
  }
}
