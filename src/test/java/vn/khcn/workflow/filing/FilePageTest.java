package vn.khcn.workflow.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.support.TestHttp;

/**
 * The file pages as the demo users use them in a browser session: the list drafted, approved,
 * a file opened, filled, shown on the document and draft pages, closed and handed over; CSRF,
 * anonymous, other units and wrong roles refused with nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FilePageTest {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aFileFromTheApprovedListToTheArchiveInThePages() {
    TestHttp http = TestHttp.of(rest);
    int year = FilingFixtures.freshYear(jdbc);
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    TestHttp.Session office = login(http, "cv.vp");
    TestHttp.Response page = office.get("/files?year=" + year);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.text()).contains("Danh mục hồ sơ năm " + year, "Thêm mục vào danh mục");
    // without the form's token nothing is added
    assertThat(office.request("POST", "/files/" + year + "/entries").form("code", "01.QLKH",
        "title", "Hồ sơ", "unitId", Groups.PHONG_QLKH, "retention", "10 năm").send().status())
        .isEqualTo(403);
    assertThat(entries(year)).isZero();
    // the API from the page session needs the token too
    assertThat(office.request("POST", "/api/files/plans/" + year + "/entries")
        .json(FilingFixtures.entry("01.QLKH", "Hồ sơ", Groups.PHONG_QLKH)).send().status())
        .isEqualTo(403);
    assertThat(entries(year)).isZero();
    TestHttp.Response added = post(office, "/files?year=" + year, "/files/" + year + "/entries",
        "code", "01.QLKH", "title", "Hồ sơ trả lời công văn Thành ủy", "unitId",
        Groups.PHONG_QLKH, "retention", "Vĩnh viễn", "openerName", "Lê Văn Hùng");
    assertThat(added.status()).isEqualTo(302);
    assertThat(entries(year)).isEqualTo(1);
    TestHttp.Response bad = post(office, "/files?year=" + year, "/files/" + year + "/entries",
        "code", "02.QLKH", "title", "Hồ sơ", "unitId", Groups.PHONG_QLKH, "retention", "lâu");
    assertThat(office.get(pathAndQuery(bad)).text()).contains("thời hạn bảo quản");
    assertThat(entries(year)).isEqualTo(1);

    // a unit member cannot approve; a director can
    TestHttp.Session handler = login(http, "cv.qlkh");
    assertThat(handler.get("/files?year=" + year).text()).doesNotContain("approve-button");
    assertThat(post(handler, "/files?year=" + year, "/files/" + year + "/approve").status())
        .isEqualTo(403);
    assertThat(approvals(year)).isZero();
    TestHttp.Session director = login(http, "giamdoc");
    assertThat(director.get("/files?year=" + year).text()).contains("approve-button");
    assertThat(post(director, "/files?year=" + year, "/files/" + year + "/approve").status())
        .isEqualTo(302);
    assertThat(approvals(year)).isEqualTo(1);

    // the handler opens the file and puts an incoming and an outgoing document in it
    long entry = jdbc.queryForObject("select id from file_plan_entry where plan_year = ?",
        Long.class, year);
    TestHttp.Response opened = post(handler, "/files?year=" + year, "/files/open",
        "entryId", String.valueOf(entry));
    assertThat(opened.status()).isEqualTo(302);
    String filePath = opened.location().getPath();
    assertThat(filePath).matches("/files/\\d+");
    long incoming = FilingFixtures.incoming(http, "NONE");
    long outgoing = FilingFixtures.issued(http, "Về việc trả lời Thành ủy");
    assertThat(handler.get("/drafts/" + outgoing).text()).contains("chưa thuộc hồ sơ nào");
    post(handler, filePath, filePath + "/documents", "kind", "INCOMING",
        "documentId", String.valueOf(incoming));
    post(handler, filePath, filePath + "/documents", "kind", "OUTGOING",
        "documentId", String.valueOf(outgoing));
    TestHttp.Response file = handler.get(filePath);
    assertThat(file.text()).contains("Đang lập", "doc-INCOMING-" + incoming,
        "doc-OUTGOING-" + outgoing, "/SKHCN-QLKH");
    assertThat(handler.get("/documents/" + incoming).text())
        .contains("Thuộc hồ sơ", "01.QLKH – Hồ sơ trả lời công văn Thành ủy");
    assertThat(handler.get("/drafts/" + outgoing).text()).contains("file-of-link", "01.QLKH");

    // another unit neither sees nor changes it
    TestHttp.Session otherUnit = login(http, "cv.khtc");
    assertThat(otherUnit.get(filePath).status()).isEqualTo(403);

    // closed by the handler; then nothing more goes in
    assertThat(post(handler, filePath, filePath + "/close", "endedOn", today.toString())
        .status()).isEqualTo(302);
    long late = FilingFixtures.incoming(http, "NONE");
    TestHttp.Response refused = post(handler, filePath, filePath + "/documents", "kind",
        "INCOMING", "documentId", String.valueOf(late));
    assertThat(handler.get(pathAndQuery(refused)).text()).contains("đã kết thúc");
    assertThat(jdbc.queryForObject("select count(*) from case_file_document where kind ="
        + " 'INCOMING' and document_id = ?", Integer.class, late)).isZero();

    // the registry sees it due within a year and records the hand-over
    TestHttp.Session registry = login(http, "vanthu");
    assertThat(registry.get("/files/due?days=366").text()).contains("01.QLKH");
    assertThat(registry.get("/files/unfiled?year=" + today.getYear()).status()).isEqualTo(200);
    assertThat(handler.get("/files/unfiled?year=" + today.getYear()).status()).isEqualTo(403);
    assertThat(post(registry, filePath, filePath + "/archive", "receiver", "Nguyễn Văn Lưu",
        "archivedOn", today.toString(), "note", "").status()).isEqualTo(302);
    assertThat(registry.get(filePath).text()).contains("Đã nộp lưu cơ quan", "Nguyễn Văn Lưu")
        .doesNotContain("add-document-button");

    // anonymous visitors are sent to the login page
    TestHttp.Response anonymous = http.session().get("/files");
    assertThat(anonymous.status()).isEqualTo(302);
    assertThat(anonymous.header("Location")).contains("/login");
  }

  private static TestHttp.Session login(TestHttp http, String user) {
    TestHttp.Session session = http.session();
    TestHttp.Response login = session.login(user, TestHttp.PASSWORD);
    assertThat(login.status()).isEqualTo(302);
    assertThat(login.header("Location")).doesNotContain("error");
    return session;
  }

  /** A form post as the browser sends it: the CSRF token of the page it is on. */
  private static TestHttp.Response post(TestHttp.Session session, String from, String to,
      String... fields) {
    Matcher csrf = CSRF.matcher(session.get(from).text());
    assertThat(csrf.find()).as("a form with a CSRF token on " + from).isTrue();
    String[] form = java.util.Arrays.copyOf(fields, fields.length + 2);
    form[fields.length] = "_csrf";
    form[fields.length + 1] = csrf.group(1);
    return session.request("POST", to).form(form).send();
  }

  private static String pathAndQuery(TestHttp.Response redirect) {
    java.net.URI uri = redirect.location();
    return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }

  private int entries(int year) {
    return jdbc.queryForObject("select count(*) from file_plan_entry where plan_year = ?",
        Integer.class, year);
  }

  private int approvals(int year) {
    return jdbc.queryForObject("select count(*) from file_plan_approval where plan_year = ?",
        Integer.class, year);
  }
}
