package vn.khcn.workflow.research;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.khcn.workflow.shared.process.Variable;

/** Drives research tasks through the REST APIs as the demo users do (our API and engine REST). */
class ResearchApi {

  static final ObjectMapper JSON = new ObjectMapper();
  static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n".getBytes();

  record Response(int status, JsonNode body) {}

  private final TestRestTemplate rest;
  private final TaskService taskService;

  ResearchApi(TestRestTemplate rest, TaskService taskService) {
    this.rest = rest;
    this.taskService = taskService;
  }

  Response call(String user, HttpMethod method, String path, Object body, MediaType type) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(type);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    ResponseEntity<String> response = rest.withBasicAuth(user, "demo").exchange(path, method,
        new HttpEntity<>(body, headers), String.class);
    return new Response(response.getStatusCode().value(), parse(response.getBody()));
  }

  Response get(String user, String path) {
    return call(user, HttpMethod.GET, path, null, MediaType.APPLICATION_JSON);
  }

  Response post(String user, String path, Object body) {
    return call(user, HttpMethod.POST, path, body, MediaType.APPLICATION_JSON);
  }

  static JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
    } catch (Exception e) {
      return JSON.getNodeFactory().textNode(body);
    }
  }

  static Map<String, Object> dossier(String title, String host, String investigator) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", title);
    body.put("field", "Khoa học xã hội và nhân văn");
    body.put("hostOrganisation", host);
    body.put("investigator", investigator);
    body.put("durationMonths", 24);
    body.put("requestedBudget", 850_000_000L);
    return body;
  }

  Response submit(String user, Map<String, Object> dossier, String fileName, byte[] content) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    if (dossier != null) {
      HttpHeaders json = new HttpHeaders();
      json.setContentType(MediaType.APPLICATION_JSON);
      parts.add("dossier", new HttpEntity<>(dossier, json));
    }
    if (content != null) {
      parts.add("outline", file(fileName, content));
    }
    return call(user, HttpMethod.POST, "/api/research-tasks", parts, MediaType.MULTIPART_FORM_DATA);
  }

  Response upload(String user, String code, String kind, String fileName, byte[] content) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("file", file(fileName, content));
    return call(user, HttpMethod.POST, "/api/research-tasks/" + code + "/documents?kind=" + kind,
        parts, MediaType.MULTIPART_FORM_DATA);
  }

  private static HttpEntity<ByteArrayResource> file(String name, byte[] content) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
    return new HttpEntity<>(new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return name;
      }
    }, headers);
  }

  /** The one open task of the research task with this key (and assignee, when given). */
  Task task(String code, String key, String assignee) {
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
  Response complete(String user, Task task, Map<String, Object> values) {
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
          variable.put("value", JSON.writeValueAsString(list));
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
  void work(String user, String code, String key, String assignee, Map<String, Object> values) {
    Task task = task(code, key, assignee);
    Response response = complete(user, task, values);
    assertThat(response.status()).as("complete %s by %s: %s", key, user, response.body())
        .isIn(200, 204);
  }

  /** Variables by name: a descriptor's {@link Variable} or, for a field no form has, a text. */
  static Map<String, Object> vars(Object... nameValue) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      Object name = nameValue[i];
      map.put(name instanceof Variable<?> variable ? variable.name() : (String) name,
          nameValue[i + 1]);
    }
    return map;
  }
}
