package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khcn.workflow.identity.Groups;

/**
 * /documents' text match means the same on every database (ADR 0036): the folded query is a
 * contiguous part of the document's or an attachment's text, whether PostgreSQL narrows it by
 * whole words (full text), by trigrams, or walks the order index for a common text. The same
 * assertions run on H2 here and on PostgreSQL in {@code DocumentTextSearchPostgresIT}. The
 * documents are written straight into the table in 2998 (so they are the newest) and removed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DocumentTextSearchTest {

  static final int YEAR = 2998;
  static final int COMMON = DocumentTextMatch.COMMON + 10;

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired EntityManager entities;
  @Autowired TransactionTemplate transactions;
  @Autowired SearchWordFrequencies frequencies;
  @Autowired DocumentSearch search;

  String m;
  long phrase;
  long scattered;
  long longerFirstWord;
  long inAttachment;
  long archivedPhrase;

  @BeforeEach
  void insert() {
    m = "tx" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    phrase = document(1, "IN_PROGRESS", "ve viec giong lua chiu man tai huyen co do " + m
        + " | 15/skhcn-" + m);
    scattered = document(2, "IN_PROGRESS", "lua giong chiu han man tai huyen " + m
        + " co do | 16/skhcn");
    longerFirstWord = document(3, "IN_PROGRESS", "ve viec xgiong lua chiu mann " + m);
    inAttachment = document(4, "IN_PROGRESS", "cong van " + m + " | 17/ubnd");
    attachment(inAttachment, "bao cao giong lua chiu man tai huyen co do nam " + m);
    archivedPhrase = document(5, "ARCHIVED", "giong lua chiu man tai huyen co do " + m);
    IntStream.rangeClosed(1, COMMON).forEach(i ->
        document(100 + i, "ARCHIVED", "chuong trinh khoa hoc " + m + " so " + i));
  }

  @AfterEach
  void remove() {
    String ours = "select id from incoming_document where doc_year = " + YEAR
        + " and business_key like '" + m + "-%'";
    jdbc.update("delete from attachment_text where document_id in (" + ours + ")");
    jdbc.update("delete from document_attachment where document_id in (" + ours + ")");
    jdbc.update("delete from incoming_document where doc_year = ? and business_key like ?", YEAR,
        m + "-%");
  }

  @Test
  void aPhraseMustBeContiguousWithOrWithoutDiacriticsInTheDocumentOrAnAttachment() {
    List<Long> expected = List.of(archivedPhrase, inAttachment, longerFirstWord, phrase);
    assertThat(found("giống lúa chịu mặn")).containsExactlyElementsOf(expected);
    assertThat(found("giong lua chiu man")).containsExactlyElementsOf(expected);
    // a fragment of words at both ends still matches as today's like does
    assertThat(found("iong lua chiu ma")).containsExactlyElementsOf(expected);
    assertThat(found("lúa chịu mặn tại huyện Cờ Đỏ"))
        .containsExactly(archivedPhrase, inAttachment, phrase);
    assertThat(found("chiu man tai")).containsExactly(archivedPhrase, inAttachment, phrase);
    assertThat(found("huyen " + m)).containsExactly(scattered);
    assertThat(found("lua giong chiu")).containsExactly(scattered);
  }

  @Test
  void symbolsAndFiltersKeepTheirMeaning() {
    assertThat(found("15/SKHCN")).containsExactly(phrase);
    assertThat(found("SKHCN")).containsExactly(scattered, phrase);
    assertThat(found("17/UBND")).containsExactly(inAttachment);
    assertThat(found("18/UBND")).isEmpty();
    assertThat(found("giống lúa chịu mặn", "&status=IN_PROGRESS"))
        .containsExactly(inAttachment, longerFirstWord, phrase);
    assertThat(found("Cờ Đỏ " + m, "&status=ARCHIVED")).containsExactly(archivedPhrase);
  }

  @Test
  void aCommonTextWalksTheListOrderAndIsCountedTheSame() {
    boolean postgres = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) ->
        "PostgreSQL".equals(c.getMetaData().getDatabaseProductName())));
    DocumentTextMatch.Shape common = transactions.execute(s ->
        DocumentTextMatch.of("chương trình khoa học " + m, entities).shape());
    DocumentTextMatch.Shape rare = transactions.execute(s ->
        DocumentTextMatch.of("giống lúa chịu mặn " + m, entities).shape());
    assertThat(common).isEqualTo(postgres ? DocumentTextMatch.Shape.PLAIN
        : DocumentTextMatch.Shape.IDS);
    assertThat(rare).isEqualTo(DocumentTextMatch.Shape.IDS);
    // more matches than ids read: the search stays a subquery on PostgreSQL; H2, which would
    // run that subquery again for each document, walks the list's order
    DocumentTextMatch.Shape beyond = transactions.execute(s ->
        DocumentTextMatch.of("giống lúa chịu mặn", entities, 0, Map.of()).shape());
    assertThat(beyond).isEqualTo(postgres ? DocumentTextMatch.Shape.ID_SET
        : DocumentTextMatch.Shape.PLAIN);

    String html = PageSession.login(rest.getRootUri(), "vanthu")
        .get("/documents?year=" + YEAR + "&q=" + encode("chương trình khoa học " + m)).body();
    assertThat(html).contains("Tìm thấy " + COMMON + " văn bản");
    // newest first: the highest incoming numbers
    assertThat(DocumentSearchPageTest.documentIds(html))
        .hasSize(DocumentSearchPageController.PAGE_SIZE)
        .first().isEqualTo(id(100 + COMMON));
  }

  @Test
  void theSubqueryShapeFindsWhatTheIdListFinds() {
    for (String query : List.of("giống lúa chịu mặn", "iong lua chiu ma", "17/UBND",
        "huyen " + m)) {
      List<Long> ids = idsFound(query, DocumentTextMatch.KNOWN_IDS);
      assertThat(ids).as(query).isNotEmpty().containsExactlyInAnyOrderElementsOf(
          idsFound(query, 0));
    }
    assertThat(idsFound("18/UBND " + m, DocumentTextMatch.KNOWN_IDS)).isEmpty();
  }

  @Test
  void searchStatementsArePlannedForTheirValuesEachTime() {
    assertThat(new DocumentSearchPlans().test("select id1_0.id from incoming_document id1_0"
        + " where id1_0.search_text like ? escape '\\' order by id1_0.doc_year desc")).isTrue();
    assertThat(new DocumentSearchPlans().test("select id1_0.id from incoming_document id1_0"
        + " where id1_0.received_on>=? and id1_0.received_on<=?")).isTrue();
    assertThat(new DocumentSearchPlans().test("select id from incoming_document where"
        + " to_tsvector('simple', search_text) @@ to_tsquery('simple', ?)"
        + " and strpos(search_text, ?) > 0")).isTrue();
    assertThat(new DocumentSearchPlans().test("select id1_0.id,id1_0.received_on from"
        + " incoming_document id1_0 where id1_0.id in (?,?)")).isFalse();
    assertThat(new DocumentSearchPlans().test("select * from outgoing_document"
        + " where search_text like ?")).isFalse();
    boolean postgres = DocumentTextMatch.postgres(entities.getEntityManagerFactory());
    Viewer clerk = new Viewer("vanthu", Set.of(Groups.VAN_THU));
    // one transaction, so one connection: more searches than the driver's threshold (5)
    List<String> named = transactions.execute(status -> {
      for (int i = 0; i < 10; i++) {
        DocumentFilter filter = DocumentFilter.parse(Map.of("q", "giống lúa chịu mặn",
            "from", "2998-01-01", "to", "2998-12-31"));
        assertThat(search.find(filter, 0, 20, clerk).page().getContent())
            .extracting(DocumentRow::id).contains(phrase, archivedPhrase);
      }
      return postgres ? jdbc.queryForList("select lower(statement) from pg_prepared_statements"
          + " where not from_sql", String.class) : null;
    });
    if (postgres) {
      assertThat(named).as("the search's statements are never named on the server")
          .noneMatch(sql -> sql.contains("incoming_document")
              && (sql.contains(" like ") || sql.contains("strpos(")));
    }
  }

  /** This test's documents the match finds, with at most {@code knownIds} ids read first. */
  List<Long> idsFound(String query, int knownIds) {
    return transactions.execute(s -> {
      var cb = entities.getCriteriaBuilder();
      var select = cb.createQuery(Long.class);
      var root = select.from(IncomingDocument.class);
      DocumentTextMatch match = DocumentTextMatch.of(query, entities, knownIds, Map.of());
      select.select(root.get("id")).where(cb.equal(root.get("year"), YEAR),
          match.on(root, select, cb));
      return entities.createQuery(select).getResultList();
    });
  }

  @Test
  void fullTextNarrowsOnlyByWordsTheLikeMakesWhole() {
    assertThat(DocumentTextMatch.prefilter("giong lua chiu man")).isEqualTo("lua & chiu");
    assertThat(DocumentTextMatch.prefilter("thuy san")).isEqualTo("san:*");
    assertThat(DocumentTextMatch.prefilter("so 15/skhcn ngay 3")).isEqualTo("ngay");
    assertThat(DocumentTextMatch.prefilter("a 15/skhcn b c")).isEqualTo("b");
    assertThat(DocumentTextMatch.prefilter("zzqx")).isNull();
    assertThat(DocumentTextMatch.prefilter("15/skhcn")).isNull();
    assertThat(DocumentTextMatch.prefilter("qd-ubnd 1234")).isEqualTo("1234:*");
  }

  @Test
  void attachmentsAreNarrowedByPairsOfInnerWordsOnly() {
    assertThat(DocumentTextMatch.pairs("giong lua chiu man tai")).isEqualTo("lua chiu,chiu man");
    // the first and the last word may be parts of longer words: no pair with them
    assertThat(DocumentTextMatch.pairs("giong lua chiu man")).isEqualTo("lua chiu");
    assertThat(DocumentTextMatch.pairs("giong lua chiu")).isNull();
    // a word with a symbol breaks the pairs on both its sides; a repeated pair is named once
    assertThat(DocumentTextMatch.pairs("so 15/skhcn ngay 3 thang 3 ngay 3 nam"))
        .isEqualTo("ngay 3,3 thang,thang 3,3 ngay");
    assertThat(DocumentTextMatch.pairs("a b 15/skhcn c d")).isNull();
    assertThat(DocumentTextMatch.pairs("zzqx")).isNull();
  }

  @Test
  void withPairCountsALongPhraseUsesItsFourRarestPairsSharingNoWordWherePossible() {
    Map<String, Integer> perMillion = Map.of("hieu tap", 243633, "tap the", 175200,
        "the tai", 84167, "tai quan", 1253767, "quan o", 323833, "o mon", 339067,
        "mon phoi", 248633, "phoi hop", 1198800, "hop voi", 1198800, "voi hoi", 234367);
    String phrase = "nhan hieu tap the tai quan o mon phoi hop voi hoi nong dan";
    // "hoi nong" is not among the commonest (0); "the tai" next; "tap the" and "voi hoi" share
    // a word with them; then "hieu tap" and "mon phoi"; in the text's order
    assertThat(DocumentTextMatch.pairs(phrase, perMillion))
        .isEqualTo("hieu tap,the tai,mon phoi,hoi nong");
    // without counts, or with few pairs, every pair
    assertThat(DocumentTextMatch.pairs(phrase, Map.of()).split(",")).hasSize(11);
    assertThat(DocumentTextMatch.pairs("nhan hieu tap the tai quan", perMillion))
        .isEqualTo("hieu tap,tap the,the tai");
  }

  @Test
  void pairsInHalfTheTextsOrMoreAreLeftOutWhileRarerOnesRemain() {
    // the in-between phrase of the bench: its first six pairs are in every generated letter
    Map<String, Integer> perMillion = Map.of("nghi so", 1_000_000, "so khoa", 1_000_000,
        "khoa hoc", 1_041_000, "hoc va", 1_039_000, "va cong", 1_040_000, "cong nghe", 1_052_000,
        "nghe thanh", 133_066, "thanh ly", 249_566, "ly an", 12_333, "an ninh", 102_466);
    String phrase = "de nghi so khoa hoc va cong nghe thanh ly an ninh mang";
    // not "nghi so" and "khoa hoc" (apart, but in every text): the four rare neighbours
    assertThat(DocumentTextMatch.pairs(phrase, perMillion))
        .isEqualTo("nghe thanh,thanh ly,ly an,an ninh");
    // only common pairs: the four rarest of them still narrow, as before
    assertThat(DocumentTextMatch.pairs("de nghi so khoa hoc va cong nghe", perMillion))
        .isEqualTo("nghi so,so khoa,hoc va,va cong");
    // just under the bound counts as rare
    Map<String, Integer> bound = new java.util.HashMap<>(perMillion);
    bound.put("hoc va", DocumentTextMatch.COMMON_PAIR - 1);
    assertThat(DocumentTextMatch.pairs("de nghi so khoa hoc va cong nghe", bound))
        .isEqualTo("hoc va");
  }

  @Test
  void withWordCountsALongPhraseUsesItsThreeRarestWordsApartFromEachOther() {
    Map<String, Integer> counts = new java.util.HashMap<>();
    for (String count : ("lua=443 chiu=157 man=157 tai=8428 huyen=4027 co=1345 do=2274"
        + " phoi=2058 hop=2469 voi=2058 tac=356 xa=900 my=185").split(" ")) {
      counts.put(count.split("=")[0], Integer.valueOf(count.split("=")[1]));
    }
    String phrase = "giong lua chiu man tai huyen co do phoi hop voi hop tac xa my khanh";
    // chiu and man are the rarest but neighbours: chiu, then my and tac, in the text's order
    assertThat(DocumentTextMatch.prefilter(phrase, counts)).isEqualTo("chiu & tac & my");
    // a word never sampled counts as the rarest
    assertThat(DocumentTextMatch.prefilter("mot xyzzy lua chiu man tai", counts))
        .isEqualTo("xyzzy & chiu & man");
    // without counts, or with few words, every middle word as before
    assertThat(DocumentTextMatch.prefilter(phrase, Map.of())).isEqualTo(
        "lua & chiu & man & tai & huyen & co & do & phoi & hop & voi & tac & xa & my");
    assertThat(DocumentTextMatch.prefilter("giong lua chiu man", counts)).isEqualTo("lua & chiu");
  }

  @Test
  void wordCountsAreSampledOnPostgresAndAbsentOnH2() {
    if (!DocumentTextMatch.postgres(entities.getEntityManagerFactory())) {
      assertThat(frequencies.counts()).isEmpty();
      assertThat(frequencies.pairs()).isEmpty();
      return;
    }
    // the commonest pairs as the analysed pairs index lists them: "hoc <m>" in 30 documents
    jdbc.execute("analyze incoming_document");
    assertThat(frequencies.pairFrequencies().get("hoc " + m)).isPositive();
    // the whole table read (100 %): every document of this test holds "trinh" or "giong"
    Map<String, Integer> counts = frequencies.sample(100);
    assertThat(counts.get("trinh")).isGreaterThanOrEqualTo(COMMON);
    assertThat(counts.get("giong")).isGreaterThanOrEqualTo(3);
    assertThat(counts.get(m)).isGreaterThanOrEqualTo(COMMON + 4);
  }

  /** The ids found for this query in the test's year, as the page lists them (newest first). */
  List<Long> found(String query, String... filters) {
    String url = "/documents?year=" + YEAR + "&q=" + encode(query) + String.join("", filters);
    return DocumentSearchPageTest.documentIds(
        PageSession.login(rest.getRootUri(), "vanthu").get(url).body());
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  long document(int number, String status, String searchText) {
    jdbc.update("""
        insert into incoming_document (series, doc_year, incoming_number, business_key, issuer,
          document_number, issued_on, document_type, summary, urgency, classification,
          received_on, status, registered_by, registered_at, search_text, duplicate_key, version)
        values ('REGULAR', ?, ?, ?, 'Sở Nông nghiệp', ?, date '2998-03-01', 'Công văn', ?,
          'NORMAL', 'NONE', date '2998-03-02', ?, 'vanthu', timestamp '2998-03-02 08:00:00', ?,
          ?, 0)""", YEAR, 800_000 + number, m + "-" + number, number + "/SNN", searchText,
        status, searchText, "so nong nghiep" + (char) 31 + m + number);
    return id(number);
  }

  long id(int number) {
    return jdbc.queryForObject("select id from incoming_document where business_key = ?",
        Long.class, m + "-" + number);
  }

  void attachment(long document, String text) {
    jdbc.update("""
        insert into document_attachment (document_id, file_name, content_type, size_bytes, sha256,
          content, uploaded_by, uploaded_at)
        values (?, 'bao-cao.txt', 'text/plain', 1, ?, ?, 'vanthu', current_timestamp)""",
        document, "0".repeat(64), new byte[] {1});
    long attachment = jdbc.queryForObject(
        "select max(id) from document_attachment where document_id = ?", Long.class, document);
    jdbc.update("insert into attachment_text (attachment_id, document_id, search_text)"
        + " values (?, ?, ?)", attachment, document, text);
  }
}
