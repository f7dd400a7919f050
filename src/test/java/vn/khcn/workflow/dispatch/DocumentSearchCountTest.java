package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

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
 * /documents counts results only up to {@link DocumentSearch#COUNT_CAP} (ADR 0036, 0039): more
 * matches read "hơn 200 văn bản" and the pages still go on; fewer are counted exactly; an export
 * counts on to its own limit (5,000). The documents are written straight into the table
 * (in 1991, a year no other test uses) and removed afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DocumentSearchCountTest {

  static final int YEAR = 1991;
  static final int MANY = DocumentSearch.COUNT_CAP + 25;

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;

  String marker;

  @BeforeEach
  void insert() {
    marker = "dem" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    ArchivedRows.insert(jdbc, YEAR, 900_000, marker, MANY, "Sở Tài chính", "STC",
        i -> "Về việc quyết toán " + marker + " số " + i,
        i -> "ve viec quyet toan " + marker + (i <= 5 ? " hiem" : "") + " so " + i + " | " + i
            + "/stc");
  }

  @AfterEach
  void remove() {
    ArchivedRows.remove(jdbc, YEAR, marker);
  }

  @Test
  void manyMatchesAreCountedUpToTheCapAndStillPaged() {
    PageSession clerk = PageSession.login(rest.getRootUri(), "vanthu");

    HttpResponse<String> first = clerk.get("/documents?q=" + marker);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).contains("Tìm thấy hơn " + DocumentSearch.COUNT_CAP + " văn bản").contains("Trang 1<")
        .contains("rel=\"next\"");
    assertThat(DocumentSearchPageTest.documentIds(first.body()))
        .hasSize(DocumentSearchPageController.PAGE_SIZE);

    // the last page, past the cap: its rows, and no next page
    int last = (MANY - 1) / DocumentSearchPageController.PAGE_SIZE;
    HttpResponse<String> end = clerk.get("/documents?q=" + marker + "&page=" + last);
    assertThat(end.statusCode()).isEqualTo(200);
    assertThat(DocumentSearchPageTest.documentIds(end.body()))
        .hasSize(MANY - last * DocumentSearchPageController.PAGE_SIZE);
    assertThat(end.body()).doesNotContain("rel=\"next\"").contains("rel=\"prev\"")
        .contains("Tìm thấy " + MANY + " văn bản");

    // a page beyond the last leads to the last
    HttpResponse<String> beyond = clerk.get("/documents?q=" + marker + "&page=" + (last + 5));
    assertThat(beyond.statusCode()).isEqualTo(302);
    assertThat(beyond.headers().firstValue("Location").orElseThrow()).endsWith("page=" + last);
  }

  @Test
  void fewMatchesAreCountedExactly() {
    HttpResponse<String> few = PageSession.login(rest.getRootUri(), "vanthu")
        .get("/documents?q=" + marker + "+hiem");
    assertThat(few.body()).contains("Tìm thấy 5 văn bản").doesNotContain("hơn");
    assertThat(DocumentSearchPageTest.documentIds(few.body())).hasSize(5);
  }

  @Test
  void anExportCountsPastTheCapUpToItsOwnLimit() {
    HttpResponse<byte[]> csv = PageSession.login(rest.getRootUri(), "vanthu")
        .download("/documents/export.csv?q=" + marker);
    assertThat(csv.statusCode()).isEqualTo(200);
    String text = new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(text.lines().filter(line -> line.contains(marker + "-"))).hasSize(MANY);
  }

  /**
   * ADR 0051: the API's list finds as /documents does and counts the same way: up to the cap or
   * the page asked for, one more beyond so that a client reads on; a last page counts exactly.
   */
  @Test
  void theApiCountsUpToTheCapAndAnnouncesEveryNextPage() {
    TestHttp api = TestHttp.of(rest);
    String list = "/api/incoming-documents?year=" + YEAR + "&size=20&q=" + marker;

    JsonNode first = api.get("vanthu", list).body();
    assertThat(first.get("content")).hasSize(20);
    assertThat(first.get("content").get(0).get("businessKey").asText()).isEqualTo(marker + "-" + MANY);
    assertThat(first.get("page").get("totalElements").asLong())
        .isEqualTo(DocumentSearch.COUNT_CAP + 1);

    int last = (MANY - 1) / 20;
    JsonNode beforeLast = api.get("vanthu", list + "&page=" + (last - 1)).body();
    assertThat(beforeLast.get("page").get("totalPages").asInt()).isGreaterThan(last);
    JsonNode end = api.get("vanthu", list + "&page=" + last).body();
    assertThat(end.get("content")).hasSize(MANY - last * 20);
    assertThat(end.get("page").get("totalElements").asLong()).isEqualTo(MANY);

    JsonNode few = api.get("vanthu", list + "%20hiem").body();
    assertThat(few.get("page").get("totalElements").asLong()).isEqualTo(5);
    assertThat(few.get("content")).extracting(d -> d.get("businessKey").asText())
        .containsExactly(marker + "-5", marker + "-4", marker + "-3", marker + "-2",
            marker + "-1");
  }

  /**
   * The API's list refuses people outside the Department's staff, refuses bad values naming the
   * field, and takes none of the page's own filters or orders from its query string.
   */
  @Test
  void theApiListRefusesOutsidersAndBadValuesAndIgnoresThePagesFilters() {
    TestHttp api = TestHttp.of(rest);
    String list = "/api/incoming-documents?year=" + YEAR + "&size=20&q=" + marker;
    for (String outsider : java.util.List.of("chunhiem", "hd.chutich", "admin")) {
      TestHttp.Response refused = api.get(outsider, list);
      assertThat(refused.status()).as(outsider).isEqualTo(403);
      assertThat(refused.text()).as(outsider).doesNotContain(marker);
    }
    assertThat(api.get("vanthu", "/api/incoming-documents?year=1900&q=" + marker).status())
        .isEqualTo(400);
    TestHttp.Response tooLong = api.get("vanthu", list + "x".repeat(200));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.text()).contains("\"q\"").contains("dài quá 200");
    assertThat(api.get("vanthu", list + "&page=-1").status()).isEqualTo(400);

    // sort, unit and overdue belong to /documents: the API keeps its order and its matches
    JsonNode plain = api.get("vanthu", list).body();
    JsonNode forged = api.get("vanthu", list + "&sort=DUE&unit=van-phong&overdue=true"
        + "&status=ARCHIVED").body();
    assertThat(forged.get("page").get("totalElements")).isEqualTo(plain.get("page")
        .get("totalElements"));
    assertThat(forged.get("content").get(0).get("businessKey").asText())
        .isEqualTo(marker + "-" + MANY);
  }
}
