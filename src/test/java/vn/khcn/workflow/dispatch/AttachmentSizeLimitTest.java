package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.support.TestHttp;
import vn.khcn.workflow.support.TestHttp.Part;
import vn.khcn.workflow.support.TestHttp.Response;

/**
 * The attachment size limit (MAX_ATTACHMENT_SIZE; 64 KB in the test profile so the test sends
 * little). Every Spring test shares one configuration: Camunda keeps one engine per name in a
 * static registry, so a second context would take over /engine-rest of the first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AttachmentSizeLimitTest {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;

  @Test
  void oversizedFileIsRefusedWith413AndNothingStored() {
    TestHttp api = TestHttp.of(rest);
    long id = api.post("vanthu", "/api/incoming-documents",
        DispatchFixtures.document(UUID.randomUUID().toString().substring(0, 8) + "/KH"))
        .body().get("id").asLong();
    byte[] big = new byte[100 * 1024];
    Arrays.fill(big, (byte) 'a');
    System.arraycopy("%PDF-1.4\n".getBytes(), 0, big, 0, 9);

    Response response = upload(id, big);

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.text()).contains("\"status\":413");
    assertThat(jdbc.queryForObject("select count(*) from document_attachment where document_id = ?",
        Integer.class, id)).isZero();
    assertThat(upload(id, Arrays.copyOf(big, 2 * 1024)).status()).isEqualTo(201);
  }

  private Response upload(long id, byte[] content) {
    return TestHttp.of(rest).multipart("vanthu", "/api/incoming-documents/" + id + "/attachments",
        Part.file("file", "cong-van.pdf", "application/pdf", content));
  }
}
