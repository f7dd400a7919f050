package vn.khcn.workflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.identity.TasklistFilters;

/** One login: a unit member logs in on our page and opens Tasklist from the home page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HomeBrowserTest {

  @LocalServerPort int port;

  @BeforeAll
  static void browserInstalled() {
    Browser.assumeInstalled();
  }

  @Test
  void aUnitMemberOpensTasklistFromTheHomePageWithoutASecondPassword() throws Exception {
    try (Browser browser = new Browser("http://localhost:" + port, "home", 1280, 900)) {
      browser.recordingFailure(() -> {
        browser.open("/");
        browser.until(d -> Browser.path(d).equals("/login"));
        browser.driver.findElement(By.id("username")).sendKeys("cv.qlcn");
        browser.driver.findElement(By.id("password")).sendKeys("demo");
        browser.driver.findElement(By.xpath("//button[normalize-space(.)='Đăng nhập']")).click();

        browser.until(d -> Browser.path(d).equals("/"));
        browser.visible(By.xpath("//h1[normalize-space(.)='Trang chủ']"));
        assertThat(browser.text(By.id("unit"))).contains("Việc của đơn vị",
            "Phòng Quản lý công nghệ");
        browser.screenshot("home");
        browser.click(By.xpath("//section[@id='tasklist']//a[normalize-space(.)='Mở Tasklist']"));

        browser.until(d -> Browser.path(d).startsWith("/camunda/app/tasklist/"));
        browser.visible(By.xpath("//*[contains(@class,'task-filters')]//*[normalize-space(text())='"
            + TasklistFilters.UNIT_TASKS + "']"));
        assertThat(browser.driver.findElements(By.cssSelector("input[ng-model='password']")))
            .as("no second login form").isEmpty();
        browser.screenshot("tasklist");
      });
    }
  }
}
