package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khcn.workflow.identity.Actor;
import vn.khcn.workflow.identity.Groups;

/**
 * A task's view as {@link DocumentQueries#documentView} writes it from the parts read in one
 * statement (ADR 0047): the unit's items first, the attachments in order, the answers by time,
 * other trail entries left out; parts written earlier in the same transaction included.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TaskViewTest {

  static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");

  @Autowired DocumentQueries queries;
  @Autowired TrailRepository trail;
  @Autowired AttachmentRepository attachments;
  @Autowired DirectionItemRepository items;
  @Autowired PlatformTransactionManager transactions;
  @Autowired TestRestTemplate rest;
  @Autowired TaskViewParts parts;

  @Test
  void theViewQuotesTheUnitsItemsTheFilesInOrderAndOnlyTheAnswersByTime() {
    long id = DispatchFixtures.registered(rest);
    Actor director = new Actor("giamdoc", "Trần Quốc Bảo");
    Actor officer = new Actor("cv.khtc", "Phạm Thu Hà");

    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      items.save(item(id, 2, "7", "Lập dự toán kinh phí.", Groups.PHONG_KHTC, List.of()));
      items.save(item(id, 1, "1", "Rà soát danh mục nhiệm vụ.", Groups.PHONG_QLKH,
          List.of(Groups.VAN_PHONG, Groups.PHONG_KHTC)));
      attachments.save(file(id, "cong-van.pdf"));
      attachments.save(file(id, "phu-luc.pdf"));
      // saved out of time order: the view orders the answers by when they happened
      trail.save(new TrailEntry(id, T0.plusSeconds(300), officer, TrailAction.UNIT_RESULT,
          Groups.PHONG_KHTC, null, "Đã lập dự toán."));
      trail.save(new TrailEntry(id, T0.plusSeconds(100), director, TrailAction.DIRECTION_GIVEN,
          null, null, "Phòng QLKH chủ trì."));
      trail.save(new TrailEntry(id, T0.plusSeconds(200), officer, TrailAction.ATTACHMENT_ADDED,
          Groups.PHONG_KHTC, null, "ghi chú không phải câu trả lời"));
      trail.save(new TrailEntry(id, T0.plusSeconds(400), director, TrailAction.RETURNED, null,
          null, "Bổ sung căn cứ."));

      String coordinating = queries.documentView(id, Groups.VAN_PHONG);
      assertThat(coordinating).startsWith("Các mục giao cho " + Groups.nameOf(Groups.VAN_PHONG)
          + ":\n– Mục 1 (phối hợp, hạn ").contains("): Rà soát danh mục nhiệm vụ.\n\nSố đến: ")
          .doesNotContain("Mục 7");
      String lead = queries.documentView(id, Groups.PHONG_KHTC);
      assertThat(lead).contains("– Mục 1 (phối hợp", "– Mục 7 (chủ trì");
      assertThat(lead.indexOf("Mục 1 (")).isLessThan(lead.indexOf("Mục 7 ("));

      String plain = queries.documentView(id, null);
      assertThat(queries.documentView(id, Groups.PHONG_QLCN)).isEqualTo(plain);
      assertThat(plain).startsWith("Số đến: ").doesNotContain("Các mục giao cho")
          .contains("Tệp đính kèm: cong-van.pdf (/api/incoming-documents/" + id
              + "/attachments/")
          .contains("); phu-luc.pdf (/api/incoming-documents/" + id + "/attachments/")
          .doesNotContain("ghi chú không phải câu trả lời", "Thêm tệp đính kèm");
      int direction = plain.indexOf("Cho ý kiến chỉ đạo (Trần Quốc Bảo, ");
      int result = plain.indexOf("Đơn vị báo cáo kết quả – " + Groups.nameOf(Groups.PHONG_KHTC)
          + " (Phạm Thu Hà, ");
      int returned = plain.indexOf("Trả lại để hoàn thiện (Trần Quốc Bảo, ");
      assertThat(direction).isPositive();
      assertThat(result).isGreaterThan(direction);
      assertThat(returned).isGreaterThan(result);
      assertThat(plain).endsWith("Bổ sung căn cứ.");
      status.setRollbackOnly();
    });
  }

  @Test
  void oneTransactionReadsThePartsOnceUntilOneOfThemGetsARow() {
    long id = registered(); // its REGISTERED entry is no answer
    long other = registered();
    Actor director = new Actor("giamdoc", "Trần Quốc Bảo");
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      TaskViewParts.Parts first = parts.of(id);
      assertThat(parts.of(id)).as("the unit tasks of one direction share one read")
          .isSameAs(first);
      trail.save(new TrailEntry(other, T0, director, TrailAction.DIRECTION_GIVEN, null, null,
          "Văn bản khác."));
      assertThat(parts.of(id)).as("another document's row changes nothing").isSameAs(first);

      trail.save(new TrailEntry(id, T0, director, TrailAction.DIRECTION_GIVEN, null, null,
          "Phòng QLKH chủ trì."));
      TaskViewParts.Parts answered = parts.of(id);
      assertThat(answered.answers()).extracting(TaskViewParts.Answer::comment)
          .containsExactly("Phòng QLKH chủ trì.");
      attachments.save(file(id, "cong-van.pdf"));
      assertThat(parts.of(id).files()).extracting(TaskViewParts.File::name)
          .containsExactly("cong-van.pdf");
      items.save(item(id, 1, "1", "Rà soát danh mục.", Groups.PHONG_QLKH, List.of()));
      TaskViewParts.Parts itemised = parts.of(id);
      assertThat(itemised.items()).extracting(TaskViewParts.Item::label).containsExactly("1");
      assertThat(parts.of(id)).isSameAs(itemised);

      TransactionTemplate inner = new TransactionTemplate(transactions);
      inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
      inner.executeWithoutResult(nested -> assertThat(parts.of(id).items())
          .as("a transaction inside it reads what is committed").isEmpty());
      status.setRollbackOnly();
    });
    assertThat(parts.of(id)).as("outside a transaction: read each time")
        .isNotSameAs(parts.of(id));
  }

  private long registered() {
    return DispatchFixtures.registered(rest);
  }

  private static DirectionItem item(long document, int position, String label, String text,
      String lead, List<String> coordinating) {
    LocalDate day = LocalDate.of(2026, 12, 20 + position);
    return new DirectionItem(document, position, new DirectionItemRules.Item(label, text, lead,
        coordinating, day, day.atTime(17, 0).atZone(ZONE).toInstant(), null, null),
        day.atTime(17, 0).atZone(ZONE).toInstant(), 0);
  }

  private static Attachment file(long document, String name) {
    return new Attachment(document, name, "application/pdf", new byte[] {1, 2, 3}, "00",
        null, "vanthu", T0);
  }
}
