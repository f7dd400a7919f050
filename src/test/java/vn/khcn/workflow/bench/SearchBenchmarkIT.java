package vn.khcn.workflow.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.khcn.workflow.KhcnWorkflowApplication;
import vn.khcn.workflow.support.TestHttp;

/**
 * Issue 20's search figures ({@code ./mvnw -B -Pbench verify -Dit.test=SearchBenchmarkIT}, not
 * part of verify): {@code GET /documents} (the registry desk's search page, rendered) over
 * 1,000,000 generated documents ({@link SearchCorpus}) and their attachments' text
 * ({@link SearchAttachments}), signed in through /login as a unit member and as a director. Each
 * class of query (rare and common phrases with and without diacritics, symbols, phrases of the
 * attachments, filters, dates, no text) is called with its variants in turn: warm-ups, then
 * samples (after {@link #GLOBAL_WARMUPS} rounds of every class, so that the first class measured
 * does not pay for compiling the server's code);
 * the class's p95 and the worst class's p95 ({@code documents.search_p95_ms}) are merged into
 * target/bench/results.json. {@code -Dbench.keepDatabase=true} keeps the database for EXPLAIN.
 */
class SearchBenchmarkIT {

  static final int DOCUMENTS = Integer.getInteger("bench.searchDocuments", 1_000_000);
  static final int SAMPLES = Integer.getInteger("bench.searchSamples", 40);
  static final int WARMUPS = 3;
  /** Rounds of every class's queries before any is measured (the server's code compiled). */
  static final int GLOBAL_WARMUPS = Integer.getInteger("bench.searchWarmups", 10);
  static final boolean KEEP = Boolean.getBoolean("bench.keepDatabase");
  /** An existing database seeded by an earlier run (kept with bench.keepDatabase): no new seed. */
  static final String REUSE = System.getProperty("bench.searchDatabase", "");
  static final String DB = REUSE.isEmpty() ? "khcn_bench_search_" + ProcessHandle.current().pid()
      : REUSE;
  static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  /**
   * Only these classes, comma-separated (default: all), for a look at one class on a kept
   * database; {@code documents.search_p95_ms} is then the worst of these only.
   */
  static final List<String> ONLY = Arrays.stream(System.getProperty("bench.searchClasses", "")
      .split(",")).map(String::strip).filter(c -> !c.isEmpty()).toList();

  /** A query of the API's list rather than of the page. */
  static final String API = "/api/incoming-documents?";

  /** A class of query: who asks, and the query strings it cycles through. */
  record QueryClass(String name, String user, List<String> queries) {}

  static List<QueryClass> classes(LocalDate today) {
    return allClasses(today).stream().filter(c -> ONLY.isEmpty() || ONLY.contains(c.name()))
        .toList();
  }

  static List<QueryClass> allClasses(LocalDate today) {
    String rare = "giống lúa chịu mặn tại huyện Cờ Đỏ phối hợp với Hợp tác xã Mỹ Khánh";
    String rare2 = "nhãn hiệu tập thể tại quận Ô Môn phối hợp với Hội Nông dân";
    String common = "khoa học và công nghệ";
    String common2 = "chuyển đổi số";
    String fromMonth = today.minusMonths(3).toString();
    return List.of(
        new QueryClass("rare_phrase", "giamdoc", List.of(q(rare), q(rare2))),
        new QueryClass("rare_phrase_plain", "giamdoc", List.of(q(plain(rare)), q(plain(rare2)))),
        new QueryClass("common_phrase", "giamdoc", List.of(q(common), q(common2))),
        new QueryClass("common_phrase_plain", "giamdoc",
            List.of(q(plain(common)), q(plain(common2)))),
        new QueryClass("word", "giamdoc", List.of(q("thủy sản"), q("X-quang"))),
        new QueryClass("symbol", "giamdoc", List.of(q("1234/QĐ-UBND"), q("QĐ-UBND"),
            q("17/2026"))),
        new QueryClass("symbol_none", "giamdoc", List.of(q("9999/XYZ-ABC"), q("zzqx"))),
        new QueryClass("unit_member_rare", "cv.qlkh", List.of(q(rare), q(plain(rare2)))),
        new QueryClass("unit_member_common", "cv.qlkh", List.of(q(common), q(plain(common2)))),
        // phrases of the attached letters' bodies (SearchAttachments): one in nearly every
        // attachment, one in a few percent of them (ADR 0050)
        new QueryClass("attachment_phrase", "giamdoc", List.of(q("dự toán được giao"),
            q("báo cáo kết quả về giống lúa chịu mặn"))),
        // and two between the rare and the common: in 0.5 % and 0.2 % of the attachments
        new QueryClass("attachment_phrase_between", "giamdoc", List.of(
            q("đề nghị Sở Khoa học và Công nghệ kiểm tra tiêu chuẩn đo lường chất lượng"),
            q("đề nghị Sở Khoa học và Công nghệ thanh lý an ninh mạng"))),
        new QueryClass("filter_status_unit", "giamdoc",
            List.of(q(common) + "&status=IN_PROGRESS&unit=phong-qlkh",
                q(plain(common2)) + "&status=ARCHIVED&unit=phong-khtc")),
        new QueryClass("filter_dates", "cv.qlkh",
            List.of(q(common2) + "&from=" + fromMonth + "&to=" + today,
                q(plain(common)) + "&year=" + today.getYear() + "&sort=ISSUED")),
        new QueryClass("no_text", "cv.qlkh", List.of("", "status=IN_PROGRESS",
            "from=" + fromMonth + "&to=" + today + "&sort=DUE")),
        // the API's list for staff and integrators, found as the page finds (ADR 0051); not in
        // documents.search_p95_ms, which is the page's
        new QueryClass("api_common", "giamdoc", List.of(API + q(common), API + q(plain(common2)))),
        new QueryClass("api_rare", "cv.qlkh", List.of(API + q(rare), API + q(plain(rare2)))));
  }

