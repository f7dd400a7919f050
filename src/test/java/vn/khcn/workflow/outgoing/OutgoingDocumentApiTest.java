package vn.khcn.workflow.outgoing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
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
import vn.khcn.workflow.shared.tx.AfterCommitExecutor;
import vn.khcn.workflow.support.TestHttp;
import vn.khcn.workflow.support.TestHttp.Part;

/**
 * The outgoing API over real HTTP as the demo users: a draft through versions, signature and
 * number to the register, and every refusal with nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OutgoingDocumentApiTest {

  static final String API = "/api/outgoing-documents";
  static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  /** A deputy director who is also a member of the Science Management Division. */
  static final String DEPUTY_IN_UNIT = "pgd.qlkh";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired AfterCommitExecutor afterCommit;
  @Autowired IdentityService identity;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;

  TestHttp api;

  @BeforeEach
  void setUp() {
    api = TestHttp.of(rest);
    if (identity.createUserQuery().userId(DEPUTY_IN_UNIT).count() == 0) {
      User user = identity.newUser(DEPUTY_IN_UNIT);
      user.setFirstName("Đỗ Văn");
      user.setLastName("Nam");
      user.setPassword(TestHttp.PASSWORD);
      identity.saveUser(user);
      identity.createMembership(DEPUTY_IN_UNIT, Groups.LANH_DAO);
      identity.createMembership(DEPUTY_IN_UNIT, Groups.PHONG_QLKH);
    }
  }

  @Test
  void draftIsVersionedSignedNumberedAndRegistered() {
    TestHttp.Response incoming = api.post("vanthu", "/api/incoming-documents",
        OutgoingFixtures.incoming("501/UBND-KT", "NONE"));
    assertThat(incoming.status()).as(incoming.text()).isEqualTo(201);
    long incomingId = incoming.body().get("id").asLong();

    Map<String, Object> body = OutgoingFixtures.draft("Về việc báo cáo nhiệm vụ khoa học 2026");
    body.put("replyTo", incomingId);
    TestHttp.Response created = api.post("cv.qlkh", API, body);
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    JsonNode draft = created.body();
    long id = draft.get("id").asLong();
    legacy(id);
    assertThat(created.location().getPath()).isEqualTo(API + "/" + id);
    assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
    assertThat(draft.get("number").isNull()).isTrue();
    assertThat(draft.get("drafter").asText()).isEqualTo("cv.qlkh");
    assertThat(draft.get("unitId").asText()).isEqualTo(Groups.PHONG_QLKH);
    assertThat(draft.get("replyTo").get("documentNumber").asText()).isEqualTo("501/UBND-KT");
    assertThat(draft.get("recipients").get(0).asText()).startsWith("Kính gửi");

    TestHttp.Response v1 = upload("cv.qlkh", id, "du-thao.docx", DOCX,
        OutgoingFixtures.docx("Bản 1"), "Bản đầu tiên");
    assertThat(v1.status()).as(v1.text()).isEqualTo(201);
    TestHttp.Response v2 = upload("cv.qlkh", id, "du-thao-2.pdf", "application/pdf",
        OutgoingFixtures.pdf(), "Sửa theo ý kiến trưởng phòng");
    assertThat(v2.status()).as(v2.text()).isEqualTo(201);
    JsonNode versions = v2.body().get("versions");
    assertThat(versions).hasSize(2);
    assertThat(versions.get(0).get("note").asText()).isEqualTo("Bản đầu tiên");
    assertThat(versions.get(1).get("versionNo").asInt()).isEqualTo(2);
    assertThat(versions.get(1).get("sha256").asText()).hasSize(64);
    assertThat(versions.get(1).get("uploadedBy").asText()).isEqualTo("cv.qlkh");
    TestHttp.Response file = api.get("tp.qlkh", versions.get(0).get("url").asText());
    assertThat(file.status()).isEqualTo(200);

    TestHttp.Response signed = api.post("phogiamdoc", API + "/" + id + "/sign",
        Map.of("authority", "KT."));
    assertThat(signed.status()).as(signed.text()).isEqualTo(200);
    assertThat(signed.body().get("status").asText()).isEqualTo("SIGNED");
    assertThat(signed.body().get("authority").asText()).isEqualTo("KT.");
    assertThat(signed.body().get("number").isNull()).isTrue();

    TestHttp.Response numbered = api.post("vanthu", API + "/" + id + "/number", null);
    assertThat(numbered.status()).as(numbered.text()).isEqualTo(200);
    JsonNode issued = numbered.body();
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    assertThat(issued.get("status").asText()).isEqualTo("ISSUED");
    assertThat(issued.get("issuedOn").asText()).isEqualTo(today.toString());
    int number = issued.get("number").asInt();
    assertThat(issued.get("numberSymbol").asText())
        .isEqualTo(String.format("%02d/SKHCN-QLKH", number));
    // the reply is recorded on the incoming document after the commit, off the request
    assertThat(afterCommit.awaitIdle(java.time.Duration.ofSeconds(30))).isTrue();
    assertThat(api.get("vanthu", API + "/" + id).body().get("trail"))
        .extracting(t -> t.get("action").asText())
        .containsExactly("DRAFTED", "VERSION_ADDED", "VERSION_ADDED", "SIGNED", "NUMBERED",
            "REPLY_RECORDED");

    assertThat(api.get("tp.qlkh", API + "/" + id).status()).isEqualTo(200);
    assertThat(api.get("cv.vp", API + "/" + id).status()).isEqualTo(200);
    assertThat(api.get("giamdoc", API + "/" + id).status()).isEqualTo(200);
    assertThat(api.get("cv.qlkh", API + "?scope=mine").body())
        .extracting(d -> d.get("id").asLong()).contains(id);

    // the register (App. IV columns) shows the issued document
    TestHttp.Response register = api.get("vanthu", API + "/register.pdf?from=" + today
        + "&to=" + today);
    assertThat(register.status()).isEqualTo(200);
    assertThat(register.header("Content-Type")).startsWith("application/pdf");
    byte[] pdf = api.download("vanthu", API + "/register.pdf?from=" + today + "&to=" + today)
        .body();
    String text = OutgoingFixtures.pdfText(pdf);
    assertThat(text).contains("SỔ ĐĂNG KÝ VĂN BẢN ĐI", "Số, ký hiệu văn bản",
        "Tên loại và trích yếu nội dung văn bản", "Người ký", "Nơi nhận văn bản",
        "Đơn vị, người nhận bản lưu", "Số lượng bản", "Ghi chú",
        String.format("%02d/SKHCN-QLKH", number),
        "Công văn – Về việc báo cáo nhiệm vụ khoa học 2026", "KT. Phạm Thị Lan",
        "Kính gửi: Ủy ban nhân dân thành phố Cần Thơ; Như trên; Lưu: VT, QLKH",
        "Phòng Quản lý khoa học (Lê Văn Hùng)");
    assertThat(api.get("cv.qlkh", API + "/register.pdf?from=" + today + "&to=" + today)
        .status()).isEqualTo(403);
    assertThat(api.get("cv.vp", API + "/register.pdf?from=" + today + "&to=" + today
        + "&classified=true").status()).isEqualTo(403);
    assertThat(api.get("cv.vp", API + "/register.pdf?from=" + today + "&to=" + today)
        .status()).isEqualTo(200);
  }

  @Test
  void refusalsStoreNothing() {
    long id = api.post("cv.qlkh", API, OutgoingFixtures.draft("Về việc góp ý dự thảo"))
        .body().get("id").asLong();
    legacy(id);
    Long counters = numbersTaken();

    // numbering before the signature: 409, still a draft without a number
    TestHttp.Response early = api.post("vanthu", API + "/" + id + "/number", null);
    assertThat(early.status()).as(early.text()).isEqualTo(409);
    // signing a draft without a body: 409
    assertThat(api.post("giamdoc", API + "/" + id + "/sign", Map.of()).status()).isEqualTo(409);
    // someone outside the unit reads it: 403; a unit member who did not draft it uploads: 403
    assertThat(api.get("cv.khtc", API + "/" + id).status()).isEqualTo(403);
    assertThat(upload("cv.khtc", id, "a.pdf", "application/pdf", OutgoingFixtures.pdf(), "x")
        .status()).isEqualTo(403);
    assertThat(upload("tp.qlkh", id, "a.pdf", "application/pdf", OutgoingFixtures.pdf(), "x")
        .status()).isEqualTo(403);
    // a version without its note or of another type: 400 naming the field
    TestHttp.Response noNote = upload("cv.qlkh", id, "a.pdf", "application/pdf",
        OutgoingFixtures.pdf(), " ");
    assertThat(noNote.status()).isEqualTo(400);
    assertThat(noNote.text()).contains("note");
    TestHttp.Response png = upload("cv.qlkh", id, "a.png", "image/png",
        new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0}, "ảnh");
    assertThat(png.status()).isEqualTo(400);
    assertThat(png.text()).contains("DOCX hoặc PDF");
    assertThat(count("outgoing_body_version where document_id = " + id)).isZero();

    assertThat(upload("cv.qlkh", id, "a.docx", DOCX, OutgoingFixtures.docx("x"), "Bản 1")
        .status()).isEqualTo(201);
    // staff who are no directors cannot sign; an unknown authority or extra field is 400
    assertThat(api.post("cv.qlkh", API + "/" + id + "/sign", Map.of()).status()).isEqualTo(403);
    assertThat(api.post("giamdoc", API + "/" + id + "/sign", Map.of("authority", "Q."))
        .status()).isEqualTo(400);
    TestHttp.Response extra = api.post("giamdoc", API + "/" + id + "/sign",
        Map.of("authority", "KT.", "signedBy", "cv.qlkh"));
    assertThat(extra.status()).isEqualTo(400);
    assertThat(extra.text()).contains("signedBy");
    assertThat(api.get("cv.qlkh", API + "/" + id).body().get("status").asText())
        .isEqualTo("DRAFT");

    // a DOCX is not signed (ADR 0033): the final PDF first
    assertThat(api.post("giamdoc", API + "/" + id + "/sign", Map.of()).status()).isEqualTo(409);
    assertThat(upload("cv.qlkh", id, "a.pdf", "application/pdf", OutgoingFixtures.pdf(), "PDF")
        .status()).isEqualTo(201);
    assertThat(api.post("giamdoc", API + "/" + id + "/sign", Map.of()).status()).isEqualTo(200);
    // signed: no new version (409), no second signature (409); a director cannot number (403)
    assertThat(upload("cv.qlkh", id, "b.pdf", "application/pdf", OutgoingFixtures.pdf(), "x")
        .status()).isEqualTo(409);
    assertThat(api.post("phogiamdoc", API + "/" + id + "/sign", Map.of()).status())
        .isEqualTo(409);
    assertThat(api.post("giamdoc", API + "/" + id + "/number", null).status()).isEqualTo(403);
    assertThat(api.post("cv.vp", API + "/" + id + "/number", null).status()).isEqualTo(403);
    TestHttp.Response chosen = api.post("vanthu", API + "/" + id + "/number",
        Map.of("number", 1));
    assertThat(chosen.status()).isEqualTo(400);
    assertThat(numbersTaken()).isEqualTo(counters);
    assertThat(api.get("vanthu", API + "/" + id).body().get("number").isNull()).isTrue();

    assertThat(api.post("vanthu", API + "/" + id + "/number", null).status()).isEqualTo(200);
    // issued: editing (a new version) and numbering again are refused, nothing changes
    TestHttp.Response edit = upload("cv.qlkh", id, "c.pdf", "application/pdf",
        OutgoingFixtures.pdf(), "Sửa sau khi ban hành");
    assertThat(edit.status()).isEqualTo(409);
    String symbol = api.get("vanthu", API + "/" + id).body().get("numberSymbol").asText();
    assertThat(api.post("vanthu", API + "/" + id + "/number", null).status()).isEqualTo(409);
    JsonNode after = api.get("vanthu", API + "/" + id).body();
    assertThat(after.get("numberSymbol").asText()).isEqualTo(symbol);
    assertThat(after.get("versions")).hasSize(2);
  }

  @Test
  void drafterCannotSignHisOwnDraft() {
    long id = api.post(DEPUTY_IN_UNIT, API, OutgoingFixtures.draft("Về việc tự ký"))
        .body().get("id").asLong();
    legacy(id);
    assertThat(upload(DEPUTY_IN_UNIT, id, "a.pdf", "application/pdf", OutgoingFixtures.pdf(),
        "Bản 1").status()).isEqualTo(201);
    TestHttp.Response own = api.post(DEPUTY_IN_UNIT, API + "/" + id + "/sign", Map.of());
    assertThat(own.status()).isEqualTo(403);
    JsonNode stored = api.get("giamdoc", API + "/" + id).body();
    assertThat(stored.get("status").asText()).isEqualTo("DRAFT");
    assertThat(stored.get("signedBy").isNull()).isTrue();
    assertThat(api.post("giamdoc", API + "/" + id + "/sign", Map.of()).status()).isEqualTo(200);
  }

  @Test
  void invalidDraftsAreRefusedNamingTheirFields() {
    Long before = count("outgoing_document");
    Map<String, Object> extra = OutgoingFixtures.draft("Về việc thêm trường");
    extra.put("drafter", "giamdoc");
    TestHttp.Response unknown = api.post("cv.qlkh", API, extra);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.text()).contains("drafter");

    Map<String, Object> bad = OutgoingFixtures.draft(" ");
    bad.put("documentType", "Thư tay");
    bad.put("recipients", java.util.List.of());
    bad.put("urgency", "SOON");
    TestHttp.Response invalid = api.post("cv.qlkh", API, bad);
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.body().get("fieldErrors")).extracting(e -> e.get("field").asText())
        .contains("documentType", "summary", "recipients", "urgency");
    assertThat(invalid.text()).contains("trích yếu là bắt buộc", "loại văn bản phải là một trong");

    Map<String, Object> missingReply = OutgoingFixtures.draft("Về việc trả lời");
    missingReply.put("replyTo", 987654);
    TestHttp.Response noSuch = api.post("cv.qlkh", API, missingReply);
    assertThat(noSuch.status()).isEqualTo(400);
    assertThat(noSuch.text()).contains("replyTo");

    // a classified incoming document not assigned to the drafter's unit is not his to answer
    long secret = api.post("vanthu", "/api/incoming-documents",
        OutgoingFixtures.incoming("77/M-UBND", "CONFIDENTIAL")).body().get("id").asLong();
    Map<String, Object> hidden = OutgoingFixtures.draft("Về việc trả lời văn bản mật");
    hidden.put("replyTo", secret);
    assertThat(api.post("cv.qlkh", API, hidden).status()).isEqualTo(400);

    // who has no unit does not draft; who is not staff does not even read
    assertThat(api.post("giamdoc", API, OutgoingFixtures.draft("Về việc A")).status())
        .isEqualTo(403);
    assertThat(api.post("chunhiem", API, OutgoingFixtures.draft("Về việc B")).status())
        .isEqualTo(403);
    assertThat(count("outgoing_document")).isEqualTo(before);
  }

  @Test
  void classifiedDraftsAreHiddenFromTheOffice() {
    Map<String, Object> body = OutgoingFixtures.draft("Về việc bảo vệ bí mật nhà nước");
    body.put("classification", "CONFIDENTIAL");
    long id = api.post("cv.qlkh", API, body).body().get("id").asLong();
    assertThat(api.get("cv.vp", API + "/" + id).status()).isEqualTo(403);
    assertThat(api.get("vanthu", API + "/" + id).status()).isEqualTo(200);
    assertThat(api.get("tp.qlkh", API + "/" + id).status()).isEqualTo(200);
    assertThat(api.get("cv.vp", API + "?scope=all").body())
        .extracting(d -> d.get("id").asLong()).doesNotContain(id);
  }

  @Test
  void draftPagesFollowTheSameRules() {
    TestHttp.Session session = api.session();
    assertThat(session.login("cv.qlkh", TestHttp.PASSWORD).status()).isEqualTo(302);
    TestHttp.Response form = session.get("/drafts/new");
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.text()).contains("Soạn văn bản đi", "Công văn", "Kính gửi");
    String csrf = form.text().replaceAll("(?s).*name=\"_csrf\"[^>]*value=\"([^\"]+)\".*", "$1");
    TestHttp.Response invalid = session.request("POST", "/drafts/new")
        .form("documentType", "Công văn", "summary", "", "recipients", "", "_csrf", csrf).send();
    assertThat(invalid.status()).isEqualTo(200);
    assertThat(invalid.text()).contains("Chưa tạo dự thảo", "trích yếu là bắt buộc");
    TestHttp.Response created = session.request("POST", "/drafts/new")
        .form("documentType", "Công văn", "summary", "Về việc trang dự thảo",
            "recipients", "Kính gửi: Sở Tài chính\nKính gửi: Sở Nội vụ", "copyTo", "Lưu: VT",
            "urgency", "URGENT", "classification", "NONE", "_csrf", csrf).send();
    assertThat(created.status()).isEqualTo(302);
    String page = created.header("Location").replaceAll("^https?://[^/]+", "");
    assertThat(page).matches("/drafts/\\d+");
    TestHttp.Response shown = session.get(page);
    assertThat(shown.status()).isEqualTo(200);
    assertThat(shown.text()).contains("Về việc trang dự thảo", "Kính gửi: Sở Nội vụ", "Khẩn",
        "Tải lên bản mới", "Chưa cấp số");
    assertThat(session.get("/drafts").text()).contains("Dự thảo của tôi", "Về việc trang dự thảo");

    TestHttp.Session outsider = api.session();
    outsider.login("cv.khtc", TestHttp.PASSWORD);
    assertThat(outsider.get(page).status()).isEqualTo(403);
  }

  /**
   * The draft as one made before the model (ADR 0026): without its process, the direct sign and
   * number endpoints serve it; a draft the model drives is refused there (OutgoingWorkflowApiTest).
   */
  private void legacy(long id) {
    runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(id))
        .processDefinitionKey(OutgoingDocumentProcess.KEY).list()
        .forEach(p -> runtime.deleteProcessInstance(p.getId(), "draft made before the model"));
  }

  private TestHttp.Response upload(String user, long id, String name, String type,
      byte[] content, String note) {
    return api.multipart(user, API + "/" + id + "/versions",
        Part.file("file", name, type, content),
        new Part("note", null, "text/plain; charset=UTF-8", note.getBytes(StandardCharsets.UTF_8)));
  }

  /** Every number every series has handed out so far. */
  private Long numbersTaken() {
    return jdbc.queryForObject("select coalesce(sum(last_number), 0) from outgoing_number_counter",
        Long.class);
  }

  private Long count(String tableAndWhere) {
    return jdbc.queryForObject("select count(*) from " + tableAndWhere, Long.class);
  }
}
