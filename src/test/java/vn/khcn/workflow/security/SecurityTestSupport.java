package vn.khcn.workflow.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** One Spring context (random port, test profile) for all security tests; a plain HTTP client. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class SecurityTestSupport {

  static final String JSON = "application/json";

  @LocalServerPort
  int port;

  @Autowired
  ObjectMapper objectMapper;

  final HttpClient http = HttpClient.newHttpClient();

  HttpResponse<String> send(String method, String path, String user, String password,
      String contentType, String body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
    if (user != null) {
      String token = Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      request.header("Authorization", "Basic " + token);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.method(method, body == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
    return send("GET", path, user, "demo", null, null);
  }

  HttpResponse<String> postJson(String path, String user, String body)
      throws IOException, InterruptedException {
    return send("POST", path, user, "demo", JSON, body);
  }

  JsonNode json(HttpResponse<String> response) throws IOException {
    return objectMapper.readTree(response.body());
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** A browser-like webapp session: cookies kept, CSRF token read from the XSRF-TOKEN cookie. */
  final class WebappSession {
    final CookieManager cookies = new CookieManager();
    final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

    String token = "";

    WebappSession open() throws IOException, InterruptedException {
      remember(client.send(HttpRequest.newBuilder(URI.create(url("/camunda/app/tasklist/default/")))
          .GET().build(), HttpResponse.BodyHandlers.discarding()));
      return this;
    }

    String csrfToken() {
      return token;
    }

    /** The webapps' CSRF filter sends a new XSRF-TOKEN cookie with a new session (login). */
    private void remember(HttpResponse<?> response) {
      for (String header : response.headers().allValues("Set-Cookie")) {
        for (HttpCookie cookie : HttpCookie.parse(header)) {
          if (cookie.getName().equals("XSRF-TOKEN")) {
            token = cookie.getValue();
          }
        }
      }
    }

    HttpResponse<String> login(String app, String user, String password)
        throws IOException, InterruptedException {
      String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
          + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
      HttpResponse<String> response = send("POST",
          "/camunda/api/admin/auth/user/default/login/" + app,
          "application/x-www-form-urlencoded", form);
      // the login starts a new session; its CSRF token comes with the next page
      send("GET", "/camunda/app/" + app + "/default/", null, null);
      return response;
    }

    HttpResponse<String> send(String method, String path, String contentType, String body)
        throws IOException, InterruptedException {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
          .header("X-XSRF-TOKEN", csrfToken())
          .header("Accept", "application/json");
      if (contentType != null) {
        request.header("Content-Type", contentType);
      }
      request.method(method, body == null
          ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      HttpResponse<String> response = client.send(request.build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      remember(response);
      return response;
    }
  }
}
