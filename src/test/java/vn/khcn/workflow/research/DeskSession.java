package vn.khcn.workflow.research;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.khcn.workflow.support.TestHttp;

/**
 * A person at the portal or the council desk as a browser is: logged in through /login, the
 * forms' CSRF token sent with every POST (form or multipart). Redirects are not followed.
 */
final class DeskSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  private final TestHttp.Session session;
  private String token;

  private DeskSession(TestHttp.Session session) {
    this.session = session;
  }

  static DeskSession login(TestHttp http, String user) {
    return login(http, user, TestHttp.PASSWORD);
  }

  static DeskSession login(TestHttp http, String user, String password) {
    DeskSession desk = new DeskSession(http.session());
    TestHttp.Response login = desk.session.login(user, password);
    if (login.status() != 302 || String.valueOf(login.header("Location")).contains("error")) {
      throw new IllegalStateException("login of " + user + ": " + login.status());
    }
    return desk;
  }

  /** GET of a page (Accept: text/html); keeps the page's CSRF token. */
  TestHttp.Response get(String path) {
    TestHttp.Response page = session.request("GET", path).header("Accept", "text/html").send();
    Matcher m = CSRF.matcher(page.text() == null ? "" : page.text());
    if (m.find()) {
      token = m.group(1);
    }
    return page;
  }

  TestHttp.Response raw(String path) {
    return session.get(path);
  }

  private String token() {
    if (token == null) {
      get("/login");
    }
    return token;
  }

  /** A form POST with the CSRF token; nameValue pairs, a name may repeat. */
  TestHttp.Response post(String path, String... nameValue) {
    String[] withToken = new String[nameValue.length + 2];
    System.arraycopy(nameValue, 0, withToken, 0, nameValue.length);
    withToken[nameValue.length] = "_csrf";
    withToken[nameValue.length + 1] = token();
    return session.request("POST", path).header("Accept", "text/html").form(withToken).send();
  }

  /** A multipart POST with the CSRF token, the fields and one file (none when content is null). */
  TestHttp.Response multipart(String path, Map<String, String> fields, String fileField,
      String fileName, byte[] content) {
    String boundary = "desk" + System.nanoTime();
    StringBuilder body = new StringBuilder();
    Map<String, String> all = new java.util.LinkedHashMap<>(fields);
    all.put("_csrf", token());
    all.forEach((name, value) -> body.append("--").append(boundary)
        .append("\r\nContent-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
        .append(value).append("\r\n"));
    if (content != null) {
      body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
          .append(fileField).append("\"; filename=\"").append(fileName)
          .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
          .append(new String(content, StandardCharsets.ISO_8859_1)).append("\r\n");
    }
    body.append("--").append(boundary).append("--\r\n");
    return session.request("POST", path).header("Accept", "text/html")
        .body("multipart/form-data; boundary=" + boundary, body.toString()).send();
  }
}