  @Test
  void search() throws Exception {
    if (REUSE.isEmpty()) {
      BenchmarkIT.admin("drop database if exists " + DB + " with (force)");
      BenchmarkIT.admin("create database " + DB + " encoding 'UTF8' template template0");
    }
    Map<String, Object> documents = new LinkedHashMap<>();
    ConfigurableApplicationContext app = null;
    try {
      app = startApp();
      int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
      LocalDate today = LocalDate.now(ZONE);
      if (REUSE.isEmpty()) {
        double seedSeconds = SearchCorpus.seed(BenchmarkIT.url(DB), DOCUMENTS, today);
        documents.put("search_seed_s", BenchmarkIT.round(seedSeconds));
      }
      long count = count("select count(*) from incoming_document");
      documents.put("count", count);
      assertEquals(DOCUMENTS, count);

      Map<String, TestHttp.Session> sessions = new LinkedHashMap<>();
      TestHttp http = new TestHttp("http://127.0.0.1:" + port);
      for (int i = 0; i < GLOBAL_WARMUPS; i++) {
        for (QueryClass c : classes(today)) {
          TestHttp.Session session = sessions.computeIfAbsent(c.user(), u -> signedIn(http, u));
          for (String query : c.queries()) {
            page(session, query);
          }
        }
      }
      double worst = 0;
      String worstClass = null;
      for (QueryClass c : classes(today)) {
        TestHttp.Session session = sessions.computeIfAbsent(c.user(), u -> signedIn(http, u));
        for (int i = 0; i < WARMUPS; i++) {
          for (String query : c.queries()) {
            page(session, query);
          }
        }
        List<Double> millis = new ArrayList<>();
        List<List<Double>> perVariant = new ArrayList<>();
        c.queries().forEach(q -> perVariant.add(new ArrayList<>()));
        for (int i = 0; i < SAMPLES; i++) {
          String query = c.queries().get(i % c.queries().size());
          long start = System.nanoTime();
          page(session, query);
          double took = (System.nanoTime() - start) / 1e6;
          millis.add(took);
          perVariant.get(i % c.queries().size()).add(took);
        }
        // each variant's own p95, in the order of classes(): which query of a class is slow
        List<Double> variantP95 = new ArrayList<>();
        for (List<Double> variant : perVariant) {
          Collections.sort(variant);
          variantP95.add(BenchmarkIT.round(BenchmarkIT.percentile(variant, 95)));
        }
        documents.put("search_" + c.name() + "_variants_p95_ms", variantP95);
        Collections.sort(millis);
        double p95 = BenchmarkIT.round(BenchmarkIT.percentile(millis, 95));
        documents.put("search_" + c.name() + "_p50_ms",
            BenchmarkIT.round(BenchmarkIT.percentile(millis, 50)));
        documents.put("search_" + c.name() + "_p95_ms", p95);
        System.out.println("search " + c.name() + " p95 " + p95 + " ms");
        if (!c.name().startsWith("api_") && p95 > worst) {
          worst = p95;
          worstClass = c.name();
        }
      }
      // issue 20's key: target ≤ 50 ms (not asserted: the figure is for the report)
      documents.put("search_p95_ms", worst);
      documents.put("search_worst_class", worstClass);
      documents.put("search_samples", SAMPLES);
      if (!ONLY.isEmpty()) {
        documents.put("search_only_classes", ONLY);
      }
    } finally {
      if (app != null) {
        app.close();
      }
      if (!KEEP && REUSE.isEmpty()) {
        try {
          BenchmarkIT.admin("drop database if exists " + DB + " with (force)");
        } catch (Exception ignored) {
          // the figures matter more than the cleanup
        }
      }
    }
    System.out.println(BenchResults.merge(BenchmarkIT.ordered("documents", documents)));
  }

  static String q(String text) {
    return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  static String plain(String text) {
    return vn.khcn.workflow.shared.text.SearchText.fold(text);
  }

  static TestHttp.Session signedIn(TestHttp http, String user) {
    TestHttp.Session session = http.session();
    TestHttp.Response login = session.login(user, TestHttp.PASSWORD);
    assertTrue(login.status() == 302 && !login.header("Location").contains("error"),
        user + " could not sign in: " + login.status());
    return session;
  }

  static void page(TestHttp.Session session, String query) {
    if (query.startsWith(API)) {
      TestHttp.Response list = session.get(query);
      if (list.status() != 200 || !list.text().contains("\"totalElements\"")) {
        throw new IllegalStateException(query + " answered " + list.status());
      }
      return;
    }
    TestHttp.Response page = session.get("/documents" + (query.isEmpty() ? "" : "?" + query));
    if (page.status() != 200 || !page.text().contains("</html>")) {
      throw new IllegalStateException("/documents?" + query + " answered " + page.status());
    }
  }

  ConfigurableApplicationContext startApp() {
    return new SpringApplicationBuilder(KhcnWorkflowApplication.class).profiles("postgres")
        .run("--spring.datasource.url=" + BenchmarkIT.url(DB),
            "--spring.datasource.username=" + BenchmarkIT.USER,
            "--spring.datasource.password=" + BenchmarkIT.PASSWORD, "--server.port=0",
            "--khcn.demo.users=true", "--khcn.demo.documents=false",
            "--khcn.processes.watch=false");
  }

  long count(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(BenchmarkIT.url(DB), BenchmarkIT.USER,
        BenchmarkIT.PASSWORD); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
