package vn.khcn.workflow.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import vn.khcn.workflow.support.TestDocuments;
import vn.khcn.workflow.support.TestHttp;
import vn.khcn.workflow.support.TestHttp.Part;

/** Documents and list entries the file tests put in files, made through the public APIs. */
final class FilingFixtures {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  /** A year no test has used for a list of files yet (years from 2100 on are the tests'). */
  static synchronized int freshYear(org.springframework.jdbc.core.JdbcTemplate jdbc) {
    Integer last = jdbc.queryForObject("select max(plan_year) from file_plan_entry"
        + " where plan_year >= 2100", Integer.class);
    return Math.max(last == null ? 2100 : last + 1, 2100 + SEQUENCE.incrementAndGet());
  }

  static Map<String, Object> entry(String code, String title, String unit) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", code);
    body.put("title", title);
    body.put("unitId", unit);
    body.put("retention", "10 năm");
    body.put("openerName", "Lê Văn Hùng");
    return body;
  }

  /** A registered, unclassified incoming document; its id. */
  static long incoming(TestHttp api, String classification) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("issuer", "Ủy ban nhân dân thành phố Cần Thơ");
    body.put("documentNumber", SEQUENCE.incrementAndGet() + "" + (System.nanoTime() % 100000)
        + "/UBND-HS");
    body.put("issuedOn", "2026-11-02");
    body.put("documentType", "Công văn");
    body.put("summary", "Về việc lập hồ sơ công việc năm 2026");
    body.put("urgency", "NORMAL");
    body.put("classification", classification);
    body.put("recipients", "Sở Khoa học và Công nghệ");
    TestHttp.Response created = api.post("vanthu", "/api/incoming-documents", body);
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.body().get("id").asLong();
  }

  /** A draft of cv.qlkh (Phòng Quản lý khoa học), not yet signed; its id. */
  static long draft(TestHttp api, String summary) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("documentType", "Công văn");
    body.put("summary", summary);
    body.put("recipients", List.of("Kính gửi: Ủy ban nhân dân thành phố Cần Thơ"));
    body.put("copyTo", List.of("Lưu: VT, QLKH"));
    body.put("urgency", "NORMAL");
    body.put("classification", "NONE");
    TestHttp.Response created = api.post("cv.qlkh", "/api/outgoing-documents", body);
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.body().get("id").asLong();
  }

  /** An outgoing document of cv.qlkh, signed and numbered; its id. */
  static long issued(TestHttp api, String summary) {
    long id = draft(api, summary);
    TestHttp.Response version = api.multipart("cv.qlkh", "/api/outgoing-documents/" + id
        + "/versions", Part.file("file", "du-thao.docx", TestDocuments.DOCX,
            TestDocuments.docx(summary)),
        new Part("note", null, "text/plain; charset=UTF-8",
            "Bản đầu".getBytes(StandardCharsets.UTF_8)));
    assertThat(version.status()).as(version.text()).isEqualTo(201);
    // what is signed and issued is a PDF (ADR 0033): the final version exported from the DOCX
    TestHttp.Response pdf = api.multipart("cv.qlkh", "/api/outgoing-documents/" + id
        + "/versions", Part.file("file", "van-ban.pdf", "application/pdf",
            "%PDF-1.4\n% van ban\n".getBytes(StandardCharsets.UTF_8)),
        new Part("note", null, "text/plain; charset=UTF-8",
            "Bản PDF trình ký".getBytes(StandardCharsets.UTF_8)));
    assertThat(pdf.status()).as(pdf.text()).isEqualTo(201);
    vn.khcn.workflow.support.PreModelOutgoing.detach(id);
    TestHttp.Response signed = api.post("giamdoc", "/api/outgoing-documents/" + id + "/sign",
        Map.of("authority", ""));
    assertThat(signed.status()).as(signed.text()).isEqualTo(200);
    TestHttp.Response numbered = api.post("vanthu", "/api/outgoing-documents/" + id
        + "/number", null);
    assertThat(numbered.status()).as(numbered.text()).isEqualTo(200);
    return id;
  }

  private FilingFixtures() {}
}
