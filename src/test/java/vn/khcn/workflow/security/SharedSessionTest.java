package vn.khcn.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.khcn.workflow.support.TestHttp;
import vn.khcn.workflow.support.TestHttp.Response;

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
    final TestHttp.Session session = http().session();
    String csrf = "";

    Response send(String method, String path, String contentType, String body,
        String... headers) {
      TestHttp.Request request = session.request(method, path).body(contentType, body);
      for (int i = 0; i + 1 < headers.length; i += 2) {
        request.header(headers[i], headers[i + 1]);
      }
      Response response = request.send();
      Matcher token = CSRF.matcher(response.text() == null ? "" : response.text());
      if (token.find()) {
        csrf = token.group(1);
      }
      return response;
    }

    Response get(String path) {
      return send("GET", path, null, null);
    }

    Response logIn(String user, String password) {
      Response response = session.login(user, password);
      get("/"); // the token is renewed with the login
      return response;
    }
  }

  @Test
  void ourLoginAlsoLogsIntoTasklistAsTheSamePerson() throws Exception {
    PageSession browser = new PageSession();
    assertThat(browser.get(TASK_COUNT).status()).as("before any login").isEqualTo(401);
    Response login = browser.logIn("cv.qlcn", "demo");
    assertThat(login.status()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/");

    Response count = browser.get(TASK_COUNT);
    assertThat(count.status()).as(count.text()).isEqualTo(200);
    assertThat(json(count).path("count").isNumber()).isTrue();
    Response user = browser.get(WEBAPP_USER);
    assertThat(user.status()).isEqualTo(200);
    assertThat(json(user).path("userId").asText()).isEqualTo("cv.qlcn");
    assertThat(json(user).path("authorizedApps").toString()).contains("tasklist");
    // no administrator rights come with it
    assertThat(json(user).path("authorizedApps").toString()).doesNotContain("admin\"");
  }

  @Test
  void theWebappsLoginOpensOurPagesAndApiForTheSamePerson() throws Exception {
    WebappSession director = new WebappSession().open();
    assertThat(director.login("tasklist", "giamdoc", "demo").status()).isEqualTo(200);
    Response inbox = director.send("GET", "/inbox", null, null);
    assertThat(inbox.status()).isEqualTo(200);
    assertThat(inbox.text()).contains("Hộp việc lãnh đạo");
    Response me = director.send("GET", "/api/test-probe/me", null, null);
    assertThat(me.status()).isEqualTo(200);
    assertThat(json(me).path("userId").asText()).isEqualTo("giamdoc");
    assertThat(json(me).path("groups").toString()).contains("lanh-dao");

    // a unit member logged in the same way gets his groups, not a director's
    WebappSession unit = new WebappSession().open();
    assertThat(unit.login("tasklist", "cv.vp", "demo").status()).isEqualTo(200);
    assertThat(unit.send("GET", "/inbox", null, null).status()).isEqualTo(403);
    assertThat(unit.send("GET", "/admin/models", null, null).status()).isEqualTo(403);
  }

  @Test
  void ourLogoutEndsTheWebappsSessionToo() throws Exception {
    PageSession browser = new PageSession();
    browser.logIn("giamdoc", "demo");
    assertThat(browser.get(TASK_COUNT).status()).isEqualTo(200);
    Response logout = browser.send("POST", "/logout",
        "application/x-www-form-urlencoded", "_csrf=" + browser.csrf);
    assertThat(logout.status()).isEqualTo(302);
    assertThat(browser.get(TASK_COUNT).status()).isEqualTo(401);
    assertThat(browser.get("/inbox").status()).isEqualTo(302);
    assertThat(browser.get("/api/test-probe/me").status()).isEqualTo(401);
  }

  @Test
  void theWebappsLogoutEndsOurSessionToo() throws Exception {
    WebappSession director = new WebappSession().open();
    assertThat(director.login("tasklist", "giamdoc", "demo").status()).isEqualTo(200);
    assertThat(director.send("GET", "/inbox", null, null).status()).isEqualTo(200);
    Response logout = director.send("POST",
        "/camunda/api/admin/auth/user/default/logout", null, null);
    assertThat(logout.status()).isEqualTo(200);
    Response inbox = director.send("GET", "/inbox", null, null);
    assertThat(inbox.status()).isEqualTo(302);
    assertThat(inbox.headers().firstValue("Location").orElse("")).endsWith("/login");
    assertThat(director.send("GET", "/api/test-probe/me", null, null).status())
        .isEqualTo(401);

    // and the same when the session began with our login
    PageSession browser = new PageSession();
    browser.logIn("giamdoc", "demo");
    assertThat(browser.get("/inbox").status()).isEqualTo(200);
    // the webapps' CSRF cookie comes with their page
    String xsrf = browser.get("/camunda/app/tasklist/default/").headers().allValues("Set-Cookie")
        .stream().flatMap(header -> java.net.HttpCookie.parse(header).stream())
        .filter(c -> c.getName().equals("XSRF-TOKEN")).map(java.net.HttpCookie::getValue)
        .findFirst().orElseThrow();
    assertThat(browser.send("POST", "/camunda/api/admin/auth/user/default/logout", null, null,
        "X-XSRF-TOKEN", xsrf).status()).isEqualTo(200);
    assertThat(browser.get("/inbox").status()).isEqualTo(302);
    assertThat(browser.get(TASK_COUNT).status()).isEqualTo(401);
  }

  @Test
  void theApiTakesTheSessionWithACsrfTokenForWrites() throws Exception {
    PageSession browser = new PageSession();
    browser.logIn("vanthu", "demo");
    Response me = browser.get("/api/test-probe/me");
    assertThat(me.status()).isEqualTo(200);
    assertThat(json(me).path("userId").asText()).isEqualTo("vanthu");
    assertThat(browser.get("/engine-rest/task/count").status()).isEqualTo(200);

    String probe = "{\"name\":\"thử\"}";
    Response withoutToken = browser.send("POST", "/api/test-probe/echo", JSON, probe);
    assertThat(withoutToken.status()).isEqualTo(403);
    Response wrongToken = browser.send("POST", "/api/test-probe/echo", JSON, probe,
        "X-CSRF-TOKEN", "khong-dung");
    assertThat(wrongToken.status()).isEqualTo(403);
    assertThat(browser.send("POST", "/engine-rest/task/count", JSON, "{}").status())
        .isEqualTo(403);
    Response withToken = browser.send("POST", "/api/test-probe/echo", JSON, probe,
        "X-CSRF-TOKEN", browser.csrf);
    assertThat(withToken.status()).as(withToken.text()).isEqualTo(200);
    assertThat(json(withToken).path("name").asText()).isEqualTo("thử");
    assertThat(browser.send("POST", "/engine-rest/task/count", JSON, "{}", "X-CSRF-TOKEN",
        browser.csrf).status()).isEqualTo(200);
  }

  @Test
  void httpBasicStaysCsrfFreeAndSessionFree() throws Exception {
    Response echo = postJson("/api/test-probe/echo", "vanthu", "{\"name\":\"a\"}");
    assertThat(echo.status()).isEqualTo(200);
    assertThat(echo.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
    assertThat(postJson("/engine-rest/task/count", "vanthu", "{}").status()).isEqualTo(200);
    assertThat(postJson("/api/test-probe/echo", "vanthu", "{").status()).isEqualTo(400);
    // anonymous writes are refused as unauthenticated, not as a CSRF failure
    assertThat(send("POST", "/api/test-probe/echo", null, null, JSON, "{\"name\":\"a\"}")
        .status()).isEqualTo(401);
  }

  @Test
  void basicCredentialsAreCheckedEvenWithALoggedInSessionCookie() throws Exception {
    PageSession browser = new PageSession();
    browser.logIn("vanthu", "demo");
    String wrong = java.util.Base64.getEncoder().encodeToString(
        "vanthu:sai".getBytes(StandardCharsets.UTF_8));
    // a Basic request never falls back to the session (and so skips CSRF only with valid Basic)
    Response post = browser.send("POST", "/api/test-probe/echo", JSON,
        "{\"name\":\"a\"}", "Authorization", "Basic " + wrong);
    assertThat(post.status()).isEqualTo(401);
  }
}
