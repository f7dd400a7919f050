package vn.khcn.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.khcn.workflow.support.TestHttp.Response;

/** Our pages send a strict CSP and privacy headers; the session cookie is SameSite and HttpOnly. */
class PageHeadersTest extends SecurityTestSupport {

  Response page(String path) {
    return http().request("GET", path).send();
  }

  @Test
  void loginPageSendsAStrictContentSecurityPolicyAndPrivacyHeaders() throws Exception {
    for (String path : List.of("/login", "/inbox", "/admin/models")) {
      Response response = page(path);
      String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
      assertThat(csp).as(path).contains("default-src 'none'").contains("style-src 'self'")
          .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline")
          .doesNotContain("unsafe-eval")
          // scripts only as the application's own static files, never inline
          .contains("script-src 'self';");
      assertThat(response.headers().firstValue("Referrer-Policy")).as(path)
          .hasValue("same-origin");
      assertThat(response.headers().firstValue("Permissions-Policy").orElse("")).as(path)
          .contains("camera=()").contains("geolocation=()");
    }
  }

  @Test
  void theSessionCookieIsSameSiteLaxAndHttpOnly() throws Exception {
    Response response = page("/login");
    String cookie = response.headers().allValues("Set-Cookie").stream()
        .filter(value -> value.startsWith("JSESSIONID=")).findFirst().orElse("");
    assertThat(cookie).contains("SameSite=Lax").contains("HttpOnly");
  }

  @Test
  void theCamundaWebappsKeepTheirOwnPolicy() throws Exception {
    Response response = page("/camunda/app/tasklist/default/");
    assertThat(response.headers().firstValue("Content-Security-Policy").orElse(""))
        .doesNotContain(SecurityConfig.PAGE_CSP);
  }

  /** The CSP forbids inline script and style; the templates must not need them. */
  @Test
  void templatesHaveNoInlineScriptStyleOrEventHandlers() throws IOException {
    // a script element only as an empty reference to a static file (th:src), never with code
    Pattern inline = Pattern.compile("<script(?![^>]*\\bsrc\\s*=)|<script[^>]*>\\s*[^<\\s]"
        + "|<style|\\sstyle\\s*=|\\son[a-z]+\\s*=|javascript:", Pattern.CASE_INSENSITIVE);
    try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
      // templates/pdf are laid out into PDF files on the server (papers), never served as pages
      Path papers = Path.of("src/main/resources/templates/pdf");
      List<Path> html = templates.filter(p -> p.toString().endsWith(".html"))
          .filter(p -> !p.startsWith(papers)).toList();
      assertThat(html).isNotEmpty();
      for (Path template : html) {
        assertThat(inline.matcher(Files.readString(template)).find()).as(template.toString())
            .isFalse();
      }
    }
  }
}
