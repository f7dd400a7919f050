package vn.khcn.workflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The one HTTP client of the tests: calls as the demo users make them (Basic authentication,
 * password "demo"; no user = anonymous) against our /api, Camunda's /engine-rest or any page, JSON
 * in and out. Never throws for an HTTP status; an unreachable server is an
 * {@link UncheckedIOException}. {@link #request} builds any other request (method, credentials,
 * headers, raw body) exactly as written, {@link #session()} a browser-like client that keeps its
 * cookies, {@link #webapp} a session of the Camunda webapps (their own login, cookies, CSRF
 * token). Redirects are never followed.
 */
public final class TestHttp {

  public static final ObjectMapper JSON = new ObjectMapper();
  public static final String PASSWORD = "demo";

  /** Generous: a loaded build machine answers slowly, and a slow answer is not a failure here. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  private final String baseUrl;
  private final Duration timeout;

  /** A client for the server at baseUrl (e.g. "http://localhost:8080"). */
  public TestHttp(String baseUrl) {
    this(baseUrl, DEFAULT_TIMEOUT);
  }

  /** A client whose requests give up after timeout. */
  public TestHttp(String baseUrl, Duration timeout) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.timeout = timeout;
  }

  /** A client for the server a Spring test started (RANDOM_PORT). */
  public static TestHttp of(TestRestTemplate rest) {
    return new TestHttp(rest.getRootUri());
  }

  /** An answer: status, body text and headers. */
  public record Response(int status, String text, HttpHeaders headers) {

    /** The body as JSON; a body that is not JSON as a JSON text node, an empty one as null. */
    public JsonNode body() {
      return parse(text);
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    public URI location() {
      String location = header("Location");
      return location == null ? null : URI.create(location);
    }
  }

  /** method path as user, body sent as JSON (a String as it is). */
  public Response call(String user, String method, String path, Object body) {
    return send(json(builder(user, path), method, body));
  }

  static HttpRequest.Builder json(HttpRequest.Builder request, String method,
      Object body) {
    request.header("Accept", "application/json").header("Content-Type", "application/json");
    return request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : json(body),
            StandardCharsets.UTF_8));
  }

  public Response get(String user, String path) {
    return call(user, "GET", path, null);
  }

  public Response post(String user, String path, Object body) {
    return call(user, "POST", path, body);
  }

  public Response put(String user, String path, Object body) {
    return call(user, "PUT", path, body);
  }

  public Response delete(String user, String path) {
    return call(user, "DELETE", path, null);
  }

  /**
   * A session of the Camunda webapp app ("tasklist", "cockpit", "admin") as user, logged in
   * through the webapp's own login as a browser does; its calls carry the session cookie and the
   * CSRF token.
   */
  public CamundaWebapp webapp(String user, String app) {
    return new CamundaWebapp(this, app).login(user);
  }

  /** GET of a page as a browser asks for it (Accept: text/html). */
  public Response page(String user, String path) {
    return send(builder(user, path).header("Accept", "text/html").GET());
  }

  /** GET of raw bytes (downloads, CSV). */
  public HttpResponse<byte[]> download(String user, String path) {
    try {
      return HTTP.send(builder(user, path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A multipart/form-data POST; each part is a {@link Part}. */
  public Response multipart(String user, String path, Part... parts) {
    String boundary = "khcn" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Part part : parts) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
          + part.name() + "\"" + (part.fileName() == null ? "" : "; filename=\""
          + part.fileName() + "\"") + "\r\nContent-Type: " + part.contentType() + "\r\n\r\n")
          .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(part.content());
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(builder(user, path).header("Accept", "application/json")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  /** One part of a multipart body; fileName null for a plain field. */
  public record Part(String name, String fileName, String contentType, byte[] content) {

    public static Part file(String name, String fileName, String contentType, byte[] content) {
      return new Part(name, fileName, contentType, content);
    }

    public static Part json(String name, Object value) {
      return new Part(name, null, "application/json",
          (value instanceof String text ? text : TestHttp.json(value))
              .getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * A request sent exactly as built: no Accept, Content-Type or credentials unless given, e.g.
   * {@code http.request("PUT", path).as("admin").body("application/json", raw).send()}.
   */
  public Request request(String method, String path) {
    return new Request(HTTP, method, path);
  }

  /** One request being built; {@link #send()} sends it. */
  public final class Request {
    private final HttpClient client;
    private final String method;
    private final HttpRequest.Builder builder;
    private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

    private Request(HttpClient client, String method, String path) {
      this.client = client;
      this.method = method;
      this.builder = HttpRequest.newBuilder(uri(baseUrl + path)).timeout(timeout);
    }

    /** Basic authentication as a demo user (password "demo"); null stays anonymous. */
    public Request as(String user) {
      return as(user, PASSWORD);
    }

    /** Basic authentication with any password (a wrong one too); a null user stays anonymous. */
    public Request as(String user, String password) {
      if (user != null) {
        builder.header("Authorization", basic(user, password));
      }
      return this;
    }

    public Request header(String name, String value) {
      builder.header(name, value);
      return this;
    }

    /** The body as given, with its Content-Type (null: none). */
    public Request body(String contentType, String text) {
      if (contentType != null) {
        builder.header("Content-Type", contentType);
      }
      body = text == null ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
      return this;
    }

    /** A JSON body (a String as it is). */
    public Request json(Object value) {
      return body("application/json", value instanceof String text ? text : TestHttp.json(value));
    }

    /** An application/x-www-form-urlencoded body from name, value pairs. */
    public Request form(String... nameValue) {
      StringBuilder form = new StringBuilder();
      for (int i = 0; i < nameValue.length; i += 2) {
        form.append(i == 0 ? "" : "&")
            .append(URLEncoder.encode(nameValue[i], StandardCharsets.UTF_8)).append('=')
            .append(URLEncoder.encode(nameValue[i + 1], StandardCharsets.UTF_8));
      }
      return body("application/x-www-form-urlencoded", form.toString());
    }

    public Response send() {
      return TestHttp.send(client, builder.method(method, body));
    }
  }

  /** A browser-like client of this server: keeps the cookies it is sent (session, CSRF). */
  public Session session() {
    return new Session();
  }

  /** A cookie-keeping client; requests are built with {@link #request} as on {@link TestHttp}. */
  public final class Session {
    private static final Pattern CSRF_FIELD =
        Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
        .cookieHandler(new CookieManager()).build();

    private Session() {
    }

    public Request request(String method, String path) {
      return new Request(client, method, path);
    }

    public Response get(String path) {
      return request("GET", path).send();
    }

    /**
     * Signs in through our /login form: reads the form's CSRF token, posts the credentials with
     * it and answers the form's response (a redirect: the start page, or /login?error or
     * /login?throttled).
     */
    public Response login(String user, String password) {
      Response page = get("/login");
      Matcher csrf = CSRF_FIELD.matcher(page.text() == null ? "" : page.text());
      if (!csrf.find()) {
        throw new IllegalStateException("no CSRF field on /login (" + page.status() + "): "
            + page.text());
      }
      return request("POST", "/login")
          .form("username", user, "password", password, "_csrf", csrf.group(1)).send();
    }
  }

  /** A Camunda REST variable: {"value": ..., "type": ...}. */
  public static Map<String, Object> variable(String type, Object value) {
    Map<String, Object> variable = new LinkedHashMap<>();
    variable.put("type", type);
    variable.put("value", value);
    return variable;
  }

  /** A Camunda REST body {"variables": {"name": {"value": ..., "type": ...}}} from name, type, value triples. */
  public static Map<String, Object> variables(Object... nameTypeValue) {
    Map<String, Object> vars = new LinkedHashMap<>();
    for (int i = 0; i < nameTypeValue.length; i += 3) {
      vars.put((String) nameTypeValue[i], variable((String) nameTypeValue[i + 1],
          nameTypeValue[i + 2]));
    }
    return Map.of("variables", vars);
  }

  public static JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
    } catch (Exception e) {
      return JSON.getNodeFactory().textNode(body);
    }
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  HttpRequest.Builder builder(String user, String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(baseUrl + path))
        .timeout(timeout);
    if (user != null && !user.isEmpty()) {
      request.header("Authorization", basic(user, PASSWORD));
    }
    return request;
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** The URL as it is when it is valid, otherwise with its illegal characters encoded. */
  private static URI uri(String url) {
    try {
      return URI.create(url);
    } catch (IllegalArgumentException notEncoded) {
      return UriComponentsBuilder.fromUriString(url).build().encode().toUri();
    }
  }

  private static Response send(HttpRequest.Builder request) {
    return send(HTTP, request);
  }

  static Response send(HttpClient client, HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = client.send(request.build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
