package vn.khcn.workflow.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import vn.khcn.workflow.shared.process.Variable;
import vn.khcn.workflow.support.TestHttp;
import vn.khcn.workflow.support.TestHttp.Part;
import vn.khcn.workflow.support.TestHttp.Response;

/**
 * Drives research tasks through the REST APIs as the demo users do (our API and engine REST), on
 * the tests' one HTTP client {@link TestHttp}; public for the integrity suite, which drives
 * research tasks to their councils the same way.
 */
public class ResearchApi {

  public static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n"
      .getBytes();

  private final TestHttp http;
  private final TaskService taskService;

  public ResearchApi(TestRestTemplate rest, TaskService taskService) {
    this(TestHttp.of(rest), taskService);
  }

  public ResearchApi(TestHttp http, TaskService taskService) {
    this.http = http;
    this.taskService = taskService;
  }

  /** The HTTP client this drives with. */
  public TestHttp http() {
    return http;
  }

  public Response get(String user, String path) {
    return http.get(user, path);
  }

  public Response post(String user, String path, Object body) {
    return http.post(user, path, body);
  }

  public static Map<String, Object> dossier(String title, String host, String investigator) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", title);
    body.put("field", "Khoa học xã hội và nhân văn");
    body.put("hostOrganisation", host);
    body.put("hostOrganisationCode", taxCode(host));
    body.put("investigator", investigator);
    body.put("durationMonths", 24);
    body.put("requestedBudget", 850_000_000L);
    return body;
  }

  /** A dossier naming the host organisation's tax code explicitly. */
  public static Map<String, Object> dossierWithCode(String title, String host, String taxCode,
      String investigator) {
    Map<String, Object> body = dossier(title, host, investigator);
    body.put("hostOrganisationCode", taxCode);
    return body;
  }

  /**
   * A test identity for a host organisation, the same for the same name (restrictions match on
   * it): ten digits, not a real tax code (leading zeros).
   */
  public static String taxCode(String host) {
    return String.format("00%08d", Math.floorMod(host.hashCode(), 100_000_000));
  }

  /** POST /api/research-tasks: the dossier (JSON part) and its outline (file part), each when given. */
  public Response submit(String user, Map<String, Object> dossier, String fileName,
      byte[] content) {
    List<Part> parts = new ArrayList<>();
    if (dossier != null) {
      parts.add(Part.json("dossier", dossier));
    }
    if (content != null) {
      parts.add(Part.file("outline", fileName, "application/octet-stream", content));
    }
    return http.multipart(user, "/api/research-tasks", parts.toArray(Part[]::new));
  }

  /** Submits a dossier as user and expects it registered; returns the research task's code. */
  public String submitted(String user, String title, String host, String investigator) {
    Response created = submit(user, dossier(title, host, investigator), "thuyet-minh.pdf", PDF);
    assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
    return created.body().get("code").asText();
  }

  public Response upload(String user, String code, String kind, String fileName,
      byte[] content) {
    return http.multipart(user, "/api/research-tasks/" + code + "/documents?kind=" + kind,
        Part.file("file", fileName, "application/octet-stream", content));
  }

  /** A council of seven or more: the roles of the demo council, then these members. */
  public static Map<String, Object> council(String... members) {
    Map<String, Object> v = vars(AssignmentCouncilProcess.Vars.CHAIR_FIELD, "hd.chutich",
        AssignmentCouncilProcess.Vars.VICE_CHAIR_FIELD, "hd.phochutich",
        AssignmentCouncilProcess.Vars.SECRETARY_FIELD, "hd.thuky",
        AssignmentCouncilProcess.Vars.REVIEWER_1, "hd.phanbien1",
        AssignmentCouncilProcess.Vars.REVIEWER_2, "hd.phanbien2");
    for (int i = 0; i < members.length; i++) {
      v.put(AssignmentCouncilProcess.Vars.MEMBER_FIELDS.get(i).name(), members[i]);
    }
    return v;
  }

  /** The one open task of the research task with this key (and assignee, when given). */
  public Task task(String code, String key, String assignee) {
    var query = taskService.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey(key);
    if (assignee != null) {
      query.taskAssignee(assignee);
    }
    List<Task> tasks = query.list();
    assertThat(tasks).as("open %s tasks of %s for %s", key, code, assignee).hasSize(1);
    return tasks.get(0);
  }

  /**
   * Completes a task as Tasklist does: claims it when unassigned, then POST .../complete with the
   * form's variables (Boolean, Integer, Long, String; lists as Json). Returns the HTTP response.
   */
  public Response complete(String user, Task task, Map<String, Object> values) {
    if (task.getAssignee() == null) {
      Response claim = post(user, "/engine-rest/task/" + task.getId() + "/claim",
          Map.of("userId", user));
      assertThat(claim.status()).as("claim %s by %s: %s", task.getTaskDefinitionKey(), user,
          claim.body()).isEqualTo(204);
    }
    Map<String, Object> vars = new LinkedHashMap<>();
    values.forEach((name, value) -> {
      Map<String, Object> variable = new LinkedHashMap<>();
      if (value instanceof List<?> list) {
        variable.put("type", "Json");
        try {
          variable.put("value", TestHttp.JSON.writeValueAsString(list));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      } else {
        variable.put("type", value == null ? "Null" : value.getClass().getSimpleName());
        variable.put("value", value);
      }
      vars.put(name, variable);
    });
    return post(user, "/engine-rest/task/" + task.getId() + "/complete", Map.of("variables", vars));
  }

  /** Completes and expects success. */
  public void work(String user, String code, String key, String assignee, Map<String, Object> values) {
    Task task = task(code, key, assignee);
    Response response = complete(user, task, values);
    assertThat(response.status()).as("complete %s by %s: %s", key, user, response.body())
        .isIn(200, 204);
  }

  /** The demo budget appraisal team of five, leader first (ADR 0030). */
  public static final List<String> APPRAISAL_TEAM = List.of("phogiamdoc", "tp.khtc",
      "hd.uyvien4", "hd.phochutich", "cv.khtc");

  /** The appointment form naming {@link #APPRAISAL_TEAM} by role. */
  public static Map<String, Object> appraisalTeam() {
    return vars(ResearchTaskProcess.Vars.APPRAISAL_LEADER_FIELD, APPRAISAL_TEAM.get(0),
        ResearchTaskProcess.Vars.APPRAISAL_DEPUTY_FIELD, APPRAISAL_TEAM.get(1),
        ResearchTaskProcess.Vars.APPRAISAL_FINANCE_FIELD, APPRAISAL_TEAM.get(2),
        ResearchTaskProcess.Vars.APPRAISAL_MEMBER_FIELD, APPRAISAL_TEAM.get(3),
        ResearchTaskProcess.Vars.APPRAISAL_SECRETARY_FIELD, APPRAISAL_TEAM.get(4));
  }

  /**
   * phong-khtc appoints the team and every member proposes {@code figure}; the leader's
   * conclusion (appraiseBudget, assigned to the leader) is left open.
   */
  public void appraisedByTeam(String code, long figure) {
    work("cv.khtc", code, ResearchTaskProcess.Tasks.APPOINT_APPRAISAL_TEAM, null, appraisalTeam());
    for (String member : APPRAISAL_TEAM) {
      work(member, code, ResearchTaskProcess.Tasks.GIVE_APPRAISAL_OPINION, member,
          vars(ResearchTaskProcess.Vars.PROPOSED_BUDGET, figure,
              ResearchTaskProcess.Vars.APPRAISAL_OPINION, "Theo định mức chi"));
    }
  }

  /** Variables by name: a descriptor's {@link Variable} or, for a field no form has, a text. */
  public static Map<String, Object> vars(Object... nameValue) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      Object name = nameValue[i];
      map.put(name instanceof Variable<?> variable ? variable.name() : (String) name,
          nameValue[i + 1]);
    }
    return map;
  }
}
