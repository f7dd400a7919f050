package vn.khcn.workflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.support.TestHttp;

/** A director opens the handling dashboard from the home page and sees its three SVG charts. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReportsBrowserTest {

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;

  @BeforeAll
  static void browserInstalled() {
    Browser.assumeInstalled();
  }

  @Test
  void aDirectorSeesTheChartsOfTheDashboard() throws Exception {
    // a document received today: this week's bar of the weekly chart has a height
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("issuer", "Ủy ban nhân dân thành phố Cần Thơ");
    body.put("documentNumber", UUID.randomUUID().toString().substring(0, 6) + "/UBND-KT");
    body.put("issuedOn", "2026-11-02");
    body.put("documentType", "Công văn");
    body.put("summary", "Về việc báo cáo tình hình xử lý văn bản đến");
    body.put("urgency", "NORMAL");
    TestHttp.Response created = TestHttp.of(rest).post("vanthu", "/api/incoming-documents", body);
    assertThat(created.status()).as(created.text()).isEqualTo(201);

    try (Browser browser = new Browser("http://localhost:" + port, "reports", 1280, 1000)) {
      browser.recordingFailure(() -> {
        browser.open("/");
        browser.until(d -> Browser.path(d).equals("/login"));
        browser.driver.findElement(By.id("username")).sendKeys("giamdoc");
        browser.driver.findElement(By.id("password")).sendKeys("demo");
        browser.driver.findElement(By.xpath("//button[normalize-space(.)='Đăng nhập']")).click();
        browser.until(d -> Browser.path(d).equals("/"));
        browser.click(By.xpath("//section[@id='reports']//a[normalize-space(.)="
            + "'Báo cáo xử lý văn bản đến']"));

        browser.until(d -> Browser.path(d).equals("/reports/handling"));
        browser.visible(By.xpath("//h1[normalize-space(.)='Báo cáo xử lý văn bản đến']"));
        for (String chart : List.of("chart-weekly", "chart-on-time", "chart-overdue")) {
          WebElement svg = browser.visible(By.cssSelector("#" + chart + " svg"));
          assertThat(svg.getSize().getWidth()).as(chart + " is drawn").isGreaterThan(200);
          assertThat(svg.findElements(By.cssSelector("rect.bar"))).as(chart).isNotEmpty();
        }
        assertThat(browser.driver.findElements(By.cssSelector("#chart-on-time rect.bar")))
            .as("one bar per unit").hasSize(4);
        assertThat(browser.driver.findElements(By.cssSelector("#chart-weekly rect.bar")).stream()
            .mapToDouble(r -> Double.parseDouble(r.getAttribute("height"))).max().orElse(0))
            .as("this week's documents make a bar").isGreaterThan(0);
        assertThat(browser.text(By.id("units"))).contains("Phòng Quản lý công nghệ",
            "Tổng cộng");
        assertThat(browser.driver.findElement(By.id("export")).getAttribute("href"))
            .contains("/api/reports/handling.xlsx?from=");
        browser.screenshot("dashboard");
      });
    }
  }
}
