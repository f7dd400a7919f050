package vn.khcn.workflow.support;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import vn.khcn.workflow.support.TestHttp.Response;

/**
 * A logged-in session of a Camunda webapp ("tasklist", "cockpit", "admin"), from
 * {@link TestHttp#webapp}: its calls carry the session cookie and the CSRF token.
 */
public final class CamundaWebapp {

  private final TestHttp http;
  private final String app;
  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
      .cookieHandler(new CookieManager()).build();
  private String token = "";

  CamundaWebapp(TestHttp http, String app) {
    this.http = http;
    this.app = app;
  }

  CamundaWebapp login(String user) {
    page();
    Response login = TestHttp.send(client, http.builder(null,
        "/camunda/api/admin/auth/user/default/login/" + app).header("X-XSRF-TOKEN", token)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
            + URLEncoder.encode(TestHttp.PASSWORD, StandardCharsets.UTF_8))));
    if (login.status() != 200) {
      throw new IllegalStateException("login of " + user + " to " + app + ": "
          + login.status() + " " + login.text());
    }
    page(); // a new session comes with a new CSRF token
    return this;
  }

  private void page() {
    Response page = TestHttp.send(client, http.builder(null, "/camunda/app/" + app + "/default/")
        .header("Accept", "text/html").GET());
    for (String header : page.headers().allValues("Set-Cookie")) {
      for (HttpCookie cookie : HttpCookie.parse(header)) {
        if (cookie.getName().equals("XSRF-TOKEN")) {
          token = cookie.getValue();
        }
      }
    }
  }

  /** method on the webapps' engine API, /camunda/api/engine/engine/default + path. */
  public Response call(String method, String path, Object body) {
    return TestHttp.send(client, engine(method, path, body));
  }

  /**
   * POST as Tasklist's own client sends it: HAL preferred ({@code application/hal+json,
   * application/json; q=0.5}), so the engine embeds assignees, candidate groups, process
   * definitions and the filter's variables.
   */
  public Response postAsTasklist(String path, Object body) {
    return TestHttp.send(client, engine("POST", path, body)
        .setHeader("Accept", "application/hal+json, application/json; q=0.5"));
  }

  private HttpRequest.Builder engine(String method, String path, Object body) {
    return TestHttp.json(http.builder(null, "/camunda/api/engine/engine/default" + path)
        .header("X-XSRF-TOKEN", token), method, body);
  }

  public Response get(String path) {
    return call("GET", path, null);
  }

  public Response post(String path, Object body) {
    return call("POST", path, body);
  }
}
