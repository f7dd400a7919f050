package vn.khcn.workflow.filing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.support.TestHttp;

/**
 * The files API over HTTP as the demo users (Decree 30/2020 Art. 28–30): a year's list drafted,
 * approved and extended; a file opened, filled, closed and handed to the archive; and every
 * refusal with nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FileApiTest {

  static final String API = "/api/files";
  /** A handler of the Science Management Division who neither opened the file nor leads. */
  static final String OTHER_HANDLER = "cv2.qlkh";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identity;

  TestHttp api;

  @BeforeEach
  void setUp() {
    api = TestHttp.of(rest);
    if (identity.createUserQuery().userId(OTHER_HANDLER).count() == 0) {
      User user = identity.newUser(OTHER_HANDLER);
      user.setFirstName("Trần Văn");
      user.setLastName("Phúc");
      user.setPassword(TestHttp.PASSWORD);
      identity.saveUser(user);
      identity.createMembership(OTHER_HANDLER, Groups.PHONG_QLKH);
    }
  }

  @Test
  void theListIsApprovedByADirectorAndOnlyGrowsByNewApprovedEntries() {
    int year = FilingFixtures.freshYear(jdbc);
    String plan = API + "/plans/" + year;
    TestHttp.Response a = api.post("cv.vp", plan + "/entries",
        FilingFixtures.entry("01.QLKH", "Hồ sơ tuyển chọn nhiệm vụ KH&CN", Groups.PHONG_QLKH));
    assertThat(a.status()).as(a.text()).isEqualTo(201);
    assertThat(a.body().get("approvalNo").isNull()).isTrue();
    long entryA = a.body().get("id").asLong();
    TestHttp.Response b = api.post("vanthu", plan + "/entries",
        FilingFixtures.entry("02.KHTC", "Hồ sơ dự toán năm", Groups.PHONG_KHTC));
    assertThat(b.status()).as(b.text()).isEqualTo(201);

    // a unit member does not draft the list; a bad entry names its fields; a code once per year
    assertThat(api.post("cv.qlkh", plan + "/entries",
        FilingFixtures.entry("03.QLKH", "Hồ sơ khác", Groups.PHONG_QLKH)).status()).isEqualTo(403);
    Map<String, Object> bad = FilingFixtures.entry("", "Hồ sơ", "phong-xyz");
    bad.put("retention", "mãi mãi");
    TestHttp.Response invalid = api.post("cv.vp", plan + "/entries", bad);
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.text()).contains("code", "unitId", "retention", "thời hạn bảo quản");
    Map<String, Object> extra = FilingFixtures.entry("04.QLKH", "Hồ sơ", Groups.PHONG_QLKH);
    extra.put("approvalNo", 1);
    assertThat(api.post("cv.vp", plan + "/entries", extra).status()).isEqualTo(400);
    TestHttp.Response twice = api.post("cv.vp", plan + "/entries",
        FilingFixtures.entry("01.QLKH", "Trùng số", Groups.PHONG_QLKH));
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.body().get("message").asText()).contains("đã có hồ sơ số, ký hiệu 01.QLKH");
    assertThat(entries(year)).isEqualTo(2);

    // not approved yet: no file can be opened from it
    TestHttp.Response early = api.post("cv.qlkh", API, Map.of("entryId", entryA));
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.body().get("message").asText()).contains("chưa được lãnh đạo duyệt");

    // only a director approves, without fields
    assertThat(api.post("cv.vp", plan + "/approve", null).status()).isEqualTo(403);
    assertThat(api.post("tp.qlkh", plan + "/approve", null).status()).isEqualTo(403);
    assertThat(api.post("giamdoc", plan + "/approve", Map.of("approvedOn", "2020-01-01"))
        .status()).isEqualTo(400);
    assertThat(approvals(year)).isZero();
    TestHttp.Response approved = api.post("giamdoc", plan + "/approve", null);
    assertThat(approved.status()).as(approved.text()).isEqualTo(200);
    assertThat(approved.body().get("approvalNo").asInt()).isEqualTo(1);
    assertThat(approved.body().get("entryCount").asInt()).isEqualTo(2);
    assertThat(approved.body().get("approvedOn").asText()).isEqualTo(today().toString());
    assertThat(approved.body().get("approvedByName").asText()).isEqualTo("Trần Quốc Bảo");
    assertThat(api.post("giamdoc", plan + "/approve", null).status()).isEqualTo(409);

    // an approved entry is final
    TestHttp.Response edit = api.put("cv.vp", plan + "/entries/" + entryA,
        FilingFixtures.entry("01.QLKH", "Tiêu đề đổi", Groups.PHONG_QLKH));
    assertThat(edit.status()).isEqualTo(409);
    assertThat(edit.body().get("message").asText()).contains("đã được lãnh đạo duyệt");
    assertThat(api.delete("cv.vp", plan + "/entries/" + entryA).status()).isEqualTo(409);
    assertThat(jdbc.queryForObject("select title from file_plan_entry where id = ?",
        String.class, entryA)).isEqualTo("Hồ sơ tuyển chọn nhiệm vụ KH&CN");

    // the list grows by an entry and a second approval; a pending entry may change or go
    TestHttp.Response c = api.post("cv.vp", plan + "/entries",
        FilingFixtures.entry("05.QLCN", "Hồ sơ thẩm định công nghệ", Groups.PHONG_QLCN));
    long entryC = c.body().get("id").asLong();
    TestHttp.Response changed = api.put("cv.vp", plan + "/entries/" + entryC,
        FilingFixtures.entry("05.QLCN", "Hồ sơ thẩm định công nghệ dự án", Groups.PHONG_QLCN));
    assertThat(changed.status()).as(changed.text()).isEqualTo(200);
    assertThat(changed.body().get("title").asText()).endsWith("dự án");
    JsonNode pending = api.get("cv.qlkh", plan).body();
    assertThat(pending.get("approved").asBoolean()).isTrue();
    assertThat(pending.get("pending").asInt()).isEqualTo(1);
    TestHttp.Response second = api.post("phogiamdoc", plan + "/approve", null);
    assertThat(second.body().get("approvalNo").asInt()).isEqualTo(2);
    assertThat(second.body().get("entryCount").asInt()).isEqualTo(1);

    // outsiders and anonymous
    assertThat(api.get("hd.chutich", plan).status()).isEqualTo(403);
    assertThat(api.get(null, plan).status()).isEqualTo(401);
    assertThat(api.post(null, plan + "/entries",
        FilingFixtures.entry("06.QLKH", "Hồ sơ", Groups.PHONG_QLKH)).status()).isEqualTo(401);
    assertThat(entries(year)).isEqualTo(3);
  }

  @Test
  void aFileIsOpenedFilledClosedAndHandedToTheArchive() {
    int year = FilingFixtures.freshYear(jdbc);
    String plan = API + "/plans/" + year;
    long entryA = api.post("cv.vp", plan + "/entries", FilingFixtures.entry("01.QLKH",
        "Hồ sơ trả lời Ủy ban nhân dân thành phố", Groups.PHONG_QLKH)).body().get("id").asLong();
    long entryB = api.post("cv.vp", plan + "/entries", FilingFixtures.entry("02.KHTC",
        "Hồ sơ dự toán", Groups.PHONG_KHTC)).body().get("id").asLong();
    assertThat(api.post("giamdoc", plan + "/approve", null).status()).isEqualTo(200);

    // opened by a member of the entry's unit, once
    assertThat(api.post("cv.khtc", API, Map.of("entryId", entryA)).status()).isEqualTo(403);
    assertThat(api.post("cv.qlkh", API, Map.of("entryId", entryA, "status", "ARCHIVED"))
        .status()).isEqualTo(400);
    assertThat(files(entryA)).isZero();
    TestHttp.Response opened = api.post("cv.qlkh", API, Map.of("entryId", entryA));
    assertThat(opened.status()).as(opened.text()).isEqualTo(201);
    long file = opened.body().get("id").asLong();
    assertThat(opened.location().getPath()).isEqualTo(API + "/" + file);
    assertThat(opened.body().get("status").asText()).isEqualTo("OPEN");
    assertThat(opened.body().get("openedBy").asText()).isEqualTo("cv.qlkh");
    assertThat(api.post("cv.qlkh", API, Map.of("entryId", entryA)).status()).isEqualTo(409);
    long other = api.post("cv.khtc", API, Map.of("entryId", entryB)).body().get("id").asLong();

    long incoming = FilingFixtures.incoming(api, "NONE");
    long reply = FilingFixtures.issued(api, "Về việc trả lời Ủy ban nhân dân thành phố");
    long draft = FilingFixtures.draft(api, "Về việc chưa ký");
    String docs = API + "/" + file + "/documents";
    TestHttp.Response in = api.post("cv.qlkh", docs,
        Map.of("kind", "INCOMING", "documentId", incoming));
    assertThat(in.status()).as(in.text()).isEqualTo(200);
    TestHttp.Response out = api.post("cv.qlkh", docs, Map.of("kind", "OUTGOING",
        "documentId", reply));
    assertThat(out.status()).as(out.text()).isEqualTo(200);
    JsonNode listed = out.body().get("documents");
    assertThat(listed).extracting(d -> d.get("kind").asText() + d.get("documentId").asLong())
        .containsExactly("INCOMING" + incoming, "OUTGOING" + reply);
    assertThat(listed.get(1).get("number").asText()).endsWith("/SKHCN-QLKH");

    // refusals: a draft, an unknown document, a bad kind, extra fields, another unit
    TestHttp.Response unsigned = api.post("cv.qlkh", docs, Map.of("kind", "OUTGOING",
        "documentId", draft));
    assertThat(unsigned.status()).isEqualTo(409);
    assertThat(unsigned.body().get("message").asText()).contains("chưa được cấp số");
    assertThat(api.post("cv.qlkh", docs, Map.of("kind", "INCOMING", "documentId", 987654321L))
        .status()).isEqualTo(404);
    assertThat(api.post("cv.qlkh", docs, Map.of("kind", "MEMO", "documentId", incoming))
        .status()).isEqualTo(400);
    assertThat(api.post("cv.qlkh", docs, Map.of("kind", "OUTGOING", "documentId", draft,
        "fileId", other)).status()).isEqualTo(400);
    assertThat(api.post("cv.khtc", docs, Map.of("kind", "OUTGOING", "documentId", draft))
        .status()).isEqualTo(403);
    assertThat(api.get("cv.khtc", API + "/" + file).status()).isEqualTo(403);
    // a document belongs to one file only
    TestHttp.Response twice = api.post("cv.khtc", API + "/" + other + "/documents",
        Map.of("kind", "INCOMING", "documentId", incoming));
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.body().get("message").asText()).contains("đã thuộc hồ sơ 01.QLKH");
    assertThat(members(file)).isEqualTo(2);
    assertThat(members(other)).isZero();

    // taken out and put back while open
    assertThat(api.delete("cv.qlkh", docs + "/OUTGOING/" + reply).status()).isEqualTo(204);
    assertThat(members(file)).isEqualTo(1);
    assertThat(api.post("cv.qlkh", docs, Map.of("kind", "OUTGOING", "documentId", reply))
        .status()).isEqualTo(200);

    // closed by the opener (not another handler, not another unit), with a day not in the future
    String close = API + "/" + file + "/close";
    assertThat(api.post(OTHER_HANDLER, close, Map.of("endedOn", today().toString())).status())
        .isEqualTo(403);
    assertThat(api.post("cv.khtc", close, Map.of("endedOn", today().toString())).status())
        .isEqualTo(403);
    TestHttp.Response future = api.post("cv.qlkh", close,
        Map.of("endedOn", today().plusDays(1).toString()));
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.text()).contains("endedOn");
    assertThat(status(file)).isEqualTo("OPEN");
    TestHttp.Response closed = api.post("cv.qlkh", close, Map.of("endedOn", today().toString()));
    assertThat(closed.status()).as(closed.text()).isEqualTo(200);
    assertThat(closed.body().get("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.body().get("archiveDue").asText())
        .isEqualTo(today().plusYears(1).toString());
    TestHttp.Response late = api.post("cv.qlkh", docs, Map.of("kind", "INCOMING",
        "documentId", FilingFixtures.incoming(api, "NONE")));
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.body().get("message").asText()).contains("đã kết thúc");
    assertThat(api.delete("cv.qlkh", docs + "/OUTGOING/" + reply).status()).isEqualTo(409);
    assertThat(members(file)).isEqualTo(2);

    // due for the archive within a year of the end
    assertThat(api.get("vanthu", API + "/due-for-archive?days=30").body())
        .extracting(f -> f.get("id").asLong()).doesNotContain(file);
    assertThat(api.get("vanthu", API + "/due-for-archive?days=366").body())
        .extracting(f -> f.get("id").asLong()).contains(file);
    assertThat(api.get("vanthu", API + "/due-for-archive?days=abc").status()).isEqualTo(400);

    // handed over by the registry, then read only
    String archive = API + "/" + file + "/archive";
    assertThat(api.post("cv.qlkh", archive, Map.of("receiver", "Nguyễn Văn Lưu")).status())
        .isEqualTo(403);
    assertThat(api.post("vanthu", archive, Map.of("note", "thiếu người nhận")).status())
        .isEqualTo(400);
    assertThat(api.post("vanthu", archive, Map.of("receiver", "Nguyễn Văn Lưu",
        "status", "OPEN")).status()).isEqualTo(400);
    assertThat(api.post("vanthu", API + "/" + other + "/archive",
        Map.of("receiver", "Nguyễn Văn Lưu")).status()).isEqualTo(409);
    assertThat(status(file)).isEqualTo("CLOSED");
    TestHttp.Response handed = api.post("vanthu", archive, Map.of("receiver", "Nguyễn Văn Lưu",
        "note", "12 tờ"));
    assertThat(handed.status()).as(handed.text()).isEqualTo(200);
    assertThat(handed.body().get("status").asText()).isEqualTo("ARCHIVED");
    assertThat(handed.body().get("archiveReceiver").asText()).isEqualTo("Nguyễn Văn Lưu");
    assertThat(handed.body().get("archivedOn").asText()).isEqualTo(today().toString());
    assertThat(api.post("vanthu", archive, Map.of("receiver", "Lần hai")).status())
        .isEqualTo(409);
    assertThat(api.post("cv.qlkh", close, Map.of("endedOn", today().toString())).status())
        .isEqualTo(409);
    assertThat(api.delete("cv.qlkh", docs + "/INCOMING/" + incoming).status()).isEqualTo(409);
    assertThat(members(file)).isEqualTo(2);
    assertThat(jdbc.queryForObject("select archive_receiver from case_file where id = ?",
        String.class, file)).isEqualTo("Nguyễn Văn Lưu");
  }

  @Test
  void theYearsDocumentsInNoFileAreReported() {
    long unfiled = FilingFixtures.incoming(api, "NONE");
    int thisYear = today().getYear();
    TestHttp.Response report = api.get("vanthu", API + "/unfiled?year=" + thisYear);
    assertThat(report.status()).as(report.text()).isEqualTo(200);
    assertThat(report.body()).anyMatch(d -> d.get("kind").asText().equals("INCOMING")
        && d.get("documentId").asLong() == unfiled);
    assertThat(api.get("cv.qlkh", API + "/unfiled?year=" + thisYear).status()).isEqualTo(403);
    assertThat(api.get("vanthu", API + "/unfiled?year=20x6").status()).isEqualTo(400);
  }

  private static LocalDate today() {
    return LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
  }

  private int entries(int year) {
    return jdbc.queryForObject("select count(*) from file_plan_entry where plan_year = ?",
        Integer.class, year);
  }

  private int approvals(int year) {
    return jdbc.queryForObject("select count(*) from file_plan_approval where plan_year = ?",
        Integer.class, year);
  }

  private int files(long entry) {
    return jdbc.queryForObject("select count(*) from case_file where entry_id = ?",
        Integer.class, entry);
  }

  private int members(long file) {
    return jdbc.queryForObject("select count(*) from case_file_document where file_id = ?",
        Integer.class, file);
  }

  private String status(long file) {
    return jdbc.queryForObject("select status from case_file where id = ?", String.class, file);
  }
}
