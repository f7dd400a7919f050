package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.shared.text.SearchText;
import vn.khcn.workflow.support.PostgresTestDatabase;

/**
 * On PostgreSQL: the same texts found as on H2 through the full-text (V40) and trigram (V25)
 * indexes and the order-index walk of a common text (ADR 0036).
 */
@ExtendWith(PostgresTestDatabase.class)
class DocumentTextSearchPostgresIT extends DocumentTextSearchTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.register(registry);
  }

  /**
   * ADR 0050: the walk of a common text tests each document's attachments as it reaches the
   * document. Without {@code offset 0} PostgreSQL plans the same {@code exists} as one hashed
   * set of every attachment that matches, built before the first row (1.9 s at 600,000
   * attachments).
   */
  @Test
  void aCommonTextTestsTheAttachmentsOfEachDocumentItWalks() {
    for (int i = 1; i <= COMMON; i += 3) {
      attachment(id(100 + i), "ke hoach chuong trinh khoa hoc " + m + " nam sau");
    }
    jdbc.execute("analyze attachment_text");
    String walk = "explain select d.id from incoming_document d where d.doc_year = ?"
        + " and (d.search_text like ? escape '\\' or "
        + DocumentTextMatch.ATTACHMENT_OF_DOCUMENT.replaceFirst("\\?", "d.id")
        + ") order by d.doc_year desc, d.incoming_number desc, d.id desc limit 201";
    String pattern = "%chuong trinh khoa hoc " + m + "%";
    List<String> fenced = jdbc.queryForList(walk, String.class, YEAR, pattern, pattern);
    List<String> unfenced = jdbc.queryForList(walk.replace(" offset 0", ""), String.class, YEAR,
        pattern, pattern);

    assertThat(String.join("\n", unfenced)).as("the plan PostgreSQL makes without the fence")
        .contains("hashed SubPlan");
    assertThat(String.join("\n", fenced)).contains("SubPlan").doesNotContain("hashed")
        .contains("attachment_text");
  }

  /**
   * ADR 0050: a rare text's search gives its transaction the configured {@code work_mem} (16MB
   * in the tests), so that the full-text index's bitmap of many candidates stays exact; it ends
   * with the transaction. A common text's walk keeps the server's setting.
   */
  @Test
  void aRareTextsSearchGivesItsOwnTransactionTheConfiguredWorkMem() {
    List<String> rare = workMemAfter("giống lúa chịu mặn");
    List<String> common = workMemAfter("chương trình khoa học " + m);
    String server = rare.get(0);
    assertThat(server).as("the server's own setting differs from the tests' 16MB")
        .isNotEqualTo("16MB");
    assertThat(rare).containsExactly(server, "16MB");
    assertThat(common).containsExactly(server, server);
    assertThat(jdbc.queryForObject("show work_mem", String.class)).isEqualTo(server);
  }

  /** work_mem before and after a search for {@code q}, in one transaction. */
  List<String> workMemAfter(String q) {
    Viewer clerk = new Viewer("vanthu", Set.of(Groups.VAN_THU));
    return transactions.execute(s -> {
      String before = jdbc.queryForObject("show work_mem", String.class);
      search.find(DocumentFilter.parse(Map.of("q", q)), 0, 20, clerk);
      return List.of(before, jdbc.queryForObject("show work_mem", String.class));
    });
  }

  /**
   * ADR 0050: a phrase of the attachments' bodies, in none of the documents' own texts, is
   * common when enough of the newest and oldest attachments hold it, and is then found by
   * walking the list's order.
   */
  @Test
  void aPhraseOfTheAttachmentsBodiesWalksTheListOrder() {
    assertThat(jdbc.queryForObject("select count(*) from attachment_text", Integer.class))
        .as("this test's attachments are both the newest and the oldest sampled")
        .isLessThan(DocumentTextMatch.ATTACHMENT_SAMPLE - DocumentTextMatch.ATTACHMENTS_COMMON);
    String body = "kinh phi theo du toan duoc giao " + m;
    for (int i = 1; i < DocumentTextMatch.ATTACHMENTS_COMMON; i++) {
      attachment(id(100 + i), "nam nay " + body + " va quy dinh hien hanh");
    }
    DocumentTextMatch.Shape fewer = transactions.execute(s ->
        DocumentTextMatch.of("dự toán được giao " + m, entities).shape());
    attachment(id(100 + DocumentTextMatch.ATTACHMENTS_COMMON), body);
    DocumentTextMatch.Shape enough = transactions.execute(s ->
        DocumentTextMatch.of("dự toán được giao " + m, entities).shape());

    assertThat(fewer).isEqualTo(DocumentTextMatch.Shape.IDS);
    assertThat(enough).isEqualTo(DocumentTextMatch.Shape.PLAIN);
    String html = PageSession.login(rest.getRootUri(), "vanthu")
        .get("/documents?year=" + YEAR + "&q=" + encode("dự toán được giao " + m)).body();
    assertThat(html).contains("Tìm thấy " + DocumentTextMatch.ATTACHMENTS_COMMON + " văn bản");
    assertThat(DocumentSearchPageTest.documentIds(html)).first()
        .isEqualTo(id(100 + DocumentTextMatch.ATTACHMENTS_COMMON));
  }

  /**
   * ADR 0051: whatever part of a text a query is, even beginning or ending inside a word, the
   * pairs of its inner words are among the pairs V46 indexes for the text, so the index never
   * drops an attachment that the {@code like} finds.
   */
  @Test
  void theIndexedPairsOfATextHoldThePairsOfEveryQueryInIt() {
    Random random = new Random(51);
    String[] pieces = {"giong", "lua", "chiu", "man", "3", "2026", "15/skhcn", "qd-ubnd",
        "(co", "do)", "x-quang", "nam.", "tai", "a", "b,", "cồn", "Đỏ", "\t"};
    int checked = 0;
    for (int t = 0; t < 40; t++) {
      StringBuilder raw = new StringBuilder();
      for (int w = 0; w < 30; w++) {
        raw.append(pieces[random.nextInt(pieces.length)])
            .append(random.nextInt(5) == 0 ? "  " : " ");
      }
      String text = SearchText.fold(raw.toString());
      Set<String> indexed = Set.copyOf(List.of(jdbc.queryForObject(
          "select " + DocumentTextMatch.PAIRS_OF_TEXT,
          (rs, i) -> (String[]) rs.getArray(1).getArray(), text)));
      for (int q = 0; q < 60; q++) {
        int from = random.nextInt(text.length());
        String query = SearchText.fold(text.substring(from,
            from + 1 + random.nextInt(text.length() - from)));
        String pairs = DocumentTextMatch.pairs(query);
        if (pairs != null) {
          assertThat(indexed).as("pairs of \"%s\" in \"%s\"", query, text)
              .containsAll(List.of(pairs.split(",")));
          checked++;
        }
      }
    }
    assertThat(checked).as("queries with pairs checked").isGreaterThan(500);
  }

  /** ADR 0051: a condition with pairs is one the pairs indexes of V46 serve, on both tables. */
  @Test
  void aQueryWithPairsCanReadBothTablesThroughTheirPairsIndexes() {
    String check = DocumentTextMatch.check("lua & chiu", "lua chiu,chiu man")
        .replace(":pairs", "?").replace(":folded", "?");
    List<String> plan = transactions.execute(s -> {
      jdbc.execute("set local enable_seqscan = off");
      return jdbc.queryForList("explain select id from incoming_document where " + check
          + " union all select document_id from attachment_text where " + check, String.class,
          "lua chiu,chiu man", "giong lua chiu man tai", "lua chiu,chiu man",
          "giong lua chiu man tai");
    });
    assertThat(String.join("\n", plan)).contains("ix_incoming_document_search_pairs")
        .contains("ix_attachment_text_search_pairs");
  }
}
