package vn.khcn.workflow.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.HttpCookie;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.support.TestHttp;
import vn.khcn.workflow.support.TestHttp.Response;

/**
 * One Spring context (random port, test profile) for all security tests; requests are sent as
 * written through {@link TestHttp} (no Accept or Content-Type unless given, any password).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class SecurityTestSupport {

  static final String JSON = "application/json";

  @LocalServerPort
  int port;

  private TestHttp http;

  TestHttp http() {
    if (http == null) {
      http = new TestHttp("http://localhost:" + port);
    }
    return http;
  }

  /** method path as user with password (null user: anonymous), body of contentType as it is. */
  Response send(String method, String path, String user, String password,
      String contentType, String body) {
    return http().request(method, path).as(user, password).body(contentType, body).send();
  }

  Response get(String path, String user) {
    return send("GET", path, user, TestHttp.PASSWORD, null, null);
  }

  Response postJson(String path, String user, String body) {
    return send("POST", path, user, TestHttp.PASSWORD, JSON, body);
  }

  /** The body as JSON (what is not JSON as a text node). */
  JsonNode json(Response response) {
    return response.body();
  }

  /**
   * A browser session of the Camunda webapps: cookies kept, the CSRF token read from the
   * XSRF-TOKEN cookie each answer may renew and sent back as X-XSRF-TOKEN.
   */
  final class WebappSession {
    final TestHttp.Session session = http().session();

    String token = "";

    WebappSession open() {
      remember(session.get("/camunda/app/tasklist/default/"));
      return this;
    }

    String csrfToken() {
      return token;
    }

    /** The webapps' CSRF filter sends a new XSRF-TOKEN cookie with a new session (login). */
    private void remember(Response response) {
      for (String header : response.headers().allValues("Set-Cookie")) {
        for (HttpCookie cookie : HttpCookie.parse(header)) {
          if (cookie.getName().equals("XSRF-TOKEN")) {
            token = cookie.getValue();
          }
        }
      }
    }

    Response login(String app, String user, String password) {
      Response response = remember(session.request("POST",
          "/camunda/api/admin/auth/user/default/login/" + app).header("X-XSRF-TOKEN", token)
          .header("Accept", JSON).form("username", user, "password", password));
      // the login starts a new session; its CSRF token comes with the next page
      send("GET", "/camunda/app/" + app + "/default/", null, null);
      return response;
    }

    Response send(String method, String path, String contentType, String body) {
      return remember(session.request(method, path).header("X-XSRF-TOKEN", csrfToken())
          .header("Accept", JSON).body(contentType, body));
    }

    private Response remember(TestHttp.Request request) {
      Response response = request.send();
      remember(response);
      return response;
    }
  }
}
