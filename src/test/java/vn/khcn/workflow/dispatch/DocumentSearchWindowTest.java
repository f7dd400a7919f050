package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.support.TestHttp;

/**
 * A list reaches only its first {@link DocumentSearch#MAX_RESULTS} results by paging (ADR 0052):
 * /documents leads a deeper page to the last one it reaches and says why there is no next page;
 * the API refuses it naming {@code page}. 10,025 documents are written straight into the table
 * (in 1987, a year no other test uses) and removed afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DocumentSearchWindowTest {

  static final int YEAR = 1987;
  static final int MANY = DocumentSearch.MAX_RESULTS + 25;
  static final int SIZE = DocumentSearchPageController.PAGE_SIZE;

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired DocumentSearch search;

  String marker;

  @BeforeEach
  void insert() {
    marker = "cua" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    ArchivedRows.insert(jdbc, YEAR, 800_000, marker, MANY, "Sở Nội vụ", "SNV",
        i -> "Về việc tinh giản " + marker + " số " + i,
        i -> "ve viec tinh gian " + marker + " so " + i + " | " + i + "/snv");
  }

  @AfterEach
  void remove() {
    ArchivedRows.remove(jdbc, YEAR, marker);
  }

  @Test
  void thePageReachesTheFirstResultsAndSaysWhyThereIsNoNextPage() {
    PageSession clerk = PageSession.login(rest.getRootUri(), "vanthu");
    int last = DocumentSearch.MAX_RESULTS / SIZE - 1;

    HttpResponse<String> end = clerk.get("/documents?q=" + marker + "&page=" + last);
    assertThat(end.statusCode()).isEqualTo(200);
    assertThat(DocumentSearchPageTest.documentIds(end.body())).hasSize(SIZE);
    // newest first: the page's first row is the 9,981st newest of the 10,025
    assertThat(end.body()).contains(">" + marker + "-" + (MANY - last * SIZE) + "<")
        .contains("Tìm thấy hơn 10.000 văn bản").contains("rel=\"prev\"")
        .doesNotContain("rel=\"next\"").contains("id=\"results-end\"")
        .contains("Chỉ xem được 10.000 văn bản đầu tiên");

    HttpResponse<String> before = clerk.get("/documents?q=" + marker + "&page=" + (last - 1));
    assertThat(before.body()).contains("rel=\"next\"").doesNotContain("id=\"results-end\"");

    for (int deeper : new int[] {last + 1, 10_000, 999_999_999}) {
      HttpResponse<String> beyond = clerk.get("/documents?q=" + marker + "&page=" + deeper);
      assertThat(beyond.statusCode()).as("page %d", deeper).isEqualTo(302);
      assertThat(beyond.headers().firstValue("Location").orElseThrow()).as("page %d", deeper)
          .endsWith("page=" + last);
    }
  }

  @Test
  void theApiListsTheFirstResultsAndRefusesDeeperPagesNamingThePage() {
    TestHttp api = TestHttp.of(rest);
    String list = "/api/incoming-documents?year=" + YEAR + "&q=" + marker;

    JsonNode end = api.get("vanthu", list + "&size=100&page=99").body();
    assertThat(end.get("content")).hasSize(100);
    assertThat(end.get("content").get(0).get("businessKey").asText())
        .isEqualTo(marker + "-" + (MANY - 9_900));
    assertThat(end.get("page").get("totalElements").asLong())
        .isEqualTo(DocumentSearch.MAX_RESULTS);
    assertThat(end.get("page").get("totalPages").asInt()).isEqualTo(100);

    // page 100 of 100 and page 500 of 20: the search's own bound
    for (String deeper : new String[] {"&size=100&page=100", "&size=20&page=500"}) {
      TestHttp.Response refused = api.get("vanthu", list + deeper);
      assertThat(refused.status()).as(deeper).isEqualTo(400);
      assertThat(refused.text()).as(deeper).contains("\"page\"")
          .contains("chỉ xem được 10.000 văn bản đầu tiên").doesNotContain(marker);
    }
    // pages whose end overflows an int: refused too (by every list's bound on page numbers)
    for (String deeper : new String[] {"&size=100&page=21474835", "&page=2147483647"}) {
      TestHttp.Response refused = api.get("vanthu", list + deeper);
      assertThat(refused.status()).as(deeper).isEqualTo(400);
      assertThat(refused.text()).as(deeper).contains("\"page\"").doesNotContain(marker);
    }
    assertThat(api.get("vanthu", list + "&size=20&page=499").status()).isEqualTo(200);

    // a size that does not divide 10,000: its last page (332 of 30, ending at 9,990) announces
    // no page 333, which would be refused
    JsonNode last30 = api.get("vanthu", list + "&size=30&page=332").body();
    assertThat(last30.get("content")).hasSize(30);
    assertThat(last30.get("page").get("totalPages").asInt()).isEqualTo(333);
    assertThat(api.get("vanthu", list + "&size=30&page=331").body().get("page")
        .get("totalPages").asInt()).isGreaterThan(332);
    assertThat(api.get("vanthu", list + "&size=30&page=333").status()).isEqualTo(400);
  }

  /**
   * Outsiders get 403 for deep pages on both doors, with nothing listed, and the page's end
   * cannot be forged from the query string.
   */
  @Test
  void deepPagesRefuseOutsidersAndTheirEndCannotBeForged() {
    String deep = "/api/incoming-documents?year=" + YEAR + "&q=" + marker + "&size=100&page=99";
    for (String outsider : java.util.List.of("chunhiem", "hd.chutich", "admin")) {
      TestHttp.Response refused = TestHttp.of(rest).get(outsider, deep);
      assertThat(refused.status()).as(outsider).isEqualTo(403);
      assertThat(refused.text()).as(outsider).doesNotContain(marker);
    }
    for (String outsider : java.util.List.of("chunhiem", "hd.chutich")) {
      HttpResponse<String> page = PageSession.login(rest.getRootUri(), outsider)
          .get("/documents?q=" + marker + "&page=499");
      assertThat(page.statusCode()).as(outsider).isEqualTo(403);
      assertThat(page.body()).as(outsider).doesNotContain(marker + "-");
    }
    // nobody signed in, or a wrong password: nothing listed on either door
    TestHttp.Response anonymous = TestHttp.of(rest).request("GET", deep).send();
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.text()).doesNotContain(marker);
    TestHttp.Response wrongPassword = TestHttp.of(rest).request("GET", deep)
        .as("vanthu", "sai-mat-khau").send();
    assertThat(wrongPassword.status()).isEqualTo(401);
    assertThat(wrongPassword.text()).doesNotContain(marker);
    HttpResponse<String> signedOut = PageSession.anonymous(rest.getRootUri())
        .get("/documents?q=" + marker + "&page=499");
    assertThat(signedOut.statusCode()).isEqualTo(302);
    assertThat(signedOut.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    // the API's paging fields forged on the query string change neither the count nor the bound
    TestHttp api = TestHttp.of(rest);
    String forgedApi = "&capped=false&totalElements=20&totalPages=1000&page.totalPages=1000";
    JsonNode end = api.get("vanthu", deep + forgedApi).body();
    assertThat(end.get("content")).hasSize(100);
    assertThat(end.get("page").get("totalElements").asLong())
        .isEqualTo(DocumentSearch.MAX_RESULTS);
    assertThat(end.get("page").get("totalPages").asInt()).isEqualTo(100);
    assertThat(api.get("vanthu", deep.replace("page=99", "page=100") + forgedApi).status())
        .isEqualTo(400);
    // the first page with forged end-of-results fields: still a next page, no end sentence
    HttpResponse<String> forged = PageSession.login(rest.getRootUri(), "vanthu")
        .get("/documents?q=" + marker + "&resultsEnd=1&capped=true&total=10000");
    assertThat(forged.body()).contains("rel=\"next\"").doesNotContain("id=\"results-end\"")
        .contains("Tìm thấy hơn 200 văn bản");
  }

  @Test
  void theSearchItselfRefusesAPageEndingPastTheResults() {
    assertThat(DocumentSearch.withinResults(DocumentSearch.MAX_RESULTS / SIZE - 1, SIZE)).isTrue();
    assertThat(DocumentSearch.withinResults(DocumentSearch.MAX_RESULTS / SIZE, SIZE)).isFalse();
    assertThat(DocumentSearch.withinResults(Integer.MAX_VALUE, 100)).isFalse();
    assertThat(DocumentSearch.withinResults(0, 0)).isFalse();
    assertThat(DocumentSearch.lastReachablePage(100)).isEqualTo(99);
    // a caller other than the two controllers cannot read past them either
    Viewer director = new Viewer("giamdoc", java.util.Set.of("lanh-dao"));
    DocumentFilter filter = DocumentFilter.of(marker, YEAR, null);
    assertThatThrownBy(() -> search.find(filter, 100, 100, director))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10000");
    assertThatThrownBy(() -> search.find(filter, Integer.MAX_VALUE, 100, director))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(search.find(filter, 99, 100, director).page().getContent()).hasSize(100);
  }
}
