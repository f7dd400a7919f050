package vn.khcn.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One login for our pages, /api and the Camunda webapps: either login serves the others with the
 * same session cookie, either logout ends both; /api takes the session with a CSRF token for
 * writes and HTTP Basic without one.
 */
class SharedSessionTest extends SecurityTestSupport {

  static final String TASK_COUNT = "/camunda/api/engine/engine/default/task/count";
  static final String WEBAPP_USER = "/camunda/api/admin/auth/user/default";
  static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  @Autowired LoginThrottle throttle;

  @AfterEach
  void releaseThisMachine() {
    throttle.release("127.0.0.1");
    throttle.release("0:0:0:0:0:0:0:1");
  }

  /** A browser on our pages: cookies kept, the CSRF token read from the last page's forms. */
  final class PageSession {
    final CookieManager cookies = new CookieManager();
    final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
    String csrf = "";

    HttpResponse<String> send(String method, String path, String contentType, String body,
        String... headers) throws IOException, InterruptedException {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      if (contentType != null) {
        request.header("Content-Type", contentType);
      }
      if (headers.length > 0) {
        request.headers(headers);
      }
      HttpResponse<String> response = client.send(request.build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      Matcher token = CSRF.matcher(response.body());
      if (token.find()) {
        csrf = token.group(1);
      }
      return response;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
      return send("GET", path, null, null);
    }

    HttpResponse<String> logIn(String user, String password)
        throws IOException, InterruptedException {
      get("/login");
      HttpResponse<String> response = send("POST", "/login", "application/x-www-form-urlencoded",
          "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
              + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf);
      get("/"); // the token is renewed with the login
      return response;
    }
  }

  @Test
  void ourLoginAlsoLogsIntoTasklistAsTheSamePerson() throws Exception {
    PageSession browser = new PageSession();
    assertThat(browser.get(TASK_COUNT).statusCode()).as("before any login").isEqualTo(401);
    HttpResponse<String> login = browser.logIn("cv.qlcn", "demo");
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/");

    HttpResponse<String> count = browser.get(TASK_COUNT);
    assertThat(count.statusCode()).as(count.body()).isEqualTo(200);
    assertThat(json(count).path("count").isNumber()).isTrue();
    HttpResponse<String> user = browser.get(WEBAPP_USER);
    assertThat(user.statusCode()).isEqualTo(200);
    assertThat(json(user).path("userId").asText()).isEqualTo("cv.qlcn");
    assertThat(json(user).path("authorizedApps").toString()).contains("tasklist");
    // no administrator rights come with it
    assertThat(json(user).path("authorizedApps").toString()).doesNotContain("admin\"");
  }

  @Test
  void theWebappsLoginOpensOurPagesAndApiForTheSamePerson() throws Exception {
    WebappSession director = new WebappSession().open();
    assertThat(director.login("tasklist", "giamdoc", "demo").statusCode()).isEqualTo(200);
    HttpResponse<String> inbox = director.send("GET", "/inbox", null, null);
    assertThat(inbox.statusCode()).isEqualTo(200);
    assertThat(inbox.body()).contains("Hộp việc lãnh đạo");
    HttpResponse<String> me = director.send("GET", "/api/test-probe/me", null, null);
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(json(me).path("userId").asText()).isEqualTo("giamdoc");
    assertThat(json(me).path("groups").toString()).contains("lanh-dao");

    // a unit member logged in the same way gets his groups, not a director's
    WebappSession unit = new WebappSession().open();
    assertThat(unit.login("tasklist", "cv.vp", "demo").statusCode()).isEqualTo(200);
    assertThat(unit.send("GET", "/inbox", null, null).statusCode()).isEqualTo(403);
    assertThat(unit.send("GET", "/admin/models", null, null).statusCode()).isEqualTo(403);
  }

  @Test
  void ourLogoutEndsTheWebappsSessionToo() throws Exception {
    PageSession browser = new PageSession();
    browser.logIn("giamdoc", "demo");
    assertThat(browser.get(TASK_COUNT).statusCode()).isEqualTo(200);
    HttpResponse<String> logout = browser.send("POST", "/logout",
        "application/x-www-form-urlencoded", "_csrf=" + browser.csrf);
    assertThat(logout.statusCode()).isEqualTo(302);
    assertThat(browser.get(TASK_COUNT).statusCode()).isEqualTo(401);
    assertThat(browser.get("/inbox").statusCode()).isEqualTo(302);
    assertThat(browser.get("/api/test-probe/me").statusCode()).isEqualTo(401);
  }

