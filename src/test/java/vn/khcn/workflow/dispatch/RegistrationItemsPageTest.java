package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.khcn.workflow.support.TestHttp;

/**
 * The registration page's hidden {@code itemsJson} (the document's numbered items): malformed
 * JSON, a field items do not have, too many or too long items and an oversize value are each
 * shown above the form under "các mục của văn bản" with what was typed kept, and nothing is
 * stored (no document, no item, no incoming number used).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RegistrationItemsPageTest {

  @Autowired WebApplicationContext context;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;
  MockMvc mvc;

  @BeforeEach
  void setUp() {
    mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
  }

  static String item(String label, String text) {
    return TestHttp.JSON.createObjectNode().put("label", label).put("text", text).toString();
  }

  /** Posts the registration form with the items as given; the page as answered. */
  MvcResult post(String number, String itemsJson) throws Exception {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("documentType", "Kế hoạch");
    fields.put("documentNumber", number);
    fields.put("issuedOn", "2026-11-02");
    fields.put("issuer", "Ủy ban nhân dân thành phố Cần Thơ");
    fields.put("summary", "Kế hoạch thực hiện Nghị quyết số 57-NQ/TW");
    fields.put("pageCount", "4");
    fields.put("urgency", "NORMAL");
    fields.put("classification", "NONE");
    fields.put("receivedOn", LocalDate.now(clock).toString());
    fields.put("itemsJson", itemsJson);
    MockMultipartHttpServletRequestBuilder request = multipart("/documents/new");
    fields.forEach(request::param);
    return mvc.perform(request.with(user("vanthu").authorities(() -> "van-thu")).with(csrf()))
        .andReturn();
  }

  long stored(String number) {
    return jdbc.queryForObject("select count(*) from incoming_document where document_number = ?",
        Long.class, number);
  }

  @Test
  void badItemsAreShownAboveTheFormAndNothingIsStored() throws Exception {
    List<String> many = new ArrayList<>();
    for (int i = 1; i <= DocumentItems.MAX_ITEMS + 1; i++) {
      many.add(item(String.valueOf(i), "Mục " + i));
    }
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("[{\"label\": \"1\", \"text\": ", "các mục không đúng dạng");
    cases.put("{\"label\": \"1\"}", "các mục không đúng dạng");
    cases.put("[{\"label\": \"1\", \"text\": \"Nội dung\", \"confidence\": 0.9}]",
        "các mục không đúng dạng");
    cases.put("[" + String.join(",", many) + "]", "nhiều quá " + DocumentItems.MAX_ITEMS + " mục");
    cases.put("[" + item("1", "x".repeat(DocumentItems.MAX_TEXT + 1)) + "]", "items[0].text");
    cases.put("[" + item("1", " ") + "]", "chưa nhập nội dung mục");
    cases.put("[" + "x".repeat(DocumentItems.MAX_ITEMS
        * (DocumentItems.MAX_TEXT + DocumentItems.MAX_BODIES * DocumentItems.MAX_BODY)) + "]",
        "các mục dài quá");
    long itemsBefore = jdbc.queryForObject("select count(*) from document_item", Long.class);
    for (Map.Entry<String, String> c : cases.entrySet()) {
      String number = UUID.randomUUID().toString().substring(0, 8) + "/KH-UBND";
      MvcResult answer = post(number, c.getKey());
      String page = answer.getResponse().getContentAsString();
      String shown = c.getKey().length() > 80 ? c.getKey().substring(0, 80) + "…" : c.getKey();
      assertThat(answer.getResponse().getStatus()).as(shown).isIn(200, 400);
      assertThat(page).as(shown).contains("các mục của văn bản (", c.getValue())
          .contains("value=\"" + number + "\"");
      assertThat(stored(number)).as("nothing registered after %s", shown).isZero();
    }
    assertThat(jdbc.queryForObject("select count(*) from document_item", Long.class))
        .as("no item stored").isEqualTo(itemsBefore);
  }
}
