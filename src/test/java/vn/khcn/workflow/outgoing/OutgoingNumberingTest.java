package vn.khcn.workflow.outgoing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khcn.workflow.dispatch.Urgency;
import vn.khcn.workflow.identity.Actor;
import vn.khcn.workflow.identity.Groups;

/**
 * Numbering (Decree 30/2020 Art. 15) against the real database: 16 clerks numbering at once get
 * gapless, duplicate-free numbers in each series (regular, classified, a legal normative type
 * apart), and the series restart at 01 on 1 January in the Department's time zone. Each test
 * numbers in years nobody else uses, with a fixed clock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OutgoingNumberingTest {

  static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
  static final String LEGAL_TYPE = "Quyết định (quy phạm)";
  static final OutgoingProperties PROPERTIES = new OutgoingProperties(List.of(
      new OutgoingProperties.TypeSymbol("Công văn", "{n}/SKHCN-{unit}", null),
      new OutgoingProperties.TypeSymbol("Quyết định", "{n}/QĐ-SKHCN", null),
      new OutgoingProperties.TypeSymbol(LEGAL_TYPE, "{n}/{year}/QĐ-SKHCN", "QPPL-QD")),
      Map.of(Groups.PHONG_QLKH, "QLKH", Groups.PHONG_KHTC, "KHTC"));
  static final Actor DRAFTER = new Actor("cv.qlkh", "Lê Văn Hùng");
  static final Actor SIGNER = new Actor("giamdoc", "Trần Quốc Bảo");
  static final Actor CLERK = new Actor("vanthu", "Nguyễn Thị Thu Hà");
  static final Reader REGISTRY = new Reader("vanthu", java.util.Set.of(Groups.VAN_THU));

  @Autowired OutgoingDocumentRepository documents;
  @Autowired BodyVersionRepository versions;
  @Autowired OutgoingTrailRepository trail;
  @Autowired OutgoingQueries queries;
  @Autowired OutgoingIssued issued;
  @Autowired SigningRules rules;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void sixteenClerksGetGaplessNumbersPerSeries() throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2031-06-15T03:00:00Z"), HANOI);
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 48; i++) {
      ids.add(signed(i % 2 == 0 ? "Công văn" : "Quyết định", Classification.NONE,
          i % 3 == 0 ? Groups.PHONG_KHTC : Groups.PHONG_QLKH));
    }
    for (int i = 0; i < 16; i++) {
      ids.add(signed("Công văn", Classification.SECRET, Groups.PHONG_QLKH));
      ids.add(signed(LEGAL_TYPE, Classification.NONE, Groups.PHONG_QLKH));
    }
    Collections.shuffle(ids, new java.util.Random(19));
    OutgoingLifecycle lifecycle = lifecycle(clock);
    TransactionTemplate tx = new TransactionTemplate(transactions);

    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Callable<Void>> clerks = new ArrayList<>();
    for (int c = 0; c < 16; c++) {
      List<Long> mine = new ArrayList<>();
      for (int i = c; i < ids.size(); i += 16) {
        mine.add(ids.get(i));
      }
      clerks.add(() -> {
        for (long id : mine) {
          tx.executeWithoutResult(status -> lifecycle.number(id, CLERK, REGISTRY));
        }
        return null;
      });
    }
    for (Future<Void> done : pool.invokeAll(clerks)) {
      done.get();
    }
    pool.shutdown();

    assertThat(numbers("REGULAR", 2031)).containsExactlyElementsOf(range(48));
    assertThat(numbers("CLASSIFIED", 2031)).containsExactlyElementsOf(range(16));
    assertThat(numbers("QPPL-QD", 2031)).containsExactlyElementsOf(range(16));
    List<String> symbols = jdbc.queryForList("select number_symbol from outgoing_document"
        + " where doc_year = 2031 and series = 'QPPL-QD' order by doc_number", String.class);
    assertThat(symbols.get(0)).isEqualTo("01/2031/QĐ-SKHCN");
    assertThat(symbols.get(15)).isEqualTo("16/2031/QĐ-SKHCN");
    assertThat(jdbc.queryForList("select number_symbol from outgoing_document where doc_year = 2031"
        + " and series = 'REGULAR'", String.class)).doesNotHaveDuplicates()
        .anyMatch(s -> s.endsWith("/SKHCN-KHTC")).anyMatch(s -> s.endsWith("/QĐ-SKHCN"));
    assertThat(jdbc.queryForObject("select count(*) from outgoing_document where doc_year = 2031"
        + " and (issued_on <> date '2031-06-15' or status <> 'ISSUED')", Integer.class)).isZero();
  }

  @Test
  void theSeriesRestartsAtOneOnFirstJanuaryInTheDepartmentsTimeZone() {
    TransactionTemplate tx = new TransactionTemplate(transactions);
    // 23:59 on 31 December in Hồ Chí Minh City is still the old year …
    OutgoingLifecycle lastEvening = lifecycle(Clock.fixed(
        Instant.parse("2033-12-31T16:59:00Z"), HANOI));
    long first = signed("Công văn", Classification.NONE, Groups.PHONG_QLKH);
    long second = signed("Công văn", Classification.NONE, Groups.PHONG_QLKH);
    OutgoingDocument a = tx.execute(s -> lastEvening.number(first, CLERK, REGISTRY));
    OutgoingDocument b = tx.execute(s -> lastEvening.number(second, CLERK, REGISTRY));
    assertThat(a.getYear()).isEqualTo(2033);
    assertThat(a.getNumberSymbol()).isEqualTo("01/SKHCN-QLKH");
    assertThat(b.getNumberSymbol()).isEqualTo("02/SKHCN-QLKH");
    assertThat(b.getIssuedOn()).isEqualTo(java.time.LocalDate.of(2033, 12, 31));

    // … and at midnight there (17:00 UTC) the new year's series starts from 01
    OutgoingLifecycle newYear = lifecycle(Clock.fixed(
        Instant.parse("2033-12-31T17:00:00Z"), HANOI));
    long third = signed("Công văn", Classification.NONE, Groups.PHONG_QLKH);
    OutgoingDocument c = tx.execute(s -> newYear.number(third, CLERK, REGISTRY));
    assertThat(c.getYear()).isEqualTo(2034);
    assertThat(c.getNumberSymbol()).isEqualTo("01/SKHCN-QLKH");
    assertThat(c.getIssuedOn()).isEqualTo(java.time.LocalDate.of(2034, 1, 1));
    assertThat(numbers("REGULAR", 2033)).containsExactly(1, 2);
  }

  private OutgoingLifecycle lifecycle(Clock clock) {
    return new OutgoingLifecycle(documents, versions, trail,
        new OutgoingNumbering(jdbc, PROPERTIES), queries, issued, rules, clock);
  }

  /** A document signed and waiting for its number. */
  private long signed(String type, Classification classification, String unit) {
    Draft draft = new Draft(type, "Về việc thử cấp số", List.of("Kính gửi: Sở Tài chính"),
        List.of(), null, Urgency.NORMAL, classification, null);
    OutgoingDocument document = new OutgoingDocument(draft, DRAFTER, unit, Instant.now());
    document.sign(SIGNER, SignAuthority.NONE, Instant.now());
    return documents.save(document).getId();
  }

  private List<Integer> numbers(String series, int year) {
    return jdbc.queryForList("select doc_number from outgoing_document where series = ?"
        + " and doc_year = ? order by doc_number", Integer.class, series, year);
  }

  private static List<Integer> range(int last) {
    return IntStream.rangeClosed(1, last).boxed().toList();
  }
}