  @Test
  void theWebappsLogoutEndsOurSessionToo() throws Exception {
    WebappSession director = new WebappSession().open();
    assertThat(director.login("tasklist", "giamdoc", "demo").statusCode()).isEqualTo(200);
    assertThat(director.send("GET", "/inbox", null, null).statusCode()).isEqualTo(200);
    HttpResponse<String> logout = director.send("POST",
        "/camunda/api/admin/auth/user/default/logout", null, null);
    assertThat(logout.statusCode()).isEqualTo(200);
    HttpResponse<String> inbox = director.send("GET", "/inbox", null, null);
    assertThat(inbox.statusCode()).isEqualTo(302);
    assertThat(inbox.headers().firstValue("Location").orElse("")).endsWith("/login");
    assertThat(director.send("GET", "/api/test-probe/me", null, null).statusCode())
        .isEqualTo(401);

    // and the same when the session began with our login
    PageSession browser = new PageSession();
    browser.logIn("giamdoc", "demo");
    assertThat(browser.get("/inbox").statusCode()).isEqualTo(200);
    browser.get("/camunda/app/tasklist/default/"); // the webapps' CSRF cookie
    String xsrf = browser.cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN")).map(java.net.HttpCookie::getValue)
        .findFirst().orElseThrow();
    assertThat(browser.send("POST", "/camunda/api/admin/auth/user/default/logout", null, null,
        "X-XSRF-TOKEN", xsrf).statusCode()).isEqualTo(200);
    assertThat(browser.get("/inbox").statusCode()).isEqualTo(302);
    assertThat(browser.get(TASK_COUNT).statusCode()).isEqualTo(401);
  }

  @Test
  void theApiTakesTheSessionWithACsrfTokenForWrites() throws Exception {
    PageSession browser = new PageSession();
    browser.logIn("vanthu", "demo");
    HttpResponse<String> me = browser.get("/api/test-probe/me");
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(json(me).path("userId").asText()).isEqualTo("vanthu");
    assertThat(browser.get("/engine-rest/task/count").statusCode()).isEqualTo(200);

    String probe = "{\"name\":\"thử\"}";
    HttpResponse<String> withoutToken = browser.send("POST", "/api/test-probe/echo", JSON, probe);
    assertThat(withoutToken.statusCode()).isEqualTo(403);
    HttpResponse<String> wrongToken = browser.send("POST", "/api/test-probe/echo", JSON, probe,
        "X-CSRF-TOKEN", "khong-dung");
    assertThat(wrongToken.statusCode()).isEqualTo(403);
    assertThat(browser.send("POST", "/engine-rest/task/count", JSON, "{}").statusCode())
        .isEqualTo(403);
    HttpResponse<String> withToken = browser.send("POST", "/api/test-probe/echo", JSON, probe,
        "X-CSRF-TOKEN", browser.csrf);
    assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);
    assertThat(json(withToken).path("name").asText()).isEqualTo("thử");
    assertThat(browser.send("POST", "/engine-rest/task/count", JSON, "{}", "X-CSRF-TOKEN",
        browser.csrf).statusCode()).isEqualTo(200);
  }

  @Test
  void httpBasicStaysCsrfFreeAndSessionFree() throws Exception {
    HttpResponse<String> echo = postJson("/api/test-probe/echo", "vanthu", "{\"name\":\"a\"}");
    assertThat(echo.statusCode()).isEqualTo(200);
    assertThat(echo.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
    assertThat(postJson("/engine-rest/task/count", "vanthu", "{}").statusCode()).isEqualTo(200);
    assertThat(postJson("/api/test-probe/echo", "vanthu", "{").statusCode()).isEqualTo(400);
    // anonymous writes are refused as unauthenticated, not as a CSRF failure
    assertThat(send("POST", "/api/test-probe/echo", null, null, JSON, "{\"name\":\"a\"}")
        .statusCode()).isEqualTo(401);
  }

  @Test
  void basicCredentialsAreCheckedEvenWithALoggedInSessionCookie() throws Exception {
    PageSession browser = new PageSession();
    browser.logIn("vanthu", "demo");
    String wrong = java.util.Base64.getEncoder().encodeToString(
        "vanthu:sai".getBytes(StandardCharsets.UTF_8));
    // a Basic request never falls back to the session (and so skips CSRF only with valid Basic)
    HttpResponse<String> post = browser.send("POST", "/api/test-probe/echo", JSON,
        "{\"name\":\"a\"}", "Authorization", "Basic " + wrong);
    assertThat(post.statusCode()).isEqualTo(401);
  }
}
