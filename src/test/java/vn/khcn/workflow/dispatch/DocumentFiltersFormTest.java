package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The four choice filters of /documents (status, urgency, classification, unit), drawn by one
 * fragment: each with its label, its "Tất cả" choice and the chosen value kept selected.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DocumentFiltersFormTest {

  @Autowired TestRestTemplate rest;

  @Test
  void eachChoiceFilterKeepsItsLabelAndTheChosenValue() {
    HttpResponse<String> page = PageSession.login(rest.getRootUri(), "vanthu")
        .get("/documents?status=ARCHIVED&urgency=URGENT&classification=CONFIDENTIAL"
            + "&unit=van-phong");
    assertThat(page.statusCode()).isEqualTo(200);
    String html = page.body().replaceAll("\\s+", " ");
    assertThat(html).contains("<label for=\"status\">Trạng thái</label>",
        "<label for=\"urgency\">Độ khẩn</label>", "<label for=\"classification\">Độ mật</label>",
        "<label for=\"unit\">Đơn vị xử lý</label>", "<select id=\"unit\" name=\"unit\">",
        "<option value=\"ARCHIVED\" selected=\"selected\">",
        "<option value=\"URGENT\" selected=\"selected\">",
        "<option value=\"CONFIDENTIAL\" selected=\"selected\">",
        "<option value=\"van-phong\" selected=\"selected\">");
    String search = html.substring(html.indexOf("role=\"search\""));
    search = search.substring(0, search.indexOf("</form>"));
    assertThat(search.split("<option value=\"\">Tất cả</option>", -1)).as("four choices")
        .hasSize(5);
    assertThat(html).doesNotContain("th:fragment", "choice(");
  }
}
