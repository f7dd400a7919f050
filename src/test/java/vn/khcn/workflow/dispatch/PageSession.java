package vn.khcn.workflow.dispatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.khcn.workflow.support.TestHttp;

/**
 * A person using our pages as a browser does: logged in through the /login form with a session
 * cookie, the form's CSRF token sent with every POST. Redirects are not followed, so tests see
 * them.
 */
final class PageSession {

  private static final Pattern CSRF =
      Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

  private final String baseUrl;
  private final HttpClient http;

  private PageSession(String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** A visitor who has not logged in. */
  static PageSession anonymous(String baseUrl) {
    return new PageSession(baseUrl);
  }

  /** A session of user (password "demo"), logged in through /login. */
  static PageSession login(String baseUrl, String user) {
    PageSession session = new PageSession(baseUrl);
    String token = csrf(session.get("/login").body());
    HttpResponse<String> login = session.post("/login",
        Map.of("username", user, "password", TestHttp.PASSWORD, "_csrf", token));
    String location = login.headers().firstValue("Location").orElse("");
    if (login.statusCode() != 302 || location.contains("error") || location.contains("throttled")) {
      throw new IllegalStateException("login of " + user + ": " + login.statusCode() + " "
          + location);
    }
    return session;
  }

  /** The CSRF token of the first form of this page. */
  static String csrf(String html) {
    Matcher m = CSRF.matcher(html);
    if (!m.find()) {
      throw new IllegalStateException("no CSRF token in the page");
    }
    return m.group(1) != null ? m.group(1) : m.group(2);
  }

  /** The session's current CSRF token, read from a form of /documents. */
  String csrfToken() {
    return csrf(get("/documents").body());
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/html")
        .GET(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<byte[]> download(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** A form POST (application/x-www-form-urlencoded), sent as it is: add "_csrf" yourself. */
  HttpResponse<String> post(String path, Map<String, String> form) {
    String body = form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
        .POST(HttpRequest.BodyPublishers.ofString(body)),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
    try {
      return http.send(request.timeout(TestHttp.DEFAULT_TIMEOUT).build(), body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
