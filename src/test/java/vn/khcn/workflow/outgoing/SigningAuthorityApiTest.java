package vn.khcn.workflow.outgoing;

import vn.khcn.workflow.shared.tx.AfterCommitExecutor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.support.PreModelOutgoing;
import vn.khcn.workflow.support.TestHttp;

/**
 * The signing rules on the direct sign endpoint (ADR 0032) as the demo users: the Director in his
 * own name, the Deputy Director "KT." within his field, the Chief of Office "TL." for the listed
 * types, "TUQ." only under a written authorisation; each refusal 403 with its reason and nothing
 * stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SigningAuthorityApiTest {

  static final String API = "/api/outgoing-documents";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired AfterCommitExecutor afterCommit;

  TestHttp api;
  OutgoingFlow flow;

  @BeforeEach
  void setUp() {
    api = TestHttp.of(rest);
    flow = new OutgoingFlow(api, jdbc, afterCommit);
  }

  @Test
  void theDirectorSignsInHisOwnNameNeverKt() {
    long id = draft("cv.vp", "Công văn", "Về việc lịch công tác");
    assertRefused("giamdoc", id, "KT.", "Giám đốc ký với tư cách thủ trưởng, không ký thay");
    JsonNode signed = sign("giamdoc", id, "");
    assertThat(signed.get("authority").asText()).isEmpty();
    assertThat(signed.get("signingTitle").asText()).isEqualTo("GIÁM ĐỐC");
  }

  @Test
  void theDeputySignsKtWithinHisFieldOnly() {
    long office = draft("cv.vp", "Công văn", "Về việc mua sắm văn phòng phẩm");
    assertRefused("phogiamdoc", office, "KT.", "không thuộc lĩnh vực Phó Giám đốc phụ trách");
    assertRefused("phogiamdoc", office, "", "Phó Giám đốc không ký với tư cách thủ trưởng");

    long science = draft("cv.qlkh", "Công văn", "Về việc đề xuất nhiệm vụ khoa học");
    JsonNode signed = sign("phogiamdoc", science, "KT.");
    assertThat(signed.get("authority").asText()).isEqualTo("KT.");
    assertThat(signed.get("signingTitle").asText()).isEqualTo("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC");
  }

  @Test
  void theChiefOfOfficeSignsTlOnlyForTheListedTypes() {
    long letter = draft("cv.vp", "Công văn", "Về việc cử cán bộ dự họp");
    assertRefused("cvp", letter, "TL.", "không giao ký thừa lệnh (TL.) loại văn bản Công văn");
    long foreign = draft("cv.qlkh", "Giấy mời", "Mời dự họp hội đồng");
    assertRefused("tp.qlkh", foreign, "TL.", "Chỉ người đứng đầu Văn phòng Sở ký thừa lệnh");
    // a head signs only TL./TUQ., never in the Director's name or for him
    assertRefused("cvp", letter, "KT.", "Chỉ Lãnh đạo Sở ký văn bản đi");

    long invitation = draft("cv.vp", "Giấy mời", "Mời dự hội nghị tổng kết");
    JsonNode signed = sign("cvp", invitation, "TL.");
    assertThat(signed.get("signingTitle").asText()).isEqualTo("TL. GIÁM ĐỐC\nCHÁNH VĂN PHÒNG");
    assertThat(signed.get("signedBy").asText()).isEqualTo("cvp");
  }

  @Test
  void aClerkForgingAnAuthorityOrExtraFieldsIsRefused() {
    long id = draft("cv.qlkh", "Báo cáo", "Về việc báo cáo tiến độ quý");
    assertRefused("vanthu", id, "TUQ.", "Không có giấy ủy quyền bằng văn bản của Giám đốc");
    assertRefused("vanthu", id, "TL.", "Quy chế làm việc không giao ký thừa lệnh");
    Map<String, Object> forged = new LinkedHashMap<>();
    forged.put("authority", "");
    forged.put("signingTitle", "GIÁM ĐỐC");
    assertThat(api.post("giamdoc", API + "/" + id + "/sign", forged).status()).isEqualTo(400);
    forged = new LinkedHashMap<>(Map.of("authority", "KT.", "signedBy", "phogiamdoc"));
    assertThat(api.post("giamdoc", API + "/" + id + "/sign", forged).status()).isEqualTo(400);
    assertUnsigned(id);
  }

  @Test
  void tuqNeedsAWrittenAuthorisationWithinItsDatesAndScope() {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    TestHttp.Response given = api.post("giamdoc", "/api/signing-authorisations",
        authorisation("tp.qlcn", today.minusDays(1), today.plusDays(10), List.of("Báo cáo"),
            "Giấy ủy quyền số 07/GUQ-SKHCN"));
    assertThat(given.status()).as(given.text()).isEqualTo(201);
    long authorisationId = given.body().get("id").asLong();

    long report = draft("cv.qlcn", "Báo cáo", "Về việc báo cáo chuyển giao công nghệ");
    long letter = draft("cv.qlcn", "Công văn", "Về việc thẩm định công nghệ");
    assertRefused("tp.qlcn", letter, "TUQ.", "không gồm loại văn bản Công văn");
    JsonNode signed = sign("tp.qlcn", report, "TUQ.");
    assertThat(signed.get("signingTitle").asText())
        .isEqualTo("TUQ. GIÁM ĐỐC\nTRƯỞNG PHÒNG QUẢN LÝ CÔNG NGHỆ");

    // revoked: nothing more under it
    assertThat(api.post("giamdoc", "/api/signing-authorisations/" + authorisationId
        + "/revoke", null).status()).isEqualTo(200);
    long later = draft("cv.qlcn", "Báo cáo", "Về việc báo cáo sau khi thu hồi");
    assertRefused("tp.qlcn", later, "TUQ.", "đã bị thu hồi");
  }

  @Test
  void anExpiredOrNotYetValidAuthorisationDoesNotCount() {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    // an old authorisation, as it was written then (the API refuses an end date in the past)
    jdbc.update("insert into signing_authorisation (grantor, grantee, valid_from, valid_to,"
        + " reference, created_at) values ('giamdoc', 'tp.khtc', ?, ?, 'GUQ cũ 01/2020',"
        + " current_timestamp)", java.sql.Date.valueOf(today.minusDays(30)),
        java.sql.Date.valueOf(today.minusDays(1)));
    Long old = jdbc.queryForObject("select max(id) from signing_authorisation where grantee ="
        + " 'tp.khtc'", Long.class);
    jdbc.update("insert into signing_authorisation_type values (?, 'Kế hoạch')", old);
    long plan = draft("cv.khtc", "Kế hoạch", "Về việc kế hoạch tài chính");
    assertRefused("tp.khtc", plan, "TUQ.", "giấy ủy quyền GUQ cũ 01/2020 đã hết hạn ngày");

    TestHttp.Response future = api.post("giamdoc", "/api/signing-authorisations",
        authorisation("tp.khtc", today.plusDays(5), today.plusDays(9), List.of("Kế hoạch"),
            "Giấy ủy quyền số 09/GUQ-SKHCN"));
    assertThat(future.status()).as(future.text()).isEqualTo(201);
    assertRefused("tp.khtc", plan, "TUQ.", "có hiệu lực từ");
    api.post("giamdoc", "/api/signing-authorisations/" + future.body().get("id").asLong()
        + "/revoke", null);
  }

  static Map<String, Object> authorisation(String grantee, LocalDate from, LocalDate to,
      List<String> types, String reference) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("grantee", grantee);
    body.put("validFrom", from.toString());
    body.put("validTo", to.toString());
    body.put("documentTypes", types);
    body.put("reference", reference);
    return body;
  }

  private long draft(String drafter, String type, String summary) {
    Map<String, Object> body = OutgoingFixtures.draft(summary);
    body.put("documentType", type);
    long id = flow.draft(drafter, body);
    PreModelOutgoing.detach(id);
    return id;
  }

  private JsonNode sign(String user, long id, String authority) {
    TestHttp.Response signed = api.post(user, API + "/" + id + "/sign",
        Map.of("authority", authority));
    assertThat(signed.status()).as(signed.text()).isEqualTo(200);
    assertThat(signed.body().get("status").asText()).isEqualTo("SIGNED");
    return signed.body();
  }

  private void assertRefused(String user, long id, String authority, String reason) {
    TestHttp.Response refused = api.post(user, API + "/" + id + "/sign",
        Map.of("authority", authority));
    assertThat(refused.status()).as(refused.text()).isEqualTo(403);
    assertThat(refused.text()).contains(reason);
    assertUnsigned(id);
  }

  private void assertUnsigned(long id) {
    assertThat(jdbc.queryForObject("select status from outgoing_document where id = ?",
        String.class, id)).isEqualTo("DRAFT");
    assertThat(jdbc.queryForObject("select count(*) from outgoing_trail where document_id = ?"
        + " and action = 'SIGNED'", Integer.class, id)).isZero();
  }
}
