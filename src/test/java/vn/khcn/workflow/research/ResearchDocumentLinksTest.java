package vn.khcn.workflow.research;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khcn.workflow.research.ResearchApi.vars;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.support.TestHttp;

/**
 * The dossier's files in a research task's form are links (a Markdown text over the task-local
 * researchDocuments) that a council member opens with the session of the one login.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ResearchDocumentLinksTest {

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;

  @Test
  void aCouncilMemberOpensTheDossierFromTheFormsLinkWithHisSession() throws Exception {
    ResearchApi api = new ResearchApi(rest, taskService);
    String code = api.submitted("chunhiem", "Ứng dụng viễn thám giám sát sạt lở bờ sông "
        + UUID.randomUUID(), "Ban Tuyên giáo Thành ủy Cần Thơ", "chunhiem");
    api.work("cv.qlkh", code, ResearchTaskProcess.Tasks.CHECK_DOSSIER, null, vars("valid", true));
    Task appoint = api.task(code, AssignmentCouncilProcess.Tasks.APPOINT_COUNCIL, null);
    TestHttp.Response appointed = api.post("giamdoc", "/api/inbox/" + appoint.getId() + "/council",
        Map.of("chair", "hd.chutich", "viceChair", "hd.phochutich", "secretary", "hd.thuky",
            "reviewer1", "hd.phanbien1", "reviewer2", "hd.phanbien2",
            "members", List.of("hd.uyvien1", "hd.uyvien2")));
    assertThat(appointed.status()).as("%s", appointed.text()).isEqualTo(204);

    Task declare = api.task(code, AssignmentCouncilProcess.Tasks.DECLARE_CONFLICT, "hd.uyvien1");
    SpinJsonNode links = (SpinJsonNode) taskService.getVariableLocal(declare.getId(),
        ResearchTaskProcess.Vars.DOCUMENT_LINKS);
    assertThat(links.elements()).hasSize(1);
    String url = links.elements().get(0).prop("url").stringValue();
    assertThat(url).matches("/api/research-tasks/" + code + "/documents/\\d+");
    assertThat(links.elements().get(0).prop("label").stringValue())
        .as("Markdown signs of the file name escaped").endsWith("thuyet\\-minh\\.pdf");
    assertThat((String) taskService.getVariableLocal(declare.getId(),
        ResearchTaskProcess.Vars.RESEARCH_VIEW.name()))
        .as("no address to type by hand in the text").doesNotContain("/api/research-tasks");

    TestHttp http = api.http();
    TestHttp.Session member = http.session();
    assertThat(member.login("hd.uyvien1", TestHttp.PASSWORD).status()).isEqualTo(302);
    TestHttp.Response file = member.get(url);
    assertThat(file.status()).as("the member's session opens the link").isEqualTo(200);
    assertThat(file.text()).startsWith("%PDF-1.4");
    assertThat(file.header("Content-Disposition")).contains("attachment");

    TestHttp.Session outsider = http.session();
    outsider.login("hd.uyvien4", TestHttp.PASSWORD);
    assertThat(outsider.get(url).status()).as("not on this council").isEqualTo(403);
    assertThat(http.session().get(url).status()).as("no session").isEqualTo(401);
  }

  @Test
  void everyResearchFormShowsTheLinksUnderTheDossier() throws Exception {
    ObjectMapper json = new ObjectMapper();
    int forms = 0;
    try (var files = Files.list(Path.of("processes", "forms"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        JsonNode components = json.readTree(file.toFile()).path("components");
        boolean dossier = false;
        for (int i = 0; i < components.size(); i++) {
          if ("researchView".equals(components.get(i).path("key").asText())) {
            dossier = true;
            JsonNode next = components.get(i + 1);
            assertThat(next.path("type").asText()).as(file + ": text after the dossier")
                .isEqualTo("text");
            assertThat(next.path("text").asText()).as(file.toString())
                .contains("{{#loop " + ResearchTaskProcess.Vars.DOCUMENT_LINKS + "}}")
                .contains("[{{label}}]({{url}})");
          }
        }
        forms += dossier ? 1 : 0;
      }
    }
    assertThat(forms).as("research forms").isGreaterThan(20);
  }

  @Test
  void markdownSignsInFileNamesAreEscaped() {
    assertThat(ResearchQueries.markdownText("Thuyết minh: a](javascript:x)<b>.pdf"))
        .isEqualTo("Thuyết minh: a\\]\\(javascript:x\\)\\<b\\>\\.pdf");
    assertThat(ResearchQueries.documentUrl("DT-2026-01", 7))
        .isEqualTo("/api/research-tasks/DT-2026-01/documents/7");
  }
}
