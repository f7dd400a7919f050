package vn.khcn.workflow.integrity;

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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Real HTTP as the demo users (password "demo"): HTTP Basic on /engine-rest and /api, and a
 * browser-like Tasklist session (cookies, CSRF token) on the webapps' engine API.
 */
final class IntegrityClient {

  static final ObjectMapper JSON = new ObjectMapper();

  record Response(int status, JsonNode body) {
    String text() {
      return body == null ? "" : body.toString();
    }
  }

  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();

  IntegrityClient(int port) {
    this.port = port;
  }

  Response call(String user, String method, String path, Object body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
        .header("Accept", "application/json");
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    return send(http, request, method, body);
  }

  Response post(String user, String path, Object body) {
    return call(user, "POST", path, body);
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  static Response send(HttpClient client, HttpRequest.Builder request, String method, Object body) {
    try {
      if (body != null) {
        request.header("Content-Type", "application/json");
      }
      request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body),
              StandardCharsets.UTF_8));
      HttpResponse<String> response = client.send(request.build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(response.statusCode(), parse(response.body()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
    } catch (IOException e) {
      return JSON.getNodeFactory().textNode(body);
    }
  }

  /** A Camunda REST variable map: {"variables": {"name": {"value": …, "type": …}}}. */
  static Map<String, Object> variables(Object... nameTypeValue) {
    Map<String, Object> vars = new LinkedHashMap<>();
    for (int i = 0; i < nameTypeValue.length; i += 3) {
      Map<String, Object> variable = new LinkedHashMap<>();
      variable.put("type", nameTypeValue[i + 1]);
      variable.put("value", nameTypeValue[i + 2]);
      vars.put((String) nameTypeValue[i], variable);
    }
    return Map.of("variables", vars);
  }

  /** A Tasklist session: logged in through the webapp's own login, CSRF token kept. */
  Tasklist tasklist(String user) {
    return new Tasklist().login(user);
  }

  final class Tasklist {
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
    private String token = "";

    private Tasklist login(String user) {
      page();
      String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
          + "&password=demo";
      HttpRequest.Builder login = HttpRequest.newBuilder(
              URI.create(url("/camunda/api/admin/auth/user/default/login/tasklist")))
          .header("X-XSRF-TOKEN", token)
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form));
      try {
        HttpResponse<String> response = client.send(login.build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
          throw new IllegalStateException("Tasklist login of " + user + ": "
              + response.statusCode());
        }
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
      page(); // a new session comes with a new CSRF token
      return this;
    }

    private void page() {
      try {
        remember(client.send(HttpRequest.newBuilder(
            URI.create(url("/camunda/app/tasklist/default/"))).GET().build(),
            HttpResponse.BodyHandlers.discarding()));
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }

    private void remember(HttpResponse<?> response) {
      for (String header : response.headers().allValues("Set-Cookie")) {
        for (HttpCookie cookie : HttpCookie.parse(header)) {
          if (cookie.getName().equals("XSRF-TOKEN")) {
            token = cookie.getValue();
          }
        }
      }
    }

    /** A call to the webapps' engine API, /camunda/api/engine/engine/default + path. */
    Response post(String path, Object body) {
      HttpRequest.Builder request = HttpRequest.newBuilder(
              URI.create(url("/camunda/api/engine/engine/default" + path)))
          .header("X-XSRF-TOKEN", token)
          .header("Accept", "application/json");
      return send(client, request, "POST", body);
    }
  }
}
