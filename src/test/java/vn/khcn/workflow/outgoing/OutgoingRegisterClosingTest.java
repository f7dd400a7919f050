package vn.khcn.workflow.outgoing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khcn.workflow.dispatch.Urgency;
import vn.khcn.workflow.identity.Actor;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.shared.web.ConflictException;
import vn.khcn.workflow.support.TestHttp;

/**
 * Closing a year's outgoing register (ADR 0028): the registry closes an ended year with every
 * series' last number, numbering into it is refused afterwards (nothing taken), the printed
 * register ends the year with the closing line; the API's refusals.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OutgoingRegisterClosingTest {

  static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
  static final Actor CLERK = new Actor("vanthu", "Nguyễn Thị Thu Hà");
  static final Reader REGISTRY = new Reader("vanthu", java.util.Set.of(Groups.VAN_THU));
  static final String REGISTERS = "/api/outgoing-documents/registers";

  @Autowired TestRestTemplate rest;
  @Autowired OutgoingDocumentRepository documents;
  @Autowired BodyVersionRepository versions;
  @Autowired OutgoingTrailRepository trail;
  @Autowired OutgoingQueries queries;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired OutgoingIssued issued;
  @Autowired SigningRules rules;

  @Test
  void aClosedYearTakesNoMoreNumbersAndItsRegisterEndsWithTheClosingLine() {
    TransactionTemplate tx = new TransactionTemplate(transactions);
    OutgoingLifecycle in2037 = lifecycle(Clock.fixed(Instant.parse("2037-06-15T03:00:00Z"),
        HANOI));
    long first = signed();
    OutgoingDocument numbered = tx.execute(s -> in2037.number(first, CLERK, REGISTRY));
    assertThat(numbered.getNumberSymbol()).isEqualTo("01/SKHCN-QLKH");

    // the year has not ended: not closed
    OutgoingRegisterClosures midYear = new OutgoingRegisterClosures(jdbc,
        Clock.fixed(Instant.parse("2037-12-31T09:00:00Z"), HANOI));
    assertThatThrownBy(() -> tx.execute(s -> midYear.close(2037, CLERK)))
        .isInstanceOf(ConflictException.class).hasMessageContaining("Năm 2037 chưa kết thúc");

    OutgoingRegisterClosures january = new OutgoingRegisterClosures(jdbc,
        Clock.fixed(Instant.parse("2038-01-05T02:00:00Z"), HANOI));
    List<OutgoingRegisterClosures.Closure> closed = tx.execute(s -> january.close(2037, CLERK));
    assertThat(closed).extracting(OutgoingRegisterClosures.Closure::series)
        .containsExactly("REGULAR", "CLASSIFIED");
    assertThat(closed.get(0).lastNumber()).isEqualTo(1);
    assertThat(january.closingLine(2037, false)).contains("Sổ đăng ký văn bản đi năm 2037 kết"
        + " thúc tại số 1, khóa ngày 05/01/2038 bởi Nguyễn Thị Thu Hà (văn thư).");
    assertThatThrownBy(() -> tx.execute(s -> january.close(2037, CLERK)))
        .isInstanceOf(ConflictException.class).hasMessageContaining("đã khóa ngày 05/01/2038");

    // a number into the closed year is refused and nothing is taken
    long second = signed();
    assertThatThrownBy(() -> tx.execute(s -> in2037.number(second, CLERK, REGISTRY)))
        .isInstanceOf(ConflictException.class)
        .hasMessage("Sổ đăng ký văn bản đi năm 2037 đã khóa ngày 05/01/2038: không cấp số văn"
            + " bản đi vào năm 2037 được.");
    assertThat(documents.findById(second).orElseThrow().getStatus())
        .isEqualTo(OutgoingStatus.SIGNED);
    assertThat(jdbc.queryForObject("select last_number from outgoing_number_counter where"
        + " series = 'REGULAR' and counter_year = 2037", Integer.class)).isEqualTo(1);

    // the printed register of the year ends with the line; a part of the year does not
    TestHttp api = TestHttp.of(rest);
    String whole = OutgoingFixtures.pdfText(api.download("vanthu",
        "/api/outgoing-documents/register.pdf?from=2037-01-01&to=2037-12-31").body());
    assertThat(whole).contains("01/SKHCN-QLKH", "Sổ đăng ký văn bản đi năm 2037 kết thúc tại số"
        + " 1, khóa ngày 05/01/2038 bởi Nguyễn Thị Thu Hà (văn thư).");
    String part = OutgoingFixtures.pdfText(api.download("vanthu",
        "/api/outgoing-documents/register.pdf?from=2037-01-01&to=2037-11-30").body());
    assertThat(part).contains("01/SKHCN-QLKH").doesNotContain("kết thúc tại số");
    String classified = OutgoingFixtures.pdfText(api.download("vanthu",
        "/api/outgoing-documents/register.pdf?from=2037-01-01&to=2037-12-31&classified=true")
        .body());
    assertThat(classified).contains("Sổ đăng ký văn bản đi mật năm 2037 kết thúc tại số 0");
  }

  @Test
  void onlyTheRegistryClosesAnEndedYearThroughTheApi() {
    TestHttp api = TestHttp.of(rest);
    int year = 1990 + (int) Math.floorMod(System.nanoTime(), 9L);
    jdbc.update("delete from outgoing_register_closure where doc_year = ?", year);
    String close = REGISTERS + "/" + year + "/close";
    assertThat(api.post("cv.qlkh", close, null).status()).isEqualTo(403);
    assertThat(api.post("giamdoc", close, null).status()).isEqualTo(403);
    assertThat(api.post(null, close, null).status()).isEqualTo(401);
    TestHttp.Response fields = api.post("vanthu", close, Map.of("closedOn", "1991-01-02"));
    assertThat(fields.status()).isEqualTo(400);
    assertThat(fields.text()).contains("closedOn");
    assertThat(api.post("vanthu", REGISTERS + "/9999/close", null).status()).isEqualTo(409);
    assertThat(api.post("vanthu", REGISTERS + "/năm/close", null).status()).isEqualTo(400);
    assertThat(jdbc.queryForObject("select count(*) from outgoing_register_closure where"
        + " doc_year = ?", Integer.class, year)).isZero();

    TestHttp.Response done = api.post("vanthu", close, null);
    assertThat(done.status()).as(done.text()).isEqualTo(200);
    JsonNode regular = done.body().get(0);
    assertThat(regular.get("series").asText()).isEqualTo("REGULAR");
    assertThat(regular.get("closedBy").asText()).isEqualTo("vanthu");
    assertThat(regular.get("closingLine").asText())
        .startsWith("Sổ đăng ký văn bản đi năm " + year + " kết thúc tại số 0, khóa ngày");
    TestHttp.Response again = api.post("vanthu", close, null);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body().get("message").asText()).contains("đã khóa ngày");
    assertThat(api.get("cv.vp", REGISTERS).body())
        .anyMatch(c -> c.get("year").asInt() == year);
    assertThat(api.get("cv.qlkh", REGISTERS).status()).isEqualTo(403);
  }

  private OutgoingLifecycle lifecycle(Clock clock) {
    return new OutgoingLifecycle(documents, versions, trail,
        new OutgoingNumbering(jdbc, OutgoingNumberingTest.PROPERTIES), queries, issued, rules, clock);
  }

  private long signed() {
    Draft draft = new Draft("Công văn", "Về việc thử khóa sổ", List.of("Kính gửi: Sở Tài chính"),
        List.of(), null, Urgency.NORMAL, Classification.NONE, null);
    OutgoingDocument document = new OutgoingDocument(draft,
        new Actor("cv.qlkh", "Lê Văn Hùng"), Groups.PHONG_QLKH, Instant.now());
    document.sign(new Actor("giamdoc", "Trần Quốc Bảo"), SignAuthority.NONE, Instant.now());
    return documents.save(document).getId();
  }

  /**
   * The printed register's doors: a period without documents says so; dates backwards, a
   * period over a year, a date that is none or no date are 400 naming the parameter; no login
   * 401; a unit officer 403, the Office asking for the classified series 403.
   */
  @Test
  void theRegisterRefusesBadPeriodsAndThoseWhoMayNotPrintIt() {
    TestHttp api = TestHttp.of(rest);
    String register = "/api/outgoing-documents/register.pdf";
    assertThat(OutgoingFixtures.pdfText(api.download("vanthu",
        register + "?from=2001-03-01&to=2001-03-02").body()))
        .contains("SỔ ĐĂNG KÝ VĂN BẢN ĐI", "Không có văn bản đi nào trong khoảng ngày này.");

    TestHttp.Response backwards = api.get("vanthu", register + "?from=2001-03-02&to=2001-03-01");
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(backwards.text()).contains("from", "ngày bắt đầu sau ngày kết thúc");
    TestHttp.Response tooLong = api.get("vanthu", register + "?from=2000-01-01&to=2001-01-02");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.text()).contains("to", "tối đa 366 ngày");
    TestHttp.Response notADate = api.get("vanthu", register + "?from=hôm-nay&to=2001-03-01");
    assertThat(notADate.status()).isEqualTo(400);
    assertThat(notADate.text()).contains("from");
    assertThat(api.get("vanthu", register + "?from=2001-03-01").status()).isEqualTo(400);

    assertThat(api.get(null, register + "?from=2001-03-01&to=2001-03-02").status())
        .isEqualTo(401);
    assertThat(api.get("cv.qlkh", register + "?from=2001-03-01&to=2001-03-02").status())
        .isEqualTo(403);
    assertThat(api.get("cv.vp", register + "?from=2001-03-01&to=2001-03-02&classified=true")
        .status()).isEqualTo(403);
  }
}
